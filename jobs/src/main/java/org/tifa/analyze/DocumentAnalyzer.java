package org.tifa.analyze;

import java.io.Serializable;
import org.tifa.extract.SloganCandidate;
import org.tifa.extract.SloganExtractor;
import org.tifa.normalize.NearDuplicateSigner;
import org.tifa.normalize.NormalizedDoc;
import org.tifa.normalize.TextNormalizer;
import org.tifa.resolve.RegionResolution;
import org.tifa.resolve.RegionResolver;

/**
 * All the work of {@code tifa run} on one record by itself, in plain Java: normalize its texts and
 * given region fields, resolve its region, find its quoted slogan candidates, sign it for
 * near-duplicate detection. Each step reads the normalized text of the first. Built on the driver
 * and broadcast once; {@link AnalyzeDocuments} applies it to every record.
 */
public final class DocumentAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TextNormalizer normalizer;
  private final RegionResolver resolver;
  private final SloganExtractor extractor;
  private final NearDuplicateSigner signer;

  public DocumentAnalyzer(
      TextNormalizer normalizer,
      RegionResolver resolver,
      SloganExtractor extractor,
      NearDuplicateSigner signer) {
    this.normalizer = normalizer;
    this.resolver = resolver;
    this.extractor = extractor;
    this.signer = signer;
  }

  /** A record's fields as given: its texts and its region fields, any of them null. */
  public record Given(
      String title,
      String body,
      String source,
      String regionCode,
      String province,
      String city,
      String county) {}

  /**
   * What the analyzer makes of one record.
   *
   * @param text the normalized title, body and source, and what normalization removed
   * @param province the given province, normalized (so are city and county)
   * @param bodyChars the normalized body's length in code points, null without a body
   * @param region the resolved region, from the given fields or the text
   * @param candidates the quoted spans that read like slogans
   * @param signed the near-duplicate signature and band keys
   */
  public record Analysis(
      NormalizedDoc text,
      String province,
      String city,
      String county,
      Integer bodyChars,
      RegionResolution region,
      SloganCandidate[] candidates,
      NearDuplicateSigner.Signed signed) {}

  public Analysis analyze(Given given) {
    NormalizedDoc text = normalizer.normalizeDocument(given.title(), given.body(), given.source());
    String province = normalizer.normalizeField(given.province());
    String city = normalizer.normalizeField(given.city());
    String county = normalizer.normalizeField(given.county());
    String title = text.title();
    String body = text.body();
    return new Analysis(
        text,
        province,
        city,
        county,
        body == null ? null : body.codePointCount(0, body.length()),
        resolver.resolve(given.regionCode(), province, city, county, title, body),
        extractor.extract(title, body),
        signer.sign(title, body));
  }
}

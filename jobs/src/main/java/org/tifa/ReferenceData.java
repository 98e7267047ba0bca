package org.tifa;

import org.tifa.analyze.DocumentAnalyzer;
import org.tifa.extract.NameScreen;
import org.tifa.extract.PhraseMiner;
import org.tifa.extract.SloganExtractor;
import org.tifa.extract.SloganRules;
import org.tifa.normalize.NearDuplicateSigner;
import org.tifa.normalize.NearDuplicates;
import org.tifa.normalize.TextNormalizer;
import org.tifa.reference.Gazetteer;
import org.tifa.reference.SloganLexicon;
import org.tifa.reference.Taxonomy;
import org.tifa.resolve.RegionResolver;

/**
 * The reference data of a run, loaded once on the driver before Spark starts and then broadcast:
 * gazetteer, boilerplate patterns, slogan rules and lexicon, topic taxonomy (all from the bundled
 * conf/), and what is built from them.
 */
public final class ReferenceData {
  private final Gazetteer gazetteer;
  private final RegionResolver regionResolver;
  private final TextNormalizer normalizer;
  private final SloganExtractor sloganExtractor;
  private final SloganLexicon lexicon;
  private final Taxonomy taxonomy;
  private final NameScreen nameScreen;
  private final PhraseMiner phraseMiner;

  private ReferenceData() {
    this.gazetteer = Gazetteer.loadDefault();
    this.regionResolver = new RegionResolver(gazetteer);
    this.normalizer = TextNormalizer.defaults();
    this.lexicon = SloganLexicon.loadDefault();
    this.sloganExtractor = new SloganExtractor(SloganRules.loadDefault(), lexicon.matcher());
    this.taxonomy = Taxonomy.loadDefault();
    SloganRules rules = sloganExtractor.rules();
    this.nameScreen =
        new NameScreen(
            rules.names(), gazetteer.names().stream().map(Gazetteer.Name::text).toList());
    this.phraseMiner = new PhraseMiner(rules.mining());
  }

  /** The bundled reference data (conf/ packaged in the jar). */
  public static ReferenceData bundled() {
    return new ReferenceData();
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  public RegionResolver regionResolver() {
    return regionResolver;
  }

  public TextNormalizer normalizer() {
    return normalizer;
  }

  public SloganExtractor sloganExtractor() {
    return sloganExtractor;
  }

  /** The run's per-document work with this reference data and the given duplicate settings. */
  public DocumentAnalyzer documentAnalyzer(NearDuplicates.Settings duplicates) {
    return new DocumentAnalyzer(
        normalizer, regionResolver, sloganExtractor, new NearDuplicateSigner(duplicates));
  }

  public SloganLexicon lexicon() {
    return lexicon;
  }

  public SloganRules sloganRules() {
    return sloganExtractor.rules();
  }

  /** Which slogan candidates are names: the rules' lists and every name of the gazetteer. */
  public NameScreen nameScreen() {
    return nameScreen;
  }

  public PhraseMiner phraseMiner() {
    return phraseMiner;
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }
}

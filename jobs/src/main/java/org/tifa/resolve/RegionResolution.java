package org.tifa.resolve;

import java.io.Serializable;
import org.tifa.reference.Region;

/**
 * Where a record is about. {@code method} is "given" (from the record's own region fields), "text"
 * (from its title and body) or "none"; the region fields are null for "none". {@code evidence}
 * lists the names that supported the choice, {@code givenUnmatched} the given values that named no
 * known division ({@code field=value}, joined by "; "), or null. {@code textRegionCode} is the
 * reading of the title and body alone (null when the text names no region), kept beside the chosen
 * code so that a disagreement with the given fields stays visible; {@code basis} says which reading
 * was chosen and why: {@link #GIVEN}, {@link #TEXT}, {@link #NONE}, {@code text_within_given:…}
 * (the text narrows the given region: part of the given fields named nothing, or the title names
 * the narrower division), or, when given fields and text name regions neither of which contains the
 * other, {@code given_over_text:…} or {@code text_over_given:…} with the reason.
 */
public record RegionResolution(
    String code,
    String level,
    String name,
    String provinceCode,
    String provinceName,
    String prefectureCode,
    String prefectureName,
    String countyCode,
    String countyName,
    String method,
    double confidence,
    String[] evidence,
    String givenUnmatched,
    String textRegionCode,
    String basis)
    implements Serializable {

  public static final String GIVEN = "given";
  public static final String TEXT = "text";
  public static final String NONE = "none";

  /**
   * The given fields won over a text naming another region: the text has it only outside the title.
   */
  public static final String GIVEN_OVER_TEXT_UNTITLED = "given_over_text:text_not_in_title";

  /** The given fields won over a text naming a region in another province. */
  public static final String GIVEN_OVER_TEXT_OTHER_PROVINCE =
      "given_over_text:text_in_another_province";

  /**
   * The text won over the given fields: its title names a region inside the given province but
   * outside the given region.
   */
  public static final String TEXT_OVER_GIVEN_TITLED =
      "text_over_given:title_names_another_in_province";

  /** Part of the given fields named nothing; the text narrows what was matched. */
  public static final String TEXT_WITHIN_GIVEN = "text_within_given:given_partly_unmatched";

  /** The text narrows the given region: its title names a division inside it (包头市石拐区 under 内蒙古). */
  public static final String TEXT_WITHIN_GIVEN_TITLED = "text_within_given:title_names_it";

  static RegionResolution of(
      Region r, String method, double confidence, String[] evidence, String givenUnmatched) {
    boolean county = r.level() == org.tifa.reference.RegionLevel.COUNTY;
    return new RegionResolution(
        r.code(),
        r.level().id(),
        r.name(),
        r.provinceCode(),
        r.provinceName(),
        r.prefectureCode(),
        r.prefectureName(),
        county ? r.code() : null,
        county ? r.name() : null,
        method,
        confidence,
        evidence,
        givenUnmatched,
        method.equals(TEXT) ? r.code() : null,
        method);
  }

  /** This resolution with the text's reading and the basis of the choice recorded. */
  RegionResolution withBasis(String textCode, String why) {
    return new RegionResolution(
        code,
        level,
        name,
        provinceCode,
        provinceName,
        prefectureCode,
        prefectureName,
        countyCode,
        countyName,
        method,
        confidence,
        evidence,
        givenUnmatched,
        textCode,
        why);
  }

  static RegionResolution none(String givenUnmatched) {
    return new RegionResolution(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        NONE,
        0.0,
        new String[0],
        givenUnmatched,
        null,
        NONE);
  }
}

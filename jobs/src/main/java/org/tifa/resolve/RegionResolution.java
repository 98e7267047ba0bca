package org.tifa.resolve;

import java.io.Serializable;
import org.tifa.reference.Region;

/**
 * Where a record is about. {@code method} is "given" (from the record's own region fields), "text"
 * (from its title and body) or "none"; the region fields are null for "none". {@code evidence}
 * lists the names that supported the choice, {@code givenUnmatched} the given values that named no
 * known division ({@code field=value}, joined by "; "), or null.
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
    String givenUnmatched)
    implements Serializable {

  public static final String GIVEN = "given";
  public static final String TEXT = "text";
  public static final String NONE = "none";

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
        givenUnmatched);
  }

  static RegionResolution none(String givenUnmatched) {
    return new RegionResolution(
        null, null, null, null, null, null, null, null, null, NONE, 0.0, new String[0],
        givenUnmatched);
  }
}

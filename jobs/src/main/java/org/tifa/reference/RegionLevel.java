package org.tifa.reference;

/** The three administrative levels Tifa counts by. */
public enum RegionLevel {
  PROVINCE,
  PREFECTURE,
  COUNTY;

  /** The lowercase identifier used in conf/ files and output columns. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static RegionLevel fromId(String id) {
    return valueOf(id.trim().toUpperCase(java.util.Locale.ROOT));
  }
}

package org.tifa.reference;

import java.io.Serializable;

/**
 * A current administrative division. Municipalities (北京市 ...) carry their own code as prefecture,
 * so that their districts roll up to them at prefecture level; county-level units directly under a
 * province (济源市, 仙桃市 ...) are their own prefecture-level unit. Other provinces have no prefecture.
 */
public record Region(
    String code,
    String name,
    RegionLevel level,
    String parentCode,
    String provinceCode,
    String provinceName,
    String prefectureCode,
    String prefectureName,
    String shortName)
    implements Serializable {

  /** True when {@code other} is this division or lies inside it. */
  public boolean contains(Region other) {
    return switch (level) {
      case PROVINCE -> code.equals(other.provinceCode);
      case PREFECTURE -> code.equals(other.prefectureCode);
      case COUNTY -> code.equals(other.code);
    };
  }
}

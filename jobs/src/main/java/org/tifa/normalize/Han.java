package org.tifa.normalize;

/** Which code points count as Han characters for the normalizer's rules. */
final class Han {
  private Han() {}

  /**
   * CJK ideographs (unified, extensions, compatibility), radicals and the ideographic marks 々 〇 〻.
   * Ranges rather than {@code Character.UnicodeScript.of}: this is called per character on the hot
   * path.
   */
  static boolean isHan(int cp) {
    if (cp < 0x2E80) {
      return false;
    }
    return (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x323AF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x2E80 && cp <= 0x2FDF)
        || cp == 0x3005
        || cp == 0x3007
        || cp == 0x303B;
  }
}

package org.tifa.normalize;

/**
 * What the steps did to one document: counters and the header values lifted out of the body. One
 * instance per document and thread; not shared.
 */
public final class Tally {
  int pinyinRemoved;
  int traditionalConverted;
  int linesDropped;
  String headerSource;
  String headerOriginalTitle;

  public int pinyinRemoved() {
    return pinyinRemoved;
  }

  public int traditionalConverted() {
    return traditionalConverted;
  }

  public int linesDropped() {
    return linesDropped;
  }

  public String headerSource() {
    return headerSource;
  }

  public String headerOriginalTitle() {
    return headerOriginalTitle;
  }
}

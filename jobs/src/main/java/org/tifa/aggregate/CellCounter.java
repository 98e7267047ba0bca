package org.tifa.aggregate;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The counting core of term_counts, as plain Java over one partition: every row is one document
 * placed in one region (level, region) with the periods it falls in at each grain and its term
 * hits, so it lies in one cell (grain, period, level, region) per grain; all rows of a cell are in
 * the same partition. Per cell it counts the documents (the denominator), and per cell and term the
 * mentions, documents, documents about the term (weighted documents), distinct sources and first
 * and last day.
 *
 * <p>Spark's own aggregation did this over one row per document, cell and term (about a hundred per
 * document) with a distinct count, which cost more than all other steps of a run together; here
 * each document row is read once and each hit is one lookup in its cell's small map.
 */
public final class CellCounter {
  private CellCounter() {}

  /**
   * A grain number that places the document at no grain in its row (its period is then ignored).
   */
  public static final int NOT_PLACED = -1;

  /**
   * Counts a partition's placed documents; the result holds one row per (cell, term). The input is
   * counted in full before this returns; the rows are made as the iterator is read, so that Spark
   * serializes each while it is young instead of the whole partition's rows living in a list.
   */
  public static Iterator<CellTermCount> count(Iterator<PlacedDocument> rows) {
    Map<Cell, CellTotals> cells = new HashMap<>();
    while (rows.hasNext()) {
      PlacedDocument d = rows.next();
      int[] grains = d.getGrainNos();
      int[] periods = d.getPeriodDays();
      if (grains.length != periods.length) {
        throw new IllegalArgumentException(
            "grains and periods differ in length: " + grains.length + " and " + periods.length);
      }
      long[] terms = d.getTermKeys();
      int[] mentions = d.getTermMentions();
      boolean[] about = d.getTermAbout();
      for (int g = 0; g < grains.length; g++) {
        if (grains[g] == NOT_PLACED) {
          continue;
        }
        CellTotals cell =
            cells.computeIfAbsent(
                new Cell(grains[g], periods[g], d.getLevelNo(), d.getRegionNo()),
                k -> new CellTotals());
        cell.documents++;
        for (int i = 0; i < terms.length; i++) {
          cell.terms
              .computeIfAbsent(terms[i], k -> new TermTotals())
              .add(mentions[i], about[i], d.getSourceKey(), d.getDay());
        }
      }
    }
    return new Rows(cells.entrySet().iterator());
  }

  /** The counted cells' (cell, term) rows, made one at a time; a cell is dropped once read. */
  private static final class Rows implements Iterator<CellTermCount> {
    private final Iterator<Map.Entry<Cell, CellTotals>> cells;
    private Cell cell;
    private CellTotals totals;
    private int slot;

    Rows(Iterator<Map.Entry<Cell, CellTotals>> cells) {
      this.cells = cells;
    }

    @Override
    public boolean hasNext() {
      while (true) {
        if (totals != null) {
          slot = totals.terms.nextSlot(slot);
          if (slot >= 0) {
            return true;
          }
          totals = null;
        }
        if (!cells.hasNext()) {
          return false;
        }
        Map.Entry<Cell, CellTotals> e = cells.next();
        cells.remove();
        cell = e.getKey();
        totals = e.getValue();
        slot = 0;
      }
    }

    @Override
    public CellTermCount next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      TermTotals v = totals.terms.valueAt(slot);
      CellTermCount row =
          new CellTermCount(
              cell.grain(),
              cell.periodStart(),
              cell.level(),
              cell.region(),
              totals.terms.keyAt(slot),
              v.mentions,
              v.documents,
              v.weightedDocuments,
              v.sources(),
              v.first,
              v.last,
              totals.documents);
      slot++;
      return row;
    }
  }

  private record Cell(int grain, int periodStart, int level, long region) {}

  private static final class CellTotals {
    long documents;
    final LongMap<TermTotals> terms = new LongMap<>();
  }

  /**
   * One term in one cell; sources kept as their 64-bit hashes (a null source is not one): up to
   * {@code FEW} distinct ones in an array grown from one slot (most cells of a fine grain see one
   * document, and the term's totals live until the partition is counted), then a set.
   */
  static final class TermTotals {
    private static final int FEW = 8;
    long mentions;
    long documents;
    long weightedDocuments;
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    private long[] few;
    private int fewCount;
    private Set<Long> many;

    void add(int mentioned, boolean about, Long source, int day) {
      mentions += mentioned;
      documents++;
      if (about) {
        weightedDocuments++;
      }
      first = Math.min(first, day);
      last = Math.max(last, day);
      if (source != null) {
        addSource(source);
      }
    }

    private void addSource(long source) {
      if (many != null) {
        many.add(source);
        return;
      }
      for (int i = 0; i < fewCount; i++) {
        if (few[i] == source) {
          return;
        }
      }
      if (fewCount < FEW) {
        if (few == null) {
          few = new long[1];
        } else if (fewCount == few.length) {
          few = Arrays.copyOf(few, Math.min(FEW, 2 * few.length));
        }
        few[fewCount++] = source;
        return;
      }
      many = new HashSet<>();
      for (int i = 0; i < fewCount; i++) {
        many.add(few[i]);
      }
      many.add(source);
      few = null;
    }

    long sources() {
      return many != null ? many.size() : fewCount;
    }
  }

  /**
   * One document in one region, as {@link CountTerms} places it (a Java bean for Spark's encoder):
   * level as its index, region code as a number, and per grain its index (or {@link #NOT_PLACED})
   * and the first day of the document's period at it in days since 1970; its hits as parallel
   * arrays of term keys, mentions and whether the document is about the term.
   */
  public static final class PlacedDocument implements Serializable {
    private int level;
    private long region;
    private int[] grains;
    private int[] periods;
    private Long source;
    private int day;
    private long[] terms;
    private int[] mentions;
    private boolean[] about;

    public int getLevelNo() {
      return level;
    }

    public void setLevelNo(int v) {
      level = v;
    }

    public long getRegionNo() {
      return region;
    }

    public void setRegionNo(long v) {
      region = v;
    }

    public int[] getGrainNos() {
      return grains;
    }

    public void setGrainNos(int[] v) {
      grains = v;
    }

    public int[] getPeriodDays() {
      return periods;
    }

    public void setPeriodDays(int[] v) {
      periods = v;
    }

    public Long getSourceKey() {
      return source;
    }

    public void setSourceKey(Long v) {
      source = v;
    }

    public int getDay() {
      return day;
    }

    public void setDay(int v) {
      day = v;
    }

    public long[] getTermKeys() {
      return terms;
    }

    public void setTermKeys(long[] v) {
      terms = v;
    }

    public int[] getTermMentions() {
      return mentions;
    }

    public void setTermMentions(int[] v) {
      mentions = v;
    }

    public boolean[] getTermAbout() {
      return about;
    }

    public void setTermAbout(boolean[] v) {
      about = v;
    }
  }

  /** One row of the count: a cell, a term and their totals (a Java bean for Spark's encoder). */
  public static final class CellTermCount implements Serializable {
    // The columns Spark's bean encoder makes of the properties below (getTermMentions ->
    // termMentions).
    static final String MENTIONS = "termMentions";
    static final String DOCUMENTS = "documentCount";
    static final String WEIGHTED_DOCUMENTS = "weightedDocumentCount";
    static final String SOURCES = "sourceCount";
    static final String CELL_DOCUMENTS = "cellDocuments";
    static final String FIRST_DAY = "firstDay";
    static final String LAST_DAY = "lastDay";

    private int grain;
    private int periodStart;
    private int level;
    private long region;
    private long term;
    private long mentions;
    private long documents;
    private long weightedDocuments;
    private long sources;
    private int firstSeen;
    private int lastSeen;
    private long regionDocuments;

    public CellTermCount() {}

    CellTermCount(
        int grain,
        int periodStart,
        int level,
        long region,
        long term,
        long mentions,
        long documents,
        long weightedDocuments,
        long sources,
        int firstSeen,
        int lastSeen,
        long regionDocuments) {
      this.grain = grain;
      this.periodStart = periodStart;
      this.level = level;
      this.region = region;
      this.term = term;
      this.mentions = mentions;
      this.documents = documents;
      this.weightedDocuments = weightedDocuments;
      this.sources = sources;
      this.firstSeen = firstSeen;
      this.lastSeen = lastSeen;
      this.regionDocuments = regionDocuments;
    }

    public int getGrainNo() {
      return grain;
    }

    public void setGrainNo(int v) {
      grain = v;
    }

    public int getPeriodDay() {
      return periodStart;
    }

    public void setPeriodDay(int v) {
      periodStart = v;
    }

    public int getLevelNo() {
      return level;
    }

    public void setLevelNo(int v) {
      level = v;
    }

    public long getRegionNo() {
      return region;
    }

    public void setRegionNo(long v) {
      region = v;
    }

    public long getTermKey() {
      return term;
    }

    public void setTermKey(long v) {
      term = v;
    }

    public long getTermMentions() {
      return mentions;
    }

    public void setTermMentions(long v) {
      mentions = v;
    }

    public long getDocumentCount() {
      return documents;
    }

    public void setDocumentCount(long v) {
      documents = v;
    }

    public long getWeightedDocumentCount() {
      return weightedDocuments;
    }

    public void setWeightedDocumentCount(long v) {
      weightedDocuments = v;
    }

    public long getSourceCount() {
      return sources;
    }

    public void setSourceCount(long v) {
      sources = v;
    }

    public int getFirstDay() {
      return firstSeen;
    }

    public void setFirstDay(int v) {
      firstSeen = v;
    }

    public int getLastDay() {
      return lastSeen;
    }

    public void setLastDay(int v) {
      lastSeen = v;
    }

    public long getCellDocuments() {
      return regionDocuments;
    }

    public void setCellDocuments(long v) {
      regionDocuments = v;
    }
  }
}

package org.tifa.report;

import java.util.List;
import java.util.Map;

/**
 * Everything a report page shows, as the JSON embedded in it (field names in snake_case). Only
 * small results collected from the snapshot's tables: the top terms, one row per region of a map,
 * one value per period of a trend (month, and year: documents dated only by year are counted in the
 * yearly trends alone). {@code changes} is null without {@code --compare-with}. {@code passages}
 * holds, per term shown anywhere in the page ({@code term_kind:term_id}), up to {@link
 * #PASSAGES_PER_TERM} example sentences from the snapshot's mentions; it is empty for a snapshot
 * without them.
 */
public record ReportModel(
    Meta meta,
    Ranking national,
    List<ProvinceRanking> provinces,
    MapData provinceMap,
    MapData subdivisionMap,
    Trend trend,
    RegionTrend regionTrend,
    Trend yearTrend,
    RegionTrend regionYearTrend,
    Diffusion diffusion,
    Changes changes,
    Map<String, Object> manifest,
    List<QuarantineReason> quarantine,
    Map<String, List<PassageLine>> passages) {

  /** Example passages shown per term when it is clicked. */
  public static final int PASSAGES_PER_TERM = 5;

  /**
   * A sentence where a term appears: its document's date, region and title, the sentence, and where
   * the term stands in it (code points, as {@code Array.from} splits a string).
   */
  public record PassageLine(
      String publishedDate,
      String regionName,
      String title,
      String passage,
      int markStart,
      int markEnd,
      boolean quoted) {}

  /** Where the numbers come from and how the report was made. */
  public record Meta(
      String tifaVersion,
      String snapshotId,
      String snapshotTifaVersion,
      String snapshotFinishedAt,
      int top,
      long documents,
      Region region,
      String echartsVersion,
      String mapsVersion) {}

  public record Region(
      String code, String name, String level, String provinceCode, String provinceName) {}

  /** A term's documents in a region over the whole snapshot, out of all the region's documents. */
  public record TermShare(
      String termKind,
      String termId,
      String term,
      String category,
      long documents,
      long regionDocuments,
      double share) {}

  public record Ranking(long documents, List<TermShare> slogans, List<TermShare> topics) {}

  public record ProvinceRanking(
      String code, String name, long documents, List<TermShare> slogans, List<TermShare> topics) {}

  /** A term the maps can be coloured by; {@code key} is {@code term_kind:term_id}. */
  public record MapTerm(String key, String termKind, String termId, String term) {}

  /**
   * One shape of a map: the feature name ECharts colours, the division it stands for, all its
   * documents and, per term key, the documents that mention the term.
   */
  public record MapArea(
      String name,
      String code,
      String regionName,
      long documents,
      Map<String, Long> termDocuments) {}

  /**
   * A choropleth: {@code mapName} names the GeoJSON embedded in the page; {@code level} is the
   * level of its shapes (province, or prefecture/county for one province's map); {@code unmatched}
   * lists shapes that stand for no current division (drawn without data).
   */
  public record MapData(
      String mapName,
      String level,
      Region province,
      List<MapTerm> terms,
      List<MapArea> areas,
      List<String> unmatched) {}

  /**
   * Values of one term per period: documents and document share (null: no documents, or too few).
   */
  public record Series(
      String termKind, String termId, String term, List<Long> documents, List<Double> shares) {}

  /**
   * A trend at country level at one grain (month or year): every period from the first to the last,
   * {@code regionDocuments} the country's documents in each. A period with fewer than {@code
   * minDocuments} documents has no share (null): one document would swing it between 0 and 100%.
   */
  public record Trend(
      String grain,
      int minDocuments,
      List<String> periods,
      List<Long> regionDocuments,
      List<Series> series) {}

  /** Shares of the same terms in one region and in the country, at one grain, as {@link Trend}. */
  public record RegionTrend(
      String grain,
      int minDocuments,
      Region region,
      List<String> periods,
      List<Long> regionDocuments,
      List<Long> countryDocuments,
      List<Series> regionSeries,
      List<Series> countrySeries) {}

  /** Where (province) and when a slogan was first seen, and how many documents it has there. */
  public record FirstSeen(
      String provinceCode, String provinceName, String firstSeen, long documents) {}

  public record DiffusionSlogan(
      String termId, String term, long documents, String firstSeen, List<FirstSeen> provinces) {}

  /**
   * The slogans of the diffusion timeline; {@code basis} says which: {@code new} (new since the
   * compared snapshot), {@code discovered} (found in quotes, not in the lexicon) or {@code top}.
   */
  public record Diffusion(String basis, List<DiffusionSlogan> slogans) {}

  /** One term_changes row as the report shows it. */
  public record Change(
      String termKind,
      String termId,
      String term,
      long baseDocuments,
      long targetDocuments,
      Double baseShare,
      Double targetShare,
      Double shareChange,
      Double zScore,
      Double pValue,
      String status) {}

  /**
   * Risers and fallers of both kinds, ranked by significance; slogans new since the base, by
   * documents.
   */
  public record Changes(
      String baseSnapshotId,
      String targetSnapshotId,
      String grain,
      String level,
      List<Change> risers,
      List<Change> fallers,
      List<Change> newSlogans) {}

  public record QuarantineReason(String stage, String reason, long records) {}
}

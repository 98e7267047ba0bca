package org.tifa.report;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.tifa.compare.TermChanges;
import org.tifa.error.ConfigException;
import org.tifa.extract.TermDictionary;
import org.tifa.report.ReportModel.Change;
import org.tifa.report.ReportModel.Changes;
import org.tifa.report.ReportModel.DiffusionSlogan;
import org.tifa.report.ReportModel.FirstSeen;
import org.tifa.report.ReportModel.MapArea;
import org.tifa.report.ReportModel.MapData;
import org.tifa.report.ReportModel.MapTerm;
import org.tifa.report.ReportModel.ProvinceRanking;
import org.tifa.report.ReportModel.Region;
import org.tifa.report.ReportModel.Series;
import org.tifa.report.ReportModel.TermShare;
import org.tifa.schema.Columns;

/**
 * Collects a report's figures from a snapshot's tables into a {@link ReportModel}: the stages of
 * {@link ReportData} run here, and only their small results reach the driver.
 */
public final class ReportModels {
  private ReportModels() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The snapshot's tables, read with their documented schemas. */
  public record Snapshot(
      String snapshotId,
      JsonNode manifest,
      Dataset<Row> documents,
      Dataset<Row> terms,
      Dataset<Row> termCounts,
      Dataset<Row> quarantine,
      Dataset<Row> regions,
      Dataset<Row> mentions) {}

  /**
   * What to show: {@code top} terms per ranking; {@code regionCode} for the regional trend and the
   * province map (null: the province with the most documents); {@code termChanges} a tifa compare
   * result with this snapshot as target (null: no comparison section).
   */
  public record Settings(
      int top,
      String regionCode,
      String tifaVersion,
      String echartsVersion,
      String mapsVersion,
      int minPeriodDocuments) {}

  /** A comparison to show: its term_changes rows and the ids and settings it was made with. */
  public record Comparison(
      String baseSnapshotId,
      String targetSnapshotId,
      String grain,
      String level,
      Dataset<Row> termChanges) {}

  public static ReportModel build(Snapshot snap, Settings settings, Comparison comparison) {
    Map<String, Region> regions = regions(snap.regions());
    Region chosen = null;
    if (settings.regionCode() != null) {
      chosen = regions.get(settings.regionCode());
      if (chosen == null || chosen.level().equals("country")) {
        throw new ConfigException(
            "--region "
                + settings.regionCode()
                + ": no province, prefecture or county of that code in snapshot "
                + snap.snapshotId());
      }
    }
    Dataset<Row> docs =
        snap.documents()
            .select(
                Columns.DOC_ID,
                Columns.PUBLISHED_DATE,
                Columns.PROVINCE_CODE,
                Columns.PROVINCE_NAME,
                Columns.PREFECTURE_CODE,
                Columns.COUNTY_CODE,
                Columns.SLOGANS,
                Columns.TOPICS)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      int n = settings.top();
      long documents = docs.count();
      List<Row> provinceRows = ReportData.provinces(docs).collectAsList();
      if (chosen == null && !provinceRows.isEmpty()) {
        chosen = regions.get(provinceRows.get(0).getString(0));
      }

      List<TermShare> national =
          sharesByRegion(
                  ReportData.top(
                      ReportData.termShares(
                          ReportData.placed(docs, ReportData.country()), snap.terms()),
                      n))
              .getOrDefault(ReportData.COUNTRY, List.of());
      List<TermShare> nationalSlogans = ofKind(national, TermDictionary.SLOGAN);
      List<TermShare> nationalTopics = ofKind(national, TermDictionary.TOPIC);

      Dataset<Row> provinceShares =
          ReportData.termShares(ReportData.placed(docs, ReportData.province()), snap.terms());
      Map<String, List<TermShare>> topByProvince =
          sharesByRegion(ReportData.top(provinceShares, n));
      List<ProvinceRanking> provinces = new ArrayList<>();
      Map<String, Long> provinceDocuments = new LinkedHashMap<>();
      for (Row p : provinceRows) {
        List<TermShare> top = topByProvince.getOrDefault(p.getString(0), List.of());
        provinceDocuments.put(p.getString(0), p.getLong(2));
        provinces.add(
            new ProvinceRanking(
                p.getString(0),
                p.getString(1),
                p.getLong(2),
                ofKind(top, TermDictionary.SLOGAN),
                ofKind(top, TermDictionary.TOPIC)));
      }

      List<MapTerm> mapTerms = new ArrayList<>();
      for (TermShare t : concat(nationalSlogans, nationalTopics)) {
        mapTerms.add(
            new MapTerm(key(t.termKind(), t.termId()), t.termKind(), t.termId(), t.term()));
      }
      MapData provinceMap =
          provinceMap(
              regions, mapTerms, provinceDocuments, termDocuments(provinceShares, mapTerms));
      MapData subdivisionMap =
          chosen == null
              ? null
              : subdivisionMap(
                  regions, regions.get(chosen.provinceCode()), mapTerms, docs, snap.terms());

      List<String> topTopicIds = nationalTopics.stream().map(TermShare::termId).toList();
      int min = settings.minPeriodDocuments();
      ReportModel.Trend trend = trend(snap.termCounts(), MONTH, min, topTopicIds);
      ReportModel.RegionTrend regionTrend =
          chosen == null ? null : regionTrend(snap.termCounts(), MONTH, min, chosen, topTopicIds);
      ReportModel.Trend yearTrend = trend(snap.termCounts(), YEAR, min, topTopicIds);
      ReportModel.RegionTrend regionYearTrend =
          chosen == null ? null : regionTrend(snap.termCounts(), YEAR, min, chosen, topTopicIds);

      ReportModel.Changes changes = comparison == null ? null : changes(comparison, n);
      ReportModel.Diffusion diffusion = diffusion(docs, snap.terms(), changes, n);

      List<ReportModel.QuarantineReason> quarantine = new ArrayList<>();
      for (Row r : ReportData.quarantineReasons(snap.quarantine()).collectAsList()) {
        quarantine.add(
            new ReportModel.QuarantineReason(r.getString(0), r.getString(1), r.getLong(2)));
      }
      JsonNode m = snap.manifest();
      ReportModel.Meta meta =
          new ReportModel.Meta(
              settings.tifaVersion(),
              snap.snapshotId(),
              m.path("tifa_version").asText(null),
              m.path("finished_at").asText(null),
              n,
              documents,
              chosen,
              settings.echartsVersion(),
              settings.mapsVersion());
      java.util.Set<String> shown = new java.util.TreeSet<>();
      for (TermShare t : concat(nationalSlogans, nationalTopics)) {
        shown.add(key(t.termKind(), t.termId()));
      }
      for (ProvinceRanking p : provinces) {
        for (TermShare t : concat(p.slogans(), p.topics())) {
          shown.add(key(t.termKind(), t.termId()));
        }
      }
      topTopicIds.forEach(id -> shown.add(key(TermDictionary.TOPIC, id)));
      diffusion.slogans().forEach(d -> shown.add(key(TermDictionary.SLOGAN, d.termId())));
      if (changes != null) {
        for (List<Change> list :
            List.of(changes.risers(), changes.fallers(), changes.newSlogans())) {
          list.forEach(c -> shown.add(key(c.termKind(), c.termId())));
        }
      }
      return new ReportModel(
          meta,
          new ReportModel.Ranking(documents, nationalSlogans, nationalTopics),
          provinces,
          provinceMap,
          subdivisionMap,
          trend,
          regionTrend,
          yearTrend,
          regionYearTrend,
          diffusion,
          changes,
          manifestView(m),
          quarantine,
          passages(snap, shown));
    } finally {
      docs.unpersist();
    }
  }

  /** Example passages of the terms shown, by key; none for a snapshot without mentions. */
  private static Map<String, List<ReportModel.PassageLine>> passages(
      Snapshot snap, java.util.Set<String> keys) {
    Map<String, List<ReportModel.PassageLine>> out = new TreeMap<>();
    if (snap.mentions() == null || keys.isEmpty()) {
      return out;
    }
    for (Row r :
        ReportData.passages(snap.mentions(), snap.documents(), keys, ReportModel.PASSAGES_PER_TERM)
            .collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
          .add(
              new ReportModel.PassageLine(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.getInt(5),
                  r.getInt(6),
                  r.getBoolean(7)));
    }
    return out;
  }

  /** The manifest fields a reader needs to know what the numbers stand on. */
  static Map<String, Object> manifestView(JsonNode m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key :
        List.of(
            "snapshot_id",
            "schema_version",
            "tifa_version",
            "spark_version",
            "started_at",
            "finished_at",
            "inputs",
            "counts",
            "quarantine",
            "config_sha256",
            "config",
            "tables",
            "regions",
            "near_duplicates",
            "terms",
            "normalization")) {
      if (m.has(key)) {
        out.put(key, JSON.convertValue(m.get(key), Object.class));
      }
    }
    return out;
  }

  private static Map<String, Region> regions(Dataset<Row> regions) {
    Map<String, Region> out = new LinkedHashMap<>();
    for (Row r :
        regions
            .select(
                Columns.CODE,
                Columns.NAME,
                Columns.LEVEL,
                Columns.PROVINCE_CODE,
                Columns.PROVINCE_NAME,
                Columns.SHORT_NAME)
            .orderBy(Columns.CODE)
            .collectAsList()) {
      out.put(
          r.getString(0),
          new Region(
              r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
    }
    return out;
  }

  private static MapData provinceMap(
      Map<String, Region> regions,
      List<MapTerm> terms,
      Map<String, Long> provinceDocuments,
      Map<String, Map<String, Long>> termDocuments) {
    List<ChinaMaps.Division> divisions = new ArrayList<>();
    for (Region r : regions.values()) {
      if (r.level().equals("province")) {
        divisions.add(new ChinaMaps.Division(r.code(), r.name(), null));
      }
    }
    return mapData(
        "china",
        "province",
        null,
        terms,
        ChinaMaps.features(ChinaMaps.chinaGeoJson()),
        divisions,
        regions,
        provinceDocuments,
        termDocuments);
  }

  private static MapData subdivisionMap(
      Map<String, Region> regions,
      Region province,
      List<MapTerm> terms,
      Dataset<Row> docs,
      Dataset<Row> termsTable) {
    String geo = ChinaMaps.provinceGeoJson(province.code());
    if (geo == null) {
      return null;
    }
    List<ChinaMaps.Division> divisions = new ArrayList<>();
    for (String level : List.of("prefecture", "county")) {
      for (Region r : regions.values()) {
        if (r.level().equals(level) && province.code().equals(r.provinceCode())) {
          divisions.add(new ChinaMaps.Division(r.code(), r.name(), null));
        }
      }
    }
    Dataset<Row> placed =
        ReportData.placed(
            docs.filter(col(Columns.PROVINCE_CODE).equalTo(province.code())),
            ReportData.subdivisions());
    Map<String, Long> documents = new HashMap<>();
    for (Row r : ReportData.regionDocuments(placed).collectAsList()) {
      documents.put(r.getString(0), r.getLong(1));
    }
    List<ChinaMaps.Feature> features = ChinaMaps.features(geo);
    List<ChinaMaps.Match> matches = ChinaMaps.match(features, divisions);
    String level =
        matches.stream()
            .filter(m -> m.code() != null)
            .map(m -> regions.get(m.code()).level())
            .findFirst()
            .orElse("prefecture");
    return mapData(
        "province",
        level,
        province,
        terms,
        features,
        divisions,
        regions,
        documents,
        termDocuments(ReportData.termShares(placed, termsTable), terms));
  }

  private static MapData mapData(
      String mapName,
      String level,
      Region province,
      List<MapTerm> terms,
      List<ChinaMaps.Feature> features,
      List<ChinaMaps.Division> divisions,
      Map<String, Region> regions,
      Map<String, Long> documents,
      Map<String, Map<String, Long>> termDocuments) {
    List<MapArea> areas = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    for (ChinaMaps.Match m : ChinaMaps.match(features, divisions)) {
      if (m.code() == null) {
        unmatched.add(m.featureName());
        continue;
      }
      areas.add(
          new MapArea(
              m.featureName(),
              m.code(),
              regions.get(m.code()).name(),
              documents.getOrDefault(m.code(), 0L),
              new TreeMap<>(termDocuments.getOrDefault(m.code(), Map.of()))));
    }
    return new MapData(mapName, level, province, terms, areas, unmatched);
  }

  /** region_code → term key → documents, for the map's terms only. */
  private static Map<String, Map<String, Long>> termDocuments(
      Dataset<Row> termShares, List<MapTerm> terms) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    if (terms.isEmpty()) {
      return out;
    }
    List<String> ids = terms.stream().map(MapTerm::termId).distinct().toList();
    List<String> keys = terms.stream().map(MapTerm::key).toList();
    for (Row r :
        termShares
            .filter(col(Columns.TERM_ID).isin(ids.toArray()))
            .select(Columns.REGION_CODE, Columns.TERM_KIND, Columns.TERM_ID, Columns.DOCUMENTS)
            .collectAsList()) {
      String key = key(r.getString(1), r.getString(2));
      if (keys.contains(key)) {
        out.computeIfAbsent(r.getString(0), c -> new HashMap<>()).put(key, r.getLong(3));
      }
    }
    return out;
  }

  private static ReportModel.Trend trend(
      Dataset<Row> termCounts, String grain, int min, List<String> topicIds) {
    List<String> country = List.of(ReportData.COUNTRY);
    Map<String, Long> totals =
        periodDocuments(termCounts, grain, country).getOrDefault(ReportData.COUNTRY, Map.of());
    List<String> periods = periods(grain, totals.keySet());
    Map<String, Map<String, Row>> rows =
        periodic(termCounts, grain, country, topicIds).getOrDefault(ReportData.COUNTRY, Map.of());
    return new ReportModel.Trend(
        grain, min, periods, values(periods, totals), series(periods, topicIds, rows, totals, min));
  }

  private static ReportModel.RegionTrend regionTrend(
      Dataset<Row> termCounts, String grain, int min, Region region, List<String> topicIds) {
    List<String> codes = List.of(region.code(), ReportData.COUNTRY);
    Map<String, Map<String, Long>> totals = periodDocuments(termCounts, grain, codes);
    List<String> periods =
        periods(grain, totals.getOrDefault(ReportData.COUNTRY, Map.of()).keySet());
    Map<String, Map<String, Map<String, Row>>> rows = periodic(termCounts, grain, codes, topicIds);
    Map<String, Long> regionTotals = totals.getOrDefault(region.code(), Map.of());
    Map<String, Long> countryTotals = totals.getOrDefault(ReportData.COUNTRY, Map.of());
    return new ReportModel.RegionTrend(
        grain,
        min,
        region,
        periods,
        values(periods, regionTotals),
        values(periods, countryTotals),
        series(periods, topicIds, rows.getOrDefault(region.code(), Map.of()), regionTotals, min),
        series(
            periods,
            topicIds,
            rows.getOrDefault(ReportData.COUNTRY, Map.of()),
            countryTotals,
            min));
  }

  /** region → period → all documents. */
  private static Map<String, Map<String, Long>> periodDocuments(
      Dataset<Row> termCounts, String grain, List<String> codes) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    for (Row r : ReportData.periodDocuments(termCounts, grain, codes).collectAsList()) {
      out.computeIfAbsent(r.getString(0), c -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
    }
    return out;
  }

  /** region → term id → period → the term_counts row. */
  private static Map<String, Map<String, Map<String, Row>>> periodic(
      Dataset<Row> termCounts, String grain, List<String> codes, List<String> topicIds) {
    Map<String, Map<String, Map<String, Row>>> out = new HashMap<>();
    if (topicIds.isEmpty()) {
      return out;
    }
    for (Row r :
        ReportData.periodic(termCounts, grain, codes, TermDictionary.TOPIC, topicIds)
            .collectAsList()) {
      out.computeIfAbsent(r.getString(0), c -> new HashMap<>())
          .computeIfAbsent(r.getString(3), t -> new HashMap<>())
          .put(r.getString(1), r);
    }
    return out;
  }

  /**
   * Every period of a grain (month or year) from the first to the last of the given ones, gaps
   * included.
   */
  static List<String> periods(String grain, java.util.Collection<String> seen) {
    return grain.equals(YEAR) ? years(seen) : months(seen);
  }

  static final String MONTH = "month";
  static final String YEAR = "year";

  /** Every month from the first to the last of the given ones, gaps included. */
  static List<String> months(java.util.Collection<String> seen) {
    List<String> out = new ArrayList<>();
    if (seen.isEmpty()) {
      return out;
    }
    YearMonth first = seen.stream().map(YearMonth::parse).min(YearMonth::compareTo).orElseThrow();
    YearMonth last = seen.stream().map(YearMonth::parse).max(YearMonth::compareTo).orElseThrow();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      out.add(m.toString());
    }
    return out;
  }

  /** Every year from the first to the last of the given ones, gaps included. */
  static List<String> years(java.util.Collection<String> seen) {
    List<String> out = new ArrayList<>();
    if (seen.isEmpty()) {
      return out;
    }
    int first = seen.stream().mapToInt(Integer::parseInt).min().orElseThrow();
    int last = seen.stream().mapToInt(Integer::parseInt).max().orElseThrow();
    for (int y = first; y <= last; y++) {
      out.add(String.valueOf(y));
    }
    return out;
  }

  private static List<Long> values(List<String> periods, Map<String, Long> byPeriod) {
    List<Long> out = new ArrayList<>();
    for (String p : periods) {
      out.add(byPeriod.getOrDefault(p, 0L));
    }
    return out;
  }

  /**
   * One series per term over the periods. A period without the term's row has 0 documents. The
   * share is the row's, or 0 without a row; it is null (left out) when the region has fewer than
   * {@code min} documents in the period ({@code totals}, as far as term_counts tells), none
   * included.
   */
  private static List<Series> series(
      List<String> periods,
      List<String> termIds,
      Map<String, Map<String, Row>> rows,
      Map<String, Long> totals,
      int min) {
    List<Series> out = new ArrayList<>();
    for (String id : termIds) {
      Map<String, Row> byPeriod = rows.getOrDefault(id, Map.of());
      String term = byPeriod.values().stream().map(r -> r.getString(4)).findFirst().orElse(id);
      List<Long> documents = new ArrayList<>();
      List<Double> shares = new ArrayList<>();
      for (String p : periods) {
        Row r = byPeriod.get(p);
        long total = totals.getOrDefault(p, 0L);
        documents.add(r == null ? 0L : r.getLong(5));
        shares.add(
            total == 0 || total < min
                ? null
                : r != null ? Double.valueOf(r.getDouble(7)) : Double.valueOf(0));
      }
      out.add(new Series(TermDictionary.TOPIC, id, term, documents, shares));
    }
    return out;
  }

  private static ReportModel.Diffusion diffusion(
      Dataset<Row> docs, Dataset<Row> terms, Changes changes, int n) {
    String basis;
    List<Row> chosen;
    List<String> added =
        changes == null ? List.of() : changes.newSlogans().stream().map(Change::termId).toList();
    if (!added.isEmpty()) {
      basis = "new";
      chosen =
          terms
              .filter(
                  col(Columns.TERM_KIND)
                      .equalTo(TermDictionary.SLOGAN)
                      .and(col(Columns.TERM_ID).isin(added.toArray())))
              .select(Columns.TERM_ID, Columns.TERM, Columns.DOCUMENTS, Columns.FIRST_SEEN)
              .collectAsList();
      chosen =
          chosen.stream()
              .sorted(java.util.Comparator.comparing(r -> added.indexOf(r.getString(0))))
              .toList();
    } else {
      basis = "discovered";
      chosen = ReportData.diffusionSlogans(terms, n, true).collectAsList();
      if (chosen.isEmpty()) {
        basis = "top";
        chosen = ReportData.diffusionSlogans(terms, n, false).collectAsList();
      }
    }
    List<String> ids = chosen.stream().map(r -> r.getString(0)).toList();
    Map<String, List<FirstSeen>> places = new HashMap<>();
    if (!ids.isEmpty()) {
      for (Row r : ReportData.firstSeen(docs, ids).collectAsList()) {
        places
            .computeIfAbsent(r.getString(0), k -> new ArrayList<>())
            .add(
                new FirstSeen(
                    r.getString(1), r.getString(2), String.valueOf(r.get(3)), r.getLong(4)));
      }
    }
    List<DiffusionSlogan> slogans = new ArrayList<>();
    for (Row r : chosen) {
      slogans.add(
          new DiffusionSlogan(
              r.getString(0),
              r.getString(1),
              r.getLong(2),
              r.isNullAt(3) ? null : String.valueOf(r.get(3)),
              places.getOrDefault(r.getString(0), List.of())));
    }
    return new ReportModel.Diffusion(basis, slogans);
  }

  private static Changes changes(Comparison c, int n) {
    return new Changes(
        c.baseSnapshotId(),
        c.targetSnapshotId(),
        c.grain(),
        c.level(),
        changeRows(c.termChanges(), TermChanges.UP, null, n),
        changeRows(c.termChanges(), TermChanges.DOWN, null, n),
        changeRows(c.termChanges(), TermChanges.NEW, TermDictionary.SLOGAN, n));
  }

  private static List<Change> changeRows(
      Dataset<Row> termChanges, String status, String kind, int n) {
    List<Change> out = new ArrayList<>();
    for (Row r : ReportData.changes(termChanges, status, kind, n).collectAsList()) {
      out.add(
          new Change(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getLong(3),
              r.getLong(4),
              nullableDouble(r, 5),
              nullableDouble(r, 6),
              nullableDouble(r, 7),
              nullableDouble(r, 8),
              nullableDouble(r, 9),
              r.getString(10)));
    }
    return out;
  }

  private static Double nullableDouble(Row r, int i) {
    return r.isNullAt(i) ? null : r.getDouble(i);
  }

  /** region_code → its rows of a termShares Dataset, in the Dataset's order. */
  private static Map<String, List<TermShare>> sharesByRegion(Dataset<Row> termShares) {
    Map<String, List<TermShare>> out = new LinkedHashMap<>();
    for (Row r : termShares.collectAsList()) {
      out.computeIfAbsent(r.getString(0), c -> new ArrayList<>())
          .add(
              new TermShare(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.getLong(5),
                  r.getLong(6),
                  r.getDouble(7)));
    }
    return out;
  }

  private static List<TermShare> ofKind(List<TermShare> shares, String kind) {
    return shares.stream().filter(s -> s.termKind().equals(kind)).toList();
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static String key(String kind, String id) {
    return kind + ":" + id;
  }
}

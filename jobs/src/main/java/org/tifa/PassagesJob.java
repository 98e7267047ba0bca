package org.tifa;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tifa.compare.SnapshotRef;
import org.tifa.error.ConfigException;
import org.tifa.error.NoInputException;
import org.tifa.extract.Passage;
import org.tifa.match.Keys;
import org.tifa.options.PassagesOptions;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;

/**
 * {@code tifa passages}: the keyword-in-context lines of one term in a snapshot, read from its
 * {@code mentions} (with {@code documents} for region, date and title, and {@code texts} for the
 * passages of mentions stored without a context).
 *
 * <ol>
 *   <li>term — the {@code terms} rows whose id, display form, alias or canonical key is the one
 *       asked
 *   <li>select — its mentions in the region and dates asked, in date order, counted and cut to the
 *       limit
 *   <li>passage — the stored context, or the sentence around the mention cut from its text
 *   <li>print — text, CSV or JSON Lines
 * </ol>
 */
public final class PassagesJob {
  private final PassagesOptions options;
  private final SnapshotRef snapshot;

  /** One passage: where and when, the mention and its sentence with the mention's place in it. */
  public record Line(
      String docId,
      LocalDate date,
      String regionCode,
      String regionName,
      String title,
      String termKind,
      String termId,
      boolean quoted,
      int start,
      int end,
      String passage,
      int markStart,
      int markEnd) {
    /** The passage with the mention between 【 and 】. */
    public String marked() {
      int[] chars = {
        passage.offsetByCodePoints(0, markStart), passage.offsetByCodePoints(0, markEnd)
      };
      return passage.substring(0, chars[0])
          + "【"
          + passage.substring(chars[0], chars[1])
          + "】"
          + passage.substring(chars[1]);
    }
  }

  /** The terms found for what was asked, the mentions selected (before the limit) and the lines. */
  public record Result(List<String> terms, long mentions, List<Line> lines) {}

  public PassagesJob(PassagesOptions options, SnapshotRef snapshot) {
    this.options = options;
    this.snapshot = snapshot;
  }

  public Result run(SparkSession spark) throws NoInputException {
    if (!snapshot.manifest().path("tables").has(Tables.MENTIONS)) {
      throw new NoInputException(
          "snapshot "
              + snapshot.snapshotId()
              + " has no mentions table: it was written by a Tifa before "
              + Tables.MENTIONS
              + " existed (run it again to trace its counts)");
    }
    List<Row> terms = terms(spark);
    Dataset<Row> documents =
        spark.read().schema(Tables.DOCUMENTS_SCHEMA).parquet(snapshot.table(Tables.DOCUMENTS));
    checkRegion(spark);
    Column wanted = lit(false);
    for (Row t : terms) {
      wanted =
          wanted.or(
              col(Columns.TERM_KIND)
                  .equalTo(t.getString(0))
                  .and(col(Columns.TERM_ID).equalTo(t.getString(1))));
    }
    Column when = lit(true);
    if (options.from() != null) {
      when = when.and(col(Columns.PUBLISHED_DATE).geq(lit(java.sql.Date.valueOf(options.from()))));
    }
    if (options.to() != null) {
      when = when.and(col(Columns.PUBLISHED_DATE).leq(lit(java.sql.Date.valueOf(options.to()))));
    }
    Dataset<Row> mentions =
        spark
            .read()
            .schema(Tables.MENTIONS_SCHEMA)
            .parquet(snapshot.table(Tables.MENTIONS))
            .filter(wanted.and(when))
            .select(
                Columns.DOC_ID,
                Columns.TERM_KIND,
                Columns.TERM_ID,
                Columns.START,
                Columns.END,
                Columns.SURFACE,
                Columns.QUOTED,
                Columns.CONTEXT,
                Columns.CONTEXT_START,
                Columns.PUBLISHED_DATE);
    Dataset<Row> placed =
        mentions.join(
            documents.select(
                Columns.DOC_ID,
                Columns.TITLE,
                Columns.REGION_CODE,
                Columns.REGION_NAME,
                Columns.PROVINCE_CODE,
                Columns.PREFECTURE_CODE,
                Columns.COUNTY_CODE),
            new String[] {Columns.DOC_ID});
    if (options.region() != null && !options.region().equals(COUNTRY)) {
      String code = options.region();
      placed =
          placed.filter(
              col(Columns.REGION_CODE)
                  .equalTo(code)
                  .or(col(Columns.PROVINCE_CODE).equalTo(code))
                  .or(col(Columns.PREFECTURE_CODE).equalTo(code))
                  .or(col(Columns.COUNTY_CODE).equalTo(code)));
    }
    placed = placed.cache();
    try {
      long total = placed.count();
      List<Row> rows =
          placed
              .orderBy(
                  col(Columns.PUBLISHED_DATE),
                  col(Columns.DOC_ID),
                  col(Columns.START),
                  col(Columns.TERM_ID))
              .limit(options.limit())
              .collectAsList();
      return new Result(
          terms.stream()
              .map(t -> t.getString(2) + " (" + t.getString(0) + " " + t.getString(1) + ")")
              .toList(),
          total,
          lines(spark, rows));
    } finally {
      placed.unpersist();
    }
  }

  private static final String COUNTRY = "000000";

  /**
   * The snapshot's terms answering to what was asked: kind, id, display form. An id, display form
   * or canonical slogan key names a term before an alias does, so 新质生产力 is the slogan, not the
   * topic that lists it as a keyword; only when nothing is named so are aliases read.
   */
  private List<Row> terms(SparkSession spark) {
    String asked = options.term().strip();
    String key = Keys.canonical(asked);
    Dataset<Row> terms =
        spark.read().schema(Tables.TERMS_SCHEMA).parquet(snapshot.table(Tables.TERMS));
    Column named = col(Columns.TERM_ID).equalTo(asked).or(col(Columns.TERM).equalTo(asked));
    if (!key.isEmpty()) {
      named =
          named.or(col(Columns.TERM_KIND).equalTo("slogan").and(col(Columns.TERM_ID).equalTo(key)));
    }
    List<Row> found = matching(terms, named);
    if (found.isEmpty()) {
      found = matching(terms, array_contains(col(Columns.ALIASES), asked));
    }
    if (found.isEmpty()) {
      List<String> near =
          terms
              .filter(col(Columns.TERM).contains(asked).or(col(Columns.TERM_ID).contains(asked)))
              .orderBy(col(Columns.MENTIONS).desc())
              .select(Columns.TERM)
              .limit(5)
              .collectAsList()
              .stream()
              .map(r -> r.getString(0))
              .toList();
      throw new ConfigException(
          "--term "
              + ConfigException.quote(asked)
              + " is no term of snapshot "
              + snapshot.snapshotId()
              + (near.isEmpty()
                  ? " (its terms table lists every slogan and topic)"
                  : "; terms containing it: " + String.join(", ", near)));
    }
    return found;
  }

  private static List<Row> matching(Dataset<Row> terms, Column condition) {
    return terms
        .filter(condition)
        .select(Columns.TERM_KIND, Columns.TERM_ID, Columns.TERM)
        .orderBy(Columns.TERM_KIND, Columns.TERM_ID)
        .collectAsList();
  }

  private void checkRegion(SparkSession spark) {
    if (options.region() == null) {
      return;
    }
    long known =
        spark
            .read()
            .schema(Tables.REGIONS_SCHEMA)
            .parquet(snapshot.table(Tables.REGIONS))
            .filter(col(Columns.CODE).equalTo(options.region()))
            .count();
    if (known == 0) {
      throw new ConfigException(
          "--region " + options.region() + " is not a region of the snapshot's gazetteer");
    }
  }

  /**
   * The selected rows as lines; passages of mentions stored without a context are cut from their
   * texts.
   */
  private List<Line> lines(SparkSession spark, List<Row> rows) {
    Set<String> needText = new LinkedHashSet<>();
    for (Row r : rows) {
      if (r.isNullAt(r.fieldIndex(Columns.CONTEXT))) {
        needText.add(r.getString(r.fieldIndex(Columns.DOC_ID)));
      }
    }
    Map<String, String> texts = new HashMap<>();
    if (!needText.isEmpty() && snapshot.manifest().path("tables").has(Tables.TEXTS)) {
      for (Row t :
          spark
              .read()
              .schema(Tables.TEXTS_SCHEMA)
              .parquet(snapshot.table(Tables.TEXTS))
              .filter(col(Columns.DOC_ID).isin(needText.toArray()))
              .collectAsList()) {
        texts.put(t.getString(0), Passage.text(t.getString(1), t.getString(2)));
      }
    }
    int chars = snapshot.manifest().path("config").path("output").path("context_chars").asInt(60);
    List<Line> out = new ArrayList<>();
    for (Row r : rows) {
      String docId = r.getString(r.fieldIndex(Columns.DOC_ID));
      int start = r.getInt(r.fieldIndex(Columns.START));
      int end = r.getInt(r.fieldIndex(Columns.END));
      String passage;
      int markStart;
      if (!r.isNullAt(r.fieldIndex(Columns.CONTEXT))) {
        passage = r.getString(r.fieldIndex(Columns.CONTEXT));
        markStart = start - r.getInt(r.fieldIndex(Columns.CONTEXT_START));
      } else if (texts.containsKey(docId)) {
        String text = texts.get(docId);
        int from = text.offsetByCodePoints(0, start);
        int to = text.offsetByCodePoints(from, end - start);
        int[] c = Passage.context(text, from, to, chars);
        passage = text.substring(c[0], c[1]);
        markStart = start - text.codePointCount(0, c[0]);
      } else {
        passage = r.getString(r.fieldIndex(Columns.SURFACE));
        markStart = 0;
      }
      Object date = r.get(r.fieldIndex(Columns.PUBLISHED_DATE));
      out.add(
          new Line(
              docId,
              date instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) date,
              r.getString(r.fieldIndex(Columns.REGION_CODE)),
              r.getString(r.fieldIndex(Columns.REGION_NAME)),
              r.getString(r.fieldIndex(Columns.TITLE)),
              r.getString(r.fieldIndex(Columns.TERM_KIND)),
              r.getString(r.fieldIndex(Columns.TERM_ID)),
              r.getBoolean(r.fieldIndex(Columns.QUOTED)),
              start,
              end,
              passage,
              markStart,
              markStart + end - start));
    }
    return out;
  }

  /**
   * Prints the result in the format asked; the text format's heading goes to stdout, the others' to
   * {@code err}.
   */
  public static void print(
      Result result, PassagesOptions.Format format, PrintStream out, PrintStream err) {
    String heading =
        String.format(
            "%s: %,d mention(s) selected, %,d shown",
            String.join("; ", result.terms()), result.mentions(), result.lines().size());
    switch (format) {
      case TEXT -> {
        out.println(heading);
        for (Line l : result.lines()) {
          out.printf(
              "%s  %s  %s%s%n",
              l.date(),
              l.regionName() == null ? "(no region)" : l.regionName(),
              l.title() == null ? "" : l.title(),
              l.quoted() ? "  [quoted]" : "");
          out.println("    " + oneLine(l.marked()));
        }
      }
      case CSV -> {
        err.println(heading);
        out.println(
            "doc_id,published_date,region_code,region_name,title,term_kind,term_id,quoted,start,end,passage,mark_start,mark_end");
        for (Line l : result.lines()) {
          out.println(
              String.join(
                  ",",
                  csv(l.docId()),
                  csv(String.valueOf(l.date())),
                  csv(l.regionCode()),
                  csv(l.regionName()),
                  csv(l.title()),
                  csv(l.termKind()),
                  csv(l.termId()),
                  String.valueOf(l.quoted()),
                  String.valueOf(l.start()),
                  String.valueOf(l.end()),
                  csv(l.passage()),
                  String.valueOf(l.markStart()),
                  String.valueOf(l.markEnd())));
        }
      }
      case JSON -> {
        err.println(heading);
        ObjectMapper json = new ObjectMapper();
        for (Line l : result.lines()) {
          ObjectNode o = json.createObjectNode();
          o.put("doc_id", l.docId())
              .put("published_date", String.valueOf(l.date()))
              .put("region_code", l.regionCode())
              .put("region_name", l.regionName())
              .put("title", l.title())
              .put("term_kind", l.termKind())
              .put("term_id", l.termId())
              .put("quoted", l.quoted())
              .put("start", l.start())
              .put("end", l.end())
              .put("passage", l.passage())
              .put("mark_start", l.markStart())
              .put("mark_end", l.markEnd());
          out.println(o.toString());
        }
      }
    }
  }

  /** A passage on one console line: line breaks shown as ⏎. */
  private static String oneLine(String s) {
    return s.replace("\r\n", "⏎").replace('\n', '⏎').replace('\r', '⏎');
  }

  /** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break; null is empty. */
  static String csv(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}

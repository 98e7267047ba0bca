package org.tifa.eval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tifa.reference.Gazetteer;
import org.tifa.reference.Region;

/**
 * Scores a snapshot of the bundled sample against the sample's hand labels ({@code
 * data/sample/labels.jsonl}): the accounting of every record, quarantine reasons, duplicate
 * detection, and region resolution at province and prefecture level — the whole pipeline as it ran,
 * read back from the Parquet output with DuckDB. Run it with {@code scripts/eval-sample}; {@code
 * SampleIT} holds the bars.
 */
public final class SampleEval {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Parent chains of the labelled codes (a municipality's districts roll up to the municipality).
   */
  private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();

  /** A labelled record and what the snapshot made of it. */
  record Outcome(JsonNode label, String fate, String reason, Map<String, String> doc) {}

  /** Precision and coverage of one level. */
  public record Score(String name, int labelled, int resolved, int correct, List<String> misses) {
    public double precision() {
      return resolved == 0 ? 0 : (double) correct / resolved;
    }

    public double coverage() {
      return labelled == 0 ? 0 : (double) resolved / labelled;
    }
  }

  /** Everything the evaluation measured. */
  public record Report(
      Map<String, Long> expected,
      Map<String, Long> actual,
      Map<String, Long> expectedReasons,
      Map<String, Long> actualReasons,
      List<String> fateMisses,
      Score province,
      Score prefecture) {}

  public static void main(String[] args) throws Exception {
    Path sample = Path.of(args[0]);
    Path snapshot = Path.of(args[1]);
    print(evaluate(sample, snapshot), System.out);
  }

  public static Report evaluate(Path sample, Path snapshot) throws IOException, SQLException {
    List<JsonNode> labels = new ArrayList<>();
    for (String line : Files.readAllLines(sample.resolve("labels.jsonl"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        labels.add(JSON.readTree(line));
      }
    }
    Map<String, Map<String, String>> docsById = new HashMap<>();
    Map<String, Map<String, String>> docsByPlace = new HashMap<>();
    for (Map<String, String> d :
        query(
            "SELECT doc_id, regexp_extract(input_file, '[^/]+$') AS file, CAST(input_line AS VARCHAR) AS line, province_code, "
                + "prefecture_code, county_code, region_code FROM read_parquet('"
                + snapshot.resolve("documents/*.parquet")
                + "')")) {
      docsById.put(d.get("doc_id"), d);
      docsByPlace.put(d.get("file") + ":" + d.get("line"), d);
    }
    Map<String, String> quarantineByPlace = new HashMap<>();
    for (Map<String, String> q :
        query(
            "SELECT regexp_extract(input_file, '[^/]+$') AS file, CAST(input_line AS VARCHAR) AS line, reason FROM read_parquet('"
                + snapshot.resolve("quarantine/*.parquet")
                + "')")) {
      quarantineByPlace.put(q.get("file") + ":" + q.get("line"), q.get("reason"));
    }
    Map<String, long[]> arrayLines = new HashMap<>();

    Map<String, Long> expected = new TreeMap<>();
    Map<String, Long> actual = new TreeMap<>();
    Map<String, Long> expectedReasons = new TreeMap<>();
    Map<String, Long> actualReasons = new TreeMap<>();
    List<String> fateMisses = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (JsonNode label : labels) {
      String file = label.get("file").asText();
      String name = Path.of(file).getFileName().toString();
      long line = label.get("line").asLong();
      if (name.endsWith(".json")) {
        long[] starts = arrayLines.computeIfAbsent(file, f -> elementLines(sample.resolve(f)));
        line = starts[(int) line];
      }
      String place = name + ":" + line;
      String id = label.path("id").isTextual() ? label.get("id").asText() : null;
      Map<String, String> doc = id != null ? docsById.get(id) : docsByPlace.get(place);
      if (doc != null && !place.equals(doc.get("file") + ":" + doc.get("line"))) {
        doc = null;
      }
      String reason = quarantineByPlace.get(place);
      String fate = doc != null ? "accepted" : reason != null ? "quarantined" : "duplicate";
      String want = label.get("expect").asText();
      expected.merge(want, 1L, Long::sum);
      actual.merge(fate, 1L, Long::sum);
      if (want.equals("quarantined")) {
        expectedReasons.merge(label.get("reason").asText(), 1L, Long::sum);
      }
      if (reason != null) {
        actualReasons.merge(reason, 1L, Long::sum);
      }
      if (!fate.equals(want) || (reason != null && !reason.equals(label.path("reason").asText()))) {
        fateMisses.add(
            place
                + " id="
                + id
                + " expected "
                + want
                + (want.equals("quarantined") ? " " + label.get("reason").asText() : "")
                + " got "
                + fate
                + (reason != null ? " " + reason : "")
                + " "
                + label.path("hard_case").asText(""));
      }
      outcomes.add(new Outcome(label, fate, reason, doc));
    }
    return new Report(
        expected,
        actual,
        expectedReasons,
        actualReasons,
        fateMisses,
        score(outcomes, "province"),
        score(outcomes, "prefecture"));
  }

  private static Score score(List<Outcome> outcomes, String level) {
    int labelled = 0;
    int resolved = 0;
    int correct = 0;
    List<String> misses = new ArrayList<>();
    for (Outcome o : outcomes) {
      JsonNode l = o.label();
      if (o.doc() == null || !l.path("region_code").isTextual()) {
        continue;
      }
      String code = l.get("region_code").asText();
      Region region =
          GAZETTEER
              .byCode(code)
              .orElseThrow(() -> new IllegalStateException("label names unknown code " + code));
      String want = level.equals("province") ? region.provinceCode() : region.prefectureCode();
      if (want == null
          || (level.equals("prefecture") && !l.path("text_names_city").asBoolean(false))) {
        continue;
      }
      labelled++;
      String got = o.doc().get(level + "_code");
      if (got != null) {
        resolved++;
        if (got.equals(want)) {
          correct++;
          continue;
        }
      }
      misses.add(
          l.path("id").asText("?")
              + " want "
              + want
              + " got "
              + got
              + " ("
              + l.path("hard_case").asText("")
              + ")");
    }
    return new Score(level, labelled, resolved, correct, misses);
  }

  /** Line number (1-based) where each element of a JSON array file starts. */
  private static long[] elementLines(Path file) {
    List<Long> lines = new ArrayList<>();
    try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
      p.nextToken();
      JsonToken t;
      while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
        lines.add((long) p.currentTokenLocation().getLineNr());
        p.skipChildren();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return lines.stream().mapToLong(Long::longValue).toArray();
  }

  private static List<Map<String, String>> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<Map<String, String>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, String> row = new HashMap<>();
        for (int i = 1; i <= n; i++) {
          row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  public static void print(Report r, PrintStream out) {
    out.println("records by fate    expected " + r.expected() + "  actual " + r.actual());
    out.println("quarantine reasons expected " + r.expectedReasons());
    out.println("                   actual   " + r.actualReasons());
    out.println("records whose fate differs from the label: " + r.fateMisses().size());
    r.fateMisses().forEach(m -> out.println("  " + m));
    for (Score s : List.of(r.province(), r.prefecture())) {
      out.printf(
          "region %-10s labelled %4d resolved %4d correct %4d  precision %.3f  coverage %.3f%n",
          s.name(), s.labelled(), s.resolved(), s.correct(), s.precision(), s.coverage());
      s.misses().forEach(m -> out.println("  miss " + m));
    }
  }
}

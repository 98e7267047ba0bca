package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.eval.SampleEval;
import org.tifa.ingest.ListInputs;
import org.tifa.options.RunOptions;
import org.tifa.reference.TifaConfig;
import org.tifa.testing.Writers;

/**
 * The real job on the bundled sample, scored against the sample's hand labels
 * (data/sample/labels.jsonl): every record's fate and quarantine reason, and the region bars of the
 * region resolution issue (prefecture precision ≥ 0.97 and coverage ≥ 0.90 where the text names the
 * city; province precision ≥ 0.99).
 */
class SampleIT extends SparkTest {
  @TempDir Path out;

  @Test
  void theSampleComesOutAsLabelled() throws Exception {
    Path repo = Path.of(System.getProperty("tifa.repo"));
    TifaConfig config = TifaConfig.defaults();
    RunOptions options =
        RunOptions.parse(
            "--input",
            repo.resolve("data/sample/input").toString(),
            "--output",
            out.toString(),
            "--snapshot",
            "sample");
    List<ListInputs.InputFile> files =
        ListInputs.list(
            options.inputs(), config.extensions, spark().sparkContext().hadoopConfiguration());
    RunJob.Result result =
        new RunJob(
                options,
                config,
                ReferenceData.bundled(),
                files,
                Writers.snapshot(out.toString(), "sample"),
                Instant.now(),
                () -> {})
            .run(spark());

    SampleEval.Report report =
        SampleEval.evaluate(repo.resolve("data/sample"), out.resolve("sample"));
    SampleEval.print(report, System.out);

    long labelled = report.expected().values().stream().mapToLong(Long::longValue).sum();
    assertEquals(
        labelled, result.counts().recordsRead(), "every labelled record is read, nothing else");
    assertEquals(report.expectedReasons(), result.counts().reasons());
    assertEquals(report.expectedReasons(), report.actualReasons());
    assertEquals(
        List.of(),
        report.fateMisses(),
        "records whose fate (accepted, duplicate, quarantined) differs from the label");

    assertReadmeQueriesAnswer(repo, out.resolve("sample"));
    org.tifa.testing.PassageChecks.assertTraceable(out.resolve("sample"));

    SampleEval.Score province = report.province();
    SampleEval.Score prefecture = report.prefecture();
    Assertions.assertTrue(
        province.precision() >= 0.99, "province precision " + province.precision());
    Assertions.assertTrue(
        prefecture.precision() >= 0.97, "prefecture precision " + prefecture.precision());
    Assertions.assertTrue(
        prefecture.coverage() >= 0.90, "prefecture coverage " + prefecture.coverage());
  }

  /**
   * Every SQL statement of the README's and docs/duckdb.md's DuckDB queries runs on the sample
   * snapshot and answers.
   */
  private static void assertReadmeQueriesAnswer(Path repo, Path snapshot) throws Exception {
    String readme =
        Files.readString(repo.resolve("README.md"))
            + Files.readString(repo.resolve("docs/duckdb.md"));
    Matcher blocks = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    int statements = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      while (blocks.find()) {
        for (String sql :
            blocks.group(1).replace("tifa-out/<id>", snapshot.toString()).split(";")) {
          // The tifa compare section's queries read a comparison: CompareJobIT runs them.
          if (sql.replaceAll("(?m)^--.*$", "").isBlank() || sql.contains("<compare_id>")) {
            continue;
          }
          statements++;
          try (ResultSet rs = st.executeQuery(sql)) {
            Assertions.assertTrue(rs.next(), "no rows from README query:\n" + sql);
          }
        }
      }
    }
    Assertions.assertTrue(statements >= 3, "README has its DuckDB queries: " + statements);
  }
}

package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.generate.CorpusGenerator;
import org.tifa.generate.WriteCorpus;
import org.tifa.ingest.ListInputs;
import org.tifa.options.RunOptions;
import org.tifa.reference.TifaConfig;
import org.tifa.schema.Tables;
import org.tifa.testing.DuckDb;
import org.tifa.testing.PassageChecks;
import org.tifa.testing.Writers;

/**
 * The traceability tables on a generated corpus: every count rolls up from its rows, at any
 * setting.
 */
class TraceabilityIT extends SparkTest {
  private static final ReferenceData REFERENCE = ReferenceData.bundled();
  @TempDir Path work;

  private Path run(Path input, TifaConfig config, String snapshot) throws Exception {
    Path out = work.resolve("out");
    RunOptions options =
        RunOptions.parse(
            "--input", input.toString(), "--output", out.toString(), "--snapshot", snapshot);
    List<ListInputs.InputFile> files =
        ListInputs.list(
            options.inputs(), config.extensions, spark().sparkContext().hadoopConfiguration());
    new RunJob(
            options,
            config,
            REFERENCE,
            files,
            Writers.snapshot(out.toString(), snapshot),
            Instant.now(),
            () -> {})
        .run(spark());
    return out.resolve(snapshot);
  }

  @Test
  void everyCountOfAGeneratedCorpusRollsUpFromItsDocumentTermsAndMentions() throws Exception {
    Path input = work.resolve("input");
    WriteCorpus.write(
        new CorpusGenerator(11, REFERENCE.gazetteer(), REFERENCE.lexicon(), REFERENCE.taxonomy()),
        1_000,
        input,
        2,
        false);
    Path snapshot = run(input, TifaConfig.defaults(), "g");

    long mentions = PassageChecks.assertTraceable(snapshot);
    JsonNode tables =
        new ObjectMapper().readTree(snapshot.resolve("manifest.json").toFile()).get("tables");
    assertEquals(mentions, tables.get(Tables.MENTIONS).asLong());
    assertEquals(tables.get(Tables.DOCUMENTS).asLong(), tables.get(Tables.TEXTS).asLong());
    // At most mention_contexts (3) contexts per document and term, and the first ones.
    assertEquals(
        List.of(List.of(0L, 0L)),
        DuckDb.query(
            "SELECT count(*) FILTER (WHERE contexts > 3), count(*) FILTER (WHERE contexts < least(n, 3)) FROM (SELECT doc_id, term_kind, "
                + "term_id, count(*) AS n, count(context) AS contexts FROM read_parquet('"
                + snapshot
                + "/mentions/*.parquet') GROUP BY ALL)"));
  }

  @Test
  void withoutTextsAndContextsTheCountsStillRollUpFromOffsets() throws Exception {
    Path input = work.resolve("input");
    WriteCorpus.write(
        new CorpusGenerator(12, REFERENCE.gazetteer(), REFERENCE.lexicon(), REFERENCE.taxonomy()),
        200,
        input,
        1,
        false);
    String yaml = "output:\n  texts: false\n  mention_contexts: 0\n";
    TifaConfig config =
        TifaConfig.withOverrides(
            new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
    Path snapshot = run(input, config, "n");

    assertFalse(Files.exists(snapshot.resolve(Tables.TEXTS)), "no texts table");
    JsonNode tables =
        new ObjectMapper().readTree(snapshot.resolve("manifest.json").toFile()).get("tables");
    assertFalse(tables.has(Tables.TEXTS));
    List<Object> row =
        DuckDb.query(
                "SELECT count(*), count(context), count(context_start) FROM read_parquet('"
                    + snapshot
                    + "/mentions/*.parquet')")
            .get(0);
    assertTrue((Long) row.get(0) > 0);
    assertEquals(List.of(row.get(0), 0L, 0L), row);
  }
}

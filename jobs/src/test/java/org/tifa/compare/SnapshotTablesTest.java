package org.tifa.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.SparkTest;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;
import org.tifa.testing.Writers;
import org.tifa.write.SnapshotWriter;

class SnapshotTablesTest extends SparkTest {
  @TempDir Path tmp;

  /**
   * A snapshot of a run that accepted nothing: its term_counts directory holds no grain partition
   * at all. It reads as empty tables with the documented columns, and compares to nothing.
   */
  @Test
  void anEmptySnapshotReadsAsEmptyTables() throws Exception {
    SnapshotWriter writer = Writers.snapshot(tmp.toString(), "empty");
    writer.writeTable(
        Tables.DOCUMENTS,
        spark().createDataFrame(List.<Row>of(), Tables.DOCUMENTS_SCHEMA),
        Tables.DOCUMENTS_SCHEMA,
        1);
    writer.writeTable(
        Tables.TERM_COUNTS,
        spark().createDataFrame(List.<Row>of(), Tables.TERM_COUNTS_SCHEMA),
        Tables.TERM_COUNTS_SCHEMA,
        1,
        Columns.GRAIN);
    writer.writeTable(
        Tables.TERMS,
        spark().createDataFrame(List.<Row>of(), Tables.TERMS_SCHEMA),
        Tables.TERMS_SCHEMA,
        1);
    writer.writeText(
        SnapshotWriter.MANIFEST,
        "{\"snapshot_id\":\"empty\",\"schema_version\":" + Tables.SCHEMA_VERSION + "}");
    writer.commit();
    try (var partitions = Files.list(tmp.resolve("empty/term_counts"))) {
      assertEquals(
          List.of(),
          partitions.filter(Files::isDirectory).toList(),
          "no grain=... directory was written");
    }

    SnapshotTables empty =
        SnapshotTables.read(
            spark(), SnapshotRef.resolve("--base", tmp.toString(), new Configuration()));
    assertEquals(
        Tables.TERM_COUNTS_SCHEMA.fieldNames().length, empty.termCounts().columns().length);
    assertEquals(0, TermChanges.of(empty, empty, "all", "county", 0.05).count());
    assertEquals(0, TermChanges.of(empty, empty, "month", "prefecture", 0.05).count());
    assertEquals(
        0, TermDiffusion.of(empty.documents(), empty.terms(), "prefecture", "empty").count());
    assertEquals(0, RegionSimilarity.of(empty.documents(), "prefecture", 10, "empty").count());
  }
}

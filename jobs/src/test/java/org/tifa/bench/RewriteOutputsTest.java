package org.tifa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which directories of a snapshot {@link RewriteOutputs} rewrites, and with which partition
 * columns: read off a hand-made layout, not a snapshot the job wrote.
 */
class RewriteOutputsTest {
  @TempDir Path snapshot;

  private void touch(String relative) throws Exception {
    Path file = snapshot.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "");
  }

  @Test
  void tablesAreDirectoriesWithParquetFilesAndTheirPartitionColumnsInOrder() throws Exception {
    touch("documents/part-00000.zstd.parquet");
    touch("term_counts/grain=month/part-00000.zstd.parquet");
    touch("term_counts/grain=year/part-00001.zstd.parquet");
    touch("term_counts/grain=year/part-00002.zstd.parquet");
    touch("nested/level=province/year=2024/part-00000.zstd.parquet");
    touch("quarantine/_SUCCESS");
    touch("manifest.json");

    List<RewriteOutputs.Table> tables = RewriteOutputs.tables(snapshot);

    assertEquals(
        List.of("documents", "nested", "term_counts"),
        tables.stream().map(RewriteOutputs.Table::name).toList());
    assertEquals(List.of(), tables.get(0).partitionBy());
    assertEquals(1, tables.get(0).files());
    assertEquals(List.of("level", "year"), tables.get(1).partitionBy());
    assertEquals(List.of("grain"), tables.get(2).partitionBy());
    assertEquals(3, tables.get(2).files());
  }
}

package org.tifa.compare;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tifa.schema.Tables;

/**
 * The tables of one snapshot that comparisons read: documents (denominators, diffusion,
 * similarity), term_counts (mentions and documents per period) and terms (display forms). {@link
 * #read} reads them with the documented schemas, never inferred ones; tests build them from rows.
 */
public record SnapshotTables(
    String snapshotId, Dataset<Row> documents, Dataset<Row> termCounts, Dataset<Row> terms) {

  /** Reads a resolved snapshot's tables (lazily: nothing is scanned until a stage runs). */
  public static SnapshotTables read(SparkSession spark, SnapshotRef ref) {
    return new SnapshotTables(
        ref.snapshotId(),
        spark.read().schema(Tables.DOCUMENTS_SCHEMA).parquet(ref.table(Tables.DOCUMENTS)),
        // term_counts/grain=<grain>/: the grain column comes back from the directory names.
        spark.read().schema(Tables.TERM_COUNTS_SCHEMA).parquet(ref.table(Tables.TERM_COUNTS)),
        spark.read().schema(Tables.TERMS_SCHEMA).parquet(ref.table(Tables.TERMS)));
  }
}

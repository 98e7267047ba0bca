package org.tifa.normalize;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.tifa.schema.Columns;

/**
 * Keeps one record per content hash: the earliest published (ties broken by input file and line, so
 * the choice never depends on partitioning). The kept record carries how many copies were dropped
 * and their distinct sources; the copies are counted, not quarantined.
 */
public final class Deduplicate {
  private Deduplicate() {}

  private static final String RANK = "_copy_rank";

  public static Dataset<Row> apply(Dataset<Row> docs) {
    WindowSpec byAge =
        Window.partitionBy(col(Columns.CONTENT_HASH))
            .orderBy(
                col(Columns.PUBLISHED_AT).asc(),
                col(Columns.INPUT_FILE).asc(),
                col(Columns.INPUT_LINE).asc());
    WindowSpec later = byAge.rowsBetween(1, Window.unboundedFollowing());
    return docs.withColumn(RANK, row_number().over(byAge))
        .withColumn(Columns.DUPLICATE_COUNT, count(lit(1)).over(later).cast("int"))
        .withColumn(
            Columns.DUPLICATE_SOURCES,
            array_sort(array_distinct(collect_list(col(Columns.SOURCE)).over(later))))
        .filter(col(RANK).equalTo(1))
        .drop(RANK);
  }
}

package org.tifa.normalize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.trim;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tifa.Columns;

/**
 * Stage 2: the normalized title, body and source of each record, and the content hash that
 * duplicate detection keys on.
 */
public final class NormalizeText {
  private NormalizeText() {}

  public static Dataset<Row> apply(Dataset<Row> records) {
    return records
        .withColumn(Columns.TITLE, trim(col(Columns.TITLE_RAW)))
        .withColumn(Columns.BODY, trim(col(Columns.BODY_RAW)))
        .withColumn(Columns.SOURCE, trim(col(Columns.SOURCE_RAW)))
        .withColumn(Columns.ORIGINAL_TITLE, lit(null).cast("string"))
        .withColumn(Columns.BODY_CHARS, length(col(Columns.BODY)))
        .withColumn(Columns.CONTENT_HASH, sha2(concat_ws("\u0000", col(Columns.TITLE), col(Columns.BODY)), 256));
  }
}

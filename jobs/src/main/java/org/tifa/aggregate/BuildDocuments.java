package org.tifa.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.tifa.schema.Tables;

/**
 * The {@code documents} table: one row per accepted record, in the documented column order. Columns
 * a stage has not produced (a capability not configured) are written as nulls of the documented
 * type, so the table's shape never depends on the run.
 */
public final class BuildDocuments {
  private BuildDocuments() {}

  public static Dataset<Row> apply(Dataset<Row> accepted) {
    java.util.Set<String> present = java.util.Set.of(accepted.columns());
    StructField[] fields = Tables.DOCUMENTS_SCHEMA.fields();
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      StructField f = fields[i];
      Column c = present.contains(f.name()) ? col(f.name()) : lit(null);
      columns[i] = c.cast(f.dataType()).as(f.name());
    }
    return accepted.select(columns);
  }
}

package org.tifa.quarantine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;

/**
 * What a fallible stage returns: its good rows and its quarantine rows (in the quarantine table's
 * schema). A stage marks a bad row by setting {@link Columns#REASON}; {@link #split} turns one such
 * Dataset into the two halves without computing it twice.
 */
public record StageResult(Dataset<Row> good, Dataset<Row> quarantine) {

  /**
   * Splits rows on {@link Columns#REASON}. The input is persisted (memory, then disk) because both
   * halves are consumed; the good half loses the reason, detail and raw columns.
   */
  public static StageResult split(Dataset<Row> marked, String stage) {
    return splitCached(marked.persist(StorageLevel.MEMORY_AND_DISK()), stage);
  }

  /**
   * Splits rows the caller has persisted already (or that are cheap to compute twice). Rows may
   * carry their own {@link Columns#STAGE} (when several stages marked rows before one split); where
   * it is null or absent, the quarantine row's stage is {@code stage}.
   */
  public static StageResult splitCached(Dataset<Row> marked, String stage) {
    Dataset<Row> good =
        marked
            .filter(col(Columns.REASON).isNull())
            .drop(
                Columns.REASON, Columns.DETAIL, Columns.RAW, Columns.RAW_TRUNCATED, Columns.STAGE);
    Dataset<Row> bad =
        marked.filter(col(Columns.REASON).isNotNull()).select(quarantineColumns(marked, stage));
    return new StageResult(good, bad);
  }

  private static Column[] quarantineColumns(Dataset<Row> marked, String stage) {
    String[] names = Tables.QUARANTINE_SCHEMA.fieldNames();
    Column[] out = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      Column c;
      if (name.equals(Columns.STAGE)) {
        c = hasColumn(marked, name) ? coalesce(col(name), lit(stage)) : lit(stage);
      } else if (hasColumn(marked, name)) {
        c = col(name);
      } else {
        c = lit(null);
      }
      out[i] = c.cast(Tables.QUARANTINE_SCHEMA.apply(name).dataType()).as(name);
    }
    return out;
  }

  private static boolean hasColumn(Dataset<Row> ds, String name) {
    for (String n : ds.columns()) {
      if (n.equals(name)) {
        return true;
      }
    }
    return false;
  }
}

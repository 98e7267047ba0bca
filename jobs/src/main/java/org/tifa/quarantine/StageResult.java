package org.tifa.quarantine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.tifa.Columns;
import org.tifa.Tables;

/**
 * What a fallible stage returns: its good rows and its quarantine rows (in the quarantine
 * table's schema). A stage marks a bad row by setting {@link Columns#REASON}; {@link #split}
 * turns one such Dataset into the two halves without computing it twice.
 */
public record StageResult(Dataset<Row> good, Dataset<Row> quarantine) {

  /**
   * Splits rows on {@link Columns#REASON}. The input is persisted (memory, then disk) because
   * both halves are consumed; the good half loses the reason, detail and raw columns.
   */
  public static StageResult split(Dataset<Row> marked, String stage) {
    Dataset<Row> cached = marked.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> good =
        cached.filter(col(Columns.REASON).isNull()).drop(Columns.REASON, Columns.DETAIL, Columns.RAW, Columns.RAW_TRUNCATED);
    Dataset<Row> bad = cached.filter(col(Columns.REASON).isNotNull()).select(quarantineColumns(cached, stage));
    return new StageResult(good, bad);
  }

  private static Column[] quarantineColumns(Dataset<Row> marked, String stage) {
    String[] names = Tables.QUARANTINE_SCHEMA.fieldNames();
    Column[] out = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      Column c;
      if (name.equals(Columns.STAGE)) {
        c = lit(stage);
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

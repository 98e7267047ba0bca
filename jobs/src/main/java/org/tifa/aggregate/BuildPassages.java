package org.tifa.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;

/**
 * The tables that trace every count to its text: {@code document_terms} (one row per document and
 * term), {@code mentions} (one row per occurrence) and {@code texts} (the normalized title and body
 * the offsets point into). Each is a projection of the accepted documents; nothing is counted here,
 * so every figure of {@code term_counts} is a rollup of these rows.
 */
public final class BuildPassages {
  private BuildPassages() {}

  /** Columns every fact row carries for filtering without a join. */
  private static final String[] DOCUMENT = {
    Columns.DOC_ID, Columns.PUBLISHED_DATE, Columns.REGION_CODE, Columns.PROVINCE_CODE
  };

  /** One row per accepted document and term, from {@link Columns#TERM_HITS}. */
  public static Dataset<Row> documentTerms(Dataset<Row> accepted) {
    return exploded(accepted, Columns.TERM_HITS, Tables.DOCUMENT_TERMS_SCHEMA);
  }

  /** One row per mention, from {@link Columns#MENTION_ROWS}. */
  public static Dataset<Row> mentions(Dataset<Row> accepted) {
    return exploded(accepted, Columns.MENTION_ROWS, Tables.MENTIONS_SCHEMA);
  }

  /**
   * Each unique document with all its columns (its normalized title among them) and its normalized
   * body: {@code texts} holds the bodies by the record's keys, {@code documents} names the unique
   * ones by the same keys. Both sides are partitioned by the keys into {@code partitions}, which
   * the result keeps.
   */
  public static Dataset<Row> uniqueTexts(
      Dataset<Row> texts, Dataset<Row> documents, int partitions, String... recordKeys) {
    Column[] keys = new Column[recordKeys.length];
    Column[] text = new Column[recordKeys.length + 1];
    for (int i = 0; i < recordKeys.length; i++) {
      keys[i] = col(recordKeys[i]);
      text[i] = col(recordKeys[i]);
    }
    text[recordKeys.length] = col(Columns.BODY);
    return texts
        .select(text)
        .repartition(partitions, keys)
        .join(documents.repartition(partitions, keys), recordKeys);
  }

  /** The texts table from {@link #uniqueTexts}. */
  public static Dataset<Row> texts(Dataset<Row> uniqueTexts) {
    return uniqueTexts.select(columns(Tables.TEXTS_SCHEMA, null));
  }

  private static Dataset<Row> exploded(Dataset<Row> accepted, String array, StructType schema) {
    Column[] carried = new Column[DOCUMENT.length + 1];
    for (int i = 0; i < DOCUMENT.length; i++) {
      carried[i] = col(DOCUMENT[i]);
    }
    carried[DOCUMENT.length] = explode(col(array)).as("_x");
    return accepted.select(carried).select(columns(schema, "_x"));
  }

  /**
   * The schema's columns in order, cast to its types: from the struct {@code inner} where it has
   * them.
   */
  private static Column[] columns(StructType schema, String inner) {
    java.util.Set<String> document = java.util.Set.of(DOCUMENT);
    StructField[] fields = schema.fields();
    Column[] out = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      String name = fields[i].name();
      Column c = inner == null || document.contains(name) ? col(name) : col(inner + "." + name);
      out[i] = c.cast(fields[i].dataType()).as(name);
    }
    return out;
  }
}

package org.tifa.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.StructType;
import org.tifa.Columns;

/**
 * Pass two of slogan counting, and topic matching: every occurrence of every known slogan (quoted
 * or not; longest match, no overlaps) and every topic keyword in each document's normalized
 * title and body. Adds {@link Columns#TERM_HITS} (kind, id, mentions, and the term's {@link
 * TermDictionary#key} for counting by number) and the sorted id arrays {@link Columns#SLOGANS} and
 * {@link Columns#TOPICS}.
 */
public final class ExtractTerms {
  private ExtractTerms() {}

  public static final StructType HIT =
      new StructType()
          .add(Columns.TERM_KIND, StringType)
          .add(Columns.TERM_ID, StringType)
          .add(Columns.MENTIONS, IntegerType)
          .add(Columns.TERM_KEY, LongType, false);

  private static final StructType RESULT =
      new StructType()
          .add(Columns.TERM_HITS, createArrayType(HIT, false))
          .add(Columns.SLOGANS, createArrayType(StringType, false))
          .add(Columns.TOPICS, createArrayType(StringType, false));

  public static Dataset<Row> apply(Dataset<Row> documents, Broadcast<TermDictionary> dictionary) {
    return documents
        .withColumn(
            "_terms",
            udf((UDF2<String, String, Row>) (title, body) -> toRow(dictionary.value().count(title, body)), RESULT)
                .apply(col(Columns.TITLE), col(Columns.BODY)))
        .withColumn(Columns.TERM_HITS, col("_terms." + Columns.TERM_HITS))
        .withColumn(Columns.SLOGANS, col("_terms." + Columns.SLOGANS))
        .withColumn(Columns.TOPICS, col("_terms." + Columns.TOPICS))
        .drop("_terms");
  }

  static Row toRow(Map<String, int[]> counts) {
    List<Row> hits = new ArrayList<>();
    TreeSet<String> slogans = new TreeSet<>();
    TreeSet<String> topics = new TreeSet<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int split = e.getKey().indexOf('\u0000');
      String kind = e.getKey().substring(0, split);
      String id = e.getKey().substring(split + 1);
      hits.add(RowFactory.create(kind, id, e.getValue()[0], TermDictionary.key(kind, id)));
      (kind.equals(TermDictionary.SLOGAN) ? slogans : topics).add(id);
    }
    return RowFactory.create(hits.toArray(Row[]::new), slogans.toArray(String[]::new), topics.toArray(String[]::new));
  }
}

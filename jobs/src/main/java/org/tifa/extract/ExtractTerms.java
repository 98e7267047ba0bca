package org.tifa.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.StructType;
import org.tifa.Columns;
import org.tifa.Tables;

/**
 * Pass two of slogan counting, and topic matching: every occurrence of every known slogan (quoted
 * or not; longest match, no overlaps) and every topic keyword in each document's normalized
 * title and body. Adds {@link Columns#TERM_HITS} (kind, id, mentions, the term's {@link
 * TermDictionary#key} for counting by number, its {@link Salience} in the document and whether the
 * document is {@link Columns#ABOUT} it), the sorted id arrays {@link Columns#SLOGANS} (every
 * slogan mentioned) and {@link Columns#TOPICS} (the topics the document is about: at or above the
 * minimum salience), and {@link Columns#TOPIC_SALIENCE}: every topic mentioned with its mentions and
 * salience, by id, so that a document's topics can be judged at another minimum.
 */
public final class ExtractTerms {
  private ExtractTerms() {}

  public static final StructType HIT =
      new StructType()
          .add(Columns.TERM_KIND, StringType)
          .add(Columns.TERM_ID, StringType)
          .add(Columns.MENTIONS, IntegerType)
          .add(Columns.TERM_KEY, LongType, false)
          .add(Columns.SALIENCE, DoubleType, false)
          .add(Columns.ABOUT, BooleanType, false);

  private static final StructType RESULT =
      new StructType()
          .add(Columns.TERM_HITS, createArrayType(HIT, false))
          .add(Columns.SLOGANS, createArrayType(StringType, false))
          .add(Columns.TOPICS, createArrayType(StringType, false))
          .add(Columns.TOPIC_SALIENCE, createArrayType(Tables.TOPIC_MENTIONS, false));

  /** The hits of every document; a topic counts as the document's at {@code minSalience} or above. */
  public static Dataset<Row> apply(Dataset<Row> documents, Broadcast<TermDictionary> dictionary, double minSalience) {
    return documents
        .withColumn(
            "_terms",
            udf(
                    (UDF2<String, String, Row>)
                        (title, body) -> toRow(dictionary.value().count(title, body), Salience.chars(title, body), minSalience),
                    RESULT)
                .apply(col(Columns.TITLE), col(Columns.BODY)))
        .withColumn(Columns.TERM_HITS, col("_terms." + Columns.TERM_HITS))
        .withColumn(Columns.SLOGANS, col("_terms." + Columns.SLOGANS))
        .withColumn(Columns.TOPICS, col("_terms." + Columns.TOPICS))
        .withColumn(Columns.TOPIC_SALIENCE, col("_terms." + Columns.TOPIC_SALIENCE))
        .drop("_terms");
  }

  /** One document's result from its counts per term, its length in characters and the minimum salience. */
  static Row toRow(Map<String, int[]> counts, int chars, double minSalience) {
    List<Row> hits = new ArrayList<>();
    TreeSet<String> slogans = new TreeSet<>();
    TreeSet<String> topics = new TreeSet<>();
    TreeMap<String, Row> topicSalience = new TreeMap<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int split = e.getKey().indexOf('\u0000');
      String kind = e.getKey().substring(0, split);
      String id = e.getKey().substring(split + 1);
      int mentions = e.getValue()[0];
      double salience = Salience.of(mentions, chars);
      boolean about = Salience.about(kind, salience, minSalience);
      hits.add(RowFactory.create(kind, id, mentions, TermDictionary.key(kind, id), salience, about));
      if (kind.equals(TermDictionary.SLOGAN)) {
        slogans.add(id);
        continue;
      }
      topicSalience.put(id, RowFactory.create(id, mentions, salience));
      if (about) {
        topics.add(id);
      }
    }
    return RowFactory.create(
        hits.toArray(Row[]::new), slogans.toArray(String[]::new), topics.toArray(String[]::new), topicSalience.values().toArray(Row[]::new));
  }
}

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;

/**
 * Pass two of slogan counting, and topic matching: every occurrence of every known slogan (quoted
 * or not; longest match, no overlaps) and every topic keyword in each document's normalized title
 * and body. Adds {@link Columns#TERM_HITS} (per term: kind, id, mentions, the term's {@link
 * TermDictionary#key} for counting by number, its {@link Salience} in the document, whether the
 * document is {@link Columns#ABOUT} it, quoted mentions, the first mention's offset and the
 * family), the sorted id arrays {@link Columns#SLOGANS} (every slogan mentioned) and {@link
 * Columns#TOPICS} (the topics the document is about: at or above the minimum salience), and {@link
 * Columns#TOPIC_SALIENCE}: every topic mentioned with its mentions and salience, by id, so that a
 * document's topics can be judged at another minimum. {@link #mentions} lists the occurrences
 * themselves. Offsets are code points of the document's {@link Passage#text}.
 */
public final class ExtractTerms {
  private ExtractTerms() {}

  /**
   * @param minSalience a topic counts as the document's at this salience or above
   * @param mentionContexts contexts kept per term and document, the first mentions'
   * @param contextChars characters of context on either side of a mention, within its sentence
   */
  public record Settings(double minSalience, int mentionContexts, int contextChars)
      implements java.io.Serializable {}

  public static final StructType HIT =
      new StructType()
          .add(Columns.TERM_KIND, StringType)
          .add(Columns.TERM_ID, StringType)
          .add(Columns.MENTIONS, IntegerType)
          .add(Columns.TERM_KEY, LongType, false)
          .add(Columns.SALIENCE, DoubleType, false)
          .add(Columns.ABOUT, BooleanType, false)
          .add(Columns.QUOTED_MENTIONS, IntegerType, false)
          .add(Columns.FIRST_START, IntegerType, false)
          .add(Columns.FAMILY, StringType, true);

  public static final StructType MENTION =
      new StructType()
          .add(Columns.TERM_KIND, StringType, false)
          .add(Columns.TERM_ID, StringType, false)
          .add(Columns.FAMILY, StringType, true)
          .add(Columns.START, IntegerType, false)
          .add(Columns.END, IntegerType, false)
          .add(Columns.SURFACE, StringType, false)
          .add(Columns.QUOTED, BooleanType, false)
          .add(Columns.CONTEXT, StringType, true)
          .add(Columns.CONTEXT_START, IntegerType, true);

  private static final StructType RESULT =
      new StructType()
          .add(Columns.TERM_HITS, createArrayType(HIT, false))
          .add(Columns.SLOGANS, createArrayType(StringType, false))
          .add(Columns.TOPICS, createArrayType(StringType, false))
          .add(Columns.TOPIC_SALIENCE, createArrayType(Tables.TOPIC_MENTIONS, false));

  /** The hits of every document. */
  public static Dataset<Row> apply(
      Dataset<Row> documents, Broadcast<TermDictionary> dictionary, Settings settings) {
    return documents
        .withColumn(
            "_terms",
            udf(
                    (UDF2<String, String, Row>)
                        (title, body) -> {
                          TermDictionary d = dictionary.value();
                          return toRow(
                              d.mentions(title, body),
                              Passage.text(title, body),
                              Salience.chars(title, body),
                              settings,
                              d);
                        },
                    RESULT)
                .apply(col(Columns.TITLE), col(Columns.BODY)))
        .withColumn(Columns.TERM_HITS, col("_terms." + Columns.TERM_HITS))
        .withColumn(Columns.SLOGANS, col("_terms." + Columns.SLOGANS))
        .withColumn(Columns.TOPICS, col("_terms." + Columns.TOPICS))
        .withColumn(Columns.TOPIC_SALIENCE, col("_terms." + Columns.TOPIC_SALIENCE))
        .drop("_terms");
  }

  /**
   * Adds {@link Columns#MENTION_ROWS} to each document: its mentions, as {@link #apply} counts
   * them, in text order. A pass of its own over the unique documents' texts, so that the mentions
   * and their sentences never travel with the documents through the joins and caches of counting.
   */
  public static Dataset<Row> mentions(
      Dataset<Row> documents, Broadcast<TermDictionary> dictionary, Settings settings) {
    return documents.withColumn(
        Columns.MENTION_ROWS,
        udf(
                (UDF2<String, String, Row[]>)
                    (title, body) -> {
                      TermDictionary d = dictionary.value();
                      return mentionRows(
                          d.mentions(title, body), Passage.text(title, body), settings, d);
                    },
                createArrayType(MENTION, false))
            .apply(col(Columns.TITLE), col(Columns.BODY)));
  }

  /** Per term of a document: mentions, quoted mentions, first offset (Java chars). */
  private static final class Tally {
    int mentions;
    int quoted;
    int first = Integer.MAX_VALUE;
  }

  /**
   * One document's result from its mentions (in {@link TermDictionary#mentions} order), its text
   * ({@link Passage#text}), its length in characters, the settings and the family of each term.
   */
  static Row toRow(
      List<Mention> mentions, String text, int chars, Settings settings, TermDictionary families) {
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (Mention m : mentions) {
      Tally t = tallies.computeIfAbsent(m.kind() + "\u0000" + m.id(), k -> new Tally());
      t.mentions++;
      t.quoted += m.quoted() ? 1 : 0;
      t.first = Math.min(t.first, m.start());
    }
    Passage.CodePoints points = new Passage.CodePoints(text);
    List<Row> hits = new ArrayList<>();
    TreeSet<String> slogans = new TreeSet<>();
    TreeSet<String> topics = new TreeSet<>();
    TreeMap<String, Row> topicSalience = new TreeMap<>();
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      int split = e.getKey().indexOf('\u0000');
      String kind = e.getKey().substring(0, split);
      String id = e.getKey().substring(split + 1);
      Tally t = e.getValue();
      double salience = Salience.of(t.mentions, chars);
      boolean about = Salience.about(kind, salience, settings.minSalience());
      hits.add(
          RowFactory.create(
              kind,
              id,
              t.mentions,
              TermDictionary.key(kind, id),
              salience,
              about,
              t.quoted,
              points.of(t.first),
              families.familyOf(kind, id)));
      if (kind.equals(TermDictionary.SLOGAN)) {
        slogans.add(id);
        continue;
      }
      topicSalience.put(id, RowFactory.create(id, t.mentions, salience));
      if (about) {
        topics.add(id);
      }
    }
    return RowFactory.create(
        hits.toArray(Row[]::new),
        slogans.toArray(String[]::new),
        topics.toArray(String[]::new),
        topicSalience.values().toArray(Row[]::new));
  }

  /**
   * One document's mention rows (struct {@link #MENTION}) in text order, a longer match before the
   * ones inside it; the first {@code mentionContexts} of each term keep their sentence.
   */
  static Row[] mentionRows(
      List<Mention> mentions, String text, Settings settings, TermDictionary families) {
    Passage.CodePoints points = new Passage.CodePoints(text);
    List<Mention> inOrder = new ArrayList<>(mentions);
    inOrder.sort(
        Comparator.comparingInt(Mention::start)
            .thenComparing(Comparator.comparingInt(Mention::end).reversed()));
    Map<String, Integer> contexts = new HashMap<>();
    Row[] rows = new Row[inOrder.size()];
    for (int i = 0; i < rows.length; i++) {
      Mention m = inOrder.get(i);
      String context = null;
      Integer contextStart = null;
      if (contexts.merge(m.kind() + "\u0000" + m.id(), 1, Integer::sum)
          <= settings.mentionContexts()) {
        int[] c = Passage.context(text, m.start(), m.end(), settings.contextChars());
        context = text.substring(c[0], c[1]);
        contextStart = points.of(c[0]);
      }
      rows[i] =
          RowFactory.create(
              m.kind(),
              m.id(),
              families.familyOf(m.kind(), m.id()),
              points.of(m.start()),
              points.of(m.end()),
              m.surface(),
              m.quoted(),
              context,
              contextStart);
    }
    return rows;
  }
}

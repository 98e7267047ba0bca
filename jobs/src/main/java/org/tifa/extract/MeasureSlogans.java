package org.tifa.extract;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.StructType;
import org.tifa.match.TermMatcher;
import org.tifa.schema.Columns;

/**
 * The unquoted half of slogan discovery, one pass over the texts: how often each quoted candidate
 * occurs at all, quoted or not (the denominator of its quote share), and the repeated phrases that
 * {@link PhraseMiner} finds. Occurrences are counted independently per candidate, overlaps
 * included: 人民 inside 人民群众 is an occurrence of 人民 whether or not 人民群众 is a candidate too. A hit
 * inside a longer number is none.
 */
public final class MeasureSlogans {
  private MeasureSlogans() {}

  public static final String KEY = "key";
  public static final String PHRASE = "phrase";
  public static final String COUNT = "n";
  public static final String OCCURRENCES = "occurrences";
  private static final String COUNTS = "_counts";
  private static final String PHRASES = "_phrases";

  private static final StructType PAIR_OF_KEY =
      new StructType().add(KEY, StringType).add(COUNT, IntegerType);
  public static final String INTRODUCED = "introduced";
  private static final StructType PAIR_OF_PHRASE =
      new StructType().add(PHRASE, StringType).add(COUNT, IntegerType).add(INTRODUCED, IntegerType);
  private static final StructType RESULT =
      new StructType()
          .add(COUNTS, createArrayType(PAIR_OF_KEY, false))
          .add(PHRASES, createArrayType(PAIR_OF_PHRASE, false));

  /**
   * The per-document work, broadcast: the candidates' keys and the miner. Tries are built per JVM.
   */
  public static final class Measurer implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String[] keys;
    private final PhraseMiner miner;
    private transient volatile AhoCorasickDoubleArrayTrie<Integer> trie;

    public Measurer(List<String> keys, PhraseMiner miner) {
      this.keys = keys.stream().distinct().sorted().toArray(String[]::new);
      this.miner = miner;
    }

    /**
     * Occurrences per candidate key in the title and body together, overlaps included; never inside
     * a longer number (九五 in 一九九五 is no occurrence), as {@link TermMatcher} counts.
     */
    public Map<String, Integer> occurrences(String title, String body) {
      AhoCorasickDoubleArrayTrie<Integer> t = trie();
      Map<String, Integer> out = new TreeMap<>();
      for (String text : new String[] {title, body}) {
        if (t != null && text != null && !text.isEmpty()) {
          t.parseText(
              text,
              (AhoCorasickDoubleArrayTrie.IHit<Integer>)
                  (begin, end, index) -> {
                    if (!TermMatcher.cutsANumber(text, begin, end)) {
                      out.merge(keys[index], 1, Integer::sum);
                    }
                  });
        }
      }
      return out;
    }

    /** Mined phrases of the title and body together: occurrences and introduced occurrences. */
    public Map<String, int[]> phrases(String title, String body) {
      Map<String, int[]> out = new TreeMap<>(miner.phrases(title));
      miner
          .phrases(body)
          .forEach((p, n) -> out.merge(p, n, (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]}));
      return out;
    }

    Row measure(String title, String body) {
      Row[] phrases =
          phrases(title, body).entrySet().stream()
              .map(e -> RowFactory.create(e.getKey(), e.getValue()[0], e.getValue()[1]))
              .toArray(Row[]::new);
      return RowFactory.create(pairs(occurrences(title, body)), phrases);
    }

    private AhoCorasickDoubleArrayTrie<Integer> trie() {
      AhoCorasickDoubleArrayTrie<Integer> t = trie;
      if (t == null && keys.length > 0) {
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
          index.put(keys[i], i);
        }
        t = new AhoCorasickDoubleArrayTrie<>();
        t.build(index);
        trie = t;
      }
      return t;
    }

    private static Row[] pairs(Map<String, Integer> counts) {
      return counts.entrySet().stream()
          .map(e -> RowFactory.create(e.getKey(), e.getValue()))
          .toArray(Row[]::new);
    }
  }

  /**
   * Adds the measurements of each document's {@link Columns#TITLE} and {@link Columns#BODY} and
   * drops the texts; the other columns (the record's keys, its province) are kept.
   */
  public static Dataset<Row> apply(Dataset<Row> texts, Broadcast<Measurer> measurer) {
    Column measured =
        udf(
                (UDF2<String, String, Row>) (title, body) -> measurer.value().measure(title, body),
                RESULT)
            .apply(col(Columns.TITLE), col(Columns.BODY));
    return texts.withColumn("_m", measured).drop(Columns.TITLE, Columns.BODY);
  }

  /**
   * Per candidate key: documents containing it and occurrences ({@link Columns#DOCUMENTS}, {@link
   * #OCCURRENCES}).
   */
  public static Dataset<Row> occurrences(Dataset<Row> measured) {
    return measured
        .select(explode(col("_m." + COUNTS)).as("_p"))
        .groupBy(col("_p." + KEY).as(KEY))
        .agg(
            count(lit(1)).as(Columns.DOCUMENTS),
            sum(col("_p." + COUNT)).cast("bigint").as(OCCURRENCES));
  }

  /**
   * The mined phrases found in enough documents of enough regions (provinces; documents without one
   * count as one more): phrase, documents, regions, occurrences, introduced occurrences.
   */
  public static Dataset<Row> frequentPhrases(Dataset<Row> measured, PhraseMiner.Rules rules) {
    return measured
        .select(
            coalesce(col(Columns.PROVINCE_CODE), lit("")).as("_region"),
            explode(col("_m." + PHRASES)).as("_p"))
        .groupBy(col("_p." + PHRASE).as(PHRASE))
        .agg(
            count(lit(1)).as(Columns.DOCUMENTS),
            countDistinct(col("_region")).as(DiscoverSlogans.REGIONS),
            sum(col("_p." + COUNT)).cast("bigint").as(OCCURRENCES),
            sum(col("_p." + INTRODUCED)).cast("bigint").as(INTRODUCED))
        .filter(
            col(Columns.DOCUMENTS)
                .geq(rules.minDocuments())
                .and(col(DiscoverSlogans.REGIONS).geq(rules.minRegions())));
  }

  /** {@link #occurrences} collected: key → {documents, occurrences}. */
  public static Map<String, long[]> collectOccurrences(Dataset<Row> occurrences) {
    Map<String, long[]> out = new HashMap<>();
    for (Row r : occurrences.collectAsList()) {
      out.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
    }
    return out;
  }

  /** {@link #frequentPhrases} collected. */
  public static List<PhraseMiner.Phrase> collectPhrases(Dataset<Row> phrases) {
    return phrases.collectAsList().stream()
        .map(
            r ->
                new PhraseMiner.Phrase(
                    r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)))
        .toList();
  }
}

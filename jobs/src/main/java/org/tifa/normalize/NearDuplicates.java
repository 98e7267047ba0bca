package org.tifa.normalize;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.tifa.schema.Columns;
import org.tifa.spark.Lineage;
import scala.Tuple2;

/**
 * Folds near duplicates (one article republished with another header or footer, or a few edited
 * words) into one document, after exact deduplication and in the same way: the earliest copy by
 * (published_at, input_file, input_line) is kept and counts the others; nothing is quarantined.
 *
 * <p>Input: {@link Deduplicate}'s output. Output ({@link Result#kept()}): the same columns for the
 * kept documents, where {@code duplicate_count} grows by 1 + the exact-copy count of every absorbed
 * record, {@code duplicate_sources} becomes the sorted distinct union of its own, the absorbed
 * records' sources and their {@code duplicate_sources}, and a new column {@code
 * near_duplicate_similarity} holds the lowest estimated similarity between the kept document and a
 * record it absorbed (null when it absorbed none). {@link Result#absorbed()} lists the absorbed
 * records with the document that absorbed them, for counting and audit.
 *
 * <p>How, without comparing all pairs: a {@link MinHash} signature of title and body per record;
 * records sharing an LSH band key are candidates; candidates whose signatures agree on at least
 * {@code threshold} of their rows are linked; each connected group of links is one article, so a
 * chain A~B~C is one group even when A and C are not similar enough themselves (the similarity then
 * recorded for A can be below the threshold). A band bucket holding more than {@code maxBucketSize}
 * records (boilerplate shared by many texts) is not expanded into all its pairs: each member is
 * compared with the bucket's earliest record only, which keeps the work linear and still folds mass
 * reposts of one text.
 *
 * <p>Groups are found by min-label propagation: each linked record takes the smallest (earliest)
 * key among itself and its neighbours' labels until no label changes. The earliest record's key
 * wins, so it is the kept one, whatever the partitioning. The stage runs Spark actions in this loop
 * only, one count per round (rounds are the longest distance from a group's earliest record plus
 * one: two or three for groups of copies), and once after it, to count the absorbed records. The
 * records in age order (on disk), signatures, links, labels and the absorbed records' keys are
 * persisted; {@link Result#release} releases the first two (the others, a few numbers per linked
 * record, stay until the job ends). The input is evaluated twice (sampled for the sort's ranges,
 * then sorted), so a caller may persist it.
 *
 * <p>A threshold of 1.0 turns detection off: every record is kept as it is, with a null similarity.
 */
public final class NearDuplicates {
  private NearDuplicates() {}

  /**
   * What {@link #apply} makes: the kept documents, the records folded into them and how many those
   * are (counted without reading the records); {@code cached} are the Datasets the stage persisted,
   * which {@link #release} unpersists once the caller has what it needs of both (or has persisted
   * it).
   */
  public record Result(
      Dataset<Row> kept, Dataset<Row> absorbed, long absorbedCount, List<Dataset<Row>> cached) {
    public void release() {
      cached.forEach(d -> d.unpersist(false));
    }
  }

  /** The {@code dedup} section of {@code conf/tifa.yaml}. */
  public record Settings(double threshold, int shingleChars, int minhashSize, int maxBucketSize) {
    public Settings {
      if (!(threshold > 0 && threshold <= 1)
          || shingleChars < 1
          || minhashSize < 1
          || maxBucketSize < 2) {
        throw new IllegalArgumentException(
            "threshold in (0, 1], positive shingle and signature sizes, bucket size of at least 2: "
                + this);
      }
    }
  }

  private static final String KEY = "_nd_key";
  private static final String KEPT_FILE = "_nd_kept_file";
  private static final String KEPT_LINE = "_nd_kept_line";
  private static final String[] RECORD = {Columns.INPUT_FILE, Columns.INPUT_LINE};
  private static final String SIG = "_nd_sig";
  private static final String BAND = "_nd_band";
  private static final String BUCKET = "_nd_bucket";
  private static final String A = "_nd_a";
  private static final String B = "_nd_b";
  private static final String SIG_A = "_nd_sig_a";
  private static final String SIG_B = "_nd_sig_b";
  private static final String NODE = "_nd_node";
  private static final String LABEL = "_nd_label";
  private static final String NEIGHBOUR_MIN = "_nd_neighbour_min";
  private static final String CHANGED = "_nd_changed";
  private static final String ADDED_COUNT = "_nd_added_count";
  private static final String ADDED_SOURCES = "_nd_added_sources";
  private static final String SIM = Columns.NEAR_DUPLICATE_SIMILARITY;

  /**
   * Joins whose one side is small (linked or absorbed records and their keepers) build a hash table
   * of it instead of sorting both sides; a shuffled hash table cannot spill, so sides that can grow
   * with the corpus (candidate pairs, signatures, band rows) stay sort-merge joins.
   */
  private static final String HASH = "shuffle_hash";

  /**
   * The strings of {@code array}, which holds no nulls, typed as an array of non-null strings (as
   * the documents table declares {@code duplicate_sources}). Spark 3.5 types the result of {@code
   * array_compact} as still holding nulls and refuses to cast that away; the coalesce never fires.
   */
  private static Column nonNullElements(Column array) {
    return transform(array, x -> coalesce(x, lit("")));
  }

  public static Result apply(Dataset<Row> docs, Settings settings) {
    if (settings.threshold() >= 1) {
      return new Result(
          docs.drop(SIGNATURE, BANDS).withColumn(SIM, lit(null).cast(DoubleType)),
          noneAbsorbed(docs),
          0,
          List.of());
    }
    // Persisted: its keys are numbered by partition, and every use must see the same numbers.
    // Partitioned by key, as every join below is keyed: the records are not shuffled again.
    Dataset<Row> keyed = inAgeOrder(docs).repartition(col(KEY)).persist(StorageLevel.DISK_ONLY());
    Dataset<Row> signatures = signatures(keyed).persist(StorageLevel.MEMORY_AND_DISK());
    // Cut from its lineage (two numbers a row): each round of label propagation would otherwise
    // describe itself, to the UI and event log, with the plans of the whole pipeline before it.
    Dataset<Row> links =
        Lineage.cut(links(candidates(signatures, settings), signatures, settings.threshold()));
    Dataset<Row> labels = groups(links);

    UserDefinedFunction estimate = estimateUdf();
    // Cut (a few numbers per linked record): the kept and the absorbed records both read it, and
    // each read of the uncut plan scanned every signature twice.
    Dataset<Row> absorbedKeys =
        Lineage.cut(
            labels
                .filter(col(NODE).notEqual(col(LABEL)))
                .hint(HASH)
                .join(signatures.select(col(KEY).as(NODE), col(SIG).as(SIG_A)), NODE)
                .hint(HASH)
                .join(signatures.select(col(KEY).as(LABEL), col(SIG).as(SIG_B)), LABEL)
                .select(
                    col(NODE).as(KEY), col(LABEL), estimate.apply(col(SIG_A), col(SIG_B)).as(SIM)));
    Dataset<Row> absorbed = keyed.join(absorbedKeys.hint(HASH), KEY);

    Column noSources = array().cast(createArrayType(StringType));
    Column copySources =
        concat(array(col(Columns.SOURCE)), coalesce(col(Columns.DUPLICATE_SOURCES), noSources));
    Dataset<Row> added =
        absorbed
            .groupBy(col(LABEL).as(KEY))
            .agg(
                sum(lit(1).plus(coalesce(col(Columns.DUPLICATE_COUNT), lit(0))))
                    .cast("int")
                    .as(ADDED_COUNT),
                flatten(collect_list(copySources)).as(ADDED_SOURCES),
                min(col(SIM)).as(SIM));
    // Coalescing with literals keeps the input's nullability; own sources are already sorted and
    // distinct.
    Dataset<Row> kept =
        keyed
            .join(absorbedKeys.select(KEY).hint(HASH), KEY, "left_anti")
            .join(added.hint(HASH), KEY, "left")
            .withColumn(
                Columns.DUPLICATE_COUNT,
                col(Columns.DUPLICATE_COUNT).plus(coalesce(col(ADDED_COUNT), lit(0))))
            .withColumn(
                Columns.DUPLICATE_SOURCES,
                nonNullElements(
                    array_sort(
                        array_distinct(
                            array_compact(
                                concat(
                                    col(Columns.DUPLICATE_SOURCES),
                                    coalesce(col(ADDED_SOURCES), noSources)))))));

    List<Column> out = new ArrayList<>();
    for (String c : docs.columns()) {
      if (!c.equals(SIGNATURE) && !c.equals(BANDS)) {
        out.add(col(c));
      }
    }
    out.add(col(SIM));
    Dataset<Row> absorbedOut =
        absorbed
            .join(
                keyed
                    .select(
                        col(KEY).as(LABEL),
                        col(RECORD[0]).as(KEPT_FILE),
                        col(RECORD[1]).as(KEPT_LINE))
                    .hint(HASH),
                new String[] {LABEL})
            .select(
                col(Columns.DOC_ID),
                col(Columns.INPUT_FILE),
                col(Columns.INPUT_LINE),
                col(KEPT_FILE).as(Columns.KEPT_INPUT_FILE),
                col(KEPT_LINE).as(Columns.KEPT_INPUT_LINE),
                col(SIM));
    return new Result(
        kept.select(out.toArray(Column[]::new)),
        absorbedOut,
        absorbedKeys.count(),
        List.of(keyed, signatures));
  }

  /**
   * The records sorted by age, each with its age as a number, {@link #KEY}: unique, and ordered as
   * (published_at, input_file, input_line), so that "earliest" is the smallest key. Spark sorts the
   * records across range partitions, in order, and each partition numbers its rows upwards from its
   * index in the id's upper bits; every later grouping, minimum and join then works on a long
   * instead of a struct with strings, which Spark could not aggregate by hashing. Sorting the whole
   * records once costs one shuffle; numbering only the three columns and joining the key back cost
   * one shuffle of the records per query that read them. (A row number over one window put every
   * record in one task.)
   */
  private static Dataset<Row> inAgeOrder(Dataset<Row> docs) {
    return docs.orderBy(col(Columns.PUBLISHED_AT), col(RECORD[0]), col(RECORD[1]))
        .withColumn(KEY, monotonically_increasing_id());
  }

  /**
   * The column of each record's signature ({@link NearDuplicateSigner}) that {@link #apply} reads,
   * and drops from what it returns.
   */
  public static final String SIGNATURE = "_nd_signature";

  /** The column of each record's band keys, read and dropped as {@link #SIGNATURE}. */
  public static final String BANDS = "_nd_bands";

  /**
   * (key, signature, band keys) of every record with at least one letter or digit in its title or
   * body.
   */
  private static Dataset<Row> signatures(Dataset<Row> keyed) {
    return keyed
        .select(col(KEY), col(SIGNATURE).as(SIG), col(BANDS).as(BUCKET))
        .filter(size(col(SIG)).gt(0));
  }

  /**
   * Distinct candidate pairs (a, b), a earlier than b: records sharing a band key. One shuffle puts
   * each bucket's band rows together, sorted by key; {@link BucketPairs} then pairs each bucket's
   * members in plain Java (a bucket over the cap: its earliest member with each other member).
   */
  private static Dataset<Row> candidates(Dataset<Row> signatures, Settings settings) {
    int cap = settings.maxBucketSize();
    return signatures
        .select(posexplode(col(BUCKET)).as(new String[] {BAND, BUCKET}), col(KEY))
        .repartition(col(BAND), col(BUCKET))
        .sortWithinPartitions(BAND, BUCKET, KEY)
        .mapPartitions(
            (MapPartitionsFunction<Row, Tuple2<Long, Long>>)
                rows -> {
                  Iterator<BucketPairs.BandRow> bandRows =
                      new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                          return rows.hasNext();
                        }

                        @Override
                        public BucketPairs.BandRow next() {
                          Row r = rows.next();
                          return new BucketPairs.BandRow(r.getInt(0), r.getLong(1), r.getLong(2));
                        }
                      };
                  BucketPairs pairs = new BucketPairs(bandRows, cap);
                  return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                      return pairs.hasNext();
                    }

                    @Override
                    public Tuple2<Long, Long> next() {
                      long[] p = pairs.next();
                      return new Tuple2<>(p[0], p[1]);
                    }
                  };
                },
            Encoders.tuple(Encoders.LONG(), Encoders.LONG()))
        .toDF(A, B)
        .distinct();
  }

  /** Candidate pairs whose signatures agree on at least {@code threshold} of their rows. */
  private static Dataset<Row> links(
      Dataset<Row> candidates, Dataset<Row> signatures, double threshold) {
    return candidates
        .join(signatures.select(col(KEY).as(A), col(SIG).as(SIG_A)), A)
        .join(signatures.select(col(KEY).as(B), col(SIG).as(SIG_B)), B)
        .filter(estimateUdf().apply(col(SIG_A), col(SIG_B)).geq(threshold))
        .select(A, B);
  }

  /** (node, label): every linked record and the earliest key of its connected group. */
  private static Dataset<Row> groups(Dataset<Row> links) {
    Dataset<Row> neighbours =
        links
            .select(col(A).as(NODE), col(B).as(LABEL))
            .union(links.select(col(B).as(NODE), col(A).as(LABEL)));
    Dataset<Row> labels =
        Lineage.cut(neighbours.groupBy(NODE).agg(least(col(NODE), min(col(LABEL))).as(LABEL)));
    while (true) {
      Dataset<Row> neighbourMin =
          neighbours
              .select(col(NODE), col(LABEL).as(B))
              .join(labels.select(col(NODE).as(B), col(LABEL)), B)
              .groupBy(NODE)
              .agg(min(col(LABEL)).as(NEIGHBOUR_MIN));
      Dataset<Row> next =
          Lineage.cut(
              labels
                  .join(neighbourMin, NODE)
                  .select(
                      col(NODE),
                      least(col(LABEL), col(NEIGHBOUR_MIN)).as(LABEL),
                      col(NEIGHBOUR_MIN).lt(col(LABEL)).as(CHANGED)));
      long changed = next.filter(col(CHANGED)).count();
      labels = next.drop(CHANGED);
      if (changed == 0) {
        return labels;
      }
    }
  }

  private static UserDefinedFunction estimateUdf() {
    return udf(
            (UDF2<scala.collection.Seq<Object>, scala.collection.Seq<Object>, Double>)
                (a, b) -> MinHash.estimate(ints(a), ints(b)),
            DoubleType)
        .asNonNullable();
  }

  private static int[] ints(scala.collection.Seq<Object> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (Integer) values.apply(i);
    }
    return out;
  }

  private static Dataset<Row> noneAbsorbed(Dataset<Row> docs) {
    StructType schema =
        new StructType()
            .add(Columns.DOC_ID, StringType)
            .add(Columns.INPUT_FILE, StringType)
            .add(Columns.INPUT_LINE, LongType)
            .add(Columns.KEPT_INPUT_FILE, StringType)
            .add(Columns.KEPT_INPUT_LINE, LongType)
            .add(SIM, DoubleType);
    return docs.sparkSession().createDataFrame(List.of(), schema);
  }
}

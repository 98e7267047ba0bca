package org.tifa.extract;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;
import org.tifa.schema.Columns;

/**
 * The quoted half of slogan discovery: every quoted span that reads like a formulation ({@link
 * SloganExtractor}), gathered corpus-wide. Out ({@link #apply}): one row per canonical key with its
 * display form (the most frequent surface form; ties to the smallest), up to {@value #MAX_SURFACES}
 * surface forms (which tell the matcher where separators may stand), and the quoted evidence of
 * {@link SloganEvidence.Figures}: documents quoting it, quoted occurrences, quoted occurrences that
 * name a thing (“未来”号, 台风“摩羯”), distinct sources and regions.
 */
public final class DiscoverSlogans {
  private DiscoverSlogans() {}

  public static final String KEY = "key";
  public static final String SURFACE = "surface";
  public static final String SURFACES = "surfaces";
  public static final String QUOTED = "quoted";
  public static final String NAMED = "named";
  public static final String SOURCES = "sources";
  public static final String REGIONS = "regions";
  static final int MAX_SURFACES = 8;

  private static final StructType CANDIDATE =
      new StructType().add(KEY, StringType).add(SURFACE, StringType).add(NAMED, BooleanType);

  /**
   * The column of each document's quoted candidates that {@link #apply} reads: an array of struct
   * (key, surface, named), the elements made by {@link #rows} in the run's per-document pass.
   */
  public static final String CANDIDATES = "_slogan_candidates";

  /** The type of column {@link #CANDIDATES}. */
  public static final ArrayType CANDIDATE_LIST = createArrayType(CANDIDATE);

  /**
   * The quoted evidence per key, from documents carrying {@link #CANDIDATES} with their source and
   * province.
   */
  public static Dataset<Row> apply(Dataset<Row> documents) {
    Dataset<Row> quoted =
        documents
            .select(
                col(Columns.DOC_ID),
                coalesce(col(Columns.SOURCE), lit("")).as(SOURCES),
                coalesce(col(Columns.PROVINCE_CODE), lit("")).as(REGIONS),
                explode(col(CANDIDATES)).as("_c"))
            .select(
                col(Columns.DOC_ID),
                col(SOURCES),
                col(REGIONS),
                col("_c." + KEY).as(KEY),
                col("_c." + SURFACE).as(SURFACE),
                col("_c." + NAMED).as(NAMED));

    // Per key, from its surfaces and their counts: the display form is the first of the surfaces
    // sorted by (count descending, surface ascending), the listed forms the first few by surface.
    Dataset<Row> forms =
        quoted
            .groupBy(KEY, SURFACE)
            .agg(count(lit(1)).as("_n"))
            .groupBy(KEY)
            .agg(
                element_at(
                        sort_array(
                            collect_list(struct(negate(col("_n")).as("_order"), col(SURFACE)))),
                        1)
                    .getField(SURFACE)
                    .as(Columns.TERM),
                slice(sort_array(collect_list(col(SURFACE))), 1, MAX_SURFACES).as(SURFACES));
    Dataset<Row> figures =
        quoted
            .groupBy(KEY)
            .agg(
                countDistinct(col(Columns.DOC_ID)).as(Columns.DOCUMENTS),
                count(lit(1)).as(QUOTED),
                count(when(col(NAMED), lit(1))).as(NAMED),
                countDistinct(col(SOURCES)).as(SOURCES),
                countDistinct(col(REGIONS)).as(REGIONS));
    return figures
        .join(forms, KEY)
        .select(
            col(KEY),
            col(Columns.TERM),
            col(SURFACES),
            col(Columns.DOCUMENTS),
            col(QUOTED),
            col(NAMED),
            col(SOURCES),
            col(REGIONS));
  }

  /** One row of {@link #apply}'s result as the driver reads it. */
  public record Quoted(
      String key,
      String term,
      List<String> surfaces,
      long documents,
      long quoted,
      long named,
      long sources,
      long regions)
      implements java.io.Serializable {
    public static Quoted of(Row r) {
      return new Quoted(
          r.getString(0),
          r.getString(1),
          r.getList(2),
          r.getLong(3),
          r.getLong(4),
          r.getLong(5),
          r.getLong(6),
          r.getLong(7));
    }
  }

  /** One document's quoted candidates as the elements of column {@link #CANDIDATES}. */
  public static Row[] rows(SloganCandidate[] found) {
    Row[] rows = new Row[found.length];
    for (int i = 0; i < found.length; i++) {
      rows[i] = RowFactory.create(found[i].key(), found[i].surface(), found[i].named());
    }
    return rows;
  }
}

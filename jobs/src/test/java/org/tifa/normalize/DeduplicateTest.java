package org.tifa.normalize;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.tifa.SparkTest;
import org.tifa.schema.Columns;

class DeduplicateTest extends SparkTest {
  private static final StructType IN =
      new StructType()
          .add(Columns.DOC_ID, StringType)
          .add(Columns.CONTENT_HASH, StringType)
          .add(Columns.PUBLISHED_AT, TimestampType)
          .add(Columns.SOURCE, StringType)
          .add(Columns.INPUT_FILE, StringType)
          .add(Columns.INPUT_LINE, LongType);

  private static Row in(String id, String hash, String at, String source, String file, long line) {
    return RowFactory.create(id, hash, Instant.parse(at), source, file, line);
  }

  @Test
  void keepsTheEarliestCopyAndCountsTheOthers() {
    Dataset<Row> docs =
        spark()
            .createDataFrame(
                List.of(
                    in("a1", "h1", "2024-04-02T00:00:00Z", "聊城日报", "f1", 1),
                    in("a2", "h1", "2024-04-03T00:00:00Z", "齐鲁网", "f1", 2),
                    in("a3", "h1", "2024-04-01T00:00:00Z", "人民政协网", "f1", 4),
                    in("a4", "h1", "2024-04-05T00:00:00Z", "齐鲁网", "f2", 1),
                    in("a5", "h1", "2024-04-06T00:00:00Z", null, "f2", 2),
                    in("b1", "h2", "2024-01-01T00:00:00Z", "济南日报", "f1", 3),
                    // Same instant: the earlier file and line wins, whatever the partitioning.
                    in("c2", "h3", "2024-01-01T00:00:00Z", "x", "f2", 9),
                    in("c1", "h3", "2024-01-01T00:00:00Z", "y", "f1", 9)),
                IN);

    StructType outSchema =
        IN.add(Columns.DUPLICATE_COUNT, IntegerType, false)
            .add(Columns.DUPLICATE_SOURCES, createArrayType(StringType, true), false);
    Dataset<Row> expected =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create(
                        "a3",
                        "h1",
                        Instant.parse("2024-04-01T00:00:00Z"),
                        "人民政协网",
                        "f1",
                        4L,
                        4,
                        new String[] {"聊城日报", "齐鲁网"}),
                    RowFactory.create(
                        "b1",
                        "h2",
                        Instant.parse("2024-01-01T00:00:00Z"),
                        "济南日报",
                        "f1",
                        3L,
                        0,
                        new String[] {}),
                    RowFactory.create(
                        "c1",
                        "h3",
                        Instant.parse("2024-01-01T00:00:00Z"),
                        "y",
                        "f1",
                        9L,
                        1,
                        new String[] {"x"})),
                outSchema);

    Dataset<Row> actual = Deduplicate.apply(docs.repartition(3));
    assertDataFrameNoOrderEquals(
        expected
            .selectExpr("*", "cast(duplicate_sources as array<string>) as s")
            .drop(Columns.DUPLICATE_SOURCES),
        actual
            .selectExpr("*", "cast(duplicate_sources as array<string>) as s")
            .drop(Columns.DUPLICATE_SOURCES));
  }
}

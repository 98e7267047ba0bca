package org.tifa.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Persists a Dataset and returns it over its persisted rows with a fresh, one-node query plan.
 * Spark describes every query with the whole plan of what it reads, cached parts included; an
 * iterative stage (label propagation) or a long pipeline read several times would make that
 * description grow past the driver's memory. Unlike a local checkpoint, the rows stay recomputable
 * from their lineage when an executor is lost.
 *
 * <p>Not lazy under adaptive query execution: taking the rows' RDD plans the query to its end,
 * which runs its shuffle stages there and then. Call it where that work belongs; for a small result
 * two queries share, {@code persist} is the lazy choice.
 */
public final class Lineage {
  private Lineage() {}

  public static Dataset<Row> cut(Dataset<Row> rows) {
    JavaRDD<Row> persisted = rows.javaRDD().persist(StorageLevel.MEMORY_AND_DISK());
    return rows.sparkSession().createDataFrame(persisted, rows.schema());
  }
}

package org.tifa.bench;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.tifa.spark.Logs;
import org.tifa.spark.Sessions;

/**
 * The benchmark's floor: Spark reads the corpus with the input contract's explicit schema and
 * counts the records that have a body — the least any job over these files does, on the session
 * settings {@code tifa run} gets. Usage: {@code Floor INPUT...} (files, directories or globs).
 */
public final class Floor {
  private Floor() {}

  static long bodies(SparkSession spark, List<String> inputs) {
    return PeerInput.read(spark, inputs.toArray(String[]::new))
        .filter(col(PeerInput.BODY).isNotNull())
        .count();
  }

  public static void main(String[] args) {
    Logs.configure(false);
    SparkSession spark = Sessions.create("bench floor", false);
    try {
      System.out.println("floor: " + bodies(spark, List.of(args)) + " bodies");
    } finally {
      spark.stop();
    }
  }
}

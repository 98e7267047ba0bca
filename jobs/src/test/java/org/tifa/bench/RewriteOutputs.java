package org.tifa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.tifa.spark.Logs;
import org.tifa.spark.Sessions;

/**
 * What writing a snapshot's tables costs on its own: each Parquet table of a committed snapshot is
 * read back and written again as the job writes it (zstd, the same partition columns, up to 8 open
 * files per task), with nothing computed in between. The read alone is timed first (Spark's {@code
 * noop} sink), so that read + write less read is the write. No pipeline can write these tables in
 * less than that, so {@code pass} + the writes is a lower bound of any run that produces them.
 * Usage: {@code RewriteOutputs SNAPSHOT_DIR OUT_DIR} (local paths; OUT_DIR must not exist).
 */
public final class RewriteOutputs {
  private RewriteOutputs() {}

  /** A table directory of the snapshot: its name and the partition columns of its layout. */
  record Table(String name, Path dir, List<String> partitionBy, long files) {}

  /** Tables of a snapshot: directories holding Parquet files, partition columns read off "col=". */
  static List<Table> tables(Path snapshot) throws IOException {
    List<Table> tables = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(snapshot)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        List<Path> parquet;
        try (Stream<Path> walk = Files.walk(dir)) {
          parquet = walk.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        if (parquet.isEmpty()) {
          continue;
        }
        List<String> partitionBy = new ArrayList<>();
        for (Path p = dir.relativize(parquet.get(0)).getParent(); p != null; p = p.getParent()) {
          String part = p.getFileName().toString();
          int eq = part.indexOf('=');
          if (eq > 0) {
            partitionBy.add(0, part.substring(0, eq));
          }
        }
        tables.add(new Table(dir.getFileName().toString(), dir, partitionBy, parquet.size()));
      }
    }
    return tables;
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: RewriteOutputs SNAPSHOT_DIR OUT_DIR");
      System.exit(2);
    }
    Path snapshot = Path.of(args[0]);
    Path out = Path.of(args[1]);
    if (Files.exists(out)) {
      System.err.println("RewriteOutputs: " + out + " exists");
      System.exit(2);
    }
    Logs.configure(false);
    SparkSession spark = Sessions.create("bench rewrite outputs", false);
    spark.conf().set("spark.sql.maxConcurrentOutputFileWriters", "8");
    try {
      System.out.printf(
          "%-20s %12s %-28s %6s %8s %8s %8s%n",
          "table", "rows", "partitioned by", "files", "read s", "r+w s", "write s");
      double readTotal = 0;
      double bothTotal = 0;
      for (Table t : tables(snapshot)) {
        Dataset<Row> table = spark.read().parquet(t.dir().toUri().toString());
        long rows = table.count();
        long start = System.nanoTime();
        table.write().format("noop").mode(SaveMode.Overwrite).save();
        double read = seconds(start);
        start = System.nanoTime();
        table
            .write()
            .mode(SaveMode.ErrorIfExists)
            .partitionBy(t.partitionBy().toArray(String[]::new))
            .option("compression", "zstd")
            .parquet(out.resolve(t.name()).toUri().toString());
        double both = seconds(start);
        readTotal += read;
        bothTotal += both;
        System.out.printf(
            Locale.ROOT,
            "%-20s %12d %-28s %6d %8.1f %8.1f %8.1f%n",
            t.name(),
            rows,
            t.partitionBy().isEmpty() ? "-" : String.join(",", t.partitionBy()),
            t.files(),
            read,
            both,
            both - read);
      }
      System.out.printf(
          Locale.ROOT,
          "%-20s %12s %-28s %6s %8.1f %8.1f %8.1f%n",
          "total",
          "",
          "",
          "",
          readTotal,
          bothTotal,
          bothTotal - readTotal);
    } finally {
      spark.stop();
    }
  }
}

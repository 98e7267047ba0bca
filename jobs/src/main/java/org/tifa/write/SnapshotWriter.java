package org.tifa.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes one snapshot so that it appears whole or not at all. Tables and the manifest go to a
 * hidden working directory {@code DIR/_tmp-<id>-<uuid>}; {@link #commit} renames it to
 * {@code DIR/<id>} (replacing an earlier snapshot of the same id) and then replaces
 * {@code DIR/LATEST}. A run that dies before the commit leaves only the hidden directory, which
 * readers skip, and never touches earlier snapshots or LATEST. The only class that writes output:
 * {@code tifa run} writes snapshots with it, {@code tifa compare} comparisons (the same layout
 * with other tables, under a comparison id).
 */
public final class SnapshotWriter {
  public static final String LATEST = "LATEST";
  public static final String MANIFEST = "manifest.json";
  public static final String SUCCESS = "_SUCCESS";

  private final FileSystem fs;
  /** For the small text files: without the local filesystem's .crc side files. */
  private final FileSystem textFs;
  private final FileContext fc;
  private final Path root;
  private final String snapshotId;
  private final Path work;

  public SnapshotWriter(String outputDir, String snapshotId, Configuration conf) throws IOException {
    this.root = new Path(outputDir);
    this.fs = root.getFileSystem(conf);
    this.textFs = fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    this.fc = FileContext.getFileContext(fs.getUri(), conf);
    this.snapshotId = snapshotId;
    this.work = new Path(root, "_tmp-" + snapshotId + "-" + UUID.randomUUID());
    fs.mkdirs(work);
  }

  public Path workDir() {
    return work;
  }

  public Path snapshotDir() {
    return new Path(root, snapshotId);
  }

  /** Writes a table as Parquet after checking its columns against the documented schema. */
  public Path writeTable(String name, Dataset<Row> table, StructType schema, int files, String... partitionBy) {
    checkSchema(name, table.schema(), schema);
    Path dir = new Path(work, name);
    // repartition, not coalesce: a coalesce to few files would also run everything upstream of
    // the last shuffle in that few tasks.
    Column[] keys = new Column[partitionBy.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = org.apache.spark.sql.functions.col(partitionBy[i]);
    }
    Dataset<Row> sized = keys.length == 0 ? table.repartition(Math.max(1, files)) : table.repartition(Math.max(1, files), keys);
    sized
        .write()
        .mode(SaveMode.ErrorIfExists)
        .partitionBy(partitionBy)
        .option("compression", "zstd")
        .parquet(dir.toString());
    return dir;
  }

  /** Writes a small text file into the working directory. */
  public void writeText(String name, String text) throws IOException {
    try (OutputStream out = textFs.create(new Path(work, name), true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Publishes the snapshot and then LATEST; see the class comment for what each step guarantees. */
  public Path commit() throws IOException {
    writeText(SUCCESS, "");
    Path target = snapshotDir();
    Path previous = null;
    if (fs.exists(target)) {
      previous = new Path(root, "_old-" + snapshotId + "-" + UUID.randomUUID());
      rename(target, previous);
    }
    rename(work, target);
    if (previous != null) {
      fs.delete(previous, true);
    }
    Path latestTmp = new Path(root, "_" + LATEST + "-" + UUID.randomUUID());
    try (OutputStream out = textFs.create(latestTmp, false)) {
      out.write((snapshotId + "\n").getBytes(StandardCharsets.UTF_8));
    }
    fc.rename(latestTmp, new Path(root, LATEST), Options.Rename.OVERWRITE);
    return target;
  }

  /** Removes the working directory of a run that will not commit. */
  public void abandon() {
    try {
      fs.delete(work, true);
    } catch (IOException ignored) {
      // What cannot be removed stays hidden (leading underscore) and is never read as a snapshot.
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }

  static void checkSchema(String table, StructType actual, StructType expected) {
    StructField[] a = actual.fields();
    StructField[] e = expected.fields();
    StringBuilder problems = new StringBuilder();
    if (a.length != e.length) {
      problems.append(" column count ").append(a.length).append(" instead of ").append(e.length).append(';');
    }
    for (int i = 0; i < Math.min(a.length, e.length); i++) {
      if (!a[i].name().equals(e[i].name()) || !a[i].dataType().catalogString().equals(e[i].dataType().catalogString())) {
        problems.append(" column ").append(i).append(' ').append(a[i].name()).append(' ')
            .append(a[i].dataType().simpleString()).append(" instead of ").append(e[i].name()).append(' ')
            .append(e[i].dataType().simpleString()).append(';');
      }
    }
    if (problems.length() > 0) {
      throw new IllegalStateException("table " + table + " does not match its schema:" + problems);
    }
  }
}

package org.tifa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.tifa.ingest.ListInputs.InputFile;

/**
 * Which task reads what: a file each, except that an uncompressed JSON-lines file larger than the
 * split size is read in byte ranges of about that size, one task each. One task per file would put
 * a large file's every record in one partition, and the pass's caches build each partition in
 * memory before it goes to disk: a single file of a few hundred megabytes would then exhaust a
 * local run's heap, and be read and analyzed on one core.
 *
 * <p>A range's task reads the lines that begin inside it ({@link ReportFileReader#range}). To give
 * its records the line numbers of the whole file, the ranges' line breaks are counted first, in one
 * Spark job that reads each split file once more (sequentially, without parsing); the file's first
 * range also tells whether the file is a JSON array, which is never split. A file that cannot be
 * read while counting is read whole, so that its reader reports the error as for any file.
 */
public final class InputSplits {
  private InputSplits() {}

  /**
   * One task's part of the input: the lines of {@code path} that begin in bytes [start, end), or
   * the whole file when {@code end} is negative. {@code newlinesBefore} is the number of line
   * breaks before {@code start}.
   */
  public record Split(String path, long start, long end, long newlinesBefore)
      implements Serializable {
    static Split whole(String path) {
      return new Split(path, 0, -1, 0);
    }

    boolean isWhole() {
      return end < 0;
    }
  }

  /**
   * What counting found in one range: its line breaks, and for a file's first, whether an array.
   */
  private record Counted(long newlines, boolean array) implements Serializable {}

  /** A range to count: the file's ranges end at the next one's start. */
  private record Range(String path, long start, long end) implements Serializable {}

  /**
   * The splits of {@code files}, in their order: each file whole, or in ranges when it is an
   * uncompressed JSON-lines file of more than {@code splitBytes} bytes.
   */
  public static List<Split> plan(SparkSession spark, List<InputFile> files, long splitBytes) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    List<Range> toCount = new ArrayList<>();
    for (InputFile f : files) {
      if (f.bytes() > splitBytes && codecs.getCodec(new Path(f.path())) == null) {
        toCount.addAll(ranges(f, splitBytes));
      }
    }
    if (toCount.isEmpty()) {
      return files.stream().map(f -> Split.whole(f.path())).toList();
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SerializableConfiguration hadoopConf = new SerializableConfiguration(conf);
    List<Counted> counted =
        jsc.parallelize(toCount, toCount.size()).map(r -> count(r, hadoopConf.value())).collect();
    List<Split> splits = new ArrayList<>();
    int next = 0;
    for (InputFile f : files) {
      if (next < toCount.size() && toCount.get(next).path().equals(f.path())) {
        int first = next;
        while (next < toCount.size() && toCount.get(next).path().equals(f.path())) {
          next++;
        }
        splits.addAll(splitsOf(toCount.subList(first, next), counted.subList(first, next)));
      } else {
        splits.add(Split.whole(f.path()));
      }
    }
    return splits;
  }

  /**
   * A file's ranges, of equal size but for the last, which runs to the end of the file however long
   * it has grown since it was listed.
   */
  static List<Range> ranges(InputFile f, long splitBytes) {
    long n = (f.bytes() + splitBytes - 1) / splitBytes;
    long size = (f.bytes() + n - 1) / n;
    List<Range> out = new ArrayList<>();
    for (long start = 0; start < f.bytes(); start += size) {
      long end = start + size >= f.bytes() ? Long.MAX_VALUE : start + size;
      out.add(new Range(f.path(), start, end));
    }
    return out;
  }

  private static List<Split> splitsOf(List<Range> ranges, List<Counted> counted) {
    String path = ranges.get(0).path();
    boolean readable = counted.stream().allMatch(c -> c != null);
    if (!readable || counted.get(0).array() || ranges.size() == 1) {
      return List.of(Split.whole(path));
    }
    List<Split> out = new ArrayList<>();
    long before = 0;
    for (int i = 0; i < ranges.size(); i++) {
      Range r = ranges.get(i);
      out.add(new Split(path, r.start(), r.end(), before));
      before += counted.get(i).newlines();
    }
    return out;
  }

  /**
   * The line breaks of a range (none counted for a file's last, which no range follows), and for
   * the first whether the file is a JSON array; null when the file cannot be read.
   */
  private static Counted count(Range r, Configuration conf) {
    Path path = new Path(r.path());
    try {
      FileSystem fs = path.getFileSystem(conf);
      java.nio.file.Path local = LocalFiles.local(fs, path);
      if (local != null && LocalFiles.problem(local) != null) {
        return null;
      }
      try (FSDataInputStream in = fs.open(path)) {
        in.seek(r.start());
        boolean array = r.start() == 0 && startsAnArray(in);
        if (r.start() == 0) {
          in.seek(0);
        }
        long newlines = r.end() == Long.MAX_VALUE ? 0 : newlines(in, r.end() - r.start());
        return new Counted(newlines, array);
      }
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether the first character after a byte order mark and white space is {@code [}. */
  private static boolean startsAnArray(InputStream in) throws IOException {
    byte[] head = new byte[1 << 16];
    int n = in.readNBytes(head, 0, head.length);
    int i =
        n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    return i < n && head[i] == '[';
  }

  /** The {@code \n} bytes among the next {@code length} bytes of {@code in} (fewer at its end). */
  static long newlines(InputStream in, long length) throws IOException {
    byte[] buf = new byte[1 << 20];
    long left = length;
    long count = 0;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          count++;
        }
      }
      left -= n;
    }
    return count;
  }
}

package org.tifa.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.tifa.ingest.InputSplits.Split;
import org.tifa.ingest.ListInputs.InputFile;
import org.tifa.quarantine.QuarantineReason;
import org.tifa.schema.Columns;

/**
 * Stage 1, ingest: reads every input file (one task per file, or per range of a large one: {@link
 * InputSplits}; .gz and .bz2 decompressed), and enforces the input contract on each record with
 * {@link ParseReport}. Records that fail are quarantined with the stage name {@code ingest}, their
 * file, line and raw text.
 */
public final class ReadReports {
  private ReadReports() {}

  public static final String STAGE = "ingest";

  /** The accepted records: the contract's fields as given, plus the parsed date. */
  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            field(Columns.INPUT_FILE, StringType),
            field(Columns.INPUT_LINE, LongType),
            field(Columns.DOC_ID, StringType),
            field(Columns.TITLE_RAW, StringType),
            field(Columns.BODY_RAW, StringType),
            field(Columns.PUBLISHED_AT_RAW, StringType),
            field(Columns.PUBLISHED_AT, TimestampType),
            field(Columns.PUBLISHED_DATE, DateType),
            field(Columns.DATE_PRECISION, StringType),
            field(Columns.SOURCE_RAW, StringType),
            field(Columns.URL, StringType),
            field(Columns.GIVEN_REGION_CODE, StringType),
            field(Columns.GIVEN_PROVINCE, StringType),
            field(Columns.GIVEN_CITY, StringType),
            field(Columns.GIVEN_COUNTY, StringType),
            field(Columns.REASON, StringType),
            field(Columns.DETAIL, StringType),
            field(Columns.RAW, StringType),
            field(Columns.RAW_TRUNCATED, org.apache.spark.sql.types.DataTypes.BooleanType),
          });

  /**
   * Settings the executors need; small and serializable. {@code splitBytes}: an uncompressed file
   * larger than this is read in ranges of about this size.
   */
  public record Settings(
      int maxBodyChars,
      int maxLineBytes,
      int quarantineRawBytes,
      java.time.ZoneId zone,
      long splitBytes)
      implements java.io.Serializable {}

  /**
   * Every record read, accepted or not, unsplit: a rejected one has its {@link Columns#REASON},
   * detail and raw text set and {@link Columns#STAGE} {@code ingest}. For a pipeline that carries
   * the rejected rows through further stages and splits once, over one scan of the input.
   */
  public static Dataset<Row> marked(SparkSession spark, List<InputFile> files, Settings settings) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SerializableConfiguration hadoopConf =
        new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    List<Split> splits = InputSplits.plan(spark, files, settings.splitBytes());
    int slices = Math.max(1, Math.min(splits.size(), 100_000));
    JavaRDD<Row> rows =
        jsc.parallelize(splits, slices)
            .mapPartitions(parts -> readFiles(parts, hadoopConf.value(), settings));
    return spark
        .createDataFrame(rows, SCHEMA)
        .withColumn(Columns.STAGE, when(col(Columns.REASON).isNotNull(), lit(STAGE)));
  }

  private static Iterator<Row> readFiles(
      Iterator<Split> splits, Configuration conf, Settings settings) {
    ParseReport parser = new ParseReport(settings.maxBodyChars(), new PublishedAt(settings.zone()));
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    return new Iterator<>() {
      private ReportFileReader current;

      @Override
      public boolean hasNext() {
        try {
          while (current == null || !current.hasNext()) {
            if (current != null) {
              current.close();
              current = null;
            }
            if (!splits.hasNext()) {
              return false;
            }
            current = open(splits.next(), conf, codecs, settings.maxLineBytes());
          }
          return true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Row next() {
        return toRow(current.next(), parser, settings.quarantineRawBytes());
      }
    };
  }

  /** Opens one split: a whole file, or a range of one (never compressed). */
  static ReportFileReader open(
      Split split, Configuration conf, CompressionCodecFactory codecs, int maxLineBytes) {
    if (split.isWhole()) {
      return open(split.path(), conf, codecs, maxLineBytes);
    }
    Path path = new Path(split.path());
    try {
      FSDataInputStream in = path.getFileSystem(conf).open(path);
      try {
        // A range after the first is read from the byte before it: see ReportFileReader.range.
        if (split.start() > 0) {
          in.seek(split.start() - 1);
        }
        return ReportFileReader.range(
            split.path(), in, maxLineBytes, split.start(), split.end(), split.newlinesBefore());
      } catch (IOException | RuntimeException e) {
        closeQuietly(in);
        throw e;
      }
    } catch (IOException e) {
      return ReportFileReader.unopened(
          split.path(), QuarantineReason.UNREADABLE_FILE, ReportFileReader.describe(e));
    }
  }

  /**
   * Opens one input file as a reader of its records. A file that cannot be opened, a local file
   * that is not a regular file (it is not opened: a FIFO would block the task forever), and a .gz
   * or .bz2 file whose first bytes are not that format's become a reader of one quarantine row
   * naming the file.
   */
  static ReportFileReader open(
      String file, Configuration conf, CompressionCodecFactory codecs, int maxLineBytes) {
    Path path = new Path(file);
    InputStream in = null;
    try {
      FileSystem fs = path.getFileSystem(conf);
      java.nio.file.Path local = LocalFiles.local(fs, path);
      LocalFiles.Problem problem = local == null ? null : LocalFiles.problem(local);
      if (problem != null) {
        return ReportFileReader.unopened(file, problem.reason(), problem.detail());
      }
      in = fs.open(path);
      CompressionCodec codec = codecs.getCodec(path);
      if (codec != null) {
        in = new BufferedInputStream(in, 1 << 16);
        String mismatch = CompressedFormat.mismatch(codec.getDefaultExtension(), in);
        if (mismatch != null) {
          in.close();
          return ReportFileReader.unopened(file, QuarantineReason.UNREADABLE_FILE, mismatch);
        }
        in = codec.createInputStream(in);
      }
      return new ReportFileReader(file, in, maxLineBytes);
    } catch (IOException e) {
      closeQuietly(in);
      return ReportFileReader.unopened(
          file, QuarantineReason.UNREADABLE_FILE, ReportFileReader.describe(e));
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // The file is reported unreadable already.
      }
    }
  }

  static Row toRow(RawRecord raw, ParseReport parser, int rawBytes) {
    if (!raw.readable()) {
      return rejected(raw, raw.reason(), raw.detail(), rawBytes);
    }
    ParseReport.Outcome outcome = parser.parse(raw.text());
    if (outcome.rejection() != null) {
      return rejected(raw, outcome.rejection().reason(), outcome.rejection().detail(), rawBytes);
    }
    ParseReport.ParsedReport r = outcome.report();
    PublishedAt.Parsed d = r.publishedAt();
    long micros = d.epochMicros();
    Instant at =
        Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    return RowFactory.create(
        raw.file(),
        raw.line(),
        r.id(),
        r.title(),
        r.body(),
        r.publishedAtRaw(),
        at,
        d.localDate(),
        d.precision().id(),
        r.source(),
        r.url(),
        r.regionCode(),
        r.province(),
        r.city(),
        r.county(),
        null,
        null,
        null,
        null);
  }

  private static Row rejected(RawRecord raw, String reason, String detail, int rawBytes) {
    Object[] values = new Object[SCHEMA.size()];
    values[SCHEMA.fieldIndex(Columns.INPUT_FILE)] = raw.file();
    values[SCHEMA.fieldIndex(Columns.INPUT_LINE)] = raw.line();
    values[SCHEMA.fieldIndex(Columns.REASON)] = reason;
    values[SCHEMA.fieldIndex(Columns.DETAIL)] = detail;
    String text = raw.text();
    String kept = text == null ? null : utf8Prefix(text, rawBytes);
    values[SCHEMA.fieldIndex(Columns.RAW)] = kept;
    values[SCHEMA.fieldIndex(Columns.RAW_TRUNCATED)] =
        raw.textTruncated() || (text != null && kept.length() < text.length());
    return RowFactory.create(values);
  }

  private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }

  static String utf8Prefix(String s, int maxBytes) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return bytes.length <= maxBytes ? s : ReportFileReader.decodeLenient(bytes, maxBytes);
  }
}

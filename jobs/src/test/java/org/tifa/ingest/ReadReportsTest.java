package org.tifa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.util.ReflectionUtils;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.schema.Columns;

/**
 * Opening one input file as a task does, through Hadoop's local filesystem and codecs, on files
 * that cannot be read as their name says: each gives exactly one quarantine row naming the file.
 */
class ReadReportsTest {
  private static final Configuration CONF = new Configuration();
  private static final String LINES = "{\"id\":\"1\"}\n{\"id\":\"2\"}\n{\"id\":\"3\"}\n";

  @TempDir Path tmp;

  private static List<RawRecord> read(Path file) throws Exception {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          List<RawRecord> out = new ArrayList<>();
          String name = "file:" + file.toAbsolutePath();
          try (ReportFileReader r =
              ReadReports.open(name, CONF, new CompressionCodecFactory(CONF), 1000)) {
            r.forEachRemaining(out::add);
          }
          return out;
        });
  }

  private static RawRecord onlyRow(List<RawRecord> records) {
    assertEquals(1, records.size(), "one row for the file: " + records);
    return records.get(0);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(b)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  private static byte[] bzip2(String text) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream out =
        ReflectionUtils.newInstance(BZip2Codec.class, CONF).createOutputStream(b)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  @Test
  void aBz2FileThatIsNotBzip2GetsAnUnreadableFileRow() throws Exception {
    assertUnreadableAsNot(
        "bzip2",
        tmp.resolve("fake.jsonl.bz2"),
        LINES.getBytes(StandardCharsets.UTF_8),
        gzip(LINES));
  }

  @Test
  void aGzFileThatIsNotGzipGetsAnUnreadableFileRow() throws Exception {
    assertUnreadableAsNot(
        "gzip", tmp.resolve("fake.jsonl.gz"), LINES.getBytes(StandardCharsets.UTF_8), bzip2(LINES));
  }

  private static void assertUnreadableAsNot(String format, Path file, byte[]... contents)
      throws Exception {
    for (byte[] content : contents) {
      Files.write(file, content);
      RawRecord row = onlyRow(read(file));
      assertEquals("unreadable_file", row.reason());
      assertEquals(1L, row.line());
      assertTrue(row.detail().contains("not " + format), row.detail());
      assertEquals("file:" + file, row.file());
    }
  }

  @Test
  void compressedFilesInTheirOwnFormatAreRead() throws Exception {
    Path gz = Files.write(tmp.resolve("a.jsonl.gz"), gzip(LINES));
    Path bz2 = Files.write(tmp.resolve("a.jsonl.bz2"), bzip2(LINES));
    for (Path file : List.of(gz, bz2)) {
      List<RawRecord> records = read(file);
      assertEquals(
          List.of("{\"id\":\"1\"}", "{\"id\":\"2\"}", "{\"id\":\"3\"}"),
          records.stream().map(RawRecord::text).toList());
    }
  }

  @Test
  void aFifoNamedJsonlGetsANotRegularFileRowInsteadOfHanging() throws Exception {
    Path fifo = tmp.resolve("pipe.jsonl");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    RawRecord row = onlyRow(read(fifo));
    assertEquals("not_regular_file", row.reason());
    assertTrue(row.detail().contains("FIFO"), row.detail());
    assertEquals(1L, row.line());
  }

  @Test
  void aDanglingSymlinkGetsAnUnreadableFileRowNamingItsTarget() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("gone.jsonl"), Path.of("missing.jsonl"));
    RawRecord row = onlyRow(read(link));
    assertEquals("unreadable_file", row.reason());
    assertTrue(
        row.detail().contains("broken symbolic link") && row.detail().contains("missing.jsonl"),
        row.detail());
  }

  @Test
  void aFileWithoutReadPermissionGetsAnUnreadableFileRow() throws Exception {
    assumeFalse(
        "root".equals(System.getProperty("user.name")),
        "root reads files whatever their permissions");
    Path file = Files.writeString(tmp.resolve("locked.jsonl"), LINES);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assertEquals("unreadable_file", onlyRow(read(file)).reason());
  }

  @Test
  void aTooLargeRowWhoseRawTextWasCutSaysSo() throws Exception {
    Path file =
        Files.writeString(tmp.resolve("long.jsonl"), "{\"body\":\"" + "x".repeat(5000) + "\"}\n");
    RawRecord raw = onlyRow(read(file));
    ParseReport parser = new ParseReport(1_000_000, new PublishedAt(ZoneId.of("Asia/Shanghai")));
    Row row = ReadReports.toRow(raw, parser, 65536);
    assertEquals("too_large", row.getString(ReadReports.SCHEMA.fieldIndex(Columns.REASON)));
    assertEquals(true, row.get(ReadReports.SCHEMA.fieldIndex(Columns.RAW_TRUNCATED)));
  }
}

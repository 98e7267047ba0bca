package org.tifa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ReportFileReaderTest {

  private static List<RawRecord> read(byte[] bytes, int maxLine) throws IOException {
    return read(new ByteArrayInputStream(bytes), maxLine);
  }

  private static List<RawRecord> read(InputStream in, int maxLine) throws IOException {
    List<RawRecord> out = new ArrayList<>();
    try (ReportFileReader r = new ReportFileReader("f.jsonl", in, maxLine)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void jsonLinesSkipBlankLinesAndKeepLineNumbers() throws IOException {
    List<RawRecord> records =
        read(utf8("\uFEFF{\"a\":1}\r\n\n   \n{\"b\":\"政协\"}\n{\"c\":3}"), 1000);
    assertEquals(3, records.size());
    assertEquals(List.of(1L, 4L, 5L), records.stream().map(RawRecord::line).toList());
    assertEquals("{\"a\":1}", records.get(0).text(), "BOM and CR removed");
    assertEquals("{\"b\":\"政协\"}", records.get(1).text());
    assertEquals("{\"c\":3}", records.get(2).text(), "last line without newline");
    assertTrue(records.stream().allMatch(RawRecord::readable));
  }

  @Test
  void rangesOfAnySizeReadEachLineOnceWithTheWholeFilesLineNumbers() throws IOException {
    String content =
        "\uFEFF{\"a\":1}\r\n\n   \n{\"b\":\"政协\"}\n{\"c\":\""
            + "x".repeat(50)
            + "\"}\n\n\n{\"d\":4}\r\n{\"e\":5}";
    byte[] bytes = utf8(content);
    // Expected from the text alone: lines numbered from 1 at each \n, blank ones skipped, the line
    // over the limit reported by its number.
    List<String> expected = new ArrayList<>();
    String[] lines = content.replace("\uFEFF", "").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replace("\r", "");
      if (!line.isBlank()) {
        expected.add((i + 1) + ":" + (line.length() > 40 ? "too_large" : line));
      }
    }
    assertEquals(5, expected.size());
    assertEquals(expected, describe(read(bytes, 40)), "the whole file");

    for (int size = 1; size <= bytes.length; size++) {
      List<String> got = new ArrayList<>();
      long newlinesBefore = 0;
      for (int start = 0; start < bytes.length; start += size) {
        long end = start + size >= bytes.length ? Long.MAX_VALUE : start + size;
        int from = Math.max(0, start - 1);
        InputStream in = new ByteArrayInputStream(bytes, from, bytes.length - from);
        try (ReportFileReader r =
            ReportFileReader.range("f.jsonl", in, 40, start, end, newlinesBefore)) {
          got.addAll(describe(iterate(r)));
        }
        for (int i = start; i < Math.min(bytes.length, start + size); i++) {
          newlinesBefore += bytes[i] == '\n' ? 1 : 0;
        }
      }
      assertEquals(expected, got, "ranges of " + size + " bytes");
    }
  }

  private static List<RawRecord> iterate(ReportFileReader r) {
    List<RawRecord> out = new ArrayList<>();
    r.forEachRemaining(out::add);
    return out;
  }

  private static List<String> describe(List<RawRecord> records) {
    return records.stream()
        .map(r -> r.line() + ":" + (r.readable() ? r.text() : r.reason()))
        .toList();
  }

  @Test
  void invalidUtf8IsReportedForThatLineOnly() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(utf8("{\"a\":1}\n"));
    b.write(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    b.write(utf8("{\"c\":3}\n"));
    List<RawRecord> records = read(b.toByteArray(), 1000);
    assertEquals(3, records.size());
    assertEquals("invalid_utf8", records.get(1).reason());
    assertEquals(2L, records.get(1).line());
    assertTrue(records.get(1).text().contains("\uFFFD"));
    assertTrue(records.get(2).readable());
  }

  @Test
  void theReplacementCharacterItselfIsValidUtf8() throws IOException {
    // U+FFFD written as its three UTF-8 bytes EF BF BD is well-formed; only malformed bytes are
    // rejected,
    // also when both are on one line.
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(
        new byte[] {
          '{', '"', 'a', '"', ':', '"', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, '"', '}', '\n'
        });
    b.write(
        new byte[] {
          '{', '"', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, (byte) 0xC3, (byte) 0x28, '"', '}', '\n'
        });
    List<RawRecord> records = read(b.toByteArray(), 1000);
    assertEquals(2, records.size());
    assertTrue(records.get(0).readable());
    assertEquals("{\"a\":\"\uFFFD\"}", records.get(0).text());
    assertEquals("invalid_utf8", records.get(1).reason());
  }

  @Test
  void aLineOverTheLimitIsSkippedNotBuffered() throws IOException {
    String longLine = "{\"body\":\"" + "x".repeat(5000) + "\"}";
    List<RawRecord> records = read(utf8("{\"a\":1}\n" + longLine + "\n{\"c\":3}\n"), 100);
    assertEquals(3, records.size());
    assertEquals("too_large", records.get(1).reason());
    assertEquals(100, records.get(1).text().length(), "only the first bytes are kept as raw text");
    assertEquals("{\"c\":3}", records.get(2).text());
  }

  @Test
  void aJsonArrayFileYieldsItsElementsWithTheirLines() throws IOException {
    String file =
        "[\n  {\"id\": \"a\", \"body\": \"x\"},\n  {\"id\": \"b\",\n   \"body\": \"y\"},\n  7\n]\n";
    List<RawRecord> records = read(utf8(file), 1000);
    assertEquals(3, records.size());
    assertEquals(List.of(2L, 3L, 5L), records.stream().map(RawRecord::line).toList());
    assertEquals("{\"id\":\"a\",\"body\":\"x\"}", records.get(0).text());
    assertEquals("7", records.get(2).text());
  }

  @Test
  void aBrokenJsonArrayEndsWithOneMalformedRecord() throws IOException {
    List<RawRecord> records =
        read(utf8("[{\"id\":\"a\"},\n{\"id\": oops},\n{\"id\":\"c\"}]"), 1000);
    assertEquals(2, records.size());
    assertTrue(records.get(0).readable());
    assertEquals("malformed_json", records.get(1).reason());
    assertEquals(2L, records.get(1).line());
    assertNull(records.get(1).text());
  }

  @Test
  void aTruncatedGzipEndsWithOneUnreadableRecord() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      for (int i = 0; i < 2000; i++) {
        out.write(utf8("{\"id\":\"" + i + "\",\"body\":\"政协委员围绕乡村振兴建言献策" + i + "\"}\n"));
      }
    }
    byte[] whole = gz.toByteArray();
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
    List<RawRecord> records = read(new GZIPInputStream(new ByteArrayInputStream(cut)), 1000);
    RawRecord last = records.get(records.size() - 1);
    assertEquals("unreadable_file", last.reason());
    assertTrue(
        records.size() > 1 && records.size() < 2000,
        "the readable part is kept: " + records.size());
    assertTrue(records.subList(0, records.size() - 1).stream().allMatch(RawRecord::readable));
  }

  @Test
  void aTruncatedGzipPointsAtTheLineWhereDecompressionFailed() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      for (int i = 0; i < 2000; i++) {
        out.write(utf8("{\"id\":\"" + i + "\",\"body\":\"政协委员围绕乡村振兴建言献策" + i + "\"}\n"));
      }
    }
    byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
    // The break's line, counted here from what the truncated stream yields before it fails.
    long newlines = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(cut))) {
      int b;
      while ((b = in.read()) >= 0) {
        newlines += b == '\n' ? 1 : 0;
      }
    } catch (java.io.EOFException expected) {
      // the cut
    }
    List<RawRecord> records = read(new GZIPInputStream(new ByteArrayInputStream(cut)), 1000);
    assertEquals(newlines + 1, records.size(), "every complete line, then the row for the break");
    RawRecord last = records.get(records.size() - 1);
    assertEquals("unreadable_file", last.reason());
    assertEquals(newlines + 1, last.line(), "the line being read when decompression failed");
  }

  @Test
  void aReadErrorInTheFirstBufferKeepsTheLinesBeforeIt() throws IOException {
    InputStream failing =
        new java.io.SequenceInputStream(
            new ByteArrayInputStream(utf8("{\"a\":1}\n{\"b\":2}\n{\"c\":")),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("disk gone");
              }
            });
    List<RawRecord> records = read(failing, 1000);
    assertEquals(3, records.size());
    assertEquals("{\"b\":2}", records.get(1).text());
    assertEquals("unreadable_file", records.get(2).reason());
    assertEquals(3L, records.get(2).line());
    assertEquals("IOException: disk gone", records.get(2).detail());
  }

  @Test
  void aTooLargeLineSaysItsRawTextIsCut() throws IOException {
    List<RawRecord> records = read(utf8("{\"body\":\"" + "x".repeat(5000) + "\"}\n"), 100);
    assertEquals("too_large", records.get(0).reason());
    assertTrue(records.get(0).textTruncated());
  }

  @Test
  void aJsonArrayElementOverTheLimitIsQuarantinedAsTooLarge() throws IOException {
    String big =
        "{\"id\": \"big\", \"body\": \""
            + "政".repeat(2000)
            + "\", \"n\": [1, {\"s\": \"]},\\\"\"}]}";
    String file = "[\n  {\"id\": \"a\"},\n  " + big + ",\n  {\"id\": \"c\"}\n]\n";
    List<RawRecord> records = read(utf8(file), 100);
    assertEquals(3, records.size());
    assertEquals("{\"id\":\"a\"}", records.get(0).text());
    RawRecord tooLarge = records.get(1);
    assertEquals("too_large", tooLarge.reason());
    assertEquals(3L, tooLarge.line());
    assertEquals(big.getBytes(StandardCharsets.UTF_8).length, sizeInDetail(tooLarge.detail()));
    assertTrue(big.startsWith(tooLarge.text()), "the element's first bytes, cut at a character");
    assertTrue(
        utf8(tooLarge.text()).length > 96 && utf8(tooLarge.text()).length <= 100,
        "cut to the limit");
    assertTrue(tooLarge.textTruncated());
    assertEquals("{\"id\":\"c\"}", records.get(2).text());
    assertEquals(4L, records.get(2).line());
  }

  @Test
  void aJsonArrayElementLargerThanTheHeapIsStreamedNotLoaded() throws IOException {
    long bodyBytes = Math.max(300L << 20, Runtime.getRuntime().maxMemory() + (64L << 20));
    byte[] head = utf8("[{\"id\":\"a\",\"body\":\"");
    byte[] tail = utf8("\"},\n{\"id\":\"b\"}]");
    InputStream huge = new GeneratedArray(head, bodyBytes, tail);
    List<RawRecord> records = read(huge, 1 << 20);
    assertEquals(2, records.size());
    assertEquals("too_large", records.get(0).reason());
    assertEquals(
        head.length - 1 + bodyBytes + 2, sizeInDetail(records.get(0).detail()), "from { to }");
    assertTrue(records.get(0).text().startsWith("{\"id\":\"a\",\"body\":\"xxxx"));
    assertEquals("{\"id\":\"b\"}", records.get(1).text());
    assertEquals(2L, records.get(1).line());
  }

  @Test
  void textAfterTheClosingBracketOfAJsonArrayIsReportedNotIgnored() throws IOException {
    List<RawRecord> records = read(utf8("[{\"id\":\"a\"}]\n[{\"id\":\"b\"}]\n"), 1000);
    assertEquals(2, records.size());
    assertTrue(records.get(0).readable());
    assertEquals("malformed_json", records.get(1).reason());
    assertEquals(2L, records.get(1).line());
  }

  private static long sizeInDetail(String detail) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("of (\\d+) bytes").matcher(detail);
    assertTrue(m.find(), detail);
    return Long.parseLong(m.group(1));
  }

  /** {@code head}, then {@code n} bytes of 'x', then {@code tail}, generated as read. */
  private static final class GeneratedArray extends InputStream {
    private final byte[] head;
    private final byte[] tail;
    private final long n;
    private long at;

    GeneratedArray(byte[] head, long n, byte[] tail) {
      this.head = head;
      this.n = n;
      this.tail = tail;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long total = head.length + n + tail.length;
      if (at >= total) {
        return -1;
      }
      int count;
      if (at < head.length) {
        count = (int) Math.min(len, head.length - at);
        System.arraycopy(head, (int) at, b, off, count);
      } else if (at < head.length + n) {
        count = (int) Math.min(len, head.length + n - at);
        java.util.Arrays.fill(b, off, off + count, (byte) 'x');
      } else {
        count = (int) Math.min(len, total - at);
        System.arraycopy(tail, (int) (at - head.length - n), b, off, count);
      }
      at += count;
      return count;
    }
  }
}

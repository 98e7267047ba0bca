package org.tifa.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.tifa.quarantine.QuarantineReason;

/**
 * Streams the records of one (already decompressed) input file: JSON lines, or a JSON array when
 * the file's first visible character is {@code [}. Memory stays bounded by the record size limit: a
 * line, or an array element, over the limit is scanned to its end without being kept and reported
 * as too_large with its first bytes. Read errors end the file with one unreadable_file record, at
 * the line being read when the error came, instead of an exception.
 *
 * <p>A reader of a {@link #range} reads the JSON lines that begin inside one byte range of a file,
 * so that a large file is read by several tasks: it is given the file from the byte before the
 * range, skips through the first line break (the tail of a line that began earlier and belongs to
 * the range before), and stops at the first line that begins at or after the range's end.
 */
public final class ReportFileReader implements Iterator<RawRecord>, AutoCloseable {
  private static final int BOM_1 = 0xEF;

  /** The most bytes of a too_large record's text that are kept, cut at a character boundary. */
  static final int RAW_KEPT_BYTES = 65536;

  private final String file;
  private final InputStream source;

  /** Own buffer, scanned in bulk: a per-byte BufferedInputStream.read() is synchronized. */
  private final byte[] buf = new byte[1 << 16];

  private int pos;
  private int limit;

  /** Offset in the stream of {@code buf[0]}. */
  private long base;

  /** Offset in the stream at or after which no line is read; {@link Long#MAX_VALUE} for a file. */
  private long stopAt = Long.MAX_VALUE;

  /** Whether the stream begins inside a line that is not this reader's (a range's first byte). */
  private boolean skipPartialLine;

  private boolean sourceDone;
  private final int maxLineBytes;
  private final ArrayDeque<RawRecord> pending = new ArrayDeque<>();
  private final CharsetDecoder strictUtf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteArrayOutputStream lineBuffer = new ByteArrayOutputStream(8192);

  /** The read error met while filling the buffer, thrown once the bytes before it are consumed. */
  private IOException failure;

  private JsonArrayScanner array;
  private boolean started;
  private boolean done;

  /** JSON lines: the last line read. JSON array: the line at the read position. */
  private long lineNumber;

  public ReportFileReader(String file, InputStream in, int maxLineBytes) {
    this.file = file;
    this.source = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * A reader of the JSON lines of {@code file} that begin in the byte range [start, end), with the
   * line numbers of the whole file. From the file's start ({@code start} 0), {@code in} is the file
   * and {@code newlinesBefore} 0; a file split in ranges is JSON lines, not an array. Otherwise
   * {@code in} is the file from byte {@code start - 1}, and {@code newlinesBefore} the number of
   * line breaks in bytes [0, start).
   */
  static ReportFileReader range(
      String file, InputStream in, int maxLineBytes, long start, long end, long newlinesBefore) {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("not a range: " + start + ", " + end);
    }
    ReportFileReader r = new ReportFileReader(file, in, maxLineBytes);
    if (start == 0) {
      r.stopAt = end;
      return r;
    }
    r.started = true;
    r.skipPartialLine = true;
    // The stream's offset 0 is the file's byte start - 1.
    r.stopAt = end == Long.MAX_VALUE ? end : end - start + 1;
    // The line break skipped through is counted when it lies inside the range (skipThroughNewline).
    r.lineNumber = newlinesBefore;
    return r;
  }

  /** A file that was not opened: its one record is the given quarantine reason. */
  static ReportFileReader unopened(String file, QuarantineReason reason, String detail) {
    ReportFileReader r = new ReportFileReader(file, InputStream.nullInputStream(), 0);
    r.started = true;
    r.done = true;
    r.pending.add(new RawRecord(file, 1, null, reason.code(), detail));
    return r;
  }

  @Override
  public boolean hasNext() {
    if (pending.isEmpty() && !done) {
      fill();
    }
    return !pending.isEmpty();
  }

  @Override
  public RawRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return pending.poll();
  }

  private void fill() {
    try {
      if (!started) {
        started = true;
        skipBom();
        if (firstVisibleByte() == '[') {
          array = new JsonArrayScanner(this, file, maxLineBytes);
          lineNumber = 1;
        }
      }
      if (skipPartialLine) {
        skipPartialLine = false;
        if (!skipThroughNewline()) {
          done = true;
          return;
        }
      }
      if (array != null) {
        done = !array.next(pending);
      } else {
        nextLine();
      }
    } catch (IOException e) {
      done = true;
      long at = array != null ? lineNumber : lineNumber + 1;
      pending.add(
          new RawRecord(file, at, null, QuarantineReason.UNREADABLE_FILE.code(), describe(e)));
    }
  }

  /**
   * Makes at least {@code n} bytes available from {@code pos}, unless the input ends first. A read
   * error ends the input here and is kept for {@link #need}, so the bytes before it are read.
   */
  private boolean ensure(int n) {
    if (limit - pos >= n) {
      return true;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      base += pos;
      pos = 0;
    }
    while (limit - pos < n && !sourceDone && limit < buf.length) {
      int read;
      try {
        read = source.read(buf, limit, buf.length - limit);
      } catch (IOException e) {
        failure = e;
        sourceDone = true;
        break;
      }
      if (read < 0) {
        sourceDone = true;
      } else {
        limit += read;
      }
    }
    return limit - pos >= n;
  }

  /** Like {@link #ensure}, but an input that ends in a read error throws it. */
  boolean need(int n) throws IOException {
    if (ensure(n)) {
      return true;
    }
    if (failure != null) {
      throw failure;
    }
    return false;
  }

  /** The buffer the array scanner reads from {@link #pos} to {@link #limit}. */
  byte[] buffer() {
    return buf;
  }

  int position() {
    return pos;
  }

  int limit() {
    return limit;
  }

  void advance(int to) {
    pos = to;
  }

  void newLines(long n) {
    lineNumber += n;
  }

  long line() {
    return lineNumber;
  }

  /**
   * Skips a range's first bytes through the first line break. The byte before the range is the
   * stream's first: when it is the break, the range begins with a line, whose break the count
   * before the range holds; otherwise the break skipped to lies in the range and is counted.
   * Returns false when the stream ends first.
   */
  private boolean skipThroughNewline() throws IOException {
    while (need(1)) {
      int end = pos;
      while (end < limit && buf[end] != '\n') {
        end++;
      }
      if (end < limit) {
        if (base + end > 0) {
          lineNumber++;
        }
        pos = end + 1;
        return true;
      }
      pos = end;
    }
    return false;
  }

  private void skipBom() {
    if (ensure(3)
        && (buf[pos] & 0xFF) == BOM_1
        && (buf[pos + 1] & 0xFF) == 0xBB
        && (buf[pos + 2] & 0xFF) == 0xBF) {
      pos += 3;
    }
  }

  private int firstVisibleByte() {
    ensure(buf.length);
    for (int i = pos; i < limit; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b;
      }
    }
    return -1;
  }

  private void nextLine() throws IOException {
    while (true) {
      // The file's first line begins at byte 0, before any byte order mark skipped.
      if (lineNumber > 0 && base + pos >= stopAt) {
        done = true;
        return;
      }
      lineBuffer.reset();
      long bytes = 0;
      boolean newline = false;
      while (need(1)) {
        int end = pos;
        while (end < limit && buf[end] != '\n') {
          end++;
        }
        int n = end - pos;
        if (bytes < maxLineBytes) {
          lineBuffer.write(buf, pos, (int) Math.min(n, maxLineBytes - bytes));
        }
        bytes += n;
        pos = end;
        if (end < limit) {
          pos++;
          newline = true;
          break;
        }
      }
      if (!newline && bytes == 0) {
        done = true;
        return;
      }
      lineNumber++;
      if (bytes > maxLineBytes) {
        pending.add(
            tooLarge(
                file,
                lineNumber,
                lineBuffer.toByteArray(),
                lineBuffer.size(),
                "line of " + bytes + " bytes, limit " + maxLineBytes));
        return;
      }
      byte[] bytesOfLine = lineBuffer.toByteArray();
      int length = bytesOfLine.length;
      if (length > 0 && bytesOfLine[length - 1] == '\r') {
        length--;
      }
      if (isBlank(bytesOfLine, length)) {
        if (!newline) {
          done = true;
          return;
        }
        continue;
      }
      // The String constructor decodes in one step, without the strict decoder's CharBuffer copy,
      // and replaces every malformed sequence with U+FFFD; only a line holding U+FFFD (malformed,
      // or the character itself, which is
      // valid) is decoded again strictly to tell which.
      String text = new String(bytesOfLine, 0, length, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') < 0 || isUtf8(bytesOfLine, length)) {
        pending.add(new RawRecord(file, lineNumber, text, null, null));
      } else {
        pending.add(
            new RawRecord(
                file,
                lineNumber,
                text,
                QuarantineReason.INVALID_UTF8.code(),
                "bytes that are not UTF-8"));
      }
      return;
    }
  }

  /** A too_large record keeping the first bytes of its text, cut at a character boundary. */
  static RawRecord tooLarge(String file, long line, byte[] kept, int length, String detail) {
    return new RawRecord(
        file,
        line,
        decodeLenient(kept, Math.min(length, RAW_KEPT_BYTES)),
        QuarantineReason.TOO_LARGE.code(),
        detail,
        true);
  }

  private static boolean isBlank(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Whether the line's bytes are well-formed UTF-8, by the strict decoder. */
  private boolean isUtf8(byte[] bytes, int length) {
    try {
      strictUtf8.decode(ByteBuffer.wrap(bytes, 0, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * The first {@code maxBytes} bytes as text, cut before a character that would not fit whole;
   * malformed bytes become U+FFFD.
   */
  static String decodeLenient(byte[] bytes, int maxBytes) {
    int n = wholeCharacters(bytes, Math.min(bytes.length, maxBytes));
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer out = CharBuffer.allocate(n);
    d.decode(ByteBuffer.wrap(bytes, 0, n), out, true);
    out.flip();
    return out.toString();
  }

  /** {@code n}, or less so that the bytes end with a whole UTF-8 sequence. */
  private static int wholeCharacters(byte[] bytes, int n) {
    int i = n - 1;
    while (i >= 0 && n - i <= 3 && (bytes[i] & 0xC0) == 0x80) {
      i--;
    }
    if (i < 0) {
      return n;
    }
    int lead = bytes[i] & 0xFF;
    int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return length > n - i ? i : n;
  }

  static String describe(IOException e) {
    return e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}

package org.tifa.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * the file's first visible character is {@code [}. Memory stays bounded by the longest accepted
 * line; a line over the limit is skipped to its end and reported as too_large. Read errors end the
 * file with one unreadable_file record instead of an exception.
 */
public final class ReportFileReader implements Iterator<RawRecord>, AutoCloseable {
  private static final int BOM_1 = 0xEF;

  private final String file;
  private final InputStream source;
  /** Own buffer, scanned in bulk: a per-byte BufferedInputStream.read() is synchronized. */
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean sourceDone;
  private final int maxLineBytes;
  private final ArrayDeque<RawRecord> pending = new ArrayDeque<>();
  private final CharsetDecoder strictUtf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteArrayOutputStream lineBuffer = new ByteArrayOutputStream(8192);

  private JsonParser arrayParser;
  private ObjectMapper mapper;
  private boolean started;
  private boolean done;
  private long lineNumber;

  public ReportFileReader(String file, InputStream in, int maxLineBytes) {
    this.file = file;
    this.source = in;
    this.maxLineBytes = maxLineBytes;
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
          startArray();
        }
      }
      if (arrayParser != null) {
        nextArrayElement();
      } else {
        nextLine();
      }
    } catch (IOException e) {
      done = true;
      pending.add(
          new RawRecord(
              file, Math.max(lineNumber, 1), null, QuarantineReason.UNREADABLE_FILE.code(), describe(e)));
    }
  }

  /** Makes at least {@code n} bytes available from {@code pos}, unless the input ends first. */
  private boolean ensure(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    while (limit - pos < n && !sourceDone && limit < buf.length) {
      int read = source.read(buf, limit, buf.length - limit);
      if (read < 0) {
        sourceDone = true;
      } else {
        limit += read;
      }
    }
    return limit - pos >= n;
  }

  private void skipBom() throws IOException {
    if (ensure(3) && (buf[pos] & 0xFF) == BOM_1 && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
      pos += 3;
    }
  }

  private int firstVisibleByte() throws IOException {
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
      lineBuffer.reset();
      long bytes = 0;
      boolean newline = false;
      while (ensure(1)) {
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
            new RawRecord(
                file,
                lineNumber,
                decodeLenient(lineBuffer.toByteArray(), 65536),
                QuarantineReason.TOO_LARGE.code(),
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
      // The String constructor decodes in one step (about a tenth faster than the strict decoder
      // and its CharBuffer copy, measured on a corpus file) and replaces every malformed sequence
      // with U+FFFD; only a line holding U+FFFD (malformed, or the character itself, which is
      // valid) is decoded again strictly to tell which.
      String text = new String(bytesOfLine, 0, length, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') < 0 || isUtf8(bytesOfLine, length)) {
        pending.add(new RawRecord(file, lineNumber, text, null, null));
      } else {
        pending.add(new RawRecord(file, lineNumber, text, QuarantineReason.INVALID_UTF8.code(), "bytes that are not UTF-8"));
      }
      return;
    }
  }

  private void startArray() throws IOException {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(ParseReport.MAX_NESTING)
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build();
    mapper = new ObjectMapper(factory);
    // The parser continues from what is buffered, then from the rest of the source.
    InputStream rest =
        new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(buf, pos, limit - pos), source);
    pos = limit;
    arrayParser = factory.createParser(rest);
    arrayParser.nextToken();
  }

  private void nextArrayElement() throws IOException {
    long line = 0;
    try {
      JsonToken token = arrayParser.nextToken();
      line = arrayParser.currentTokenLocation().getLineNr();
      if (token == null || token == JsonToken.END_ARRAY) {
        done = true;
        return;
      }
      lineNumber = line;
      JsonNode element = mapper.readTree(arrayParser);
      pending.add(new RawRecord(file, line, mapper.writeValueAsString(element), null, null));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      done = true;
      String reason =
          e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
              ? QuarantineReason.TOO_DEEP.code()
              : QuarantineReason.MALFORMED_JSON.code();
      long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
      pending.add(
          new RawRecord(
              file,
              Math.max(at, 1),
              null,
              reason,
              "JSON array breaks off here; the rest of the file is not read: " + firstLine(e.getOriginalMessage())));
    }
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

  static String decodeLenient(byte[] bytes, int maxBytes) {
    int n = Math.min(bytes.length, maxBytes);
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

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void close() throws IOException {
    if (arrayParser != null) {
      arrayParser.close();
    }
    source.close();
  }
}

package org.tifa.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Deque;
import org.tifa.quarantine.QuarantineReason;

/**
 * Splits a JSON array file into its elements by scanning its bytes (strings, escapes and nesting),
 * so that no element is loaded before its size is known. An element within the size limit is parsed
 * and handed on as compact JSON; one over the limit is scanned to its end keeping only its first
 * bytes and becomes a too_large record, and the elements after it are read. A file whose array
 * breaks (not closed, a missing comma, an element that is not valid JSON or nests too deep) ends
 * with one malformed_json (or too_deep) record at the break: the rest of it is not read. Text after
 * the closing bracket is reported the same way rather than ignored.
 */
final class JsonArrayScanner {
  private static final String BREAKS_OFF =
      "JSON array breaks off here; the rest of the file is not read: ";

  private enum State {
    START,
    OPEN,
    AFTER_COMMA,
    AFTER_ELEMENT,
    END
  }

  private final ReportFileReader in;
  private final String file;
  private final int maxBytes;
  private final ObjectMapper mapper;
  private byte[] element = new byte[8192];
  private State state = State.START;

  JsonArrayScanner(ReportFileReader in, String file, int maxBytes) {
    this.in = in;
    this.file = file;
    this.maxBytes = maxBytes;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(ParseReport.MAX_NESTING)
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build();
    this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Adds the next record to {@code out}; false when the file holds no more. */
  boolean next(Deque<RawRecord> out) throws IOException {
    while (true) {
      int b = skipWhitespace();
      switch (state) {
        case START -> {
          in.advance(in.position() + 1);
          state = State.OPEN;
        }
        case OPEN, AFTER_COMMA -> {
          if (b < 0 || b == ',' || (b == ']' && state == State.AFTER_COMMA)) {
            return breakOff(out, b < 0 ? "the file ends inside the array" : "a value is missing");
          }
          if (b == ']') {
            in.advance(in.position() + 1);
            state = State.END;
          } else {
            state = State.AFTER_ELEMENT;
            return readElement(out);
          }
        }
        case AFTER_ELEMENT -> {
          if (b == ',') {
            state = State.AFTER_COMMA;
          } else if (b == ']') {
            state = State.END;
          } else {
            return breakOff(
                out, b < 0 ? "the file ends inside the array" : "expected , or ] after an element");
          }
          in.advance(in.position() + 1);
        }
        case END -> {
          if (b >= 0) {
            out.add(malformed(in.line(), "text after the end of the JSON array is not read"));
          }
          return false;
        }
      }
    }
  }

  /** Skips whitespace, counting lines; the next byte, or -1 at the end of the input. */
  private int skipWhitespace() throws IOException {
    while (in.need(1)) {
      byte[] buf = in.buffer();
      int p = in.position();
      int limit = in.limit();
      long lines = 0;
      while (p < limit && (buf[p] == ' ' || buf[p] == '\t' || buf[p] == '\r' || buf[p] == '\n')) {
        lines += buf[p] == '\n' ? 1 : 0;
        p++;
      }
      in.newLines(lines);
      in.advance(p);
      if (p < limit) {
        return buf[p];
      }
    }
    return -1;
  }

  /** Reads one element, from its first byte to the , or ] after it, keeping at most maxBytes. */
  private boolean readElement(Deque<RawRecord> out) throws IOException {
    long startLine = in.line();
    int stored = 0;
    long size = 0;
    long trimmedSize = 0;
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    boolean end = false;
    while (!end) {
      if (!in.need(1)) {
        return breakOff(out, "the file ends inside an element");
      }
      byte[] buf = in.buffer();
      int from = in.position();
      int limit = in.limit();
      int lastVisible = -1;
      long lines = 0;
      int p = from;
      for (; p < limit; p++) {
        byte c = buf[p];
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (c == '\\') {
            escaped = true;
          } else if (c == '"') {
            inString = false;
          } else if (c == '\n') {
            lines++;
          }
          lastVisible = p;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
          lines += c == '\n' ? 1 : 0;
        } else if (depth == 0 && (c == ',' || c == ']')) {
          end = true;
          break;
        } else {
          if (c == '"') {
            inString = true;
          } else if (c == '{' || c == '[') {
            depth++;
          } else if ((c == '}' || c == ']') && depth > 0) {
            depth--;
          }
          lastVisible = p;
        }
      }
      int keep = (int) Math.min(p - from, maxBytes - stored);
      if (keep > 0) {
        if (stored + keep > element.length) {
          element =
              Arrays.copyOf(
                  element, Math.max(stored + keep, Math.min(maxBytes, element.length * 2)));
        }
        System.arraycopy(buf, from, element, stored, keep);
        stored += keep;
      }
      if (lastVisible >= 0) {
        trimmedSize = size + (lastVisible - from) + 1;
      }
      size += p - from;
      in.newLines(lines);
      in.advance(p);
    }
    if (trimmedSize > maxBytes) {
      out.add(
          ReportFileReader.tooLarge(
              file,
              startLine,
              element,
              stored,
              "array element of " + trimmedSize + " bytes, limit " + maxBytes));
      return true;
    }
    try {
      JsonNode node = mapper.readTree(element, 0, (int) trimmedSize);
      out.add(new RawRecord(file, startLine, mapper.writeValueAsString(node), null, null));
      return true;
    } catch (JsonProcessingException e) {
      long at =
          e.getLocation() == null
              ? startLine
              : startLine + Math.max(e.getLocation().getLineNr(), 1) - 1;
      String reason =
          e instanceof StreamConstraintsException
              ? QuarantineReason.TOO_DEEP.code()
              : QuarantineReason.MALFORMED_JSON.code();
      out.add(
          new RawRecord(
              file,
              at,
              null,
              reason,
              BREAKS_OFF + ReportFileReader.firstLine(e.getOriginalMessage())));
      return false;
    }
  }

  private boolean breakOff(Deque<RawRecord> out, String why) {
    out.add(malformed(in.line(), BREAKS_OFF + why));
    return false;
  }

  private RawRecord malformed(long line, String detail) {
    return new RawRecord(file, line, null, QuarantineReason.MALFORMED_JSON.code(), detail);
  }
}

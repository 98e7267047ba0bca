package org.tifa.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.tifa.quarantine.QuarantineReason;

/**
 * Enforces the input contract ({@code schemas/report.input.schema.json}) on one record's JSON text:
 * the known fields with their types, a non-empty body, a readable publication date and the size
 * limit. Unknown fields are skipped without being materialized. Never throws on bad input: every
 * outcome is a {@link ParsedReport} or a {@link Rejection}.
 */
public final class ParseReport implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The string fields of the contract, in the order {@link ParsedReport} holds them. */
  public static final String[] STRING_FIELDS = {
    "id",
    "title",
    "body",
    "published_at",
    "source",
    "url",
    "region_code",
    "province",
    "city",
    "county"
  };

  /** Nesting beyond this is rejected as too_deep (real reports nest two levels at most). */
  static final int MAX_NESTING = 200;

  /** The fields of one accepted record, as given (not yet normalized). */
  public record ParsedReport(
      String id,
      String title,
      String body,
      String publishedAtRaw,
      PublishedAt.Parsed publishedAt,
      String source,
      String url,
      String regionCode,
      String province,
      String city,
      String county) {}

  /** Why the record was rejected; {@code reason} is a quarantine code such as bad_type:title. */
  public record Rejection(String reason, String detail) {}

  /** Exactly one of the two is set. */
  public record Outcome(ParsedReport report, Rejection rejection) {
    static Outcome reject(QuarantineReason reason, String field, String detail) {
      return new Outcome(null, new Rejection(reason.code(field), detail));
    }
  }

  private final int maxBodyChars;
  private final PublishedAt dates;
  private transient JsonFactory factory;

  public ParseReport(int maxBodyChars, PublishedAt dates) {
    this.maxBodyChars = maxBodyChars;
    this.dates = dates;
  }

  private JsonFactory factory() {
    if (factory == null) {
      factory =
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(MAX_NESTING)
                      .maxStringLength(Integer.MAX_VALUE)
                      .build())
              .build();
    }
    return factory;
  }

  public Outcome parse(String json) {
    String[] values = new String[STRING_FIELDS.length];
    try (JsonParser p = factory().createParser(json)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return Outcome.reject(QuarantineReason.MALFORMED_JSON, null, "no JSON value");
      }
      if (first != JsonToken.START_OBJECT) {
        p.skipChildren();
        return Outcome.reject(
            QuarantineReason.NOT_OBJECT, null, "a JSON " + describe(first) + ", not an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        int slot = slot(name);
        if (slot < 0 || value == JsonToken.VALUE_NULL) {
          p.skipChildren();
          continue;
        }
        if (value == JsonToken.VALUE_STRING) {
          values[slot] = p.getText();
        } else if (value == JsonToken.VALUE_NUMBER_INT
            && STRING_FIELDS[slot].equals("region_code")) {
          values[slot] = p.getText();
        } else {
          p.skipChildren();
          return Outcome.reject(
              QuarantineReason.BAD_TYPE,
              STRING_FIELDS[slot],
              "a JSON " + describe(value) + ", expected a string");
        }
      }
      if (p.nextToken() != null) {
        return Outcome.reject(
            QuarantineReason.MALFORMED_JSON, null, "text after the closing brace");
      }
    } catch (StreamConstraintsException e) {
      return Outcome.reject(QuarantineReason.TOO_DEEP, null, firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      return Outcome.reject(
          QuarantineReason.MALFORMED_JSON, null, firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      return Outcome.reject(QuarantineReason.MALFORMED_JSON, null, firstLine(e.getMessage()));
    }
    return validate(values);
  }

  private Outcome validate(String[] v) {
    String body = v[2];
    if (body == null) {
      return Outcome.reject(QuarantineReason.MISSING_BODY, null, "no body field");
    }
    if (body.length() > maxBodyChars) {
      return Outcome.reject(
          QuarantineReason.TOO_LARGE,
          null,
          "body of " + body.length() + " characters, limit " + maxBodyChars);
    }
    if (isBlank(body)) {
      return Outcome.reject(QuarantineReason.EMPTY_BODY, null, "body has no visible character");
    }
    if (v[3] == null) {
      return Outcome.reject(QuarantineReason.MISSING_DATE, null, "no published_at field");
    }
    PublishedAt.Parsed date = dates.parse(v[3]);
    if (date == null) {
      return Outcome.reject(
          QuarantineReason.BAD_DATE, null, "unreadable published_at: " + abbreviate(v[3], 80));
    }
    String id = isBlank(v[0]) ? contentId(v[1], body) : v[0].strip();
    return new Outcome(
        new ParsedReport(
            id,
            v[1],
            body,
            v[3],
            date,
            v[4],
            v[5],
            emptyToNull(v[6]),
            emptyToNull(v[7]),
            emptyToNull(v[8]),
            emptyToNull(v[9])),
        null);
  }

  /** A stable id for records that carry none: a hash of the title and body as given. */
  static String contentId(String title, String body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((title == null ? "" : title).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(body.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + HexFormat.of().formatHex(sha.digest(), 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int slot(String name) {
    for (int i = 0; i < STRING_FIELDS.length; i++) {
      if (STRING_FIELDS[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** True when the text has no character other than whitespace, invisible or control ones. */
  static boolean isBlank(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      if (!Character.isWhitespace(c)
          && !Character.isSpaceChar(c)
          && type != Character.FORMAT
          && type != Character.CONTROL) {
        return false;
      }
    }
    return true;
  }

  private static String emptyToNull(String s) {
    return isBlank(s) ? null : s.strip();
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "array";
      case START_OBJECT -> "object";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      default -> t.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return abbreviate(nl < 0 ? s : s.substring(0, nl), 200);
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}

package org.tifa.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Line-level cleanup of a normalized body, configured in {@code conf/boilerplate.yaml}: header
 * lines (来源, 原标题) are lifted into fields, publisher and web-page chrome lines are dropped, and
 * a line identical to an earlier line of the same document is dropped unless it is shorter than
 * {@code minRepeatedLineLength} (short repeats are content: 各位代表！, 一、).
 *
 * <p>Patterns match whole lines of text that is already cleaned and simplified (single spaces,
 * full-width ：kept). Lines longer than {@code maxLineLength} are never boilerplate, which keeps
 * the regexes off long paragraphs.
 */
public final class Boilerplate implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String CLASSPATH_RESOURCE = "tifa/conf/boilerplate.yaml";

  /** Fields a header pattern may fill. */
  public enum HeaderField {
    SOURCE,
    ORIGINAL_TITLE
  }

  private final int maxLineLength;
  private final int minRepeatedLineLength;
  private final Pattern drop;
  private final Pattern[] headerPatterns;
  private final HeaderField[] headerFields;

  private Boilerplate(
      int maxLineLength,
      int minRepeatedLineLength,
      Pattern drop,
      Pattern[] headers,
      HeaderField[] fields) {
    this.maxLineLength = maxLineLength;
    this.minRepeatedLineLength = minRepeatedLineLength;
    this.drop = drop;
    this.headerPatterns = headers;
    this.headerFields = fields;
  }

  /**
   * Reads the YAML: {@code maxLineLength}, {@code minRepeatedLineLength}, {@code headers} (entries with {@code field}: source or
   * originalTitle, {@code pattern} with a group named {@code value}, {@code why}) and {@code drop}
   * (entries with {@code pattern}, {@code why}). Every entry must say why it exists.
   *
   * @throws IllegalArgumentException naming the entry that is missing a key or does not compile
   */
  public static Boilerplate load(Reader yaml) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("boilerplate config: expected a mapping at the top");
    }
    int maxLineLength = root.path("maxLineLength").asInt(0);
    if (maxLineLength <= 0) {
      throw new IllegalArgumentException("boilerplate config: maxLineLength must be positive");
    }
    int minRepeated = root.path("minRepeatedLineLength").asInt(-1);
    if (minRepeated < 1) {
      throw new IllegalArgumentException("boilerplate config: minRepeatedLineLength must be positive");
    }
    List<Pattern> headers = new ArrayList<>();
    List<HeaderField> fields = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : root.path("headers")) {
      String where = "headers[" + index++ + "]";
      Pattern p = compile(entry, where);
      if (!p.pattern().contains("(?<value>")) {
        throw new IllegalArgumentException(where + ": pattern needs a group named value");
      }
      headers.add(p);
      fields.add(headerField(text(entry, "field", where), where));
    }
    StringJoiner dropAll = new StringJoiner("|");
    index = 0;
    for (JsonNode entry : root.path("drop")) {
      dropAll.add("(?:" + compile(entry, "drop[" + index++ + "]").pattern() + ")");
    }
    Pattern drop = index == 0 ? null : Pattern.compile(dropAll.toString());
    return new Boilerplate(
        maxLineLength,
        minRepeated,
        drop,
        headers.toArray(new Pattern[0]),
        fields.toArray(new HeaderField[0]));
  }

  /** The configuration packaged from {@code conf/boilerplate.yaml}. */
  public static Boilerplate defaults() {
    InputStream in = Boilerplate.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + CLASSPATH_RESOURCE);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(CLASSPATH_RESOURCE, e);
    }
  }

  private static Pattern compile(JsonNode entry, String where) {
    String pattern = text(entry, "pattern", where);
    text(entry, "why", where);
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode entry, String key, String where) {
    JsonNode node = entry.get(key);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": missing " + key);
    }
    return node.asText();
  }

  private static HeaderField headerField(String name, String where) {
    switch (name) {
      case "source":
        return HeaderField.SOURCE;
      case "originalTitle":
        return HeaderField.ORIGINAL_TITLE;
      default:
        throw new IllegalArgumentException(where + ": unknown field " + name);
    }
  }

  /**
   * Filters the lines of a cleaned body ({@code \n}-separated, trimmed, no empty lines). Header
   * values go to the tally, first occurrence wins; every removed line is counted.
   */
  public String filter(String body, Tally tally) {
    if (body.isEmpty()) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    Set<String> seen = new HashSet<>();
    Matcher dropMatcher = drop == null ? null : drop.matcher("");
    Matcher[] headerMatchers = new Matcher[headerPatterns.length];
    for (int k = 0; k < headerMatchers.length; k++) {
      headerMatchers[k] = headerPatterns[k].matcher("");
    }
    int start = 0;
    while (start < body.length()) {
      int end = body.indexOf('\n', start);
      if (end < 0) {
        end = body.length();
      }
      String line = body.substring(start, end);
      start = end + 1;
      boolean keep =
          (line.length() > maxLineLength || !isBoilerplate(line, headerMatchers, dropMatcher, tally))
              && (line.length() < minRepeatedLineLength || seen.add(line));
      if (keep) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(line);
      } else {
        tally.linesDropped++;
      }
    }
    return out.length() == body.length() ? body : out.toString();
  }

  private boolean isBoilerplate(
      String line, Matcher[] headerMatchers, Matcher dropMatcher, Tally tally) {
    for (int k = 0; k < headerMatchers.length; k++) {
      Matcher m = headerMatchers[k].reset(line);
      if (m.matches()) {
        String value = m.group("value").strip();
        if (headerFields[k] == HeaderField.SOURCE && tally.headerSource == null) {
          tally.headerSource = value;
        } else if (headerFields[k] == HeaderField.ORIGINAL_TITLE
            && tally.headerOriginalTitle == null) {
          tally.headerOriginalTitle = value;
        }
        return true;
      }
    }
    return dropMatcher != null && dropMatcher.reset(line).matches();
  }
}

package org.tifa.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Line-level cleanup of a normalized body, configured in {@code conf/boilerplate.yaml}: header
 * lines (来源, 原标题) are lifted into fields, publisher and web-page chrome lines are dropped, and a
 * line identical to an earlier line of the same document is dropped unless it is shorter than
 * {@code minRepeatedLineLength} (short repeats are content: 各位代表！, 一、).
 *
 * <p>Patterns match whole lines of text that is already cleaned and simplified (single spaces,
 * full-width ：kept). Lines longer than {@code maxLineLength} are never boilerplate, which keeps the
 * regexes off long paragraphs.
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

  /**
   * The header patterns (as many as {@link #headerFields}), then the drop patterns, in config
   * order.
   */
  private final Pattern[] patterns;

  private final HeaderField[] headerFields;

  /**
   * Prefilter: the {@link RequiredLiterals} of every pattern, each mapped to the patterns needing
   * it; a pattern runs on a line only when one of its literals occurs there, or when it has none
   * ({@link #unconditional}). Most short lines are content that no pattern matches, and scanning a
   * line once for all literals costs less than trying the patterns (several start with {@code
   * .{0,20}} and try every split). Null when no pattern has literals.
   */
  private final AhoCorasickDoubleArrayTrie<int[]> literals;

  private final boolean[] unconditional;

  private Boilerplate(
      int maxLineLength,
      int minRepeatedLineLength,
      List<Pattern> headers,
      List<HeaderField> fields,
      List<Pattern> drops) {
    this.maxLineLength = maxLineLength;
    this.minRepeatedLineLength = minRepeatedLineLength;
    List<Pattern> all = new ArrayList<>(headers);
    all.addAll(drops);
    this.patterns = all.toArray(new Pattern[0]);
    this.headerFields = fields.toArray(new HeaderField[0]);
    this.unconditional = new boolean[patterns.length];
    Map<String, List<Integer>> users = new TreeMap<>();
    for (int k = 0; k < patterns.length; k++) {
      String[] required = RequiredLiterals.of(patterns[k].pattern());
      if (required == null) {
        unconditional[k] = true;
        continue;
      }
      for (String literal : required) {
        users.computeIfAbsent(literal, x -> new ArrayList<>()).add(k);
      }
    }
    if (users.isEmpty()) {
      this.literals = null;
    } else {
      Map<String, int[]> byLiteral = new TreeMap<>();
      users.forEach(
          (literal, ks) ->
              byLiteral.put(literal, ks.stream().mapToInt(Integer::intValue).toArray()));
      this.literals = new AhoCorasickDoubleArrayTrie<>();
      this.literals.build(byLiteral);
    }
  }

  /**
   * Reads the YAML: {@code maxLineLength}, {@code minRepeatedLineLength}, {@code headers} (entries
   * with {@code field}: source or originalTitle, {@code pattern} with a group named {@code value},
   * {@code why}) and {@code drop} (entries with {@code pattern}, {@code why}). Every entry must say
   * why it exists.
   *
   * @throws IllegalArgumentException naming the entry that is missing a key or does not compile
   */
  public static Boilerplate load(Reader yaml) throws IOException {
    JsonNode root = org.tifa.conf.ConfYaml.read(yaml, JsonNode.class);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("boilerplate config: expected a mapping at the top");
    }
    int maxLineLength = root.path("maxLineLength").asInt(0);
    if (maxLineLength <= 0) {
      throw new IllegalArgumentException("boilerplate config: maxLineLength must be positive");
    }
    int minRepeated = root.path("minRepeatedLineLength").asInt(-1);
    if (minRepeated < 1) {
      throw new IllegalArgumentException(
          "boilerplate config: minRepeatedLineLength must be positive");
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
    List<Pattern> drops = new ArrayList<>();
    index = 0;
    for (JsonNode entry : root.path("drop")) {
      drops.add(compile(entry, "drop[" + index++ + "]"));
    }
    return new Boilerplate(maxLineLength, minRepeated, headers, fields, drops);
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
    Lines lines = new Lines();
    int start = 0;
    while (start < body.length()) {
      int end = body.indexOf('\n', start);
      if (end < 0) {
        end = body.length();
      }
      String line = body.substring(start, end);
      start = end + 1;
      boolean keep =
          (line.length() > maxLineLength || !lines.isBoilerplate(line, tally))
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

  /** One body's matchers (made when first needed) and the candidate flags of the current line. */
  private final class Lines implements AhoCorasickDoubleArrayTrie.IHit<int[]> {
    private final Matcher[] matchers = new Matcher[patterns.length];
    private final boolean[] candidate = new boolean[patterns.length];

    @Override
    public void hit(int begin, int end, int[] users) {
      for (int k : users) {
        candidate[k] = true;
      }
    }

    private boolean matches(int k, String line) {
      if (!candidate[k]) {
        return false;
      }
      if (matchers[k] == null) {
        matchers[k] = patterns[k].matcher(line);
      } else {
        matchers[k].reset(line);
      }
      return matchers[k].matches();
    }

    /**
     * Whether a header or drop pattern matches the whole line; a header's value goes to the tally.
     */
    boolean isBoilerplate(String line, Tally tally) {
      System.arraycopy(unconditional, 0, candidate, 0, candidate.length);
      if (literals != null) {
        literals.parseText(line, this);
      }
      for (int k = 0; k < headerFields.length; k++) {
        if (matches(k, line)) {
          String value = matchers[k].group("value").strip();
          if (headerFields[k] == HeaderField.SOURCE && tally.headerSource == null) {
            tally.headerSource = value;
          } else if (headerFields[k] == HeaderField.ORIGINAL_TITLE
              && tally.headerOriginalTitle == null) {
            tally.headerOriginalTitle = value;
          }
          return true;
        }
      }
      for (int k = headerFields.length; k < patterns.length; k++) {
        if (matches(k, line)) {
          return true;
        }
      }
      return false;
    }
  }
}

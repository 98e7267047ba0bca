package org.tifa.reference;

import static org.tifa.error.ConfigException.quote;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.tifa.conf.ConfYaml;
import org.tifa.error.ConfigException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The job settings of {@code conf/tifa.yaml}: the bundled defaults, merged with a user's file that
 * names only what it changes. Unknown keys, keys given twice, values outside their range, repeated
 * list items and a file over {@link #MAX_FILE_BYTES} are configuration errors, reported in one line
 * before Spark starts. The ranges are stated in {@code conf/tifa.yaml}.
 */
public final class TifaConfig implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String DEFAULT_RESOURCE = "tifa/conf/tifa.yaml";
  public static final Set<String> GRAINS = Set.of("day", "week", "month", "quarter", "year");

  /**
   * Largest settings file read (64 KiB): a configuration names a few dozen values, and the YAML
   * parser's work grows with the square of the longest value's length.
   */
  public static final int MAX_FILE_BYTES = 64 << 10;

  /**
   * Most bytes of one input line, hence characters of one body (a character takes at least one byte
   * of its line): 256 MiB. A line is held at least four times over while it is read and parsed (its
   * buffer, that buffer's copy, the decoded text, the parsed body), so such a line already needs
   * more than a GiB of heap in the task reading it.
   */
  private static final int MAX_LINE_BYTES = 256 << 20;

  /**
   * Most bytes of a bad record's raw text kept in the quarantine table (16 MiB): enough to see it.
   */
  private static final int MAX_QUARANTINE_RAW_BYTES = 16 << 20;

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final String effectiveJson;
  private final String sha256;
  public final ZoneId timeZone;
  public final int maxBodyChars;
  public final int maxLineBytes;
  public final int splitBytes;
  public final List<String> extensions;
  public final List<String> grains;
  public final int quarantineRawBytes;
  public final int rowsPerFile;
  public final boolean texts;
  public final int mentionContexts;
  public final int contextChars;
  public final java.time.Duration leftoverAge;
  public final int sloganMinDocuments;
  public final int wordBoundaryMaxChars;
  public final double topicMinSalience;
  public final double maxQuarantineRatio;
  public final int summaryTop;
  public final int reportMinPeriodDocuments;
  public final double nearDuplicateThreshold;
  public final int shingleChars;
  public final int minhashSize;
  public final int maxBucketSize;

  private TifaConfig(JsonNode tree) {
    this.effectiveJson = canonicalJson(tree);
    this.sha256 = sha256(effectiveJson);
    this.timeZone = zone(text(tree, "input", "time_zone"));
    this.maxBodyChars = wholeNumber(tree, "input", "max_body_chars", 100, MAX_LINE_BYTES);
    this.maxLineBytes = wholeNumber(tree, "input", "max_line_bytes", 1024, MAX_LINE_BYTES);
    // A range of less than a mebibyte would cost more to plan and start than to read.
    this.splitBytes = wholeNumber(tree, "input", "split_bytes", 1 << 20, 1 << 30);
    // Names are matched without regard to case, so "jsonl" and "JSONL" are one extension.
    this.extensions = distinctStrings(tree, "input", "extensions", e -> e.toLowerCase(Locale.ROOT));
    this.grains = distinctStrings(tree, "output", "grains", Function.identity());
    for (String g : grains) {
      if (!GRAINS.contains(g)) {
        throw new ConfigException(
            "output.grains: unknown grain " + quote(g) + " (use day, week, month, quarter, year)");
      }
    }
    this.quarantineRawBytes =
        wholeNumber(tree, "output", "quarantine_raw_bytes", 64, MAX_QUARANTINE_RAW_BYTES);
    // Fewer rows than this would split a table into up to 1000 files of a few rows each.
    this.rowsPerFile = wholeNumber(tree, "output", "rows_per_file", 1000, 100_000_000);
    this.texts = flag(tree, "output", "texts");
    // Contexts are the bulk of the mentions table's bytes; offsets are kept for every mention.
    this.mentionContexts = wholeNumber(tree, "output", "mention_contexts", 0, 1_000_000);
    // A sentence is rarely longer than 200 characters each side of a term.
    this.contextChars = wholeNumber(tree, "output", "context_chars", 10, 200);
    // A lock is refreshed at a quarter of this age; a year is the most a stale run is waited for.
    this.leftoverAge =
        java.time.Duration.ofHours(wholeNumber(tree, "output", "leftover_age_hours", 1, 8760));
    this.sloganMinDocuments = wholeNumber(tree, "slogans", "min_documents", 1, 1_000_000);
    // Terms longer than 8 characters are phrases no chance reading produces; 0 checks none.
    this.wordBoundaryMaxChars = wholeNumber(tree, "extract", "word_boundary_max_chars", 0, 8);
    // Mentions per 10,000 characters: 0 takes any mention, 1000 a keyword in every tenth character.
    this.topicMinSalience = number(tree, "topics", "min_salience", 0, 1000);
    this.maxQuarantineRatio = number(tree, "run", "max_quarantine_ratio", 0, 1);
    this.summaryTop = wholeNumber(tree, "run", "summary_top", 1, 1000);
    this.reportMinPeriodDocuments =
        wholeNumber(tree, "report", "min_period_documents", 1, 1_000_000);
    // Below one half, texts sharing half their shingles would count as one article, and the LSH
    // bands shrink to one or two rows, so most pairs of documents would become candidates.
    this.nearDuplicateThreshold = number(tree, "dedup", "near_duplicate_threshold", 0.5, 1);
    // Single characters would compare character sets, which most Chinese texts share; hashing a
    // document costs its length times the shingle length.
    this.shingleChars = wholeNumber(tree, "dedup", "shingle_chars", 2, 16);
    // Every record carries a signature of 4 bytes per row through three shuffles: 4 KiB at 1024.
    // Below 32 rows the estimate's standard deviation at a similarity of 0.9 exceeds 0.05.
    this.minhashSize = wholeNumber(tree, "dedup", "minhash_size", 32, 1024);
    // A full bucket yields size * (size - 1) / 2 candidate pairs in each band.
    this.maxBucketSize = wholeNumber(tree, "dedup", "max_bucket_size", 2, 1000);
  }

  /** The bundled defaults. */
  public static TifaConfig defaults() {
    return new TifaConfig(readDefaults());
  }

  /**
   * The bundled defaults overridden by the given YAML document; reads at most {@link
   * #MAX_FILE_BYTES} and one byte of it, so a file too large is refused before it is parsed.
   */
  public static TifaConfig withOverrides(InputStream yaml, String origin) {
    byte[] bytes;
    try {
      bytes = yaml.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw new ConfigException(
          quote(origin) + " unreadable: " + ConfigException.clip(e.getMessage(), 200));
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ConfigException(
          quote(origin) + " is larger than 64 KiB, the most a settings file may have");
    }
    JsonNode base = readDefaults();
    JsonNode override;
    try {
      override = ConfYaml.readTree(new ByteArrayInputStream(bytes));
    } catch (JsonProcessingException e) {
      throw new ConfigException(quote(origin) + " is not valid YAML: " + parseError(e));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (override == null || override.isMissingNode() || override.isNull()) {
      return new TifaConfig(base);
    }
    if (!override.isObject()) {
      throw new ConfigException(quote(origin) + " must be a YAML mapping of settings");
    }
    merge((ObjectNode) base, (ObjectNode) override, "");
    return new TifaConfig(base);
  }

  /** The effective settings as canonical JSON (keys sorted), as written into the manifest. */
  public String effectiveJson() {
    return effectiveJson;
  }

  public String sha256() {
    return sha256;
  }

  public Map<String, Object> effectiveMap() {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = JSON.readValue(effectiveJson, TreeMap.class);
      return m;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readDefaults() {
    try (InputStream in = TifaConfig.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled resource " + DEFAULT_RESOURCE);
      }
      return ConfYaml.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("bundled " + DEFAULT_RESOURCE + " unreadable", e);
    }
  }

  private static void merge(ObjectNode base, ObjectNode override, String path) {
    Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      JsonNode current = base.get(e.getKey());
      if (current == null) {
        throw new ConfigException("unknown setting " + quote(key));
      }
      if (current.isObject()) {
        if (!e.getValue().isObject()) {
          throw new ConfigException("setting '" + key + "' must be a mapping");
        }
        merge((ObjectNode) current, (ObjectNode) e.getValue(), key);
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  private static JsonNode node(JsonNode tree, String section, String key) {
    JsonNode n = tree.path(section).path(key);
    if (n.isMissingNode() || n.isNull()) {
      throw new ConfigException("setting '" + section + "." + key + "' is missing");
    }
    return n;
  }

  private static String text(JsonNode tree, String section, String key) {
    JsonNode n = node(tree, section, key);
    if (!n.isTextual()) {
      throw new ConfigException("setting '" + section + "." + key + "' must be text");
    }
    return n.asText();
  }

  /** true or false. */
  private static boolean flag(JsonNode tree, String section, String key) {
    JsonNode n = node(tree, section, key);
    if (!n.isBoolean()) {
      throw new ConfigException(
          "setting '" + section + "." + key + "' must be true or false, got " + shown(n));
    }
    return n.asBoolean();
  }

  /** A whole number from {@code min} to {@code max}. */
  private static int wholeNumber(JsonNode tree, String section, String key, int min, int max) {
    JsonNode n = node(tree, section, key);
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
      throw new ConfigException(
          "setting '"
              + section
              + "."
              + key
              + "' must be a whole number from "
              + min
              + " to "
              + max
              + ", got "
              + shown(n));
    }
    return n.asInt();
  }

  /** A number from {@code min} to {@code max}. */
  private static double number(JsonNode tree, String section, String key, double min, double max) {
    JsonNode n = node(tree, section, key);
    if (!n.isNumber() || !(n.asDouble() >= min && n.asDouble() <= max)) {
      throw new ConfigException(
          "setting '"
              + section
              + "."
              + key
              + "' must be a number from "
              + plain(min)
              + " to "
              + plain(max)
              + ", got "
              + shown(n));
    }
    return n.asDouble();
  }

  /** 0.5 as "0.5", 1.0 as "1". */
  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** A value as a message shows it: numbers as written, anything else quoted; both cut if long. */
  private static String shown(JsonNode n) {
    return n.isNumber()
        ? ConfigException.clip(n.toString(), ConfigException.QUOTED_CHARS)
        : quote(n.isTextual() ? n.asText() : n.toString());
  }

  /** A non-empty list of text values, no two of which are equal once {@code normal} is applied. */
  private static List<String> distinctStrings(
      JsonNode tree, String section, String key, Function<String, String> normal) {
    JsonNode n = node(tree, section, key);
    if (!n.isArray() || n.isEmpty()) {
      throw new ConfigException("setting '" + section + "." + key + "' must be a non-empty list");
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode item : n) {
      if (!item.isTextual()) {
        throw new ConfigException("setting '" + section + "." + key + "' must list text values");
      }
      if (!seen.add(normal.apply(item.asText()))) {
        throw new ConfigException(
            "setting '"
                + section
                + "."
                + key
                + "' lists "
                + quote(item.asText())
                + " more than once");
      }
      out.add(item.asText());
    }
    return List.copyOf(out);
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new ConfigException("setting 'input.time_zone': unknown time zone " + quote(id));
    }
  }

  private static String canonicalJson(JsonNode tree) {
    try {
      Object plain = JSON.treeToValue(tree, Object.class);
      return JSON.writeValueAsString(plain);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The parser's reason and where in the file, without the excerpt of the file it adds on further
   * lines.
   */
  private static String parseError(JsonProcessingException e) {
    String reason =
        e.getCause() instanceof MarkedYAMLException m
            ? (m.getContext() == null ? "" : m.getContext() + ": ") + m.getProblem()
            : String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
    JsonLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 1
            ? ""
            : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return ConfigException.clip(reason, 200) + where;
  }
}

package org.tifa.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The job settings of {@code conf/tifa.yaml}: the bundled defaults, merged with a user's file that
 * names only what it changes. Unknown keys and bad values are configuration errors, reported in
 * one line before Spark starts.
 */
public final class TifaConfig implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String DEFAULT_RESOURCE = "tifa/conf/tifa.yaml";
  public static final Set<String> GRAINS = Set.of("day", "week", "month", "quarter", "year");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final String effectiveJson;
  private final String sha256;
  public final ZoneId timeZone;
  public final int maxBodyChars;
  public final int maxLineBytes;
  public final List<String> extensions;
  public final List<String> grains;
  public final int quarantineRawBytes;
  public final int rowsPerFile;
  public final int sloganMinDocuments;
  public final double maxQuarantineRatio;
  public final int summaryTop;
  public final double nearDuplicateThreshold;
  public final int shingleChars;
  public final int minhashSize;
  public final int maxBucketSize;

  private TifaConfig(JsonNode tree) {
    this.effectiveJson = canonicalJson(tree);
    this.sha256 = sha256(effectiveJson);
    this.timeZone = zone(text(tree, "input", "time_zone"));
    this.maxBodyChars = positiveInt(tree, "input", "max_body_chars");
    this.maxLineBytes = positiveInt(tree, "input", "max_line_bytes");
    this.extensions = strings(tree, "input", "extensions");
    this.grains = strings(tree, "output", "grains");
    for (String g : grains) {
      if (!GRAINS.contains(g)) {
        throw new ConfigException("output.grains: unknown grain '" + g + "' (use day, week, month, quarter, year)");
      }
    }
    this.quarantineRawBytes = positiveInt(tree, "output", "quarantine_raw_bytes");
    this.rowsPerFile = positiveInt(tree, "output", "rows_per_file");
    this.sloganMinDocuments = positiveInt(tree, "slogans", "min_documents");
    this.maxQuarantineRatio = ratio(tree, "run", "max_quarantine_ratio");
    this.summaryTop = positiveInt(tree, "run", "summary_top");
    this.nearDuplicateThreshold = ratio(tree, "dedup", "near_duplicate_threshold");
    if (nearDuplicateThreshold == 0) {
      throw new ConfigException("setting 'dedup.near_duplicate_threshold' must be above 0 (1.0 turns detection off)");
    }
    this.shingleChars = positiveInt(tree, "dedup", "shingle_chars");
    this.minhashSize = positiveInt(tree, "dedup", "minhash_size");
    this.maxBucketSize = positiveInt(tree, "dedup", "max_bucket_size");
    if (maxBucketSize < 2) {
      throw new ConfigException("setting 'dedup.max_bucket_size' must be at least 2, got " + maxBucketSize);
    }
  }

  /** The bundled defaults. */
  public static TifaConfig defaults() {
    return new TifaConfig(readDefaults());
  }

  /** The bundled defaults overridden by the given YAML document. */
  public static TifaConfig withOverrides(InputStream yaml, String origin) {
    JsonNode base = readDefaults();
    JsonNode override;
    try {
      override = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new ConfigException(origin + " is not valid YAML: " + firstLine(e.getMessage()));
    }
    if (override == null || override.isMissingNode() || override.isNull()) {
      return new TifaConfig(base);
    }
    if (!override.isObject()) {
      throw new ConfigException(origin + " must be a YAML mapping of settings");
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
      return YAML.readTree(in);
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
        throw new ConfigException("unknown setting '" + key + "'");
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

  private static int positiveInt(JsonNode tree, String section, String key) {
    JsonNode n = node(tree, section, key);
    if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() <= 0) {
      throw new ConfigException("setting '" + section + "." + key + "' must be a positive whole number, got " + n);
    }
    return n.asInt();
  }

  private static double ratio(JsonNode tree, String section, String key) {
    JsonNode n = node(tree, section, key);
    if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) {
      throw new ConfigException("setting '" + section + "." + key + "' must be a number from 0 to 1, got " + n);
    }
    return n.asDouble();
  }

  private static List<String> strings(JsonNode tree, String section, String key) {
    JsonNode n = node(tree, section, key);
    if (!n.isArray() || n.isEmpty()) {
      throw new ConfigException("setting '" + section + "." + key + "' must be a non-empty list");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : n) {
      if (!item.isTextual()) {
        throw new ConfigException("setting '" + section + "." + key + "' must list text values");
      }
      out.add(item.asText());
    }
    return List.copyOf(out);
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new ConfigException("setting 'input.time_zone': unknown time zone '" + id + "'");
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
          .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLine(String s) {
    int nl = s == null ? -1 : s.indexOf('\n');
    return s == null ? "" : nl < 0 ? s : s.substring(0, nl);
  }
}

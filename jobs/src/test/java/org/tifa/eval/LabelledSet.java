package org.tifa.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A slogan-labelled dataset: {@code labels.jsonl} and the input files its rows point to. Only rows
 * whose {@code slogans} is not null are read; a row finds its record by {@code id}, or without one
 * by {@code line} (1-based in JSON Lines files, the array index in {@code .json} files).
 *
 * <p>The text gets a light normalization of its own, independent of the project's normalizer:
 * Traditional script to Simplified (OpenCC's table), pinyin in parentheses removed (precomposed or
 * combining tone marks), full-width Latin letters and digits to ASCII, invisible format characters
 * (zero-width space, byte-order mark) dropped first so that they cannot hide a pinyin annotation.
 */
final class LabelledSet {

  /** One labelled document; {@code ref} names it in reports. */
  record Doc(String ref, String title, String body, Set<String> slogans, Set<String> nonSlogans) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FORMAT_CHARS = Pattern.compile("\\p{Cf}");
  private static final String PINYIN_LETTER = "a-zA-Zāáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜüêńňǹḿ\\u0300-\\u036F";
  private static final Pattern PINYIN =
      Pattern.compile("[（(]\\s*[" + PINYIN_LETTER + "]+(\\s+[" + PINYIN_LETTER + "]+)*\\s*[）)]");

  private LabelledSet() {}

  static List<Doc> load(Path dir) throws IOException {
    Map<String, List<JsonNode>> files = new HashMap<>();
    List<Doc> docs = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("labels.jsonl"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode label = JSON.readTree(line);
      if (!label.path("slogans").isArray()) {
        continue;
      }
      String file = label.path("file").asText();
      List<JsonNode> records = files.get(file);
      if (records == null) {
        records = readRecords(dir.resolve(file));
        files.put(file, records);
      }
      JsonNode record = find(records, label, file.endsWith(".json"));
      String ref = file + ":" + label.path("line").asInt();
      if (record == null) {
        throw new IllegalStateException("no record for label " + ref);
      }
      docs.add(
          new Doc(
              ref,
              lightNormalize(record.path("title").isTextual() ? record.path("title").asText() : ""),
              lightNormalize(record.path("body").isTextual() ? record.path("body").asText() : ""),
              strings(label.path("slogans")),
              strings(label.path("non_slogans"))));
    }
    return docs;
  }

  static String lightNormalize(String text) {
    String t = FORMAT_CHARS.matcher(text).replaceAll("");
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean fullWidthAlnum =
          (c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');
      sb.append(fullWidthAlnum ? (char) (c - 0xFEE0) : c);
    }
    t = sb.toString();
    if (ZhConverterUtil.containsTraditional(t)) {
      t = ZhConverterUtil.toSimple(t);
    }
    return PINYIN.matcher(t).replaceAll("");
  }

  private static JsonNode find(List<JsonNode> records, JsonNode label, boolean jsonArray) {
    JsonNode id = label.path("id");
    if (id.isTextual()) {
      for (JsonNode r : records) {
        if (r != null && id.asText().equals(r.path("id").asText(null))) {
          return r;
        }
      }
      return null;
    }
    int index = jsonArray ? label.path("line").asInt() : label.path("line").asInt() - 1;
    return index >= 0 && index < records.size() ? records.get(index) : null;
  }

  /** The records of a file in order; a line that is not a JSON object stays as null. */
  private static List<JsonNode> readRecords(Path file) throws IOException {
    String text;
    try (InputStream in = Files.newInputStream(file)) {
      InputStream raw = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
      text = new String(raw.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    }
    List<JsonNode> records = new ArrayList<>();
    if (file.toString().endsWith(".json")) {
      JSON.readTree(text).forEach(records::add);
      return records;
    }
    for (String line : text.split("\n", -1)) {
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        node = null;
      }
      records.add(node != null && node.isObject() ? node : null);
    }
    return records;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}

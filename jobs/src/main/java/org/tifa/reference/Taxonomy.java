package org.tifa.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Reader;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tifa.conf.ConfYaml;
import org.tifa.match.Keys;
import org.tifa.match.TermMatcher;

/**
 * The topic taxonomy, {@code conf/topics.yaml}: topics with stable snake_case ids, labels, a
 * category and keywords. A keyword belongs to exactly one topic (compared by canonical key), so a
 * keyword hit names its topic without ambiguity; the loader rejects a keyword shared by two topics,
 * keywords shorter than two characters, duplicate ids and undeclared categories.
 */
public final class Taxonomy implements Serializable {

  private static final long serialVersionUID = 1L;

  /** File name under {@code conf/} (resource {@code tifa/conf/topics.yaml}). */
  public static final String FILE = "topics.yaml";

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final int MIN_KEYWORD_CHARS = 2;

  /**
   * One topic.
   *
   * @param id stable snake_case id
   * @param labelZh Chinese label
   * @param labelEn English label
   * @param category one of the file's declared categories
   * @param keywords words and phrases whose occurrence counts for the topic
   */
  public record Topic(String id, String labelZh, String labelEn, String category, String[] keywords)
      implements Serializable {}

  private final String[] categories;
  private final Topic[] topics;
  private final HashMap<String, Topic> byId;
  private final Map<String, String> keywordToId;
  private final TermMatcher matcher;

  private Taxonomy(String[] categories, Topic[] topics, Map<String, String> keywordToId) {
    this.categories = categories;
    this.topics = topics;
    this.byId = new HashMap<>();
    for (Topic t : topics) {
      byId.put(t.id(), t);
    }
    this.keywordToId = Map.copyOf(keywordToId);
    this.matcher = TermMatcher.of(keywordToId);
  }

  private record Doc(
      @JsonProperty("categories") Map<String, String> categories,
      @JsonProperty("topics") List<Item> topics) {}

  private record Item(
      @JsonProperty("id") String id,
      @JsonProperty("label_zh") String labelZh,
      @JsonProperty("label_en") String labelEn,
      @JsonProperty("category") String category,
      @JsonProperty("keywords") List<String> keywords) {}

  /** The taxonomy packaged as {@code tifa/conf/topics.yaml}. */
  public static Taxonomy loadDefault() {
    return ConfYaml.loadResource(FILE, Taxonomy::load);
  }

  /** A taxonomy from a YAML document in the format of {@code conf/topics.yaml}. */
  public static Taxonomy load(Reader yaml) {
    Doc doc = ConfYaml.read(yaml, Doc.class);
    if (doc.categories() == null
        || doc.categories().isEmpty()
        || doc.topics() == null
        || doc.topics().isEmpty()) {
      throw new IllegalArgumentException("taxonomy needs categories and topics");
    }
    Topic[] topics = new Topic[doc.topics().size()];
    Map<String, String> topicByKeywordKey = new HashMap<>();
    Map<String, String> keywordToId = new LinkedHashMap<>();
    for (int i = 0; i < topics.length; i++) {
      Item item = doc.topics().get(i);
      String id = item.id();
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "topic #" + (i + 1) + " needs a snake_case id, got '" + id + "'");
      }
      for (int j = 0; j < i; j++) {
        if (topics[j].id().equals(id)) {
          throw new IllegalArgumentException("topic id '" + id + "' is used twice");
        }
      }
      if (isBlank(item.labelZh()) || isBlank(item.labelEn())) {
        throw new IllegalArgumentException("topic '" + id + "' needs label_zh and label_en");
      }
      if (!doc.categories().containsKey(item.category())) {
        throw new IllegalArgumentException(
            "topic '" + id + "' has undeclared category '" + item.category() + "'");
      }
      if (item.keywords() == null || item.keywords().isEmpty()) {
        throw new IllegalArgumentException("topic '" + id + "' has no keywords");
      }
      for (String keyword : item.keywords()) {
        String key = Keys.canonical(keyword);
        if (key.codePointCount(0, key.length()) < MIN_KEYWORD_CHARS) {
          throw new IllegalArgumentException(
              "keyword '" + keyword + "' of '" + id + "' is too short to be distinctive");
        }
        String owner = topicByKeywordKey.putIfAbsent(key, id);
        if (owner != null) {
          throw new IllegalArgumentException(
              "keyword '" + keyword + "' of '" + id + "' is already a keyword of '" + owner + "'");
        }
        keywordToId.put(keyword, id);
      }
      topics[i] =
          new Topic(
              id,
              item.labelZh(),
              item.labelEn(),
              item.category(),
              item.keywords().toArray(new String[0]));
    }
    return new Taxonomy(doc.categories().keySet().toArray(new String[0]), topics, keywordToId);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** All topics in file order. */
  public Topic[] topics() {
    return topics.clone();
  }

  public int size() {
    return topics.length;
  }

  /** Declared category ids in file order. */
  public String[] categories() {
    return categories.clone();
  }

  /** The topic with {@code id}, or null. */
  public Topic topic(String id) {
    return byId.get(id);
  }

  /** Every keyword and the id of its topic. */
  public Map<String, String> keywords() {
    return keywordToId;
  }

  /** A matcher over every keyword, reporting topic ids as hit ids. */
  public TermMatcher matcher() {
    return matcher;
  }
}

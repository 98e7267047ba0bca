package org.tifa.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tifa.conf.ConfYaml;
import org.tifa.match.Keys;
import org.tifa.match.TermMatcher;

/**
 * The curated lexicon of known slogans, {@code conf/slogans.yaml}. Each entry is identified by the
 * {@link Keys#canonical canonical key} of its term; aliases are counted under that key. The loader
 * rejects a category not declared in the file, a key or alias claimed by two entries, entries
 * without a term, a {@code first_year} that is not a whole number in {@link
 * #MIN_FIRST_YEAR}..{@link #MAX_FIRST_YEAR} and a blank {@code source}; both of these are optional
 * for the loader (a test requires them of the bundled file).
 */
public final class SloganLexicon implements Serializable {

  private static final long serialVersionUID = 1L;

  /** File name under {@code conf/} (resource {@code tifa/conf/slogans.yaml}). */
  public static final String FILE = "slogans.yaml";

  /**
   * Earliest {@code first_year}: the lexicon tracks formulations of the People's Republic (1949-).
   */
  public static final int MIN_FIRST_YEAR = 1949;

  /**
   * Latest {@code first_year}: the newest documents the lexicon was curated against are of 2026.
   */
  public static final int MAX_FIRST_YEAR = 2026;

  /**
   * One known slogan.
   *
   * @param key canonical key of the term, the id under which it is counted
   * @param term display form
   * @param category one of the file's declared categories
   * @param aliases other surface forms counted under {@code key}
   * @param note what it stands for, or null
   * @param firstYear year the formulation first appeared in a central document, or null
   * @param source short name of that document (such as 党的十八大报告), or null
   */
  public record Entry(
      String key,
      String term,
      String category,
      String[] aliases,
      String note,
      Integer firstYear,
      String source)
      implements Serializable {}

  private final String[] categories;
  private final Entry[] entries;
  private final HashMap<String, Entry> byKey;

  /** Canonical key of every term and alias to the key of its entry. */
  private final HashMap<String, String> entryKeyByFormKey;

  private final TermMatcher matcher;

  private SloganLexicon(String[] categories, Entry[] entries) {
    this.categories = categories;
    this.entries = entries;
    this.byKey = new HashMap<>();
    this.entryKeyByFormKey = new HashMap<>();
    Map<String, String> surfaces = new LinkedHashMap<>();
    for (Entry e : entries) {
      byKey.put(e.key(), e);
      addForm(e.term(), e, surfaces);
      for (String alias : e.aliases()) {
        addForm(alias, e, surfaces);
      }
    }
    this.matcher = TermMatcher.of(surfaces);
  }

  private void addForm(String surface, Entry e, Map<String, String> surfaces) {
    String formKey = Keys.canonical(surface);
    String owner = entryKeyByFormKey.putIfAbsent(formKey, e.key());
    if (owner != null && !owner.equals(e.key())) {
      throw new IllegalArgumentException(
          "'" + surface + "' of '" + e.term() + "' already belongs to '" + owner + "'");
    }
    surfaces.put(surface, e.key());
  }

  private record Doc(
      @JsonProperty("categories") Map<String, String> categories,
      @JsonProperty("slogans") List<Item> slogans) {}

  private record Item(
      @JsonProperty("term") String term,
      @JsonProperty("aliases") List<String> aliases,
      @JsonProperty("category") String category,
      @JsonProperty("first_year") JsonNode firstYear,
      @JsonProperty("source") String source,
      @JsonProperty("note") String note) {}

  /** The lexicon packaged as {@code tifa/conf/slogans.yaml}. */
  public static SloganLexicon loadDefault() {
    return ConfYaml.loadResource(FILE, SloganLexicon::load);
  }

  /** A lexicon from a YAML document in the format of {@code conf/slogans.yaml}. */
  public static SloganLexicon load(Reader yaml) {
    Doc doc = ConfYaml.read(yaml, Doc.class);
    if (doc.categories() == null
        || doc.categories().isEmpty()
        || doc.slogans() == null
        || doc.slogans().isEmpty()) {
      throw new IllegalArgumentException("slogan lexicon needs categories and slogans");
    }
    Entry[] entries = new Entry[doc.slogans().size()];
    for (int i = 0; i < entries.length; i++) {
      Item item = doc.slogans().get(i);
      if (item.term() == null || Keys.canonical(item.term()).isEmpty()) {
        throw new IllegalArgumentException("slogan #" + (i + 1) + " has no term");
      }
      if (!doc.categories().containsKey(item.category())) {
        throw new IllegalArgumentException(
            "slogan '" + item.term() + "' has undeclared category '" + item.category() + "'");
      }
      if (item.source() != null && item.source().isBlank()) {
        throw new IllegalArgumentException("slogan '" + item.term() + "' has a blank source");
      }
      String[] aliases =
          item.aliases() == null ? new String[0] : item.aliases().toArray(new String[0]);
      entries[i] =
          new Entry(
              Keys.canonical(item.term()),
              item.term(),
              item.category(),
              aliases,
              item.note(),
              firstYear(item),
              item.source());
    }
    return new SloganLexicon(doc.categories().keySet().toArray(new String[0]), entries);
  }

  /**
   * The entry's {@code first_year}, or null when not given; anything but a whole year in range is
   * an error.
   */
  private static Integer firstYear(Item item) {
    JsonNode year = item.firstYear();
    if (year == null || year.isNull()) {
      return null;
    }
    if (!year.isInt() || year.intValue() < MIN_FIRST_YEAR || year.intValue() > MAX_FIRST_YEAR) {
      throw new IllegalArgumentException(
          "slogan '"
              + item.term()
              + "' has first_year '"
              + year.asText()
              + "', not a year in "
              + MIN_FIRST_YEAR
              + ".."
              + MAX_FIRST_YEAR);
    }
    return year.intValue();
  }

  /** All entries in file order. */
  public Entry[] entries() {
    return entries.clone();
  }

  public int size() {
    return entries.length;
  }

  /** Declared category ids in file order. */
  public String[] categories() {
    return categories.clone();
  }

  /** The entry with canonical key {@code key}, or null. */
  public Entry entry(String key) {
    return byKey.get(key);
  }

  /**
   * The key of the entry whose term or alias has the same canonical key as {@code surface}, or
   * null: resolves a quoted “两山” to the key of 绿水青山就是金山银山.
   */
  public String keyOf(String surface) {
    return entryKeyByFormKey.get(Keys.canonical(surface));
  }

  /** A matcher over every term and alias, reporting entry keys as hit ids. */
  public TermMatcher matcher() {
    return matcher;
  }
}

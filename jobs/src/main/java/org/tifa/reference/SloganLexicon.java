package org.tifa.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Reader;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tifa.conf.ConfYaml;
import org.tifa.extract.SloganRules;
import org.tifa.extract.TermMatcher;

/**
 * The curated lexicon of known slogans, {@code conf/slogans.yaml}. Each entry is identified by the
 * {@link SloganRules#canonicalKey canonical key} of its term; aliases are counted under that key.
 * The loader rejects a category not declared in the file, a key or alias claimed by two entries
 * and entries without a term.
 */
public final class SloganLexicon implements Serializable {

  private static final long serialVersionUID = 1L;

  /** File name under {@code conf/} (resource {@code tifa/conf/slogans.yaml}). */
  public static final String FILE = "slogans.yaml";

  /**
   * One known slogan.
   *
   * @param key canonical key of the term, the id under which it is counted
   * @param term display form
   * @param category one of the file's declared categories
   * @param aliases other surface forms counted under {@code key}
   * @param note what it stands for, or null
   */
  public record Entry(String key, String term, String category, String[] aliases, String note)
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
    String formKey = SloganRules.canonicalKey(surface);
    String owner = entryKeyByFormKey.putIfAbsent(formKey, e.key());
    if (owner != null && !owner.equals(e.key())) {
      throw new IllegalArgumentException("'" + surface + "' of '" + e.term() + "' already belongs to '" + owner + "'");
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
      @JsonProperty("note") String note) {}

  /** The lexicon packaged as {@code tifa/conf/slogans.yaml}. */
  public static SloganLexicon loadDefault() {
    return ConfYaml.loadResource(FILE, SloganLexicon::load);
  }

  /** A lexicon from a YAML document in the format of {@code conf/slogans.yaml}. */
  public static SloganLexicon load(Reader yaml) {
    Doc doc = ConfYaml.read(yaml, Doc.class);
    if (doc.categories() == null || doc.categories().isEmpty() || doc.slogans() == null || doc.slogans().isEmpty()) {
      throw new IllegalArgumentException("slogan lexicon needs categories and slogans");
    }
    Entry[] entries = new Entry[doc.slogans().size()];
    for (int i = 0; i < entries.length; i++) {
      Item item = doc.slogans().get(i);
      if (item.term() == null || SloganRules.canonicalKey(item.term()).isEmpty()) {
        throw new IllegalArgumentException("slogan #" + (i + 1) + " has no term");
      }
      if (!doc.categories().containsKey(item.category())) {
        throw new IllegalArgumentException("slogan '" + item.term() + "' has undeclared category '" + item.category() + "'");
      }
      String[] aliases = item.aliases() == null ? new String[0] : item.aliases().toArray(new String[0]);
      entries[i] =
          new Entry(SloganRules.canonicalKey(item.term()), item.term(), item.category(), aliases, item.note());
    }
    return new SloganLexicon(doc.categories().keySet().toArray(new String[0]), entries);
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
    return entryKeyByFormKey.get(SloganRules.canonicalKey(surface));
  }

  /** A matcher over every term and alias, reporting entry keys as hit ids. */
  public TermMatcher matcher() {
    return matcher;
  }
}

package org.tifa.reference;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The divisions of conf/gazetteer (see its README): current regions by code, the names and aliases
 * under which they appear in text, and old codes and names mapped to today's divisions.
 */
public final class Gazetteer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String RESOURCE_DIR = "tifa/conf/gazetteer/";

  /** How a surface form relates to its division. */
  public enum NameKind {
    NAME,
    ALIAS,
    OLD_NAME
  }

  /**
   * A form under which a division may be written. {@code ambiguous} forms are shared with another
   * division or are ordinary words: they never decide a region alone.
   */
  public record Name(String text, String code, NameKind kind, boolean ambiguous)
      implements Serializable {}

  private final Map<String, Region> byCode;
  private final Map<String, String> codeChanges;
  private final List<Name> names;
  private final Map<String, List<Name>> namesByText;

  private Gazetteer(Map<String, Region> byCode, Map<String, String> codeChanges, List<Name> names) {
    this.byCode = byCode;
    this.codeChanges = codeChanges;
    this.names = List.copyOf(names);
    this.namesByText =
        names.stream()
            .collect(Collectors.groupingBy(Name::text, LinkedHashMap::new, Collectors.toList()));
  }

  /** The gazetteer shipped in the jar under tifa/conf/gazetteer/. */
  public static Gazetteer loadDefault() {
    try (Reader divisions = resource("divisions.csv");
        Reader changes = resource("changes.csv")) {
      return load(divisions, changes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Reader resource(String file) {
    InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + RESOURCE_DIR + file);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  public static Gazetteer load(Reader divisionsCsv, Reader changesCsv) {
    List<Map<String, String>> rows = CsvLines.read(divisionsCsv);
    Map<String, Map<String, String>> rowByCode = new HashMap<>();
    for (Map<String, String> row : rows) {
      rowByCode.put(row.get("code"), row);
    }
    Map<String, Region> regions = new LinkedHashMap<>();
    List<Name> names = new ArrayList<>();
    for (Map<String, String> row : rows) {
      Region region = toRegion(row, rowByCode);
      regions.put(region.code(), region);
      names.add(
          new Name(region.name(), region.code(), NameKind.NAME, "1".equals(row.get("ambiguous"))));
      Set<String> weak = Set.of(splitBar(row.get("ambiguous_aliases")).toArray(String[]::new));
      for (String alias : splitBar(row.get("aliases"))) {
        names.add(new Name(alias, region.code(), NameKind.ALIAS, weak.contains(alias)));
      }
    }
    Map<String, String> changes = new HashMap<>();
    Map<String, List<String>> oldNameTargets = new LinkedHashMap<>();
    for (Map<String, String> row : CsvLines.read(changesCsv)) {
      String target = row.get("new_code");
      if (!regions.containsKey(target)) {
        throw new IllegalArgumentException("change points to unknown code " + target + ": " + row);
      }
      if (!row.get("old_code").isEmpty()) {
        changes.put(row.get("old_code"), target);
      }
      // A statistical placeholder (县, 市辖区) keeps its code mapping but is no name of a place.
      if (!"placeholder".equals(row.get("change"))) {
        oldNameTargets.computeIfAbsent(row.get("old_name"), k -> new ArrayList<>()).add(target);
      }
    }
    Set<String> currentForms = names.stream().map(Name::text).collect(Collectors.toSet());
    oldNameTargets.forEach(
        (oldName, targets) -> {
          // An old name that is still in use somewhere (市中区) says nothing about the old division.
          if (currentForms.contains(oldName)) {
            return;
          }
          boolean ambiguous = targets.stream().distinct().count() > 1;
          targets.stream()
              .distinct()
              .forEach(code -> names.add(new Name(oldName, code, NameKind.OLD_NAME, ambiguous)));
        });
    return new Gazetteer(regions, changes, names);
  }

  private static Region toRegion(
      Map<String, String> row, Map<String, Map<String, String>> rowByCode) {
    String provinceCode = row.get("province_code");
    String prefectureCode = emptyToNull(row.get("prefecture_code"));
    Map<String, String> province = rowByCode.get(provinceCode);
    Map<String, String> prefecture = prefectureCode == null ? null : rowByCode.get(prefectureCode);
    if (province == null || (prefectureCode != null && prefecture == null)) {
      throw new IllegalArgumentException("broken parent chain: " + row);
    }
    return new Region(
        row.get("code"),
        row.get("name"),
        RegionLevel.fromId(row.get("level")),
        emptyToNull(row.get("parent_code")),
        provinceCode,
        province.get("name"),
        prefectureCode,
        prefecture == null ? null : prefecture.get("name"),
        row.get("short_name"));
  }

  private static List<String> splitBar(String s) {
    if (s == null || s.isEmpty()) {
      return List.of();
    }
    return List.of(s.split("\\|"));
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The current division for a current or an old code (371200 莱芜市 -> 370100 济南市). */
  public Optional<Region> byCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return currentCode(code.trim()).map(byCode::get);
  }

  /** Today's code for {@code code}, following recorded changes; empty when the code is unknown. */
  public Optional<String> currentCode(String code) {
    String current = code;
    for (int hops = 0; hops < 8 && current != null; hops++) {
      if (byCode.containsKey(current)) {
        return Optional.of(current);
      }
      current = codeChanges.get(current);
    }
    return Optional.empty();
  }

  public List<Region> all() {
    return List.copyOf(byCode.values());
  }

  /** Every name, alias and old name, for building matchers. */
  public List<Name> names() {
    return names;
  }

  /** The forms written exactly as {@code text}, ambiguous ones included. */
  public List<Name> lookup(String text) {
    return namesByText.getOrDefault(text, Collections.emptyList());
  }

  /** The parent division, for provinces empty. */
  public Optional<Region> parent(Region region) {
    return Optional.ofNullable(region.parentCode()).map(byCode::get);
  }
}

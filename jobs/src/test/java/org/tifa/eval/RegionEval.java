package org.tifa.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tifa.normalize.NormalizedDoc;
import org.tifa.normalize.TextNormalizer;
import org.tifa.reference.Gazetteer;
import org.tifa.resolve.RegionResolution;
import org.tifa.resolve.RegionResolver;

/**
 * Scores text-only region resolution (the resolver sees the normalized title and body, never the
 * metadata) on the shared real documents: against their metadata (which names the publisher) and
 * against the subject regions labelled by hand in {@code data/eval/real-region-labels.csv}. Prints
 * precision (correct / resolved) and coverage (resolved / labelled) at province and prefecture
 * level, and every miss. Against the hand labels the prefecture score is strict: a prefecture read
 * for a document labelled at province level only is a wrong answer. Then resolves the same
 * documents with their given fields and reports how often given fields and text disagree and which
 * one won. Usage: {@code RegionEval [repoRoot] [--list-unlabelled]}; run through
 * scripts/eval-regions.
 */
public final class RegionEval {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Gazetteer gazetteer = Gazetteer.loadDefault();
  private final RegionResolver resolver = new RegionResolver(gazetteer);
  private final TextNormalizer normalizer = TextNormalizer.defaults();
  private boolean listUnlabelled;

  /** Tally of one level on one dataset. */
  static final class Score {
    final String label;
    int labelled;
    int resolved;
    int correct;
    final List<String> misses = new ArrayList<>();

    Score(String label) {
      this.label = label;
    }

    void record(String expected, String got, String detail) {
      labelled++;
      if (got == null) {
        misses.add("  unresolved  want " + expected + "  " + detail);
        return;
      }
      resolved++;
      if (got.equals(expected)) {
        correct++;
      } else {
        misses.add("  wrong       want " + expected + " got " + got + "  " + detail);
      }
    }

    void print() {
      System.out.printf(
          Locale.ROOT,
          "%-44s labelled %4d  resolved %4d  correct %4d  precision %.3f  coverage %.3f%n",
          label,
          labelled,
          resolved,
          correct,
          resolved == 0 ? 0.0 : (double) correct / resolved,
          labelled == 0 ? 0.0 : (double) resolved / labelled);
      misses.forEach(System.out::println);
    }
  }

  public static void main(String[] args) throws IOException {
    Path repo = Path.of(args.length > 0 ? args[0] : System.getProperty("tifa.repo", "."));
    RegionEval eval = new RegionEval();
    eval.listUnlabelled = List.of(args).contains("--list-unlabelled");
    eval.real(
        repo.resolve("../shared/data/real/records.jsonl"),
        repo.resolve("data/eval/real-region-labels.csv"));
    eval.handLabelled(
        repo.resolve("../shared/data/real/records.jsonl"),
        repo.resolve("data/eval/real-region-labels.csv"));
    System.out.println("(the sample is scored through the whole pipeline by scripts/eval-sample)");
  }

  /**
   * Scores against the metadata of the real documents. Their city field is sometimes the
   * publisher's city, not the subject's: a miss is followed by the hand label of data/eval, which
   * says which of the two the resolver disagrees with.
   */
  private void real(Path records, Path labelsCsv) throws IOException {
    System.out.println("== real documents: " + records.normalize());
    if (!Files.exists(records)) {
      System.out.println("  absent, skipped");
      return;
    }
    Score province = new Score("real, province (metadata province_code)");
    Score prefecture = new Score("real, prefecture (city_code, text names city)");
    int national = 0;
    int nationalResolved = 0;
    List<String> nationalMisses = new ArrayList<>();
    Map<String, Integer> unlabelled = new HashMap<>();
    Map<String, String> handLabels = deepestHandLabels(labelsCsv);
    for (String line : Files.readAllLines(records, StandardCharsets.UTF_8)) {
      JsonNode r = JSON.readTree(line);
      String title = text(r, "title");
      String body = text(r, "body");
      RegionResolution got = resolve(r, false);
      String detail =
          text(r, "id")
              + " "
              + describe(got)
              + " | "
              + clip(title)
              + handLabelNote(handLabels.get(text(r, "id")), got);
      String provinceCode = text(r, "province_code");
      String cityCode = text(r, "city_code");
      if (provinceCode != null) {
        province.record(provinceCode, got.provinceCode(), detail);
        if (cityCode != null && namesCity(title + body, cityCode)) {
          prefecture.record(cityCode, got.prefectureCode(), detail);
        }
      } else if (String.valueOf(text(r, "region_basis")).startsWith("metadata:national")) {
        national++;
        if (got.code() != null) {
          nationalResolved++;
          nationalMisses.add("  regional    want national got " + detail);
        }
      } else {
        unlabelled.merge(got.level() == null ? "none" : got.level(), 1, Integer::sum);
        if (listUnlabelled) {
          System.out.println("  unlabelled  " + detail);
        }
      }
    }
    province.print();
    prefecture.print();
    System.out.printf(
        Locale.ROOT,
        "real, national documents given a region: %d of %d%n",
        nationalResolved,
        national);
    nationalMisses.forEach(System.out::println);
    System.out.println(
        "real, unlabelled documents (publisher national) by resolved level: " + unlabelled);
  }

  /**
   * The deepest hand-labelled code of each id ("" for no region); empty when the file is absent.
   */
  private static Map<String, String> deepestHandLabels(Path labelsCsv) throws IOException {
    Map<String, String> labels = new HashMap<>();
    if (Files.exists(labelsCsv)) {
      try (java.io.Reader in = Files.newBufferedReader(labelsCsv, StandardCharsets.UTF_8)) {
        for (Map<String, String> label : org.tifa.reference.CsvLines.read(in)) {
          String code = deepest(label);
          labels.put(label.get("id"), code == null ? "" : code);
        }
      }
    }
    return labels;
  }

  /** What the hand label says of a resolution scored against the metadata. */
  static String handLabelNote(String handLabel, RegionResolution got) {
    if (handLabel == null) {
      return "";
    }
    String deepest = got.code() == null ? "" : subjectCode(got);
    return " || hand label "
        + (handLabel.isEmpty() ? "(no region)" : handLabel)
        + (handLabel.equals(deepest) ? ", as resolved" : ", not as resolved");
  }

  /**
   * Scores against the subject regions labelled by hand in data/eval (the metadata of the real
   * documents gives the publisher, which is not always the subject).
   */
  private void handLabelled(Path records, Path labelsCsv) throws IOException {
    System.out.println("== real documents, subject labelled by hand: " + labelsCsv.normalize());
    if (!Files.exists(records) || !Files.exists(labelsCsv)) {
      System.out.println("  absent, skipped");
      return;
    }
    Map<String, JsonNode> byId = new HashMap<>();
    for (String line : Files.readAllLines(records, StandardCharsets.UTF_8)) {
      JsonNode r = JSON.readTree(line);
      byId.put(text(r, "id"), r);
    }
    Score province = new Score("hand, province");
    Score prefecture = new Score("hand, prefecture (strict: any prefecture given is scored)");
    int none = 0;
    List<String> noneResolved = new ArrayList<>();
    Map<String, Integer> basisCounts = new java.util.TreeMap<>();
    List<String> disagreements = new ArrayList<>();
    List<String> givenMisses = new ArrayList<>();
    int givenCorrect = 0;
    int givenScored = 0;
    try (java.io.Reader in = Files.newBufferedReader(labelsCsv, StandardCharsets.UTF_8)) {
      for (Map<String, String> label : org.tifa.reference.CsvLines.read(in)) {
        JsonNode r = byId.get(label.get("id"));
        if (r == null) {
          System.out.println("  label for an unknown id " + label.get("id"));
          continue;
        }
        String title = text(r, "title");
        RegionResolution got = resolve(r, false);
        String detail = label.get("id") + " " + describe(got) + " | " + clip(title);
        String provinceCode = blankToNull(label.get("province_code"));
        String prefectureCode = blankToNull(label.get("prefecture_code"));

        RegionResolution withGiven = resolve(r, true);
        basisCounts.merge(basisKind(withGiven.basis()), 1, Integer::sum);
        if (withGiven.basis().contains("_over_")) {
          disagreements.add(
              "  "
                  + label.get("id")
                  + " "
                  + withGiven.basis()
                  + " chosen "
                  + withGiven.code()
                  + " text "
                  + withGiven.textRegionCode()
                  + " want "
                  + deepest(label)
                  + " | "
                  + clip(title));
        }
        givenScored++;
        String chosen = withGiven.code() == null ? null : subjectCode(withGiven);
        if (java.util.Objects.equals(deepest(label), chosen)) {
          givenCorrect++;
        } else {
          givenMisses.add(
              "  "
                  + label.get("id")
                  + " "
                  + withGiven.basis()
                  + " chosen "
                  + chosen
                  + " text "
                  + withGiven.textRegionCode()
                  + " want "
                  + deepest(label)
                  + " | "
                  + clip(title));
        }

        if (provinceCode == null) {
          none++;
          if (got.code() != null) {
            noneResolved.add("  regional    want none got " + detail);
          }
          continue;
        }
        province.record(provinceCode, got.provinceCode(), detail);
        boolean named = prefectureCode != null && "1".equals(label.get("text_names_prefecture"));
        if (named || got.prefectureCode() != null) {
          prefecture.record(
              prefectureCode == null ? "(province only)" : prefectureCode,
              got.prefectureCode(),
              detail);
        }
      }
    }
    province.print();
    prefecture.print();
    System.out.printf(
        Locale.ROOT,
        "hand, documents without a regional subject given a region: %d of %d%n",
        noneResolved.size(),
        none);
    noneResolved.forEach(System.out::println);
    System.out.println(
        "== the same documents WITH their given fields (province/city/county of the metadata)");
    System.out.println("region_basis: " + basisCounts);
    System.out.printf(
        Locale.ROOT,
        "chosen region equal to the hand label at its deepest level: %d of %d%n",
        givenCorrect,
        givenScored);
    givenMisses.forEach(System.out::println);
    System.out.println("given and text disagree (" + disagreements.size() + "):");
    disagreements.forEach(System.out::println);
  }

  /**
   * Resolves one record as the first pass does: title, body and given fields normalized first; the
   * given fields (the metadata's province, city and county names) only when {@code withGiven}.
   */
  private RegionResolution resolve(JsonNode r, boolean withGiven) {
    NormalizedDoc n =
        normalizer.normalizeDocument(text(r, "title"), text(r, "body"), text(r, "source"));
    return withGiven
        ? resolver.resolve(
            null,
            normalizer.normalizeField(text(r, "province")),
            normalizer.normalizeField(text(r, "city")),
            normalizer.normalizeField(text(r, "county")),
            n.title(),
            n.body())
        : resolver.resolve(null, null, null, null, n.title(), n.body());
  }

  /** The basis without its reason (text_over_given:title_names_another -> text_over_given). */
  private static String basisKind(String basis) {
    int colon = basis.indexOf(':');
    return colon < 0 ? basis : basis.substring(0, colon);
  }

  /** The label's deepest code, a municipality's prefecture being the municipality itself. */
  private static String deepest(Map<String, String> label) {
    for (String column : List.of("county_code", "prefecture_code", "province_code")) {
      String code = blankToNull(label.get(column));
      if (code != null) {
        return code;
      }
    }
    return null;
  }

  /** A resolution's code in the labels' terms (a municipality's districts are below its code). */
  private static String subjectCode(RegionResolution r) {
    return r.countyCode() != null
        ? r.countyCode()
        : r.prefectureCode() != null ? r.prefectureCode() : r.provinceCode();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Whether the text names the labelled city by its name or one of its aliases. */
  private boolean namesCity(String text, String cityCode) {
    return gazetteer.names().stream()
        .filter(n -> n.code().equals(cityCode))
        .anyMatch(n -> text.contains(n.text()));
  }

  private static String describe(RegionResolution r) {
    return r.code() == null
        ? "[none]"
        : "[" + r.code() + " " + r.name() + " " + String.join("/", r.evidence()) + "]";
  }

  private static String clip(String s) {
    return s == null ? "" : s.length() > 50 ? s.substring(0, 50) + "…" : s;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}

package org.tifa.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tifa.match.Keys;
import org.tifa.testing.DuckDb;

/**
 * Slogan recall on the 31 provincial work reports of the shared real documents: of the formulations
 * that {@code data/eval/provincial-formulations.csv} (made by reading the reports) lists in at
 * least 10 of them, the share that a snapshot of those documents counts as a slogan in at least
 * half of the reports that contain it. The reports that contain a formulation are found again here
 * by plain substring search in the raw bodies, the labels' own definition. Usage: {@code
 * FormulationRecall REPO SNAPSHOT_DIR}; run through scripts/eval-formulations, which makes the
 * snapshot.
 */
public final class FormulationRecall {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MIN_REPORTS = 10;

  private FormulationRecall() {}

  public static void main(String[] args) throws IOException, SQLException {
    Path repo = Path.of(args[0]);
    String snapshot = args[1];
    Map<String, String> bodies = new HashMap<>();
    Map<String, String> national = new HashMap<>();
    for (String line : Files.readAllLines(repo.resolve("../shared/data/real/records.jsonl"))) {
      JsonNode r = JSON.readTree(line);
      String id = r.path("id").asText();
      String text = r.path("title").asText("") + "\n" + r.path("body").asText("");
      if (id.startsWith("prov2026-")) {
        bodies.put(id, text);
      } else if (NATIONAL_REPORTS.contains(id)) {
        national.put(id, text.replaceAll("\\s", ""));
      }
    }
    // Canonical key of each display form and alias the snapshot gives a slogan → its term ids. Keys
    // are compared, as the job counts them: 完整、准确、全面贯彻新发展理念 is 完整准确全面贯彻新发展理念.
    Map<String, Set<String>> idsByForm = new HashMap<>();
    for (List<Object> row :
        DuckDb.query(
            "SELECT term_id, term, aliases FROM read_parquet('"
                + snapshot
                + "/terms/*.parquet') WHERE term_kind = 'slogan'")) {
      List<String> forms = new ArrayList<>();
      forms.add((String) row.get(1));
      if (row.get(2) instanceof java.sql.Array aliases) {
        for (Object a : (Object[]) aliases.getArray()) {
          forms.add(String.valueOf(a));
        }
      } else if (row.get(2) instanceof List<?> aliases) {
        aliases.forEach(a -> forms.add(String.valueOf(a)));
      }
      forms.forEach(
          f ->
              idsByForm
                  .computeIfAbsent(Keys.canonical(f), k -> new HashSet<>())
                  .add((String) row.get(0)));
    }
    // Document id → the slogan ids the snapshot counted in it.
    Map<String, Set<String>> slogansByDoc = new HashMap<>();
    for (List<Object> row :
        DuckDb.query(
            "SELECT doc_id, unnest(slogans) FROM read_parquet('"
                + snapshot
                + "/documents/*.parquet') WHERE doc_id LIKE 'prov2026-%' OR doc_id LIKE 'natgwr-%'")) {
      slogansByDoc
          .computeIfAbsent((String) row.get(0), k -> new HashSet<>())
          .add((String) row.get(1));
    }

    // Lexicon forms entered after reading this list's misses: what they recall is not held out.
    Set<String> fitted = new HashSet<>();
    for (String line : Files.readAllLines(repo.resolve("data/eval/lexicon-from-misses.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        fitted.add(Keys.canonical(line.strip()));
      }
    }

    int listed = 0;
    int recalled = 0;
    int recalledByFitted = 0;
    int covered = 0;
    List<String> misses = new ArrayList<>();
    List<String> lines = Files.readAllLines(repo.resolve("data/eval/provincial-formulations.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String formulation = line.split(",", 2)[0];
      Found found = Found.of(formulation, bodies, idsByForm, slogansByDoc);
      if (found.containing().size() < MIN_REPORTS) {
        continue;
      }
      listed++;
      if (found.recalled()) {
        recalled++;
        if (fitted.contains(Keys.canonical(formulation))) {
          recalledByFitted++;
        }
        continue;
      }
      String inside =
          coveringSlogan(Keys.canonical(formulation), found.containing(), idsByForm, slogansByDoc);
      if (inside != null) {
        covered++;
      }
      String within =
          inside != null
              ? null
              : countedWithin(
                  Keys.canonical(formulation), found.containing(), idsByForm, slogansByDoc);
      misses.add(
          found.miss(formulation)
              + (inside == null ? "" : "; covered by " + inside)
              + (within == null ? "" : "; counted within " + within + " (not in the figures)"));
    }
    System.out.printf(
        Locale.ROOT,
        "formulations in >= %d of 31 provincial reports: %d, counted as slogans: %d, recall %.3f (target 0.90; see the held-out figure below)%n",
        MIN_REPORTS,
        listed,
        recalled,
        listed == 0 ? 0.0 : (double) recalled / listed);
    System.out.printf(
        Locale.ROOT,
        "with the %d misses covered by a counted slogan inside them (新质生产力 in 发展新质生产力), counted in at least half"
            + " their reports: recall %.3f%n",
        covered,
        listed == 0 ? 0.0 : (double) (recalled + covered) / listed);
    System.out.printf(
        Locale.ROOT,
        "held out: without the %d recalled through lexicon forms entered from this list's misses"
            + " (data/eval/lexicon-from-misses.txt): %d, recall %.3f%n",
        recalledByFitted,
        recalled - recalledByFitted,
        listed == 0 ? 0.0 : (double) (recalled - recalledByFitted) / listed);
    System.out.println("missed:");
    misses.forEach(System.out::println);

    blindList(repo, bodies, national, idsByForm, slogansByDoc, args.length > 2 ? args[2] : null);
  }

  /**
   * Where a formulation occurs and where the snapshot counted it.
   *
   * @param containing the ids of the reports whose text contains the formulation
   * @param ids the ids of the slogans that have the formulation as term or alias
   * @param counted how many of {@code containing} count one of {@code ids}
   */
  record Found(List<String> containing, Set<String> ids, long counted) {

    static Found of(
        String formulation,
        Map<String, String> texts,
        Map<String, Set<String>> idsByForm,
        Map<String, Set<String>> slogansByDoc) {
      List<String> containing =
          texts.entrySet().stream()
              .filter(e -> e.getValue().contains(formulation))
              .map(Map.Entry::getKey)
              .toList();
      Set<String> ids = idsByForm.getOrDefault(Keys.canonical(formulation), Set.of());
      long counted =
          containing.stream()
              .filter(
                  doc -> slogansByDoc.getOrDefault(doc, Set.of()).stream().anyMatch(ids::contains))
              .count();
      return new Found(containing, ids, counted);
    }

    /** Recalled: a slogan of this form is counted in at least half the reports containing it. */
    boolean recalled() {
      return !ids.isEmpty() && 2 * counted >= containing.size();
    }

    String miss(String formulation) {
      return String.format(
          Locale.ROOT,
          "  %-30s in %2d reports, counted in %2d%s",
          formulation,
          containing.size(),
          counted,
          ids.isEmpty() ? " (no such slogan)" : "");
    }
  }

  /** The 2023, 2024 and 2025 State Council work reports that the blind list was read from. */
  static final Set<String> NATIONAL_REPORTS = Set.of("natgwr-000", "natgwr-002", "natgwr-004");

  /**
   * Recall on {@code data/eval/national-gwr-formulations.csv}, made by reading the national work
   * reports of 2023-2025 without the project's lexicon or code: on the formulations of that list
   * found in at least 10 provincial reports (with whitespace removed, as the list was counted), and
   * on the national reports themselves. Each figure is given for the two halves of the list, {@link
   * #half}: lexicon entries may be made from the dev half's misses, never from the test half's, so
   * the test figure stays held out. {@code listHalf} ("dev" or "test") lists that half's misses.
   */
  private static void blindList(
      Path repo,
      Map<String, String> provincial,
      Map<String, String> national,
      Map<String, Set<String>> idsByForm,
      Map<String, Set<String>> slogansByDoc,
      String listHalf)
      throws IOException {
    Map<String, String> provincialNoSpace = new HashMap<>();
    provincial.forEach((id, text) -> provincialNoSpace.put(id, text.replaceAll("\\s", "")));
    List<String> formulations = new ArrayList<>();
    try (java.io.Reader in =
        Files.newBufferedReader(repo.resolve("data/eval/national-gwr-formulations.csv"))) {
      for (Map<String, String> row : org.tifa.reference.CsvLines.read(in)) {
        formulations.add(row.get("formulation"));
      }
    }
    System.out.println(
        "blind list (data/eval/national-gwr-formulations.csv, "
            + formulations.size()
            + " formulations read from the national work reports of 2023-2025):");
    for (String place : List.of("provincial", "national")) {
      Map<String, String> texts = place.equals("provincial") ? provincialNoSpace : national;
      int minReports = place.equals("provincial") ? MIN_REPORTS : 1;
      for (String h : List.of("dev", "test")) {
        int listed = 0;
        int recalled = 0;
        List<String> misses = new ArrayList<>();
        for (String formulation : formulations) {
          if (!half(formulation).equals(h)) {
            continue;
          }
          Found found = Found.of(formulation, texts, idsByForm, slogansByDoc);
          if (found.containing().size() < minReports) {
            continue;
          }
          listed++;
          if (found.recalled()) {
            recalled++;
          } else {
            misses.add(found.miss(formulation));
          }
        }
        System.out.printf(
            Locale.ROOT,
            "  %s half, in %s: %d, counted as slogans in at least half of them: %d, recall %.3f%n",
            h,
            place.equals("provincial")
                ? ">= " + MIN_REPORTS + " of 31 provincial reports"
                : "the national reports",
            listed,
            recalled,
            listed == 0 ? 0.0 : (double) recalled / listed);
        if (h.equals(listHalf)) {
          misses.forEach(System.out::println);
        }
      }
    }
  }

  /**
   * The half of the blind list a formulation is in: "dev" or "test", by the parity of the first
   * byte of the MD5 digest of its UTF-8 form (fixed, and independent of the code under test).
   */
  static String half(String formulation) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("MD5")
              .digest(formulation.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return (digest[0] & 1) == 0 ? "dev" : "test";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The longest slogan form (term or alias, four characters or more) inside {@code formulation}
   * that the snapshot counts in at least half of the reports containing the formulation, or null.
   */
  private static String coveringSlogan(
      String formulation,
      List<String> containing,
      Map<String, Set<String>> idsByForm,
      Map<String, Set<String>> slogansByDoc) {
    return countedForm(
        f -> f.length() >= 4 && f.length() < formulation.length() && formulation.contains(f),
        true,
        containing,
        idsByForm,
        slogansByDoc);
  }

  /**
   * The shortest counted slogan form that holds {@code formulation} and is counted in at least half
   * the reports containing it (三保 within 基层三保), or null: said beside a miss, never counted as
   * recall.
   */
  private static String countedWithin(
      String formulation,
      List<String> containing,
      Map<String, Set<String>> idsByForm,
      Map<String, Set<String>> slogansByDoc) {
    return countedForm(
        f -> f.length() > formulation.length() && f.contains(formulation),
        false,
        containing,
        idsByForm,
        slogansByDoc);
  }

  /**
   * Of the slogan forms that pass {@code eligible}, the longest (or shortest) whose slogans are
   * counted in at least half of {@code containing}; the first found among forms of equal length.
   */
  private static String countedForm(
      java.util.function.Predicate<String> eligible,
      boolean longest,
      List<String> containing,
      Map<String, Set<String>> idsByForm,
      Map<String, Set<String>> slogansByDoc) {
    String best = null;
    for (Map.Entry<String, Set<String>> form : idsByForm.entrySet()) {
      String f = form.getKey();
      boolean better =
          best == null || (longest ? f.length() > best.length() : f.length() < best.length());
      if (better && eligible.test(f) && countedInHalf(form.getValue(), containing, slogansByDoc)) {
        best = f;
      }
    }
    return best;
  }

  /** Whether a slogan of {@code ids} is counted in at least half of {@code containing}. */
  private static boolean countedInHalf(
      Set<String> ids, List<String> containing, Map<String, Set<String>> slogansByDoc) {
    long counted =
        containing.stream()
            .filter(
                doc -> slogansByDoc.getOrDefault(doc, Set.of()).stream().anyMatch(ids::contains))
            .count();
    return 2 * counted >= containing.size();
  }
}

package org.tifa.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tifa.eval.ReportFiles.Report;
import org.tifa.extract.Salience;
import org.tifa.extract.TermDictionary;
import org.tifa.match.TermHit;
import org.tifa.normalize.NormalizedDoc;
import org.tifa.normalize.TextNormalizer;
import org.tifa.reference.SloganLexicon;
import org.tifa.reference.Taxonomy;
import org.tifa.reference.TifaConfig;

/**
 * Weighted topics on the real documents: topics per document (median, max) for each group of
 * documents with any mention and at or above {@code topics.min_salience}, and the five misfires of
 * the trust issue, each with the figures it is judged by and a verdict. Texts are normalized and
 * matched by the job's own classes (TextNormalizer, TermDictionary, Salience).
 *
 * <p>Usage: {@code TopicEval [--real FILE] [--taxonomy FILE] [--min-salience N]}; defaults: {@code
 * ../shared/data/real/records.jsonl}, the bundled taxonomy and setting. A taxonomy from another
 * commit ({@code git show main:conf/topics.yaml}) shows what the keywords changed.
 */
public final class TopicEval {
  private TopicEval() {}

  /** Document id prefixes of the groups reported, with their labels. */
  private static final Map<String, String> GROUPS =
      Map.of(
          "prov2026-",
          "2026 provincial reports",
          "natgwr-",
          "national reports 1954-2025",
          "ccdi-",
          "discipline notices",
          "nmg-",
          "discipline notices");

  /** One document's topics: id → mentions, and its length in characters. */
  record Scored(String id, String text, int chars, Map<String, Integer> mentions) {
    double salience(String topic) {
      return Salience.of(mentions.getOrDefault(topic, 0), chars);
    }

    int about(double minSalience) {
      int n = 0;
      for (String t : mentions.keySet()) {
        n += Salience.about(TermDictionary.TOPIC, salience(t), minSalience) ? 1 : 0;
      }
      return n;
    }
  }

  public static void main(String[] args) throws IOException {
    Path root = ReportFiles.repoRoot();
    Path real = root.resolve("../shared/data/real/records.jsonl").normalize();
    Taxonomy taxonomy = Taxonomy.loadDefault();
    double min = TifaConfig.defaults().topicMinSalience;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--real" -> real = Path.of(args[i + 1]);
        case "--taxonomy" -> {
          try (Reader r = Files.newBufferedReader(Path.of(args[i + 1]))) {
            taxonomy = Taxonomy.load(r);
          }
        }
        case "--min-salience" -> min = Double.parseDouble(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<Scored> docs = score(ReportFiles.read(real).reports(), taxonomy);
    System.out.printf(
        "%d documents of %s; %d topics; topics.min_salience = %s mentions per %,d characters%n%n",
        docs.size(), real, taxonomy.size(), min, Salience.PER);
    System.out.println(
        "Topics per document (median / max): any mention -> at or above min_salience");
    for (String group :
        List.of("2026 provincial reports", "national reports 1954-2025", "discipline notices")) {
      List<Integer> any = new ArrayList<>();
      List<Integer> about = new ArrayList<>();
      for (Scored d : docs) {
        if (group.equals(groupOf(d.id()))) {
          any.add(d.mentions().size());
          about.add(d.about(min));
        }
      }
      System.out.printf(
          "  %-28s %3d docs   %s / %s -> %s / %s%n",
          group, any.size(), median(any), max(any), median(about), max(about));
    }
    System.out.println();
    System.out.println(
        "Provincial reports at other minimums (median / max topics a report is about)");
    StringBuilder sweep = new StringBuilder(" ");
    for (double m : new double[] {0, 1, 2, 3, 4, 5, 6, 8}) {
      List<Integer> about = new ArrayList<>();
      for (Scored d : docs) {
        if (d.id().startsWith("prov2026-")) {
          about.add(d.about(m));
        }
      }
      sweep.append(String.format(" %s: %s / %s;", m, median(about), max(about)));
    }
    System.out.println(sweep);
    System.out.println();
    System.out.println("Documents about each topic (of those mentioning it), most first");
    record Count(String topic, int about, int mentioning) {}
    List<Count> perTopic = new ArrayList<>();
    for (Taxonomy.Topic t : taxonomy.topics()) {
      int mentioning = 0;
      int about = 0;
      for (Scored d : docs) {
        if (d.mentions().containsKey(t.id())) {
          mentioning++;
          about += Salience.about(TermDictionary.TOPIC, d.salience(t.id()), min) ? 1 : 0;
        }
      }
      perTopic.add(new Count(t.id(), about, mentioning));
    }
    perTopic.sort(
        java.util.Comparator.comparingInt(Count::about).reversed().thenComparing(Count::topic));
    StringBuilder line = new StringBuilder(" ");
    for (Count c : perTopic) {
      line.append(String.format(" %s %d (%d);", c.topic(), c.about(), c.mentioning()));
    }
    System.out.println(line);
    System.out.println();
    misfires(docs, taxonomy, min);
  }

  private static String groupOf(String id) {
    for (Map.Entry<String, String> g : GROUPS.entrySet()) {
      if (id.startsWith(g.getKey())) {
        return g.getValue();
      }
    }
    return "other";
  }

  static List<Scored> score(List<Report> reports, Taxonomy taxonomy) {
    TextNormalizer normalizer = TextNormalizer.defaults();
    TermDictionary dictionary =
        TermDictionary.build(SloganLexicon.loadDefault(), taxonomy, List.of(), 1, 3);
    List<Scored> out = new ArrayList<>();
    for (Report r : reports) {
      NormalizedDoc doc = normalizer.normalizeDocument(r.title(), r.body(), r.source());
      Map<String, Integer> topics = new LinkedHashMap<>();
      for (Map.Entry<String, int[]> e : dictionary.count(doc.title(), doc.body()).entrySet()) {
        String prefix = TermDictionary.TOPIC + "\u0000";
        if (e.getKey().startsWith(prefix)) {
          topics.put(e.getKey().substring(prefix.length()), e.getValue()[0]);
        }
      }
      String text =
          (doc.title() == null ? "" : doc.title()) + "\n" + (doc.body() == null ? "" : doc.body());
      out.add(new Scored(r.id(), text, Salience.chars(doc.title(), doc.body()), topics));
    }
    return out;
  }

  private static void misfires(List<Scored> docs, Taxonomy taxonomy, double min) {
    System.out.println("The five misfires of the trust issue");

    int worst = 0;
    int worstBefore = 0;
    for (Scored d : docs) {
      if (d.id().startsWith("prov2026-")) {
        worst = Math.max(worst, d.about(min));
        worstBefore = Math.max(worstBefore, d.mentions().size());
      }
    }
    verdict(
        "1. a long work report gets 33-35 of the " + taxonomy.size() + " topics",
        String.format(
            "most topics a provincial report mentions: %d; is about: %d", worstBefore, worst),
        worst < 33);

    List<String> single = new ArrayList<>();
    int longAbout = 0;
    for (Scored d : docs) {
      if (d.mentions().getOrDefault("anti_corruption", 0) == 1 && d.chars() >= 5_000) {
        boolean about = Salience.about(TermDictionary.TOPIC, d.salience("anti_corruption"), min);
        single.add(
            String.format(
                "%s (%,d chars, %.2f)%s",
                d.id(), d.chars(), d.salience("anti_corruption"), about ? " ABOUT" : ""));
        longAbout += about ? 1 : 0;
      }
    }
    verdict(
        "2. 纪检监察与反腐败 on a single mention",
        "documents of 5,000+ characters with one mention (salience): "
            + (single.isEmpty() ? "none" : String.join(", ", single))
            + "; a short notice with one mention is about it, as it should be",
        longAbout == 0);

    List<String> congress = new ArrayList<>();
    for (Scored d : docs) {
      if ((d.id().startsWith("ccdi-") || d.id().startsWith("nmg-"))
          && d.mentions().containsKey("people_congress")) {
        congress.add(d.id() + " " + surfaces(taxonomy, d.text(), "people_congress"));
      }
    }
    verdict(
        "3. 人大工作 on officials' CVs in discipline notices",
        "notices with a people_congress keyword: "
            + (congress.isEmpty() ? "none" : String.join("; ", congress)),
        congress.isEmpty());

    for (Scored d : docs) {
      if (d.id().equals("natgwr-061")) {
        verdict(
            "4. 新能源 tags the 1978 report as 能源与双碳",
            String.format(
                "natgwr-061: %d mention(s) %s in %,d characters, salience %.2f",
                d.mentions().getOrDefault("energy_carbon", 0),
                surfaces(taxonomy, d.text(), "energy_carbon"),
                d.chars(),
                d.salience("energy_carbon")),
            !Salience.about(TermDictionary.TOPIC, d.salience("energy_carbon"), min));
      }
    }

    int saying = 0;
    int mentioned = 0;
    int about = 0;
    List<String> missed = new ArrayList<>();
    for (Scored d : docs) {
      int n = occurrences(d.text(), "人才");
      if (d.id().startsWith("prov2026-") && n >= 5) {
        saying++;
        mentioned += d.mentions().containsKey("talent") ? 1 : 0;
        if (Salience.about(TermDictionary.TOPIC, d.salience("talent"), min)) {
          about++;
        } else {
          missed.add(
              String.format("%s (人才 %d times, salience %.2f)", d.id(), n, d.salience("talent")));
        }
      }
    }
    verdict(
        "5. talent misses provincial reports that say 人才 5+ times",
        String.format(
            "of %d such reports %d mention the topic, %d are about it; not about it: %s",
            saying, mentioned, about, missed.isEmpty() ? "none" : String.join(", ", missed)),
        mentioned == saying);
  }

  private static void verdict(String misfire, String figures, boolean fixed) {
    System.out.printf(
        "  %s%n     %s%n     verdict: %s%n", misfire, figures, fixed ? "FIXED" : "NOT FIXED");
  }

  /** The distinct matched keywords of a topic in a text. */
  private static List<String> surfaces(Taxonomy taxonomy, String text, String topic) {
    List<String> out = new ArrayList<>();
    for (TermHit h : taxonomy.matcher().findAll(text)) {
      if (h.id().equals(topic) && !out.contains(h.surface())) {
        out.add(h.surface());
      }
    }
    return out;
  }

  private static int occurrences(String text, String word) {
    int n = 0;
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
      n++;
    }
    return n;
  }

  static String median(List<Integer> xs) {
    if (xs.isEmpty()) {
      return "-";
    }
    List<Integer> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1
        ? Integer.toString(s.get(n / 2))
        : Double.toString((s.get(n / 2 - 1) + s.get(n / 2)) / 2.0);
  }

  private static String max(List<Integer> xs) {
    return xs.isEmpty() ? "-" : Integer.toString(Collections.max(xs));
  }
}

package org.tifa.bench;

import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.tifa.eval.ReportFiles;
import org.tifa.eval.ReportFiles.Report;
import org.tifa.extract.TermDictionary;
import org.tifa.normalize.Boilerplate;
import org.tifa.normalize.MinHash;
import org.tifa.normalize.PinyinStripper;
import org.tifa.normalize.ScriptConverter;
import org.tifa.normalize.Tally;
import org.tifa.normalize.TextNormalizer;
import org.tifa.normalize.UnicodeCleanup;
import org.tifa.reference.SloganLexicon;
import org.tifa.reference.Taxonomy;
import org.tifa.reference.TifaConfig;

/**
 * Throughput of each normalization step and of {@link TextNormalizer#normalizeDocument}, then of
 * the MinHash signature and of term counting (slogans and topics) on normalized text, in input
 * characters per second on one thread: on the real records (plus the sample dataset when present)
 * and on a synthetic corpus of at least 50 M characters made from them with Traditional stretches
 * and pinyin annotations mixed in (fixed seed). Each step gets its own input, the previous step's
 * output, so the figures add up to the pipeline. Indicative only on a shared machine.
 *
 * <p>Usage: {@code NormalizeBench [--real FILE] [--sample DIR] [--chars N] [--iterations N]}.
 */
public final class NormalizeBench {
  private static final long SEED = 42L;
  private static final int WARM_UP = 1;

  private NormalizeBench() {}

  public static void main(String[] args) throws IOException {
    Path root = ReportFiles.repoRoot();
    Path real = root.resolve("../shared/data/real/records.jsonl").normalize();
    Path sample = root.resolve("data/sample/input");
    long corpusChars = 50_000_000L;
    int iterations = 3;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--real" -> real = Path.of(args[i + 1]);
        case "--sample" -> sample = Path.of(args[i + 1]);
        case "--chars" -> corpusChars = Long.parseLong(args[i + 1]);
        case "--iterations" -> iterations = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    long t0 = System.nanoTime();
    int tableSize = ScriptConverter.warmUp();
    System.out.printf(
        "HanLP load + Traditional-only table (%d chars): %.0f ms%n",
        tableSize, (System.nanoTime() - t0) / 1e6);

    List<String> bodies = new ArrayList<>();
    for (Path p : new Path[] {real, sample}) {
      if (Files.exists(p)) {
        for (Report r : ReportFiles.read(p).reports()) {
          if (r.body() != null && !r.body().isEmpty()) {
            bodies.add(r.body());
          }
        }
      } else {
        System.out.println("skipped, not found: " + p);
      }
    }
    if (bodies.isEmpty()) {
      throw new IllegalStateException("no records to benchmark");
    }
    run("real+sample records", bodies, iterations * 3);
    run("synthetic corpus", synthesize(bodies, corpusChars), iterations);
  }

  private static void run(String label, List<String> docs, int iterations) {
    TextNormalizer normalizer = TextNormalizer.defaults();
    Boilerplate boilerplate = Boilerplate.defaults();
    long chars = docs.stream().mapToLong(String::length).sum();
    System.out.printf(
        "%n== %s: %d docs, %.1f M chars, %d timed iterations%n",
        label, docs.size(), chars / 1e6, iterations);
    List<String> cleaned = apply(docs, s -> UnicodeCleanup.clean(s, true));
    List<String> stripped = apply(cleaned, s -> PinyinStripper.strip(s, new Tally()));
    List<String> converted = apply(stripped, s -> ScriptConverter.toSimplified(s, new Tally()));
    time("unicode cleanup", docs, s -> UnicodeCleanup.clean(s, true), iterations);
    time("pinyin strip", cleaned, s -> PinyinStripper.strip(s, new Tally()), iterations);
    time(
        "script conversion",
        stripped,
        s -> ScriptConverter.toSimplified(s, new Tally()),
        iterations);
    time("boilerplate", converted, s -> boilerplate.filter(s, new Tally()), iterations);
    time(
        "normalizeDocument",
        docs,
        s -> normalizer.normalizeDocument(null, s, null).body(),
        iterations);
    MinHash minHash = new MinHash();
    time(
        "minhash signature",
        converted,
        s -> Long.toHexString(Arrays.hashCode(minHash.signature(s))),
        iterations);
    TermDictionary dictionary =
        TermDictionary.build(
            SloganLexicon.loadDefault(),
            Taxonomy.loadDefault(),
            List.of(),
            1,
            TifaConfig.defaults().wordBoundaryMaxChars);
    time("term counting", converted, s -> countsText(dictionary.count(null, s)), iterations);
  }

  /** Ids and counts in the order given, so the output size reflects what was found. */
  private static String countsText(Map<String, int[]> counts) {
    StringBuilder b = new StringBuilder();
    counts.forEach((id, n) -> b.append(id).append(n[0]));
    return b.toString();
  }

  private static List<String> apply(List<String> docs, UnaryOperator<String> step) {
    List<String> out = new ArrayList<>(docs.size());
    for (String d : docs) {
      out.add(step.apply(d));
    }
    return out;
  }

  private static void time(
      String step, List<String> docs, UnaryOperator<String> f, int iterations) {
    long chars = docs.stream().mapToLong(String::length).sum();
    long sink = 0;
    double best = Double.MAX_VALUE;
    double total = 0;
    for (int it = 0; it < WARM_UP + iterations; it++) {
      long start = System.nanoTime();
      for (String d : docs) {
        sink += f.apply(d).length();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (it >= WARM_UP) {
        best = Math.min(best, seconds);
        total += seconds;
      }
    }
    System.out.printf(
        "%-18s mean %7.1f M chars/s   best %7.1f M chars/s   (output %d chars/iteration)%n",
        step,
        chars / (total / iterations) / 1e6,
        chars / best / 1e6,
        sink / (WARM_UP + iterations));
  }

  /**
   * Documents drawn from the real ones until {@code targetChars}; a third get one to three
   * stretches rewritten in Traditional script, one in ten get pinyin glued after Han characters.
   */
  private static List<String> synthesize(List<String> bodies, long targetChars) {
    Random random = new Random(SEED);
    String[] annotations = {"(xié)", "（zhèng）", "(lv4)", "(jiān)", "(an)"};
    List<String> docs = new ArrayList<>();
    long total = 0;
    while (total < targetChars) {
      StringBuilder doc = new StringBuilder(bodies.get(random.nextInt(bodies.size())));
      if (random.nextInt(3) == 0) {
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          int len = Math.min(doc.length(), 20 + random.nextInt(180));
          int at = random.nextInt(doc.length() - len + 1);
          doc.replace(at, at + len, HanLP.convertToTraditionalChinese(doc.substring(at, at + len)));
        }
      }
      if (random.nextInt(10) == 0) {
        for (int k = 0; k < 5; k++) {
          int at = 1 + random.nextInt(doc.length());
          if (Character.isIdeographic(doc.charAt(at - 1))) {
            doc.insert(at, annotations[random.nextInt(annotations.length)]);
          }
        }
      }
      docs.add(doc.toString());
      total += doc.length();
    }
    return docs;
  }
}

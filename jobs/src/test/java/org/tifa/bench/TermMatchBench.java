package org.tifa.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tifa.eval.ReportFiles;
import org.tifa.eval.ReportFiles.Report;
import org.tifa.extract.TermDictionary;
import org.tifa.normalize.NormalizedDoc;
import org.tifa.normalize.TextNormalizer;
import org.tifa.reference.SloganLexicon;
import org.tifa.reference.Taxonomy;
import org.tifa.reference.TifaConfig;

/**
 * Cost of the word-boundary check: term counting ({@link TermDictionary#count}) over the normalized
 * real records, with the check off and with the configured limit, on one thread, in input
 * characters per second (best of the timed iterations, the two settings alternated), and the
 * mentions each counts. The first check's time includes loading the segmenter's dictionaries, once
 * per JVM. Indicative only on a shared machine.
 *
 * <p>Usage: {@code TermMatchBench [--real FILE] [--iterations N]}.
 */
public final class TermMatchBench {
  private TermMatchBench() {}

  public static void main(String[] args) throws IOException {
    Path real = ReportFiles.repoRoot().resolve("../shared/data/real/records.jsonl").normalize();
    int iterations = 20;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--real" -> real = Path.of(args[i + 1]);
        case "--iterations" -> iterations = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    TextNormalizer normalizer = TextNormalizer.defaults();
    List<String[]> docs = new ArrayList<>();
    long chars = 0;
    for (Report r : ReportFiles.read(real).reports()) {
      NormalizedDoc d = normalizer.normalizeDocument(r.title(), r.body(), r.source());
      docs.add(new String[] {d.title(), d.body()});
      chars += length(d.title()) + length(d.body());
    }
    System.out.printf(
        "%d documents, %.2f M normalized chars, %d timed iterations%n",
        docs.size(), chars / 1e6, iterations);
    int limit = TifaConfig.defaults().wordBoundaryMaxChars;
    TermDictionary[] dictionaries = {dictionary(0), dictionary(limit)};
    String[] labels = {"word boundaries off", "word boundaries <= " + limit + " chars"};
    long[] mentions = new long[2];
    for (int k = 0; k < 2; k++) {
      long t0 = System.nanoTime();
      mentions[k] = countAll(dictionaries[k], docs);
      System.out.printf(
          "%-28s first pass %7.1f ms, %d mentions%n",
          labels[k], (System.nanoTime() - t0) / 1e6, mentions[k]);
    }
    // Alternated, so that both see the same load of a shared machine.
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
    for (int i = 0; i < iterations; i++) {
      for (int k = 0; k < 2; k++) {
        long t = System.nanoTime();
        if (countAll(dictionaries[k], docs) != mentions[k]) {
          throw new IllegalStateException("counts differ between iterations");
        }
        best[k] = Math.min(best[k], (System.nanoTime() - t) / 1e9);
      }
    }
    for (int k = 0; k < 2; k++) {
      System.out.printf(
          "%-28s best %7.1f ms (%5.1f M chars/s)%n",
          labels[k], best[k] * 1e3, chars / best[k] / 1e6);
    }
    System.out.printf("time with the check: %.2f× the time without%n", best[1] / best[0]);
  }

  private static TermDictionary dictionary(int wordBoundaryMaxChars) {
    return TermDictionary.build(
        SloganLexicon.loadDefault(), Taxonomy.loadDefault(), List.of(), 1, wordBoundaryMaxChars);
  }

  private static long countAll(TermDictionary dictionary, List<String[]> docs) {
    long mentions = 0;
    for (String[] d : docs) {
      for (Map.Entry<String, int[]> e : dictionary.count(d[0], d[1]).entrySet()) {
        mentions += e.getValue()[0];
      }
    }
    return mentions;
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }
}

package org.tifa.eval;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tifa.eval.ReportFiles.Report;
import org.tifa.normalize.NormalizedDoc;
import org.tifa.normalize.TextNormalizer;

/**
 * Measures what normalization leaves behind, with checks independent of the normalizer: the share
 * of Han characters that opencc4j's Traditional→Simplified conversion would still change (bar:
 * under 0.01%), and romanizations in parentheses still glued to Han characters (bar: 0 with a tone
 * mark or digit; toneless ones are listed for review). Also prints what the normalizer removed.
 *
 * <p>Usage: {@code NormalizationEval [--real FILE] [--sample DIR]}; defaults are {@code
 * ../shared/data/real/records.jsonl} and {@code data/sample/input} under the repository root. A
 * missing dataset is skipped with a message.
 */
public final class NormalizationEval {
  private static final double BAR_PERCENT = 0.01;
  private static final int CONTEXT = 6;
  private static final int SHOW = 25;

  /** Lowercase romanization-like words in brackets directly after a Han character. */
  private static final Pattern GLUED_LATIN =
      Pattern.compile(
          "\\p{IsHan}[(（]\\s*([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüv]+[0-5]?(?:[ '’-]?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüv]+[0-5]?){0,3})\\s*[)）]");

  private static final Pattern TONED = Pattern.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ0-5]");

  private NormalizationEval() {}

  public static void main(String[] args) throws IOException {
    Path root = ReportFiles.repoRoot();
    Path real = root.resolve("../shared/data/real/records.jsonl").normalize();
    Path sample = root.resolve("data/sample/input");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--real" -> real = Path.of(args[i + 1]);
        case "--sample" -> sample = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    TextNormalizer normalizer = TextNormalizer.defaults();
    boolean pass = true;
    pass &= evaluate("real", real, normalizer);
    pass &= evaluate("sample", sample, normalizer);
    System.out.println(pass ? "RESULT: all bars met" : "RESULT: a bar was missed");
  }

  private static boolean evaluate(String label, Path path, TextNormalizer normalizer)
      throws IOException {
    System.out.printf("%n== %s: %s%n", label, path);
    if (!Files.exists(path)) {
      System.out.println("skipped: not found");
      return true;
    }
    ReportFiles.Loaded loaded = ReportFiles.read(path);
    Stats before = new Stats();
    Stats after = new Stats();
    long pinyinRemoved = 0;
    long linesDropped = 0;
    long converted = 0;
    long inputChars = 0;
    long start = System.nanoTime();
    for (Report r : loaded.reports()) {
      NormalizedDoc doc = normalizer.normalizeDocument(r.title(), r.body(), r.source());
      pinyinRemoved += doc.pinyinRemoved();
      linesDropped += doc.linesDropped();
      converted += doc.traditionalConverted();
      for (String raw : new String[] {r.title(), r.body()}) {
        if (raw != null) {
          inputChars += raw.length();
          before.scan(raw);
        }
      }
      after.scan(doc.title());
      after.scan(doc.body());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "records %d (unreadable entries skipped: %d), input chars %d%n",
        loaded.reports().size(), loaded.unreadableCount(), inputChars);
    System.out.printf(
        "normalizer: pinyin annotations removed %d, lines dropped %d, traditional chars converted %d (%.1f s incl. opencc4j)%n",
        pinyinRemoved, linesDropped, converted, seconds);
    before.print("before normalization");
    after.print("after normalization");
    boolean met = after.percentChanged() < BAR_PERCENT && after.tonedLeft == 0;
    System.out.printf(
        "bars: opencc4j-changed %.4f%% < %.2f%% %s; toned annotations left %d = 0 %s%n",
        after.percentChanged(),
        BAR_PERCENT,
        after.percentChanged() < BAR_PERCENT ? "OK" : "MISSED",
        after.tonedLeft,
        after.tonedLeft == 0 ? "OK" : "MISSED");
    return met;
  }

  /** Han characters opencc4j would change, and glued romanizations, in a body of text. */
  private static final class Stats {
    long han;
    long changed;
    long tonedLeft;
    long tonelessLeft;
    final Map<String, Integer> flaggedContexts = new TreeMap<>();
    final Map<String, Integer> leftAnnotations = new TreeMap<>();

    void scan(String text) {
      if (text == null) {
        return;
      }
      int i = 0;
      while (i < text.length()) {
        int cp = text.codePointAt(i);
        if (!isHan(cp)) {
          i += Character.charCount(cp);
          continue;
        }
        int end = i;
        while (end < text.length() && isHan(text.codePointAt(end))) {
          end += Character.charCount(text.codePointAt(end));
        }
        compareRun(text, i, end);
        i = end;
      }
      Matcher m = GLUED_LATIN.matcher(text);
      while (m.find()) {
        if (TONED.matcher(m.group(1)).find()) {
          tonedLeft++;
        } else {
          tonelessLeft++;
        }
        leftAnnotations.merge(m.group(), 1, Integer::sum);
      }
    }

    private void compareRun(String text, int start, int end) {
      String run = text.substring(start, end);
      han += run.codePointCount(0, run.length());
      String simple = ZhConverterUtil.toSimple(run);
      if (simple.equals(run)) {
        return;
      }
      if (simple.length() != run.length()) {
        changed += run.codePointCount(0, run.length());
        flag(text, start, end, run + "→" + simple);
        return;
      }
      for (int k = 0; k < run.length(); k++) {
        if (run.charAt(k) != simple.charAt(k)) {
          changed++;
          flag(text, start + k, start + k + 1, run.charAt(k) + "→" + simple.charAt(k));
        }
      }
    }

    private void flag(String text, int from, int to, String what) {
      String context =
          text.substring(Math.max(0, from - CONTEXT), Math.min(text.length(), to + CONTEXT))
              .replace('\n', '⏎');
      flaggedContexts.merge(what + "  …" + context + "…", 1, Integer::sum);
    }

    double percentChanged() {
      return han == 0 ? 0 : 100.0 * changed / han;
    }

    void print(String label) {
      System.out.printf(
          Locale.ROOT,
          "%s: Han chars %d, opencc4j would change %d (%.4f%%); glued (latin) left: toned %d, toneless %d%n",
          label,
          han,
          changed,
          percentChanged(),
          tonedLeft,
          tonelessLeft);
      if (label.startsWith("after")) {
        show("  flagged", flaggedContexts);
        show("  glued brackets", leftAnnotations);
      }
    }

    private static void show(String label, Map<String, Integer> counts) {
      counts.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
          .limit(SHOW)
          .forEach(e -> System.out.printf("%s %4d  %s%n", label, e.getValue(), e.getKey()));
    }
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}

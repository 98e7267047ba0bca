package org.tifa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tifa.extract.SloganExtractor;

/**
 * Precision and recall of quoted-slogan extraction against hand labels. For each labelled document
 * the predicted set is the distinct canonical keys {@link SloganExtractor#candidates} returns and
 * the gold set is its {@code slogans}; a document's slogan list is taken as complete, so a
 * predicted key not in it is a false positive whether or not it is listed in {@code non_slogans}.
 *
 * <p>Usage: {@code SloganEval DATASET_DIR...}, each directory holding a {@code labels.jsonl}; see
 * {@code scripts/eval-slogans}. Exits 1 when a dataset falls below {@link #BAR} in either measure.
 */
public final class SloganEval {

  /** The bar both measures must reach. */
  static final double BAR = 0.9;

  /** Counts over a dataset, with every error named as {@code ref<TAB>key}. */
  record Score(
      int docs,
      int truePositives,
      List<String> falsePositives,
      List<String> misses,
      int labelledNonSlogans) {

    double precision() {
      int predicted = truePositives + falsePositives.size();
      return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    double recall() {
      int gold = truePositives + misses.size();
      return gold == 0 ? 1.0 : (double) truePositives / gold;
    }

    boolean meetsBar() {
      return precision() >= BAR && recall() >= BAR;
    }
  }

  private SloganEval() {}

  static Score score(List<LabelledSet.Doc> docs, SloganExtractor extractor) {
    int tp = 0;
    int labelledNon = 0;
    List<String> fps = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    for (LabelledSet.Doc doc : docs) {
      Set<String> predicted =
          new LinkedHashSet<>(List.of(extractor.candidates(doc.title(), doc.body())));
      for (String key : predicted) {
        if (doc.slogans().contains(key)) {
          tp++;
        } else {
          fps.add(doc.ref() + "\t" + key);
          if (doc.nonSlogans().contains(key)) {
            labelledNon++;
          }
        }
      }
      for (String gold : doc.slogans()) {
        if (!predicted.contains(gold)) {
          misses.add(doc.ref() + "\t" + gold);
        }
      }
    }
    return new Score(docs.size(), tp, fps, misses, labelledNon);
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: SloganEval DATASET_DIR...");
      System.exit(2);
    }
    SloganExtractor extractor = SloganExtractor.loadDefault();
    boolean allMeetBar = true;
    for (String arg : args) {
      Path dir = Path.of(arg);
      if (!Files.isRegularFile(dir.resolve("labels.jsonl"))) {
        System.out.println(dir + ": no labels.jsonl, skipped");
        continue;
      }
      Score s = score(LabelledSet.load(dir), extractor);
      allMeetBar &= s.meetsBar();
      System.out.println(report(dir, s));
    }
    if (!allMeetBar) {
      System.exit(1);
    }
  }

  static String report(Path dir, Score s) {
    StringBuilder sb = new StringBuilder();
    sb.append(dir).append('\n');
    sb.append(
        String.format(
            Locale.ROOT,
            "  documents %d, true positives %d, false positives %d (%d labelled non-slogans), misses %d%n",
            s.docs(),
            s.truePositives(),
            s.falsePositives().size(),
            s.labelledNonSlogans(),
            s.misses().size()));
    sb.append(
        String.format(
            Locale.ROOT,
            "  precision %.3f, recall %.3f, bar %.2f: %s%n",
            s.precision(),
            s.recall(),
            BAR,
            s.meetsBar() ? "met" : "NOT met"));
    s.falsePositives().forEach(e -> sb.append("  false positive\t").append(e).append('\n'));
    s.misses().forEach(e -> sb.append("  miss\t").append(e).append('\n'));
    return sb.toString();
  }
}

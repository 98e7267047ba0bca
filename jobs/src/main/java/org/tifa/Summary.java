package org.tifa;

import java.io.PrintStream;
import java.util.Map;
import org.tifa.write.Manifest;

/** The short report {@code tifa run} prints when it has committed a snapshot. */
final class Summary {
  private Summary() {}

  static void print(PrintStream out, RunJob.Result r, String outputRoot) {
    Manifest.Counts c = r.counts();
    out.println();
    out.printf("Tifa snapshot %s%n", r.snapshotId());
    out.printf("  documents read     %,d%n", c.recordsRead());
    out.printf("    accepted         %,d%n", c.accepted());
    out.printf("    duplicate        %,d  (near copies %,d)%n", c.duplicates(), r.nearDuplicates());
    out.printf("    quarantined      %,d%s%n", c.quarantined(), reasons(c.reasons()));
    if (r.quarantineExceeded()) {
      out.printf(
          "  WARNING: %.1f%% of the records were quarantined, above the allowed share (exit code 4)%n",
          100 * c.quarantineRatio());
    }
    RunJob.DistinctRegions regions = r.distinctRegions();
    out.printf(
        "  regions            %,d provinces, %,d prefectures, %,d counties (documents by level: %s)%n",
        regions.provinces(), regions.prefectures(), regions.counties(), r.documentsByRegionLevel());
    printTop(out, "top slogans", r.topSlogans(), "documents");
    printTop(out, "top topics", r.topTopics(), "documents about it");
    out.printf("  output             %s%n", r.snapshotDir());
    out.println();
    out.println("Open it in DuckDB:");
    out.printf(
        "  duckdb -c \"SELECT term, sum(documents) AS docs FROM read_parquet('%s/%s/term_counts/*/*.parquet', hive_partitioning=true) "
            + "WHERE grain='month' AND region_level='province' GROUP BY term ORDER BY docs DESC LIMIT 10\"%n",
        outputRoot, r.snapshotId());
  }

  private static void printTop(
      PrintStream out, String label, java.util.List<Map.Entry<String, Long>> top, String unit) {
    out.printf("  %-18s %s%n", label, top.isEmpty() ? "(none)" : "");
    for (Map.Entry<String, Long> e : top) {
      out.printf("    %s %,d %s%n", pad(e.getKey(), 30), e.getValue(), unit);
    }
  }

  /** Pads to a terminal width: CJK and other wide characters take two columns. */
  static String pad(String s, int columns) {
    int width = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      width += isWide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return width >= columns ? s : s + " ".repeat(columns - width);
  }

  private static boolean isWide(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xFF00 && cp <= 0xFF60);
  }

  private static String reasons(Map<String, Long> reasons) {
    if (reasons.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("  (");
    reasons.forEach((k, v) -> b.append(b.length() > 3 ? ", " : "").append(k).append(' ').append(v));
    return b.append(')').toString();
  }
}

package org.tifa;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tifa.options.CompareOptions;
import org.tifa.schema.Tables;

/** The short report {@code tifa compare} prints when it has committed a comparison. */
final class CompareSummary {
  private CompareSummary() {}

  private static final Map<String, String> LISTS =
      Map.of("new", "new slogans", "up", "risers", "down", "fallers");

  static String format(CompareJob.Result r, String outputRoot) {
    StringBuilder b = new StringBuilder();
    CompareOptions o = r.options();
    b.append('\n');
    line(b, "Tifa comparison %s", r.compareId());
    line(b, "  base               %s  (%s)", r.base().snapshotId(), r.base().dir());
    line(b, "  target             %s  (%s)", r.target().snapshotId(), r.target().dir());
    if (r.configDiffers()) {
      line(
          b,
          "  NOTE: the two snapshots were made with different configurations: %s",
          r.configDifferences().isEmpty()
              ? "config_sha256 differs"
              : String.join(", ", r.configDifferences()));
    }
    List<String> levels = o.levels();
    line(
        b,
        "  compared           grain %s, levels %s to %s, alpha %s",
        o.grain(),
        levels.get(0),
        o.level(),
        o.alpha());
    StringBuilder statuses = new StringBuilder();
    r.statuses()
        .forEach(
            (k, v) ->
                statuses
                    .append(statuses.length() > 0 ? ", " : "")
                    .append(k)
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%,d", v)));
    line(
        b,
        "  %-18s %,d rows: %s",
        Tables.TERM_CHANGES,
        r.tableRows().get(Tables.TERM_CHANGES),
        statuses);
    line(b, "  %-18s %,d rows", Tables.TERM_DIFFUSION, r.tableRows().get(Tables.TERM_DIFFUSION));
    line(
        b,
        "  %-18s %,d rows",
        Tables.REGION_SIMILARITY,
        r.tableRows().get(Tables.REGION_SIMILARITY));
    for (String level : levels) {
      line(b, "  %s", level);
      for (String list : List.of("new", "up", "down")) {
        List<CompareJob.Highlight> rows =
            r.highlights().stream()
                .filter(h -> h.level().equals(level) && h.list().equals(list))
                .toList();
        line(
            b,
            "    %s",
            rows.isEmpty()
                ? String.format(Locale.ROOT, "%-16s (none)", LISTS.get(list))
                : LISTS.get(list));
        for (CompareJob.Highlight h : rows) {
          line(
              b,
              "      %s %s %s",
              Summary.pad(h.term() + (h.termKind().equals("topic") ? " (topic)" : ""), 28),
              Summary.pad(
                  h.regionName() + (h.period().equals(CompareOptions.ALL) ? "" : " " + h.period()),
                  20),
              figures(h));
        }
      }
    }
    line(b, "  output             %s", r.dir());
    b.append('\n');
    line(b, "Open it in DuckDB:");
    line(
        b,
        "  duckdb -c \"SELECT region_name, term, base_documents, target_documents, round(z_score, 2) AS z "
            + "FROM read_parquet('%s/%s/term_changes/*.parquet') WHERE status = 'up' ORDER BY z_score DESC LIMIT 10\"",
        outputRoot,
        r.compareId());
    return b.toString();
  }

  /** "1/10 → 9/10 documents, z +3.58": documents over region documents on each side, and z. */
  static String figures(CompareJob.Highlight h) {
    String z =
        h.zScore() == null
            ? "no base documents in the region"
            : String.format(Locale.ROOT, "z %+.2f", h.zScore());
    return String.format(
        Locale.ROOT,
        "%,d/%,d → %,d/%,d documents, %s",
        h.baseDocuments(),
        h.baseRegionDocuments(),
        h.targetDocuments(),
        h.targetRegionDocuments(),
        z);
  }

  private static void line(StringBuilder b, String format, Object... args) {
    b.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}

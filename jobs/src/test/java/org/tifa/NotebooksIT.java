package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.tifa.notebooks.Notebooks;
import org.tifa.report.ReportPage;
import org.tifa.testing.Snapshots;

/**
 * The committed notebooks of {@code notebooks-export/} still run: every SQL cell of every notebook
 * answers on a freshly made sample snapshot, with the columns its committed output shows; each
 * export names the Tifa version and snapshot id it came from and is the rendering of its notebook.
 */
class NotebooksIT extends SparkTest {
  private static final Path DIR = Snapshots.REPO.resolve("notebooks-export");
  private static final Pattern HEADER =
      Pattern.compile(
          "<!-- Tifa (\\S+), snapshot (\\S+): (\\S+)\\.ipynb, executed by scripts/export-notebooks -->");

  /** The column headers of a cell's committed text/html output. */
  private static List<String> committedColumns(JsonNode cell) {
    StringBuilder html = new StringBuilder();
    cell.at("/outputs/0/data/text~1html").forEach(l -> html.append(l.asText()));
    List<String> out = new ArrayList<>();
    Matcher th = Pattern.compile("<th>(.*?)</th>").matcher(html);
    while (th.find()) {
      out.add(th.group(1));
    }
    return out;
  }

  @Test
  void everySqlCellOfEveryNotebookRunsOnAFreshSampleSnapshot() throws Exception {
    String snapshot = Snapshots.sample(spark()).resolve(Snapshots.SAMPLE).toString();
    List<Path> notebooks = Notebooks.list(DIR);
    Assertions.assertTrue(notebooks.size() >= 4, "notebooks: " + notebooks);
    Assertions.assertTrue(
        Files.readString(DIR.resolve("README.md")).contains("scripts/export-notebooks"),
        "the README says how to regenerate");
    int sqlCells = 0;
    StringBuilder everything = new StringBuilder();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      for (Path file : notebooks) {
        String name = file.getFileName().toString().replaceFirst("\\.ipynb$", "");
        ObjectNode nb = Notebooks.read(file);
        assertEquals(4, nb.get("nbformat").asInt(), name);
        assertEquals("python3", nb.at("/metadata/kernelspec/name").asText(), name);
        int setup = 0;
        for (JsonNode cell : nb.get("cells")) {
          everything.append(Notebooks.source(cell)).append('\n');
          if (!"code".equals(cell.get("cell_type").asText())) {
            continue;
          }
          if (Notebooks.isSetup(cell)) {
            setup++;
            continue;
          }
          String sql =
              Notebooks.sqlOf(cell)
                  .orElseThrow(
                      () ->
                          new AssertionError(
                              name + ": a code cell that is not SQL:\n" + Notebooks.source(cell)));
          Notebooks.Result result = Notebooks.run(db, sql, snapshot);
          Assertions.assertTrue(result.total() > 0, name + ": no rows from\n" + sql);
          List<String> columns = result.columns().stream().map(ReportPage::html).toList();
          assertEquals(
              columns,
              committedColumns(cell),
              name + ": the committed output is not this query's:\n" + sql);
          sqlCells++;
        }
        assertEquals(1, setup, name + ": one setup cell");

        String html = Files.readString(DIR.resolve(name + ".html"), StandardCharsets.UTF_8);
        Matcher header = HEADER.matcher(html.lines().findFirst().orElse(""));
        Assertions.assertTrue(
            header.matches(),
            name
                + ".html starts with the version and snapshot: "
                + html.lines().findFirst().orElse(""));
        assertEquals(nb.at("/metadata/tifa/version").asText(), header.group(1));
        assertEquals(nb.at("/metadata/tifa/snapshot_id").asText(), header.group(2));
        assertEquals(
            Snapshots.SAMPLE, header.group(2), "exports are made from the sample snapshot");
        assertEquals(name, header.group(3));
        assertEquals(
            Notebooks.toHtml(nb, name),
            html,
            name + ".html is the rendering of " + name + ".ipynb");
      }
    }
    Assertions.assertTrue(sqlCells >= 12, "SQL cells: " + sqlCells);
    // Between them: what the snapshot stands on, top terms by province, a monthly trend, a
    // diffusion.
    for (String covered :
        List.of(
            "manifest.json", "/quarantine/", "province_name", "grain = 'month'", "first_seen")) {
      Assertions.assertTrue(everything.indexOf(covered) >= 0, "the notebooks read " + covered);
    }
  }
}

package org.tifa.notebooks;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.tifa.report.ReportPage;

/**
 * The notebooks of {@code notebooks-export/}: Jupyter notebooks (nbformat 4, Python kernel) whose
 * code cells are one setup cell (DuckDB and a {@code sql()} helper) and SQL cells written {@code
 * sql("""...""")}, each reading the snapshot's Parquet files with {@code {snapshot}} for the
 * snapshot directory. Without Jupyter at hand, the SQL cells are executed here with DuckDB (JDBC)
 * and their results written into the notebook as Jupyter would (an execute_result with text/html
 * and text/plain), and the notebook is rendered as a standalone HTML page.
 */
public final class Notebooks {
  private Notebooks() {}

  private static final Pattern SQL_CELL =
      Pattern.compile("\\Asql\\(\"\"\"\\n(.*?)\\n\"\"\"\\)\\s*\\z", Pattern.DOTALL);
  private static final String SETUP = "def sql(query)";

  /** Rows written into an output; longer results say how many rows there were. */
  static final int MAX_ROWS = 60;

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

  /** A query's result: column names and rows of display strings. */
  public record Result(List<String> columns, List<List<String>> rows, long total) {}

  /** The notebooks of a directory, by file name. */
  public static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  public static ObjectNode read(Path file) throws IOException {
    return (ObjectNode) JSON.readTree(file.toFile());
  }

  /** A cell's source as one string (nbformat stores it as a list of lines or as a string). */
  public static String source(JsonNode cell) {
    JsonNode s = cell.get("source");
    if (s.isTextual()) {
      return s.asText();
    }
    StringBuilder out = new StringBuilder();
    s.forEach(line -> out.append(line.asText()));
    return out.toString();
  }

  /** The SQL of a {@code sql("""...""")} cell. */
  public static Optional<String> sqlOf(JsonNode cell) {
    if (!"code".equals(cell.path("cell_type").asText())) {
      return Optional.empty();
    }
    Matcher m = SQL_CELL.matcher(source(cell));
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The cell that imports DuckDB and defines {@code sql()}. */
  public static boolean isSetup(JsonNode cell) {
    return "code".equals(cell.path("cell_type").asText()) && source(cell).contains(SETUP);
  }

  /** Runs one SQL cell's query on a snapshot directory. */
  public static Result run(Connection db, String sql, String snapshotDir) throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql.replace("{snapshot}", snapshotDir))) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnLabel(i));
      }
      List<List<String>> rows = new ArrayList<>();
      long total = 0;
      while (rs.next()) {
        total++;
        if (rows.size() < MAX_ROWS) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns.size(); i++) {
            row.add(display(rs.getObject(i)));
          }
          rows.add(row);
        }
      }
      return new Result(columns, rows, total);
    }
  }

  /** A value as pandas shows it: None for null, True/False, decimals without an exponent. */
  static String display(Object v) throws SQLException {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d)
          ? new BigDecimal(Double.toString(d)).toPlainString()
          : Double.toString(d);
    }
    if (v instanceof Array a) {
      List<String> items = new ArrayList<>();
      for (Object o : (Object[]) a.getArray()) {
        items.add(display(o));
      }
      return "[" + String.join(", ", items) + "]";
    }
    return v.toString();
  }

  /**
   * Executes every SQL cell of a notebook on a snapshot and writes the results in as outputs; the
   * setup cell counts as the first execution. The notebook's metadata names the Tifa version and
   * the snapshot id.
   */
  public static ObjectNode execute(
      ObjectNode notebook, Connection db, String snapshotDir, String snapshotId, String tifaVersion)
      throws SQLException {
    int count = 0;
    for (JsonNode c : notebook.get("cells")) {
      ObjectNode cell = (ObjectNode) c;
      if (!"code".equals(cell.path("cell_type").asText())) {
        continue;
      }
      Optional<String> sql = sqlOf(cell);
      if (!sql.isPresent() && !isSetup(cell)) {
        throw new IllegalArgumentException(
            "a code cell that is neither the setup cell nor sql(\"\"\"...\"\"\"):\n"
                + source(cell));
      }
      cell.put("execution_count", ++count);
      ArrayNode outputs = cell.putArray("outputs");
      if (sql.isPresent()) {
        Result r = run(db, sql.get(), snapshotDir);
        ObjectNode out = outputs.addObject();
        out.put("output_type", "execute_result");
        out.put("execution_count", count);
        out.putObject("metadata");
        ObjectNode data = out.putObject("data");
        data.set("text/html", lines(html(r)));
        data.set("text/plain", lines(text(r)));
      }
    }
    ObjectNode tifa = ((ObjectNode) notebook.get("metadata")).putObject("tifa");
    tifa.put("version", tifaVersion);
    tifa.put("snapshot_id", snapshotId);
    tifa.put(
        "executed_by",
        "scripts/export-notebooks (DuckDB " + db.getMetaData().getDatabaseProductVersion() + ")");
    return notebook;
  }

  /** Writes a notebook as Jupyter does: one-space indentation, sorted keys, UTF-8 text. */
  public static void write(ObjectNode notebook, Path file) throws IOException {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter(" ", "\n"))
            .withArrayIndenter(new DefaultIndenter(" ", "\n"));
    Files.writeString(
        file, JSON.writer(printer).writeValueAsString(notebook) + "\n", StandardCharsets.UTF_8);
  }

  /** A result as an HTML table, the way pandas shows a DataFrame. */
  static String html(Result r) {
    StringBuilder out =
        new StringBuilder(
            "<div>\n<table border=\"1\" class=\"dataframe\">\n  <thead>\n    <tr style=\"text-align: right;\">\n");
    for (String c : r.columns()) {
      out.append("      <th>").append(escape(c)).append("</th>\n");
    }
    out.append("    </tr>\n  </thead>\n  <tbody>\n");
    for (List<String> row : r.rows()) {
      out.append("    <tr>\n");
      for (String v : row) {
        out.append("      <td>").append(escape(v)).append("</td>\n");
      }
      out.append("    </tr>\n");
    }
    out.append("  </tbody>\n</table>\n<p>")
        .append(r.total())
        .append(" rows × ")
        .append(r.columns().size())
        .append(" columns")
        .append(r.total() > r.rows().size() ? " (the first " + r.rows().size() + " shown)" : "")
        .append("</p>\n</div>");
    return out.toString();
  }

  /** A result as aligned plain text (wide East Asian characters count two columns). */
  static String text(Result r) {
    int[] widths = new int[r.columns().size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width(r.columns().get(i));
      for (List<String> row : r.rows()) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    StringBuilder out = new StringBuilder();
    appendRow(out, r.columns(), widths);
    for (List<String> row : r.rows()) {
      appendRow(out, row, widths);
    }
    out.append('\n')
        .append('[')
        .append(r.total())
        .append(" rows x ")
        .append(widths.length)
        .append(" columns]");
    return out.toString();
  }

  private static void appendRow(StringBuilder out, List<String> values, int[] widths) {
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : "  ")
          .append(" ".repeat(widths[i] - width(values.get(i))))
          .append(values.get(i));
    }
    out.append('\n');
  }

  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w +=
          cp >= 0x1100
                  && (cp <= 0x115F
                      || (cp >= 0x2E80 && cp <= 0xA4CF)
                      || (cp >= 0xAC00 && cp <= 0xD7A3)
                      || (cp >= 0xF900 && cp <= 0xFAFF)
                      || (cp >= 0xFE30 && cp <= 0xFE4F)
                      || (cp >= 0xFF00 && cp <= 0xFF60)
                      || (cp >= 0xFFE0 && cp <= 0xFFE6)
                      || (cp >= 0x20000 && cp <= 0x3FFFD))
              ? 2
              : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  /** nbformat's multi-line string: a list of lines, each but the last ending in a newline. */
  private static ArrayNode lines(String text) {
    ArrayNode out = JSON.createArrayNode();
    text.lines().forEach(l -> out.add(l + "\n"));
    if (out.size() > 0) {
      String last = out.get(out.size() - 1).asText();
      out.set(out.size() - 1, last.substring(0, last.length() - 1));
    }
    return out;
  }

  /**
   * An executed notebook as a standalone HTML page (no scripts, no external resources) whose first
   * line names the Tifa version and the snapshot it was executed on.
   */
  public static String toHtml(ObjectNode notebook, String name) {
    JsonNode tifa = notebook.path("metadata").path("tifa");
    Parser markdown = Parser.builder().build();
    HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).build();
    String title = name;
    StringBuilder body = new StringBuilder();
    for (JsonNode cell : notebook.get("cells")) {
      String source = source(cell);
      if ("markdown".equals(cell.path("cell_type").asText())) {
        if (title.equals(name) && source.startsWith("# ")) {
          title = source.lines().findFirst().orElse(name).substring(2);
        }
        body.append("<div class=\"cell markdown\">\n")
            .append(renderer.render(markdown.parse(source)))
            .append("</div>\n");
        continue;
      }
      String count =
          cell.path("execution_count").isNumber() ? cell.get("execution_count").asText() : " ";
      body.append("<div class=\"cell code\">\n<div class=\"prompt\">In [")
          .append(count)
          .append("]:</div>\n<pre><code>")
          .append(escape(source))
          .append("</code></pre>\n");
      for (JsonNode out : cell.path("outputs")) {
        JsonNode html = out.path("data").path("text/html");
        body.append("<div class=\"prompt\">Out[")
            .append(out.path("execution_count").asText(count))
            .append("]:</div>\n<div class=\"output\">\n");
        if (!html.isMissingNode()) {
          html.forEach(l -> body.append(l.asText()));
        } else {
          StringBuilder plain = new StringBuilder();
          out.path("data").path("text/plain").forEach(l -> plain.append(l.asText()));
          body.append("<pre>").append(escape(plain.toString())).append("</pre>");
        }
        body.append("\n</div>\n");
      }
      body.append("</div>\n");
    }
    return "<!-- Tifa "
        + tifa.path("version").asText("unknown")
        + ", snapshot "
        + tifa.path("snapshot_id").asText("unknown")
        + ": "
        + name
        + ".ipynb, executed by scripts/export-notebooks -->\n"
        + "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + escape(title)
        + "</title>\n<style>\n"
        + "body { font-family: \"Noto Sans CJK SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif; max-width: 1100px; margin: 24px auto; padding: 0 16px; color: #1f2937; }\n"
        + ".cell { margin: 12px 0; }\n.prompt { color: #6b7280; font: 12px monospace; margin: 4px 0; }\n"
        + "pre { background: #f6f8fa; padding: 8px; overflow: auto; font-size: 13px; }\n"
        + "table.dataframe { border-collapse: collapse; font-size: 13px; }\n"
        + "table.dataframe th, table.dataframe td { border: 1px solid #d1d5db; padding: 2px 8px; text-align: right; }\n"
        + "table.dataframe th { background: #f3f4f6; }\n.output p { color: #6b7280; font-size: 12px; }\n"
        + "</style>\n</head>\n<body>\n"
        + body
        + "</body>\n</html>\n";
  }

  static String escape(String s) {
    return ReportPage.html(s);
  }
}

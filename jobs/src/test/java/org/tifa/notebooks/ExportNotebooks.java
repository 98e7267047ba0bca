package org.tifa.notebooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.tifa.Version;

/**
 * Re-executes every notebook of a directory on one snapshot and writes each back with its outputs,
 * beside its HTML export ({@code NAME.html}). Run by {@code scripts/export-notebooks}, which makes
 * the sample snapshot first. Usage: ExportNotebooks SNAPSHOT_DIR NOTEBOOK_DIR
 */
public final class ExportNotebooks {
  private ExportNotebooks() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ExportNotebooks SNAPSHOT_DIR NOTEBOOK_DIR");
      System.exit(2);
    }
    Path snapshot = Path.of(args[0]).toAbsolutePath();
    Path dir = Path.of(args[1]);
    String snapshotId =
        new ObjectMapper()
            .readTree(snapshot.resolve("manifest.json").toFile())
            .get("snapshot_id")
            .asText();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      for (Path file : Notebooks.list(dir)) {
        String name = file.getFileName().toString().replaceFirst("\\.ipynb$", "");
        ObjectNode notebook =
            Notebooks.execute(
                Notebooks.read(file), db, snapshot.toString(), snapshotId, Version.TIFA);
        Notebooks.write(notebook, file);
        Files.writeString(
            dir.resolve(name + ".html"), Notebooks.toHtml(notebook, name), StandardCharsets.UTF_8);
        System.out.println(file + " and " + name + ".html: executed on snapshot " + snapshotId);
      }
    }
  }
}

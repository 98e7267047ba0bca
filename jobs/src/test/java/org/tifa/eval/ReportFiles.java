package org.tifa.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads report records (title, body, source) for the evaluation and benchmark mains: JSON Lines,
 * gzipped JSON Lines, or a JSON array. Lines that are not JSON objects are counted, not fatal: the
 * sample data contains broken records on purpose.
 */
public final class ReportFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportFiles() {}

  /** One record's text fields; {@code file} says where it came from. */
  public record Report(String file, String id, String title, String body, String source) {}

  /** Records of one file or of every *.jsonl, *.json, *.jsonl.gz file directly in a folder. */
  public static Loaded read(Path path) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> list = Files.list(path)) {
        list.filter(ReportFiles::isRecordFile).sorted().forEach(files::add);
      }
    } else {
      files.add(path);
    }
    Loaded loaded = new Loaded(new ArrayList<>(), new int[1]);
    for (Path file : files) {
      readFile(file, loaded);
    }
    return loaded;
  }

  /** The records read and how many entries were not readable records. */
  public record Loaded(List<Report> reports, int[] unreadable) {
    public int unreadableCount() {
      return unreadable[0];
    }
  }

  private static boolean isRecordFile(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".jsonl.gz");
  }

  private static void readFile(Path file, Loaded loaded) throws IOException {
    String name = file.getFileName().toString();
    InputStream raw = Files.newInputStream(file);
    InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      if (name.endsWith(".json")) {
        reader.mark(64);
        int first = reader.read();
        while (first == ' '
            || first == '\n'
            || first == '\r'
            || first == '\t'
            || first == '\uFEFF') {
          first = reader.read();
        }
        reader.reset();
        if (first == '[') {
          for (JsonNode node : JSON.readTree(reader)) {
            add(name, node, loaded);
          }
          return;
        }
      }
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          loaded.unreadable[0]++;
          continue;
        }
        add(name, node, loaded);
      }
    }
  }

  private static void add(String file, JsonNode node, Loaded loaded) {
    if (node == null || !node.isObject()) {
      loaded.unreadable[0]++;
      return;
    }
    loaded.reports.add(
        new Report(
            file, text(node, "id"), text(node, "title"), text(node, "body"), text(node, "source")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** The repository root: the working directory, or its parent when run inside jobs/. */
  public static Path repoRoot() {
    String configured = System.getProperty("tifa.repo");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path cwd = Path.of("").toAbsolutePath();
    return Files.isDirectory(cwd.resolve("jobs")) ? cwd : cwd.getParent();
  }
}

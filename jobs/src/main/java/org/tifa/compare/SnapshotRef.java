package org.tifa.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tifa.error.NoInputException;
import org.tifa.schema.Tables;
import org.tifa.write.SnapshotLayout;
import org.tifa.write.SnapshotWriter;

/**
 * A committed snapshot found from what a person typed, with its manifest: a snapshot directory
 * ({@code DIR/<id>}), a snapshot root ({@code DIR}, whose {@code LATEST} names the id) or a {@code
 * LATEST} file itself, on any Hadoop filesystem. Resolving checks, on the driver and before Spark
 * starts, that the snapshot is committed ({@code _SUCCESS}), that its manifest is a snapshot's, and
 * that it was written with this Tifa's {@link Tables#SCHEMA_VERSION}.
 *
 * @param dir the snapshot directory
 * @param snapshotId the id its manifest gives
 * @param manifest the parsed manifest.json
 */
public record SnapshotRef(String dir, String snapshotId, JsonNode manifest) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A snapshot written with another schema version: its tables cannot be read as this Tifa's. */
  public static final class IncompatibleSnapshotException extends Exception {
    private static final long serialVersionUID = 1L;

    public IncompatibleSnapshotException(String message) {
      super(message);
    }
  }

  /**
   * Finds and checks the snapshot {@code given} names; {@code option} (e.g. {@code --base}) starts
   * every message. Missing or uncommitted snapshots are {@link NoInputException}s.
   */
  public static SnapshotRef resolve(String option, String given, Configuration conf)
      throws NoInputException, IncompatibleSnapshotException {
    String what = option + " " + given;
    Path path = new Path(given);
    try {
      FileSystem fs = path.getFileSystem(conf);
      Path dir = snapshotDir(fs, path, what, conf);
      JsonNode manifest = manifest(fs, new Path(dir, SnapshotWriter.MANIFEST), what);
      checkIsSnapshot(manifest, what);
      return new SnapshotRef(dir.toString(), manifest.get("snapshot_id").asText(), manifest);
    } catch (IOException e) {
      throw new NoInputException(what + ": unreadable: " + e.getMessage());
    }
  }

  /**
   * The committed directory {@code path} names: itself, or through a root's LATEST. A snapshot
   * whose replacement is being moved into place is read from that committed replacement.
   */
  private static Path snapshotDir(FileSystem fs, Path path, String what, Configuration conf)
      throws IOException, NoInputException {
    FileStatus status = status(fs, path);
    Path parent = path.getParent();
    if (status == null) {
      Path replacement =
          parent == null ? null : SnapshotLayout.committedDir(parent, path.getName(), conf);
      if (replacement == null) {
        throw new NoInputException(what + ": not found");
      }
      return replacement;
    }
    Path root;
    String id;
    if (status.isFile()) {
      root = parent;
      id = latestId(fs, path, what);
    } else if (fs.exists(new Path(path, SnapshotWriter.MANIFEST))
        || fs.exists(new Path(path, SnapshotWriter.SUCCESS))
        || fs.exists(new Path(path, SnapshotLayout.RUN_MARKER))) {
      if (fs.exists(new Path(path, SnapshotWriter.SUCCESS)) || parent == null) {
        return path;
      }
      root = parent;
      id = path.getName();
    } else if (fs.exists(new Path(path, SnapshotWriter.LATEST))) {
      root = path;
      id = latestId(fs, new Path(path, SnapshotWriter.LATEST), what);
    } else {
      throw new NoInputException(
          what
              + ": not a Tifa snapshot (no "
              + SnapshotWriter.MANIFEST
              + ") nor a snapshot root (no "
              + SnapshotWriter.LATEST
              + ")");
    }
    Path dir = new Path(root, id);
    Path committed = SnapshotLayout.committedDir(root, id, conf);
    if (committed != null) {
      return committed;
    }
    if (status(fs, dir) == null) {
      throw new NoInputException(
          what + ": its " + SnapshotWriter.LATEST + " names " + id + ", which does not exist");
    }
    throw new NoInputException(
        what
            + ": "
            + dir
            + " is not a committed snapshot (no "
            + SnapshotWriter.SUCCESS
            + "): a run is writing it, or was killed before its commit");
  }

  public int schemaVersion() {
    return manifest.path("schema_version").asInt();
  }

  public String tifaVersion() {
    return manifest.path("tifa_version").asText("");
  }

  public String configSha256() {
    return manifest.path("config_sha256").asText("");
  }

  /** The grains the snapshot's term_counts has, from its effective configuration. */
  public List<String> grains() {
    List<String> out = new ArrayList<>();
    manifest.path("config").path("output").path("grains").forEach(g -> out.add(g.asText()));
    return out;
  }

  /** A table's directory inside the snapshot. */
  public String table(String name) {
    return new Path(dir, name).toString();
  }

  /**
   * The settings that differ between two snapshots' effective configurations, as sorted dotted
   * keys; a key present on one side only counts as different.
   */
  public static List<String> configDifferences(SnapshotRef a, SnapshotRef b) {
    Map<String, JsonNode> left = new TreeMap<>();
    Map<String, JsonNode> right = new TreeMap<>();
    flatten(a.manifest.path("config"), "", left);
    flatten(b.manifest.path("config"), "", right);
    TreeMap<String, Boolean> keys = new TreeMap<>();
    left.keySet().forEach(k -> keys.put(k, true));
    right.keySet().forEach(k -> keys.put(k, true));
    return keys.keySet().stream().filter(k -> !Objects.equals(left.get(k), right.get(k))).toList();
  }

  private static void flatten(JsonNode node, String prefix, Map<String, JsonNode> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        flatten(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
      }
    } else if (!node.isMissingNode()) {
      out.put(prefix, node);
    }
  }

  private static void checkIsSnapshot(JsonNode manifest, String what)
      throws NoInputException, IncompatibleSnapshotException {
    if (!manifest.isObject()) {
      throw new NoInputException(what + ": " + SnapshotWriter.MANIFEST + " is not a Tifa manifest");
    }
    if (manifest.has("compare_id") && !manifest.has("snapshot_id")) {
      throw new NoInputException(what + ": is a comparison (tifa compare output), not a snapshot");
    }
    if (!manifest.path("snapshot_id").isTextual() || !manifest.path("schema_version").isInt()) {
      throw new NoInputException(
          what
              + ": "
              + SnapshotWriter.MANIFEST
              + " is not a Tifa snapshot manifest (no snapshot_id or schema_version)");
    }
    int version = manifest.get("schema_version").asInt();
    if (version != Tables.SCHEMA_VERSION) {
      throw new IncompatibleSnapshotException(
          what
              + ": snapshot "
              + manifest.get("snapshot_id").asText()
              + " has schema version "
              + version
              + " (written by Tifa "
              + manifest.path("tifa_version").asText("?")
              + "); this Tifa reads schema version "
              + Tables.SCHEMA_VERSION
              + " only: re-run both snapshots with one Tifa version");
    }
  }

  private static JsonNode manifest(FileSystem fs, Path file, String what)
      throws IOException, NoInputException {
    try (InputStream in = fs.open(file)) {
      return JSON.readTree(in);
    } catch (FileNotFoundException e) {
      throw new NoInputException(
          what + ": not a Tifa snapshot (no " + SnapshotWriter.MANIFEST + ")");
    } catch (JsonProcessingException e) {
      throw new NoInputException(what + ": " + SnapshotWriter.MANIFEST + " is not valid JSON");
    }
  }

  private static String latestId(FileSystem fs, Path latest, String what)
      throws IOException, NoInputException {
    String id;
    try (InputStream in = fs.open(latest)) {
      id = new String(in.readNBytes(1024), StandardCharsets.UTF_8).strip();
    }
    if (!SnapshotLayout.ID.matcher(id).matches() || SnapshotLayout.reserved(id)) {
      throw new NoInputException(what + ": " + latest + " does not hold a snapshot id");
    }
    return id;
  }

  private static FileStatus status(FileSystem fs, Path path) throws IOException {
    try {
      return fs.getFileStatus(path);
    } catch (FileNotFoundException e) {
      return null;
    }
  }
}

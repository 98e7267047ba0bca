package org.tifa.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tifa.schema.Tables;

/**
 * Directories that look like committed snapshots to a resolver that reads only manifest.json and
 * _SUCCESS: for tests of snapshot resolution and of command-line errors, which never reach the
 * tables.
 */
public final class ManifestOnly {
  private ManifestOnly() {}

  /**
   * DIR/id with a manifest of this Tifa's schema version, the given grains and config, and
   * _SUCCESS.
   */
  public static Path snapshot(Path root, String id, List<String> grains, String sha256)
      throws IOException {
    return snapshot(root, id, Tables.SCHEMA_VERSION, grains, sha256);
  }

  public static Path snapshot(
      Path root, String id, int schemaVersion, List<String> grains, String sha256)
      throws IOException {
    Path dir = root.resolve(id);
    Files.createDirectories(dir);
    String grainList = String.join(",", grains.stream().map(g -> "\"" + g + "\"").toList());
    Files.writeString(
        dir.resolve("manifest.json"),
        "{\"snapshot_id\":\""
            + id
            + "\",\"schema_version\":"
            + schemaVersion
            + ",\"tifa_version\":\"0.0.1\","
            + "\"config\":{\"output\":{\"grains\":["
            + grainList
            + "]},\"run\":{\"summary_top\":10}},"
            + "\"config_sha256\":\""
            + sha256
            + "\"}\n");
    Files.writeString(dir.resolve("_SUCCESS"), "");
    Files.writeString(root.resolve("LATEST"), id + "\n");
    return dir;
  }
}

package org.tifa.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.error.NoInputException;
import org.tifa.testing.ManifestOnly;

/** Finding a snapshot from what a person typed, and refusing what is not one. */
class SnapshotRefTest {
  private static final String SHA = "a".repeat(64);
  @TempDir Path tmp;

  private static SnapshotRef resolve(Path p) throws Exception {
    return SnapshotRef.resolve("--base", p.toString(), new Configuration());
  }

  @Test
  void aSnapshotIsFoundByItsDirectoryItsRootOrItsLatestFile() throws Exception {
    ManifestOnly.snapshot(tmp, "older", List.of("year"), SHA);
    Path newer = ManifestOnly.snapshot(tmp, "newer", List.of("month", "year"), SHA);
    assertEquals("older", resolve(tmp.resolve("older")).snapshotId());
    SnapshotRef viaRoot = resolve(tmp);
    assertEquals("newer", viaRoot.snapshotId(), "LATEST names the newer one");
    assertEquals(newer.toString(), viaRoot.dir());
    assertEquals("newer", resolve(tmp.resolve("LATEST")).snapshotId());
    assertEquals(List.of("month", "year"), viaRoot.grains());
    assertEquals(SHA, viaRoot.configSha256());
    assertEquals(newer.resolve("documents").toString(), viaRoot.table("documents"));
  }

  @Test
  void whatIsNotACommittedSnapshotIsNoInput() throws IOException {
    assertTrue(message(tmp.resolve("missing")).endsWith("missing: not found"));

    Files.createDirectories(tmp.resolve("empty"));
    assertTrue(
        message(tmp.resolve("empty"))
            .contains("not a Tifa snapshot (no manifest.json) nor a snapshot root (no LATEST)"));

    Path uncommitted = ManifestOnly.snapshot(tmp.resolve("half"), "s", List.of("year"), SHA);
    Files.delete(uncommitted.resolve("_SUCCESS"));
    assertTrue(message(uncommitted).contains("is not a committed snapshot (no _SUCCESS)"));

    Path root = tmp.resolve("dangling");
    Files.createDirectories(root);
    Files.writeString(root.resolve("LATEST"), "gone\n");
    assertTrue(message(root).contains("its LATEST names gone, which does not exist"));

    Path junk = tmp.resolve("junk");
    Files.createDirectories(junk);
    Files.writeString(junk.resolve("LATEST"), "../../etc\n");
    assertTrue(message(junk).contains("does not hold a snapshot id"));

    Path broken = ManifestOnly.snapshot(tmp.resolve("broken"), "s", List.of("year"), SHA);
    Files.writeString(broken.resolve("manifest.json"), "{not json");
    assertTrue(message(broken).contains("manifest.json is not valid JSON"));

    Path comparison = tmp.resolve("cmp");
    Files.createDirectories(comparison);
    Files.writeString(
        comparison.resolve("manifest.json"), "{\"compare_id\":\"a..b\",\"schema_version\":1}");
    Files.writeString(comparison.resolve("_SUCCESS"), "");
    assertTrue(
        message(comparison).contains("is a comparison (tifa compare output), not a snapshot"));
  }

  @Test
  void anotherSchemaVersionIsRefused() throws IOException {
    Path future = ManifestOnly.snapshot(tmp, "future", 99, List.of("year"), SHA);
    SnapshotRef.IncompatibleSnapshotException e =
        assertThrows(SnapshotRef.IncompatibleSnapshotException.class, () -> resolve(future));
    assertEquals(
        "--base "
            + future
            + ": snapshot future has schema version 99 (written by Tifa 0.0.1); this Tifa reads schema version 2 only: "
            + "re-run both snapshots with one Tifa version",
        e.getMessage());
  }

  @Test
  void configDifferencesAreTheDottedKeysWhoseValuesDiffer() throws Exception {
    SnapshotRef a =
        resolve(ManifestOnly.snapshot(tmp.resolve("a"), "a", List.of("month", "year"), SHA));
    SnapshotRef b = resolve(ManifestOnly.snapshot(tmp.resolve("b"), "b", List.of("year"), SHA));
    assertEquals(List.of("output.grains"), SnapshotRef.configDifferences(a, b));
    assertEquals(List.of(), SnapshotRef.configDifferences(a, a));
  }

  private String message(Path p) {
    return assertThrows(NoInputException.class, () -> resolve(p)).getMessage();
  }
}

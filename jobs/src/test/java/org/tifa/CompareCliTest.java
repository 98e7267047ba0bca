package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.schema.Tables;
import org.tifa.testing.Cli;
import org.tifa.testing.Cli.Outcome;
import org.tifa.testing.ManifestOnly;

/** tifa compare's user errors: one line, a distinct exit code, and no Spark session started. */
class CompareCliTest {
  private static final String SHA = "b".repeat(64);
  @TempDir Path tmp;

  private static Outcome compare(String... args) {
    return Cli.command("compare", args);
  }

  private static void assertOneLineError(Outcome o, int code, String mentions) {
    assertEquals(code, o.code(), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
    assertTrue(o.err().startsWith("tifa: "), o.err());
    assertTrue(o.err().contains(mentions), o.err());
    assertTrue(SparkSession.getDefaultSession().isEmpty(), "no Spark session was started");
  }

  private Path good() throws IOException {
    return ManifestOnly.snapshot(tmp.resolve("good"), "good", List.of("month", "year"), SHA);
  }

  @Test
  void aMissingSnapshotIsNoInput() throws IOException {
    assertOneLineError(
        compare(
            "--base",
            tmp.resolve("nowhere").toString(),
            "--target",
            good().toString(),
            "--output",
            tmp.resolve("o").toString()),
        Tifa.NO_INPUT,
        "--base " + tmp.resolve("nowhere") + ": not found");
  }

  @Test
  void aDirectoryThatIsNoSnapshotIsNoInput() throws IOException {
    Files.createDirectories(tmp.resolve("plain"));
    assertOneLineError(
        compare(
            "--base",
            good().toString(),
            "--target",
            tmp.resolve("plain").toString(),
            "--output",
            tmp.resolve("o").toString()),
        Tifa.NO_INPUT,
        "--target " + tmp.resolve("plain") + ": not a Tifa snapshot");
  }

  @Test
  void anotherSchemaVersionHasItsOwnExitCode() throws IOException {
    Path future =
        ManifestOnly.snapshot(
            tmp.resolve("future"), "future", Tables.SCHEMA_VERSION + 1, List.of("year"), SHA);
    assertOneLineError(
        compare(
            "--base",
            future.toString(),
            "--target",
            good().toString(),
            "--output",
            tmp.resolve("o").toString()),
        Tifa.INCOMPATIBLE_SNAPSHOT,
        "snapshot future has schema version " + (Tables.SCHEMA_VERSION + 1));
  }

  @Test
  void aGrainTheSnapshotsWereNotCountedAtIsAUsageError() throws IOException {
    assertOneLineError(
        compare(
            "--base",
            good().toString(),
            "--target",
            good().toString(),
            "--output",
            tmp.resolve("o").toString(),
            "--grain",
            "week"),
        Tifa.USAGE,
        "--grain week needs term_counts at grain week, and snapshot good was counted at month, year only");
    Path monthly = ManifestOnly.snapshot(tmp.resolve("monthly"), "monthly", List.of("month"), SHA);
    assertOneLineError(
        compare(
            "--base",
            monthly.toString(),
            "--target",
            good().toString(),
            "--output",
            tmp.resolve("o").toString()),
        Tifa.USAGE,
        "--grain all needs term_counts at grain year");
  }

  @Test
  void comparisonsDoNotGoIntoASnapshotRoot() throws IOException {
    String g = good().toString();
    assertOneLineError(
        compare("--base", g, "--target", g, "--output", tmp.resolve("good") + "/"),
        Tifa.USAGE,
        "holds snapshot good: its LATEST must keep naming a snapshot");
  }

  @Test
  void badOptionsAreUsageErrors() throws IOException {
    String g = good().toString();
    assertOneLineError(compare("--base", g, "--target", g), Tifa.USAGE, "--output");
    assertOneLineError(
        compare("--base", g, "--target", g, "--output", tmp.toString(), "--level", "city"),
        Tifa.USAGE,
        "--level 'city'");
    assertOneLineError(
        compare("--base", g, "--target", g, "--output", tmp.toString(), "--alpha", "0"),
        Tifa.USAGE,
        "--alpha");
    assertOneLineError(
        compare("--base", g, "--target", g, "--output", tmp.toString(), "--top", "many"),
        Tifa.USAGE,
        "many");
  }
}

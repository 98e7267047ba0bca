package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.schema.Tables;
import org.tifa.testing.ManifestOnly;

/** Errors a person can make: one clear line, a distinct exit code, and no Spark session started. */
class TifaCliTest {
  @TempDir Path tmp;

  private record Outcome(int code, String err) {}

  private static Outcome run(String... args) {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Tifa.execute(args);
      return new Outcome(code, err.toString(StandardCharsets.UTF_8).strip());
    } finally {
      System.setErr(saved);
    }
  }

  private void assertOneLineError(Outcome o, int code, String mentions) {
    assertEquals(code, o.code(), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
    assertTrue(o.err().startsWith("tifa: "), o.err());
    assertTrue(o.err().contains(mentions), o.err());
    assertTrue(SparkSession.getDefaultSession().isEmpty(), "no Spark session was started");
  }

  private String someInput() throws IOException {
    Path f = tmp.resolve("in.jsonl");
    Files.writeString(f, "{\"body\":\"b\",\"published_at\":\"2024\"}\n");
    return f.toString();
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertOneLineError(run("run", "--inptu", "x"), Tifa.USAGE, "--inptu");
  }

  @Test
  void badSnapshotIdIsAUsageError() throws IOException {
    assertOneLineError(
        run("run", "--input", someInput(), "--output", tmp.toString(), "--snapshot", "../etc"),
        Tifa.USAGE,
        "--snapshot");
  }

  @Test
  void ratioOutOfRangeIsAUsageError() throws IOException {
    assertOneLineError(
        run(
            "run",
            "--input",
            someInput(),
            "--output",
            tmp.toString(),
            "--max-quarantine-ratio",
            "1.5"),
        Tifa.USAGE,
        "--max-quarantine-ratio");
  }

  @Test
  void ratioThatIsNotANumberIsAUsageError() throws IOException {
    assertOneLineError(
        run(
            "run",
            "--input",
            someInput(),
            "--output",
            tmp.toString(),
            "--max-quarantine-ratio",
            "half"),
        Tifa.USAGE,
        "half");
  }

  @Test
  void missingConfFileIsAConfigurationError() throws IOException {
    assertOneLineError(
        run(
            "run",
            "--input",
            someInput(),
            "--output",
            tmp.toString(),
            "--conf",
            tmp.resolve("nope.yaml").toString()),
        Tifa.USAGE,
        "nope.yaml");
  }

  @Test
  void badConfFileIsAConfigurationError() throws IOException {
    Path conf = tmp.resolve("bad.yaml");
    Files.writeString(conf, "input:\n  time_zone: Nowhere/Atlantis\n");
    assertOneLineError(
        run("run", "--input", someInput(), "--output", tmp.toString(), "--conf", conf.toString()),
        Tifa.USAGE,
        "Nowhere/Atlantis");
  }

  @Test
  void sixtyMegabyteConfFileIsRefusedAtOnceInOneLine() throws IOException {
    Path conf = tmp.resolve("huge.yaml");
    try (OutputStream out = Files.newOutputStream(conf)) {
      out.write("input:\n  time_zone: \"".getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[1 << 20];
      Arrays.fill(block, (byte) 'a');
      for (int i = 0; i < 60; i++) {
        out.write(block);
      }
      out.write("\"\n".getBytes(StandardCharsets.UTF_8));
    }
    String input = someInput();
    Outcome o =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                run(
                    "run",
                    "--input",
                    input,
                    "--output",
                    tmp.toString(),
                    "--conf",
                    conf.toString()));
    assertOneLineError(o, Tifa.USAGE, "huge.yaml");
    assertTrue(o.err().contains("64 KiB"), o.err());
  }

  @Test
  void hugeSnapshotIdIsCutInTheErrorLine() throws IOException {
    String id = "../" + "x".repeat(10_000);
    Outcome o = run("run", "--input", someInput(), "--output", tmp.toString(), "--snapshot", id);
    assertOneLineError(o, Tifa.USAGE, "10003 characters");
    assertTrue(o.err().length() < 300, o.err().length() + " characters");
  }

  @Test
  void inputThatDoesNotExistIsNoInput() {
    assertOneLineError(
        run("run", "--input", tmp.resolve("missing").toString(), "--output", tmp.toString()),
        Tifa.NO_INPUT,
        "missing");
  }

  @Test
  void aDirectoryWithNoInputFilesIsNoInput() throws IOException {
    Files.writeString(tmp.resolve("notes.txt"), "not a report");
    assertOneLineError(
        run("run", "--input", tmp.toString(), "--output", tmp.resolve("out").toString()),
        Tifa.NO_INPUT,
        "no input files");
  }

  @Test
  void aGlobMatchingNothingIsNoInput() {
    assertOneLineError(
        run("run", "--input", tmp.resolve("*.jsonl").toString(), "--output", tmp.toString()),
        Tifa.NO_INPUT,
        "*.jsonl");
  }

  // tifa report: options and snapshots are checked before Spark starts.

  private Path reportSnapshot(String id, int schemaVersion, List<String> grains)
      throws IOException {
    return ManifestOnly.snapshot(tmp.resolve("snapshots"), id, schemaVersion, grains, "c0ffee");
  }

  @Test
  void reportWithoutASnapshotIsAUsageError() {
    assertOneLineError(
        run("report", "--output", tmp.resolve("r.html").toString()), Tifa.USAGE, "--snapshot");
  }

  @Test
  void reportToAFileThatIsNotHtmlIsAUsageError() throws IOException {
    Path snap = reportSnapshot("s", Tables.SCHEMA_VERSION, List.of("year"));
    assertOneLineError(
        run("report", "--snapshot", snap.toString(), "--output", tmp.resolve("r.txt").toString()),
        Tifa.USAGE,
        ".html");
  }

  @Test
  void reportForARegionThatIsNoCodeIsAUsageError() throws IOException {
    Path snap = reportSnapshot("s", Tables.SCHEMA_VERSION, List.of("year"));
    assertOneLineError(
        run(
            "report",
            "--snapshot",
            snap.toString(),
            "--output",
            tmp.resolve("r.html").toString(),
            "--region",
            "聊城"),
        Tifa.USAGE,
        "--region");
  }

  @Test
  void reportWithTopOutOfRangeIsAUsageError() throws IOException {
    Path snap = reportSnapshot("s", Tables.SCHEMA_VERSION, List.of("year"));
    assertOneLineError(
        run(
            "report",
            "--snapshot",
            snap.toString(),
            "--output",
            tmp.resolve("r.html").toString(),
            "--top",
            "0"),
        Tifa.USAGE,
        "--top");
  }

  @Test
  void reportOfASnapshotThatDoesNotExistIsNoInput() {
    assertOneLineError(
        run(
            "report",
            "--snapshot",
            tmp.resolve("nowhere").toString(),
            "--output",
            tmp.resolve("r.html").toString()),
        Tifa.NO_INPUT,
        "--snapshot");
  }

  @Test
  void reportOfADirectoryThatIsNoSnapshotIsNoInput() throws IOException {
    Files.createDirectories(tmp.resolve("plain"));
    assertOneLineError(
        run(
            "report",
            "--snapshot",
            tmp.resolve("plain").toString(),
            "--output",
            tmp.resolve("r.html").toString()),
        Tifa.NO_INPUT,
        "not a Tifa snapshot");
  }

  @Test
  void reportOfASnapshotOfAnotherSchemaVersionIsRefused() throws IOException {
    Path snap = reportSnapshot("old", Tables.SCHEMA_VERSION + 1, List.of("year"));
    assertOneLineError(
        run("report", "--snapshot", snap.toString(), "--output", tmp.resolve("r.html").toString()),
        Tifa.INCOMPATIBLE_SNAPSHOT,
        "schema version");
  }

  @Test
  void reportComparedWithASnapshotWithoutYearGrainIsAUsageError() throws IOException {
    Path snap = reportSnapshot("now", Tables.SCHEMA_VERSION, List.of("month", "year"));
    Path base = reportSnapshot("before", Tables.SCHEMA_VERSION, List.of("month"));
    assertOneLineError(
        run(
            "report",
            "--snapshot",
            snap.toString(),
            "--compare-with",
            base.toString(),
            "--output",
            tmp.resolve("r.html").toString()),
        Tifa.USAGE,
        "grain year");
  }

  @Test
  void fault02_runIntoAFolderTifaDidNotWriteIsRefusedAndTheFolderKept() throws IOException {
    Path home = tmp.resolve("home");
    Path chapter = home.resolve("Documents/thesis/ch1.tex");
    Files.createDirectories(chapter.getParent());
    Files.writeString(chapter, "chapter one");
    assertOneLineError(
        run("run", "--input", someInput(), "--output", home.toString(), "--snapshot", "Documents"),
        Tifa.USAGE,
        "is not a Tifa snapshot");
    assertEquals("chapter one", Files.readString(chapter));
  }

  @Test
  void fault03_snapshotLatestIsAUsageErrorAndLatestStaysAFile() throws IOException {
    Path root = tmp.resolve("out");
    ManifestOnly.snapshot(root, "a", List.of("year"), "x");
    assertOneLineError(
        run("run", "--input", someInput(), "--output", root.toString(), "--snapshot", "LATEST"),
        Tifa.USAGE,
        "LATEST");
    assertOneLineError(
        run("run", "--input", someInput(), "--output", root.toString(), "--snapshot", "latest"),
        Tifa.USAGE,
        "reserved");
    assertEquals("a\n", Files.readString(root.resolve("LATEST")));
  }

  @Test
  void fault10_aSnapshotIdHeldByAnotherRunExits6() throws IOException {
    Path root = tmp.resolve("out");
    Path token = root.resolve("_tifa/locks/q1/run.json");
    Files.createDirectories(token.getParent());
    Files.writeString(
        token,
        "{\"run_id\":\"r\",\"host\":\"elsewhere\",\"pid\":1,\"process_start\":\"\",\"started_at\":\"2024-01-01T00:00:00Z\"}");
    assertOneLineError(
        run("run", "--input", someInput(), "--output", root.toString(), "--snapshot", "q1"),
        Tifa.BUSY,
        token.toString());
    assertTrue(Files.exists(token), "another run's lock is not touched");
    assertTrue(Files.notExists(root.resolve("q1")));
  }

  @Test
  void fault13_compareIntoTheBaseRootThroughALinkIsRefused() throws IOException {
    Path root = tmp.resolve("snapshots");
    ManifestOnly.snapshot(root, "a", List.of("year"), "x");
    ManifestOnly.snapshot(root, "b", List.of("year"), "x");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), root);
    assertOneLineError(
        run(
            "compare",
            "--base",
            root.resolve("a").toString(),
            "--target",
            root.resolve("b").toString(),
            "--output",
            link.toString()),
        Tifa.USAGE,
        "holds snapshot");
    assertEquals("b\n", Files.readString(root.resolve("LATEST")));
  }

  @Test
  void fault15_outputThatIsAFileIsAUsageErrorBeforeSpark() throws IOException {
    Path file = tmp.resolve("results.txt");
    Files.writeString(file, "keep");
    assertOneLineError(
        run("run", "--input", someInput(), "--output", file.toString()),
        Tifa.USAGE,
        "is a file, not a directory");
    assertEquals("keep", Files.readString(file));
    assertOneLineError(
        run(
            "compare",
            "--base",
            ManifestOnly.snapshot(tmp.resolve("s"), "a", List.of("year"), "x").toString(),
            "--target",
            tmp.resolve("s").toString(),
            "--output",
            file.toString()),
        Tifa.USAGE,
        "is a file, not a directory");
  }
}

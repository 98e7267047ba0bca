package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertOneLineError(run("run", "--input", someInput(), "--output", tmp.toString(), "--snapshot", "../etc"), Tifa.USAGE, "--snapshot");
  }

  @Test
  void ratioOutOfRangeIsAUsageError() throws IOException {
    assertOneLineError(
        run("run", "--input", someInput(), "--output", tmp.toString(), "--max-quarantine-ratio", "1.5"), Tifa.USAGE, "--max-quarantine-ratio");
  }

  @Test
  void ratioThatIsNotANumberIsAUsageError() throws IOException {
    assertOneLineError(
        run("run", "--input", someInput(), "--output", tmp.toString(), "--max-quarantine-ratio", "half"), Tifa.USAGE, "half");
  }

  @Test
  void missingConfFileIsAConfigurationError() throws IOException {
    assertOneLineError(
        run("run", "--input", someInput(), "--output", tmp.toString(), "--conf", tmp.resolve("nope.yaml").toString()),
        Tifa.USAGE,
        "nope.yaml");
  }

  @Test
  void badConfFileIsAConfigurationError() throws IOException {
    Path conf = tmp.resolve("bad.yaml");
    Files.writeString(conf, "input:\n  time_zone: Nowhere/Atlantis\n");
    assertOneLineError(
        run("run", "--input", someInput(), "--output", tmp.toString(), "--conf", conf.toString()), Tifa.USAGE, "Nowhere/Atlantis");
  }

  @Test
  void inputThatDoesNotExistIsNoInput() {
    assertOneLineError(
        run("run", "--input", tmp.resolve("missing").toString(), "--output", tmp.toString()), Tifa.NO_INPUT, "missing");
  }

  @Test
  void aDirectoryWithNoInputFilesIsNoInput() throws IOException {
    Files.writeString(tmp.resolve("notes.txt"), "not a report");
    assertOneLineError(run("run", "--input", tmp.toString(), "--output", tmp.resolve("out").toString()), Tifa.NO_INPUT, "no input files");
  }

  @Test
  void aGlobMatchingNothingIsNoInput() {
    assertOneLineError(run("run", "--input", tmp.resolve("*.jsonl").toString(), "--output", tmp.toString()), Tifa.NO_INPUT, "*.jsonl");
  }
}

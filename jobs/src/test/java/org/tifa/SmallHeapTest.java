package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run given too small a heap, in a JVM of its own as a user starts it: Spark would refuse to
 * start with a stack trace (it needs 450 MiB: "System memory ... must be at least 471859200"); Tifa
 * says so in one line, exits 2 and leaves no output behind.
 */
class SmallHeapTest {
  private static final Path REPO = Path.of(System.getProperty("tifa.repo"));

  @TempDir Path out;

  @Test
  void aHeapTooSmallForSparkIsOneLineAndAUsageError() throws Exception {
    Path snapshots = out.resolve("snapshots");
    Path stderr = out.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m",
                "-Dtifa.home=" + REPO,
                "-cp",
                System.getProperty("java.class.path"),
                "org.tifa.Tifa",
                "run",
                "--output",
                snapshots.toString())
            .directory(REPO.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the run did not end within 120 s: " + Files.readString(stderr));
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);

    assertEquals(Tifa.USAGE, p.exitValue(), err);
    List<String> lines = err.lines().filter(l -> l.startsWith("tifa: ")).toList();
    assertEquals(1, lines.size(), err);
    assertTrue(lines.get(0).contains("below the 450 MiB Spark needs to start"), lines.get(0));
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
    assertFalse(err.contains("INVALID_DRIVER_MEMORY"), err);
    // Nothing claimed is left: no snapshot, no lock.
    if (Files.exists(snapshots)) {
      try (Stream<Path> left = Files.list(snapshots)) {
        assertEquals(List.of(), left.toList());
      }
    }
  }
}

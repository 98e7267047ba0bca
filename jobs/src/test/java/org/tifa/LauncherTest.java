package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bin/tifa}'s choice of JIT ({@code short_run_jit} in {@code bin/lib/common.sh}), run in
 * bash on files of known sizes. The limits, from its comment: run 64 MiB of input, a gzip or bzip2
 * file counting four times its size; compare and report 8 MiB of snapshots. The files are sparse:
 * their sizes are what they say, on no disk.
 */
class LauncherTest {
  private static final Path REPO = Path.of(System.getProperty("tifa.repo"));
  private static final String C1 = "-XX:TieredStopAtLevel=1";
  private static final long MIB = 1 << 20;

  @TempDir static Path dir;
  static String small;
  static String big;
  static String nine;

  @BeforeAll
  static void files() throws IOException {
    small = sized("small/a.jsonl", 1000);
    big = sized("big/b.jsonl", 70 * MIB);
    nine = sized("nine/n.parquet", 9 * MIB);
  }

  private static String sized(String name, long bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes);
    }
    return file.getParent().toString();
  }

  private static String jit(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("bash", "-c", ". bin/lib/common.sh; short_run_jit \"$@\"", "test"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void runOfLittleLocalInputUsesC1Only() throws Exception {
    assertEquals(C1, jit("run"), "no --input: the bundled sample");
    assertEquals(C1, jit("run", "--input", small));
    assertEquals(C1, jit("run", "--input=" + small));
    assertEquals(C1, jit("run", "--input", "file://" + small));
    assertEquals(C1, jit("run", "--input", small + "/*.jsonl"), "a glob");
    assertEquals(C1, jit("run", "--input", small, "--output", big), "the output is not read");
    assertEquals(
        C1, jit("run", "--input", sized("gz10/a.jsonl.gz", 10 * MIB)), "10 MiB of gzip: 40 MiB");
  }

  @Test
  void runOfMuchRemoteOrMissingInputKeepsTheDefault() throws Exception {
    assertEquals("", jit("run", "--input", big));
    assertEquals("", jit("run", "--input", small, big), "sizes add up");
    assertEquals(
        "", jit("run", "--input", sized("gz20/a.jsonl.gz", 20 * MIB)), "20 MiB of gzip: 80 MiB");
    assertEquals("", jit("run", "--input", "hdfs://namenode/reports"));
    assertEquals("", jit("run", "--input", dir.resolve("missing").toString()));
  }

  @Test
  void compareAndReportCountTheirSnapshots() throws Exception {
    assertEquals(C1, jit("compare", "--base", small, "--target", small, "--output", big));
    assertEquals("", jit("compare", "--base", small, "--target", nine));
    assertEquals(C1, jit("report", "--snapshot", small, "--output", big + "/r.html"));
    assertEquals(
        "", jit("report", "--snapshot", small, "--compare-with", nine, "--output", "r.html"));
    assertEquals("", jit("compare"), "no paths: nothing to judge by");
  }

  @Test
  void otherCommandsKeepTheDefault() throws Exception {
    assertEquals("", jit("generate", "--docs", "5", "--output", small));
    assertEquals("", jit("--version"));
  }

  /**
   * The options the launcher reads paths from are the commands' own (a renamed one would be
   * missed).
   */
  @Test
  void launcherOptionsExist() {
    CommandLine tifa = new CommandLine(new Tifa());
    for (String[] option :
        new String[][] {
          {"run", "--input"},
          {"compare", "--base"},
          {"compare", "--target"},
          {"report", "--snapshot"},
          {"report", "--compare-with"}
        }) {
      assertNotNull(
          tifa.getSubcommands().get(option[0]).getCommandSpec().findOption(option[1]),
          String.join(" ", option));
    }
  }
}

package org.tifa.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tifa.error.ConfigException;

/** The options of {@code tifa run} as its command line declares them, and their defaults. */
class RunOptionsTest {
  private static String problem(String... args) {
    return assertThrows(ConfigException.class, () -> RunOptions.parse(args)).getMessage();
  }

  @Test
  void aCommandLineIsReadIntoTheOptions() {
    RunOptions o =
        RunOptions.parse(
            "--input",
            "a.jsonl",
            "b/",
            "--output",
            "out",
            "--snapshot",
            "s1",
            "--replace",
            "--max-quarantine-ratio",
            "0.25",
            "-v");
    assertEquals(List.of("a.jsonl", "b/"), o.inputs());
    assertEquals("out", o.output());
    assertEquals("s1", o.snapshotId());
    assertTrue(o.replace());
    assertEquals(0.25, o.maxQuarantineRatio());
    assertTrue(o.verbose());
    assertNull(o.confFile());

    RunOptions plain = RunOptions.parse("--input", "a.jsonl", "--output", "out");
    assertFalse(plain.replace());
    assertNull(plain.maxQuarantineRatio(), "the configuration's ratio applies");
    assertNull(plain.snapshotId(), "the start time names the snapshot");
  }

  @Test
  void withoutInputTheInstallationsSampleIsReadIntoTifaOut() {
    RunOptions o = Arguments.parse(new RunOptions(), "--input", "x").withDefaults("/opt/tifa");
    assertEquals(List.of("x"), o.inputs(), "given inputs are kept");
    assertThrows(ConfigException.class, o::validate, "no --output given with an input");

    RunOptions sample = Arguments.parse(new RunOptions()).withDefaults("/opt/tifa").validate();
    assertEquals(List.of("/opt/tifa/data/sample/input"), sample.inputs());
    assertEquals("tifa-out", sample.output());

    assertEquals(
        "no input: give --input PATH (or run from a Tifa checkout to use the bundled sample)",
        assertThrows(
                ConfigException.class,
                () -> Arguments.parse(new RunOptions()).withDefaults(null).validate())
            .getMessage());
  }

  @Test
  void eachBadValueIsNamedInOneLine() {
    assertEquals(
        "--max-quarantine-ratio must be a number from 0 to 1, got 1.5",
        problem("--input", "a", "--output", "o", "--max-quarantine-ratio", "1.5"));
    assertEquals(
        "--snapshot 'latest' is reserved: LATEST names the pointer file of a snapshot root",
        problem("--input", "a", "--output", "o", "--snapshot", "latest"));
    assertEquals("--output must name a directory", problem("--input", "a", "--output", " "));
    assertEquals("Unknown options: '--inputs', 'a'", problem("--inputs", "a", "--output", "o"));
  }
}

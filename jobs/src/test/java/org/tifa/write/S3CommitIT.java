package org.tifa.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tifa.compare.SnapshotRef;
import org.tifa.error.NoInputException;
import org.tifa.testing.S3Server;
import org.tifa.write.SnapshotWriter.BusyException;
import org.tifa.write.SnapshotWriter.Kind;
import org.tifa.write.SnapshotWriter.Settings;
import org.tifa.write.SnapshotWriter.Step;

/**
 * The commit protocol on S3 (s3proxy on loopback, through S3A), where a rename is a copy and the
 * protocol must not rely on one: runs killed with SIGKILL before their commit and at each step of a
 * replacement, whose replacement is copied object by object there. What readers find is checked
 * through {@link SnapshotRef}, and what is stored through the server's own client.
 */
class S3CommitIT {
  @RegisterExtension static final S3Server S3 = new S3Server();

  private static Configuration conf() {
    return S3.hadoopConf();
  }

  private static SnapshotWriter open(String root, String id, boolean replace) throws Exception {
    return SnapshotWriter.open(
        S3.uri(root),
        id,
        null,
        Settings.of(Kind.SNAPSHOT, replace, Settings.DEFAULT_LEFTOVER_AGE),
        conf(),
        Instant.now());
  }

  private static void commit(String root, String id, boolean replace, String content)
      throws Exception {
    SnapshotWriter w = open(root, id, replace);
    HeldWriter.writeFake(w, content);
    w.commit();
  }

  /** The content of the committed snapshot {@code given} (an S3 path) resolves to. */
  private static String read(String given) throws Exception {
    SnapshotRef ref = SnapshotRef.resolve("--snapshot", given, conf());
    String key = new Path(ref.dir(), "documents/part-00000.txt").toUri().getPath().substring(1);
    return new String(S3.read(key), StandardCharsets.UTF_8);
  }

  /** A writer in its own process, held at {@code step} and killed there. */
  private static void killAt(String root, String id, boolean replace, Step step, String content)
      throws Exception {
    List<String> hadoop = new ArrayList<>();
    for (Map.Entry<String, String> e : S3.hadoopSettings().entrySet()) {
      hadoop.add(e.getKey() + "=" + e.getValue());
    }
    try (HeldWriter.Process p =
        new HeldWriter.Process(S3.uri(root), id, replace, step.name(), content, hadoop)) {
      assertEquals("HELD " + step, p.awaitLine());
      p.kill();
    }
  }

  /** Keys under {@code prefix} that are objects, not S3A's directory markers. */
  private static List<String> objects(String prefix) {
    return S3.keys(prefix).stream().filter(k -> !k.endsWith("/")).toList();
  }

  @Test
  void aRunKilledBeforeItsCommitIsNeverReadAndTheNextRunRemovesIt() throws Exception {
    commit("killed", "a", false, "A");
    killAt("killed", "q1", false, Step.CLAIMED, "Q");
    assertTrue(S3.keys("killed/q1/").contains("killed/q1/" + SnapshotLayout.RUN_MARKER));
    assertFalse(S3.keys("killed/q1/").contains("killed/q1/_SUCCESS"));
    NoInputException e = assertThrows(NoInputException.class, () -> read(S3.uri("killed/q1")));
    assertTrue(e.getMessage().contains("not a committed snapshot"), e.getMessage());
    assertEquals("A", read(S3.uri("killed")), "LATEST still names a");

    // The killed process is gone: the next run under the root removes what it left.
    SnapshotWriter next = open("killed", "b", false);
    assertTrue(
        next.leftovers().stream()
            .anyMatch(l -> l.contains("q1 (unfinished snapshot of a run that is gone: removed)")),
        next.leftovers().toString());
    HeldWriter.writeFake(next, "B");
    next.commit();
    assertEquals(List.of(), objects("killed/q1/"));
    assertEquals(List.of(), objects("killed/_tifa/"), "no lock left");
    assertEquals("b\n", new String(S3.read("killed/LATEST"), StandardCharsets.UTF_8));
    assertEquals(
        List.of(),
        S3.keys("killed/").stream().filter(k -> k.contains("_LATEST-")).toList(),
        "LATEST is one PUT, no temporary");
  }

  /** A replacement killed at each step: one committed copy is always found, then finished. */
  @ParameterizedTest
  @EnumSource(
      value = Step.class,
      names = {"COMMITTED", "OLD_DELETED", "PROMOTED"})
  void aReplacementKilledAtAnyStepOnS3LeavesOneCommittedSnapshot(Step step) throws Exception {
    String root = "replace-" + step.name().toLowerCase();
    commit(root, "q1", false, "old");
    killAt(root, "q1", true, step, "new");

    String visible = step == Step.COMMITTED ? "old" : "new";
    assertEquals(visible, read(S3.uri(root + "/q1")));
    assertEquals(visible, read(S3.uri(root)), "through LATEST");

    commit(root, "other", false, "other");
    assertEquals(
        "new",
        read(S3.uri(root + "/q1")),
        "the committed replacement was finished by the next run");
    assertTrue(S3.keys(root + "/q1/").contains(root + "/q1/_SUCCESS"), "and is in place");
    assertEquals(List.of(), objects(root + "/_tifa/"));
  }

  @Test
  void aReplacementOnS3IsCopiedWholeBeforeItIsCommittedInPlace() throws Exception {
    commit("copy", "q1", false, "old");
    List<String> seen = new ArrayList<>();
    Settings watch =
        Settings.of(Kind.SNAPSHOT, true, Settings.DEFAULT_LEFTOVER_AGE)
            .withHook(
                step -> {
                  if (step == Step.OLD_DELETED || step == Step.PROMOTED) {
                    seen.add(step + " " + objects("copy/q1/"));
                  }
                });
    SnapshotWriter w =
        SnapshotWriter.open(S3.uri("copy"), "q1", null, watch, conf(), Instant.now());
    HeldWriter.writeFake(w, "new");
    w.commit();
    assertEquals(
        List.of(
            "OLD_DELETED []",
            "PROMOTED [copy/q1/_SUCCESS, copy/q1/_tifa-run.json, copy/q1/documents/part-00000.txt, copy/q1/manifest.json]"),
        seen);
    assertEquals("new", read(S3.uri("copy")));
  }

  @Test
  void twoRunsOfOneIdOnS3DoNotBothHoldIt() throws Exception {
    SnapshotWriter first = open("busy", "q1", false);
    assertThrows(BusyException.class, () -> open("busy", "q1", true));
    HeldWriter.writeFake(first, "first");
    first.commit();
    assertEquals("first", read(S3.uri("busy/q1")));
    assertEquals(List.of(), objects("busy/_tifa/"));
  }
}

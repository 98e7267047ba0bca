package org.tifa.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tifa.compare.SnapshotRef;
import org.tifa.write.SnapshotWriter.BusyException;
import org.tifa.write.SnapshotWriter.Kind;
import org.tifa.write.SnapshotWriter.RefusedException;
import org.tifa.write.SnapshotWriter.Settings;
import org.tifa.write.SnapshotWriter.Step;

/**
 * The commit protocol on the local filesystem, without Spark: each fault of the safety issue that
 * concerns snapshots is reproduced by its name. Crashes are real: {@link HeldWriter} runs in a
 * process of its own, stops at a chosen step and is killed with SIGKILL there.
 */
class CommitProtocolTest {
  private static final Configuration CONF = new Configuration();
  private static final Instant NOW = Instant.parse("2024-03-19T07:49:03Z");

  @TempDir Path tmp;

  private static Settings settings(boolean replace) {
    return Settings.of(Kind.SNAPSHOT, replace, Settings.DEFAULT_LEFTOVER_AGE);
  }

  private static SnapshotWriter open(Path root, String id, boolean replace) throws Exception {
    return SnapshotWriter.open(root.toString(), id, null, settings(replace), CONF, NOW);
  }

  /** Writes and commits a fake snapshot whose one table file holds {@code content}. */
  private static SnapshotWriter commit(Path root, String id, boolean replace, String content)
      throws Exception {
    SnapshotWriter w = open(root, id, replace);
    HeldWriter.writeFake(w, content);
    w.commit();
    return w;
  }

  /** The content of the committed snapshot {@code given} resolves to, as a reader finds it. */
  private static String read(String given) throws Exception {
    SnapshotRef ref = SnapshotRef.resolve("--snapshot", given, CONF);
    return Files.readString(
        Path.of(new org.apache.hadoop.fs.Path(ref.dir()).toUri().getPath())
            .resolve("documents/part-00000.txt"));
  }

  /** Every file and directory under {@code dir}, relative to it. */
  private static TreeSet<String> tree(Path dir) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    try (Stream<Path> all = Files.walk(dir)) {
      all.filter(p -> !p.equals(dir)).forEach(p -> out.add(dir.relativize(p).toString()));
    }
    return out;
  }

  @Test
  void fault02_aDirectoryTifaDidNotWriteIsNeitherDeletedNorWrittenInto() throws Exception {
    Path home = tmp.resolve("home");
    Path thesis = home.resolve("Documents/thesis/ch1.tex");
    Files.createDirectories(thesis.getParent());
    Files.writeString(thesis, "\\chapter{One}");
    TreeSet<String> before = tree(home);

    RefusedException e = assertThrows(RefusedException.class, () -> open(home, "Documents", false));
    assertTrue(e.getMessage().contains("is not a Tifa snapshot"), e.getMessage());
    assertThrows(
        RefusedException.class,
        () -> open(home, "Documents", true),
        "--replace does not make it Tifa's");
    assertEquals("\\chapter{One}", Files.readString(thesis));
    assertEquals(before, tree(home), "nothing added, nothing removed: not even a lock");
  }

  @Test
  void fault02_aDefaultIdThatNamesAForeignDirectoryMovesOn() throws Exception {
    Path root = tmp.resolve("out");
    Files.createDirectories(root.resolve("20240319T074903Z"));
    Files.writeString(root.resolve("20240319T074903Z/notes.txt"), "mine");
    SnapshotWriter w =
        SnapshotWriter.open(root.toString(), null, "20240319T074903Z", settings(false), CONF, NOW);
    assertEquals("20240319T074903Z-2", w.id());
    w.abandon();
    assertEquals(
        List.of("notes.txt"),
        Files.list(root.resolve("20240319T074903Z")).map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void fault03_LATESTIsNotASnapshotIdInAnyCase() throws Exception {
    Path root = tmp.resolve("out");
    commit(root, "a", false, "A");
    for (String id : List.of("LATEST", "latest", "Latest")) {
      assertThrows(RefusedException.class, () -> open(root, id, false), id);
    }
    assertTrue(Files.isRegularFile(root.resolve("LATEST")));
    assertEquals("a\n", Files.readString(root.resolve("LATEST")));
    assertEquals("A", read(root.toString()));
  }

  @Test
  void fault09_runsStartedInTheSameSecondGetTwoIdsAndBothSnapshotsSurvive() throws Exception {
    Path root = tmp.resolve("out");
    SnapshotWriter first =
        SnapshotWriter.open(root.toString(), null, "20240319T074903Z", settings(false), CONF, NOW);
    SnapshotWriter second =
        SnapshotWriter.open(root.toString(), null, "20240319T074903Z", settings(false), CONF, NOW);
    assertEquals("20240319T074903Z", first.id());
    assertEquals("20240319T074903Z-2", second.id());
    HeldWriter.writeFake(second, "second");
    second.commit();
    HeldWriter.writeFake(first, "first");
    first.commit();
    assertEquals("first", read(root.resolve("20240319T074903Z").toString()));
    assertEquals("second", read(root.resolve("20240319T074903Z-2").toString()));
    SnapshotWriter third =
        SnapshotWriter.open(root.toString(), null, "20240319T074903Z", settings(false), CONF, NOW);
    assertEquals("20240319T074903Z-3", third.id(), "a committed default id is not replaced either");
    third.abandon();
  }

  @Test
  void fault10_aSecondRunOfTheSameIdIsRefusedWhileTheFirstHoldsIt() throws Exception {
    Path root = tmp.resolve("out");
    SnapshotWriter first = open(root, "q1", false);
    BusyException busy = assertThrows(BusyException.class, () -> open(root, "q1", true));
    assertTrue(
        busy.getMessage().contains("is being written by run " + "")
            && busy.getMessage().contains("pid " + ProcessHandle.current().pid()),
        busy.getMessage());
    HeldWriter.writeFake(first, "first");
    first.commit();
    assertEquals("first", read(root.resolve("q1").toString()));
    assertFalse(Files.exists(root.resolve("q1/q1")), "nothing moved inside the first snapshot");
    assertEquals(List.of(), locks(root, "q1"));
  }

  @Test
  void fault10_aRunThatChecksBeforeTheFirstCommitsCannotWriteIntoIt() throws Exception {
    // The first run has written its lock token but not yet looked for others' when the second
    // run takes all its steps: the second sees the first's token and gives up.
    Path root = tmp.resolve("out");
    List<Exception> second = new ArrayList<>();
    Settings holdFirst =
        settings(false)
            .withHook(
                step -> {
                  if (step == Step.LOCK_WRITTEN && second.isEmpty()) {
                    second.add(assertThrows(BusyException.class, () -> open(root, "q1", true)));
                  }
                });
    SnapshotWriter first = SnapshotWriter.open(root.toString(), "q1", null, holdFirst, CONF, NOW);
    assertEquals(1, second.size());
    HeldWriter.writeFake(first, "first");
    first.commit();
    assertEquals("first", read(root.resolve("q1").toString()));
    assertEquals(
        List.of("_SUCCESS", "_tifa-run.json", "documents", "manifest.json"),
        names(root.resolve("q1")));
  }

  @Test
  void fault10_twoRunsThatWriteTheirTokensTogetherNeverBothHoldTheId() throws Exception {
    // Both tokens are written before either run lists the folder: each sees the other's token and
    // gives up, unless one has already given up (and removed its token) when the other looks.
    Path root = tmp.resolve("out");
    CountDownLatch bothWritten = new CountDownLatch(2);
    Settings together =
        settings(false)
            .withHook(
                step -> {
                  if (step == Step.LOCK_WRITTEN) {
                    bothWritten.countDown();
                    try {
                      assertTrue(bothWritten.await(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                      throw new IOException(e);
                    }
                  }
                });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<SnapshotWriter> holders = new ArrayList<>();
    try {
      List<Future<SnapshotWriter>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            pool.submit(
                () -> SnapshotWriter.open(root.toString(), "q1", null, together, CONF, NOW)));
      }
      for (Future<SnapshotWriter> run : runs) {
        try {
          holders.add(run.get());
        } catch (java.util.concurrent.ExecutionException e) {
          assertTrue(e.getCause() instanceof BusyException, String.valueOf(e.getCause()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(holders.size() <= 1, "at most one run holds q1");
    holders.forEach(SnapshotWriter::abandon);
    assertFalse(Files.exists(root.resolve("q1")));
    assertEquals(List.of(), locks(root, "q1"));
    assertNotNull(commit(root, "q1", false, "later"), "the id is free again");
  }

  @Test
  void fault10_replacingWithTheSameIdGivesTheNewSnapshotOnlyNothingNested() throws Exception {
    Path root = tmp.resolve("out");
    commit(root, "q1", false, "old");
    RefusedException e = assertThrows(RefusedException.class, () -> open(root, "q1", false));
    assertTrue(e.getMessage().contains("--replace"), e.getMessage());
    commit(root, "q1", true, "new");
    assertEquals("new", read(root.resolve("q1").toString()));
    assertEquals(
        List.of("_SUCCESS", "_tifa-run.json", "documents", "manifest.json"),
        names(root.resolve("q1")));
    assertEquals(List.of(), files(root.resolve("_tifa")), "no lock or replacement left");
  }

  /** Steps of a replacement at which a kill leaves the old or the new snapshot, never none. */
  @ParameterizedTest
  @EnumSource(
      value = Step.class,
      names = {
        "CLAIMED",
        "COMMITTED",
        "OLD_UNCOMMITTED",
        "OLD_DELETED",
        "PROMOTED",
        "LATEST_WRITTEN"
      })
  void fault11_aReplacementKilledAtAnyStepLeavesOneCommittedSnapshotAndLatest(Step step)
      throws Exception {
    Path root = tmp.resolve("out");
    commit(root, "other", false, "other");
    commit(root, "q1", false, "old");
    TreeSet<String> otherBefore = tree(root.resolve("other"));
    byte[] otherFile = Files.readAllBytes(root.resolve("other/documents/part-00000.txt"));

    try (HeldWriter.Process p =
        new HeldWriter.Process(root.toString(), "q1", true, step.name(), "new", List.of())) {
      assertEquals("HELD " + step, p.awaitLine());
      p.kill();
    }
    // Readers see the old snapshot until it loses its _SUCCESS, then the committed replacement.
    String visible = step == Step.CLAIMED || step == Step.COMMITTED ? "old" : "new";
    assertEquals(
        visible, read(root.resolve("q1").toString()), "the snapshot's directory, as given");
    assertEquals(visible, read(root.toString()), "LATEST names q1 and is readable");
    assertEquals("q1\n", Files.readString(root.resolve("LATEST")));
    // Once committed, the replacement is what the killed run asked for: it is finished, not undone.
    String expected = step == Step.CLAIMED ? "old" : "new";

    // The next run under the root finishes or removes what the killed one left.
    SnapshotWriter next = open(root, "next", false);
    assertFalse(next.leftovers().isEmpty(), "what was found is reported");
    next.abandon();
    assertEquals(expected, read(root.resolve("q1").toString()));
    assertTrue(Files.exists(root.resolve("q1/_SUCCESS")), "in place");
    assertEquals(List.of(), files(root.resolve("_tifa")), "no lock or replacement left");
    assertEquals(otherBefore, tree(root.resolve("other")));
    assertEquals(
        new String(otherFile, StandardCharsets.UTF_8),
        Files.readString(root.resolve("other/documents/part-00000.txt")));
  }

  @Test
  void fault11_aKilledReplacementIsFinishedByTheNextRunOfTheSameId() throws Exception {
    Path root = tmp.resolve("out");
    commit(root, "q1", false, "old");
    try (HeldWriter.Process p =
        new HeldWriter.Process(root.toString(), "q1", true, "OLD_DELETED", "new", List.of())) {
      p.awaitLine();
      p.kill();
    }
    assertFalse(
        Files.exists(root.resolve("q1")), "killed between deleting the old and moving the new");
    assertEquals(
        "new",
        read(root.resolve("q1").toString()),
        "readers take the committed replacement meanwhile");
    commit(root, "q1", true, "newer");
    assertEquals("newer", read(root.toString()));
  }

  @Test
  void fault12_LATESTIsNeverMissingNorEmptyWhileItIsReplaced() throws Exception {
    Path root = tmp.resolve("out");
    Files.createDirectories(root);
    FileOps ops =
        new FileOps(new org.apache.hadoop.fs.Path(root.toUri()).getFileSystem(CONF), CONF);
    org.apache.hadoop.fs.Path latest =
        new org.apache.hadoop.fs.Path(root.toUri().toString(), "LATEST");
    ops.replaceText(latest, "a\n");
    AtomicBoolean done = new AtomicBoolean();
    List<String> seen = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                try {
                  seen.add(Files.readString(root.resolve("LATEST")));
                } catch (IOException e) {
                  seen.add("missing");
                }
              }
            });
    reader.start();
    for (int i = 0; i < 2000; i++) {
      ops.replaceText(latest, (i % 2 == 0 ? "b" : "a") + "\n");
    }
    done.set(true);
    reader.join();
    assertTrue(seen.size() > 0);
    assertEquals(
        List.of(),
        seen.stream().filter(s -> !s.equals("a\n") && !s.equals("b\n")).distinct().toList());
    assertEquals(List.of("LATEST"), names(root), "no temporary file left");
  }

  @Test
  void fault12_aRunKilledAtAnyMomentOfItsCommitLeavesLatestNamingACommittedSnapshot()
      throws Exception {
    Path root = tmp.resolve("out");
    commit(root, "a", false, "A");
    for (Step step : List.of(Step.CLAIMED, Step.COMMITTED, Step.LATEST_WRITTEN)) {
      String id = "b-" + step.name().toLowerCase();
      try (HeldWriter.Process p =
          new HeldWriter.Process(root.toString(), id, false, step.name(), "B", List.of())) {
        p.awaitLine();
        p.kill();
      }
      String latest = Files.readString(root.resolve("LATEST")).strip();
      assertEquals(step == Step.LATEST_WRITTEN ? id : "a", latest);
      assertTrue(Files.exists(root.resolve(latest).resolve("_SUCCESS")));
    }
  }

  @Test
  void fault13_aComparisonIsNeverWrittenIntoASnapshotRootEvenThroughALink() throws Exception {
    Path root = tmp.resolve("snapshots");
    commit(root, "a", false, "A");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), root);
    for (Path out : List.of(root, link)) {
      RefusedException e =
          assertThrows(
              RefusedException.class,
              () ->
                  SnapshotWriter.open(
                      out.toString(),
                      "a..a",
                      null,
                      Settings.of(Kind.COMPARISON, false, Duration.ofHours(1)),
                      CONF,
                      NOW));
      assertTrue(e.getMessage().contains("holds snapshots"), e.getMessage());
    }
    assertEquals("a\n", Files.readString(root.resolve("LATEST")));
    assertEquals(List.of("LATEST", "a"), names(root), "the writers' state goes when empty");
  }

  @Test
  void fault15_anOutputThatIsAFileIsRefused() throws Exception {
    Path file = tmp.resolve("notes.txt");
    Files.writeString(file, "keep");
    RefusedException e = assertThrows(RefusedException.class, () -> open(file, "a", false));
    assertEquals("--output " + file + " is a file, not a directory", e.getMessage());
    assertEquals("keep", Files.readString(file));
  }

  @Test
  void anOutputThatIsASnapshotItselfIsRefused() throws Exception {
    Path root = tmp.resolve("out");
    commit(root, "a", false, "A");
    assertThrows(RefusedException.class, () -> open(root.resolve("a"), "b", false));
    assertEquals(
        List.of("_SUCCESS", "_tifa-run.json", "documents", "manifest.json"),
        names(root.resolve("a")));
  }

  @Test
  void fault16_whatAKilledRunLeftIsRemovedOnceItsProcessIsGoneAndReported() throws Exception {
    Path root = tmp.resolve("out");
    commit(root, "a", false, "A");
    try (HeldWriter.Process p =
        new HeldWriter.Process(root.toString(), "killed", false, "CLAIMED", "K", List.of())) {
      p.awaitLine();
      SnapshotRef.resolve("--snapshot", root.toString(), CONF);
      Exception e = assertThrows(Exception.class, () -> read(root.resolve("killed").toString()));
      assertTrue(e.getMessage().contains("not a committed snapshot"), e.getMessage());
      assertTrue(p.alive());
      SnapshotWriter whileAlive = open(root, "b", false);
      assertTrue(
          whileAlive.leftovers().stream()
              .anyMatch(l -> l.contains("killed (kept: being written by run")),
          whileAlive.leftovers().toString());
      whileAlive.abandon();
      assertTrue(Files.exists(root.resolve("killed")), "a live run's directory is kept");
      p.kill();
    }
    SnapshotWriter after = open(root, "b", false);
    assertTrue(
        after.leftovers().stream()
            .anyMatch(
                l -> l.contains("killed (unfinished snapshot of a run that is gone: removed)")),
        after.leftovers().toString());
    after.abandon();
    assertEquals(List.of("LATEST", "a"), names(root), "the writers' state goes when empty");
    assertEquals(List.of(), files(root.resolve("_tifa")));
  }

  @Test
  void fault16_locksOfRunsElsewhereGoStaleByAgeOnly() throws Exception {
    Path root = tmp.resolve("out");
    Path folder = root.resolve("_tifa/locks/far");
    Files.createDirectories(folder);
    RunInfo elsewhere =
        new RunInfo("11111111-1111-1111-1111-111111111111", "another-host", 1, "", NOW);
    Path token = folder.resolve(elsewhere.runId() + ".json");
    Files.writeString(token, elsewhere.toJson());
    Files.createDirectories(root.resolve("far"));
    Files.writeString(root.resolve("far").resolve(SnapshotLayout.RUN_MARKER), elsewhere.toJson());

    assertThrows(
        BusyException.class, () -> open(root, "far", false), "a fresh lock of another host holds");
    Files.setLastModifiedTime(token, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
    SnapshotWriter w = open(root, "other", false);
    assertTrue(
        w.leftovers().stream().anyMatch(l -> l.contains("lock of run " + elsewhere.runId())),
        w.leftovers().toString());
    w.abandon();
    assertFalse(Files.exists(root.resolve("far")), "its unfinished directory went with it");
  }

  @Test
  void fault16_earlierVersionsTmpDirectoriesAreRemovedPastTheAgeAndReportedUntilThen()
      throws Exception {
    Path root = tmp.resolve("out");
    commit(root, "a", false, "A");
    Path old = root.resolve("_tmp-x-" + "22222222-2222-2222-2222-222222222222");
    Path young = root.resolve("_tmp-y-" + "33333333-3333-3333-3333-333333333333");
    for (Path p : List.of(old, young)) {
      Files.createDirectories(p.resolve("documents"));
      Files.writeString(p.resolve("documents/part-0"), "partial");
    }
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(30))));
    // A committed one whose snapshot is missing (killed between the old writer's two renames).
    Path only = root.resolve("_tmp-z-" + "44444444-4444-4444-4444-444444444444");
    Files.createDirectories(only.resolve("documents"));
    Files.writeString(only.resolve("documents/part-00000.txt"), "Z");
    Files.writeString(only.resolve("manifest.json"), HeldWriter.manifest("z"));
    Files.writeString(only.resolve("_SUCCESS"), "");

    SnapshotWriter w = open(root, "b", false);
    w.abandon();
    List<String> report = w.leftovers();
    assertTrue(
        report.stream()
            .anyMatch(l -> l.contains(old.getFileName() + " (left by an earlier run: removed)")),
        report.toString());
    assertTrue(
        report.stream()
            .anyMatch(
                l ->
                    l.contains(
                        young.getFileName()
                            + " (left by an earlier run: kept until it is 24 hours old)")),
        report.toString());
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(young));
    assertEquals("Z", read(root.resolve("z").toString()));
  }

  @Test
  void anUnfinishedSnapshotOfAKilledRunIsTakenOverByTheNextRunOfItsId() throws Exception {
    Path root = tmp.resolve("out");
    try (HeldWriter.Process p =
        new HeldWriter.Process(root.toString(), "q1", false, "COMMITTED", "first", List.of())) {
      p.awaitLine();
      p.kill();
    }
    assertEquals("first", read(root.resolve("q1").toString()), "committed before LATEST");
    assertFalse(
        Files.exists(root.resolve("LATEST")), "the kill came before LATEST was first written");
    try (HeldWriter.Process p =
        new HeldWriter.Process(root.toString(), "q2", false, "CLAIMED", "second", List.of())) {
      p.awaitLine();
      p.kill();
    }
    SnapshotWriter w = commit(root, "q2", false, "again");
    assertTrue(
        w.leftovers().stream()
            .anyMatch(l -> l.contains("q2 (unfinished snapshot of a run that is gone: removed)")),
        w.leftovers().toString());
    assertEquals("again", read(root.toString()));
  }

  @Test
  void aCommittedSnapshotNeedsNoRename() throws Exception {
    Path root = tmp.resolve("out");
    SnapshotWriter w = open(root, "a", false);
    assertEquals(root.resolve("a").toString(), w.workDir().toUri().getPath(), "written in place");
    HeldWriter.writeFake(w, "A");
    assertNull(
        SnapshotLayout.committedDir(new org.apache.hadoop.fs.Path(root.toUri()), "a", CONF),
        "uncommitted until _SUCCESS");
    w.commit();
    assertNotNull(
        SnapshotLayout.committedDir(new org.apache.hadoop.fs.Path(root.toUri()), "a", CONF));
  }

  /** The files (not directories) under {@code dir}. */
  private static List<String> files(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  private static List<String> locks(Path root, String id) throws IOException {
    Path folder = root.resolve("_tifa/locks").resolve(id);
    return Files.exists(folder) ? names(folder) : List.of();
  }

  private static List<String> names(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".crc"))
          .sorted()
          .toList();
    }
  }
}

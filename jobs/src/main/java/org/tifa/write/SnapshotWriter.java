package org.tifa.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes one snapshot (or comparison) under a root so that readers see it whole or not at all, on
 * local disks, HDFS and object stores alike; docs/commit-protocol.md gives every step and what a
 * crash at each leaves. In short:
 *
 * <ol>
 *   <li>{@link #open} takes the id's {@link RunLock}, finishes or clears what killed runs left, and
 *       claims a directory: a new id is written in place, {@code ROOT/<id>}, marked as Tifa's
 *       before anything else; a committed id is replaced only when asked, and then written to
 *       {@code ROOT/_tifa/replacing/<id>/<run>}. Anything else at {@code ROOT/<id>} is refused and
 *       never touched.
 *   <li>Tables and the manifest are written into that directory.
 *   <li>{@link #commit} writes {@code _SUCCESS} last: from then on the snapshot is committed. A
 *       replacement is then moved into place (old {@code _SUCCESS} removed first, so that at every
 *       moment a reader finds one committed copy), {@code LATEST} is replaced atomically, and the
 *       lock is given up.
 * </ol>
 *
 * Nothing depends on a rename being atomic except where the filesystem makes it so. The only class
 * that writes output: {@code tifa run} writes snapshots with it, {@code tifa compare} comparisons.
 */
public final class SnapshotWriter {
  public static final String LATEST = SnapshotLayout.LATEST;
  public static final String MANIFEST = SnapshotLayout.MANIFEST;
  public static final String SUCCESS = SnapshotLayout.SUCCESS;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Ids tried for a default id before giving up: the id, then id-2, id-3, … */
  private static final int DEFAULT_ID_TRIES = 100;

  /** What a root holds; a root never mixes the two. */
  public enum Kind {
    SNAPSHOT("snapshot_id", "snapshot", "--snapshot"),
    COMPARISON("compare_id", "comparison", "--id");

    final String idKey;
    final String noun;
    final String option;

    Kind(String idKey, String noun, String option) {
      this.idKey = idKey;
      this.noun = noun;
      this.option = option;
    }
  }

  /** The protocol's steps, at which {@link Hook}s are called (tests hold or kill a run there). */
  public enum Step {
    /** This run's lock token is written, not yet checked against other runs'. */
    LOCK_WRITTEN,
    /** The id is held and its directory claimed; nothing else is written yet. */
    CLAIMED,
    /** {@code _SUCCESS} is written: the snapshot, or the replacement, is committed. */
    COMMITTED,
    /** Replacing: the old snapshot's {@code _SUCCESS} is removed; readers use the replacement. */
    OLD_UNCOMMITTED,
    /** Replacing: the old snapshot is deleted. */
    OLD_DELETED,
    /** Replacing: the replacement is in place and committed there. */
    PROMOTED,
    /** {@code LATEST} names the snapshot; only the lock is left to give up. */
    LATEST_WRITTEN
  }

  /** Called at each {@link Step}. */
  @FunctionalInterface
  public interface Hook {
    Hook NONE = step -> {};

    void at(Step step) throws IOException;
  }

  /**
   * @param kind what the root holds
   * @param replace whether a committed snapshot of the same id may be replaced
   * @param leftoverAge a lock not refreshed for this long is stale, and what its run left is
   *     removed
   * @param hook called at each step
   */
  public record Settings(Kind kind, boolean replace, Duration leftoverAge, Hook hook) {
    public static final Duration DEFAULT_LEFTOVER_AGE = Duration.ofHours(24);

    public static Settings of(Kind kind, boolean replace, Duration leftoverAge) {
      return new Settings(kind, replace, leftoverAge, Hook.NONE);
    }

    public Settings withHook(Hook h) {
      return new Settings(kind, replace, leftoverAge, h);
    }
  }

  /** The output cannot be written as asked (a usage error: another id, root or --replace). */
  public static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  /** Another live run holds the id. */
  public static final class BusyException extends Exception {
    private static final long serialVersionUID = 1L;

    BusyException(String message) {
      super(message);
    }
  }

  private final FileOps ops;
  private final Path root;
  private final String id;
  private final Settings settings;
  private final RunLock lock;
  private final Path work;
  private final boolean replacing;
  private final List<String> leftovers;

  private SnapshotWriter(
      FileOps ops,
      Path root,
      String id,
      Settings settings,
      RunLock lock,
      Path work,
      boolean replacing,
      List<String> leftovers) {
    this.ops = ops;
    this.root = root;
    this.id = id;
    this.settings = settings;
    this.lock = lock;
    this.work = work;
    this.replacing = replacing;
    this.leftovers = leftovers;
  }

  /**
   * Claims {@code requestedId} under {@code outputDir}, or, when it is null, the first free one of
   * {@code defaultId}, {@code defaultId-2}, {@code defaultId-3}, … Runs before Spark starts.
   */
  public static SnapshotWriter open(
      String outputDir,
      String requestedId,
      String defaultId,
      Settings settings,
      Configuration conf,
      Instant startedAt)
      throws RefusedException, BusyException, IOException {
    Path given = new Path(outputDir);
    FileOps ops = new FileOps(given.getFileSystem(conf), conf);
    Path root = ops.fs().makeQualified(given);
    checkRoot(ops, root, outputDir, settings.kind());
    if (!ops.fs().mkdirs(root)) {
      throw new IOException("cannot create " + root);
    }
    RunInfo me = RunInfo.current(startedAt);
    List<String> leftovers = new ArrayList<>();
    tidy(ops, root, me, settings, leftovers);
    if (requestedId != null) {
      return claim(ops, root, requestedId, true, me, settings, leftovers);
    }
    for (int i = 1; i <= DEFAULT_ID_TRIES; i++) {
      SnapshotWriter w =
          claim(
              ops, root, i == 1 ? defaultId : defaultId + "-" + i, false, me, settings, leftovers);
      if (w != null) {
        return w;
      }
    }
    throw new BusyException(
        "no free "
            + settings.kind().noun
            + " id from "
            + defaultId
            + " to "
            + defaultId
            + "-"
            + DEFAULT_ID_TRIES
            + " in "
            + outputDir
            + ": give one with "
            + settings.kind().option);
  }

  public String id() {
    return id;
  }

  /** Where the tables go until the commit: the snapshot's own directory, or its replacement's. */
  public Path workDir() {
    return work;
  }

  /** Where the snapshot is once committed. */
  public Path snapshotDir() {
    return new Path(root, id);
  }

  /** What killed or abandoned runs had left under the root: what was removed, finished or kept. */
  public List<String> leftovers() {
    return List.copyOf(leftovers);
  }

  /**
   * Writes a table as Parquet after checking its columns against the documented schema, in {@code
   * files} files (per partition directory), or as the table is partitioned when {@code files} is 0
   * (for a table its stage already spread evenly).
   */
  public Path writeTable(
      String name, Dataset<Row> table, StructType schema, int files, String... partitionBy) {
    checkSchema(name, table.schema(), schema);
    Path dir = new Path(work, name);
    // repartition, not coalesce: a coalesce to few files would also run everything upstream of
    // the last shuffle in that few tasks.
    Column[] keys = new Column[partitionBy.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = org.apache.spark.sql.functions.col(partitionBy[i]);
    }
    Dataset<Row> sized =
        files <= 0
            ? table
            : keys.length == 0 ? table.repartition(files) : table.repartition(files, keys);
    // A task writing several partition directories keeps that many files open instead of sorting
    // its rows by directory first; each file's buffer is bounded by the task's share of the table,
    // which the stage that made it keeps small.
    org.apache.spark.sql.RuntimeConfig conf = table.sparkSession().conf();
    String concurrent = "spark.sql.maxConcurrentOutputFileWriters";
    String before = conf.get(concurrent, "0");
    if (partitionBy.length > 0) {
      conf.set(concurrent, String.valueOf(MAX_OPEN_FILES_PER_TASK));
    }
    try {
      sized
          .write()
          .mode(SaveMode.ErrorIfExists)
          .partitionBy(partitionBy)
          .option("compression", "zstd")
          .parquet(dir.toString());
    } finally {
      conf.set(concurrent, before);
    }
    return dir;
  }

  /** Open files per task when writing a partitioned table; more partitions fall back to sorting. */
  static final int MAX_OPEN_FILES_PER_TASK = 8;

  /** Writes a small text file (a name may hold '/') into the working directory. */
  public void writeText(String name, String text) throws IOException {
    ops.writeText(new Path(work, name), text, true);
  }

  /** Commits the snapshot, moves a replacement into place, then names it in LATEST. */
  public Path commit() throws IOException {
    ops.writeText(new Path(work, SUCCESS), "", false);
    settings.hook().at(Step.COMMITTED);
    if (replacing) {
      promote(ops, work, snapshotDir(), settings.hook());
      ops.deleteEmptyDirs(SnapshotLayout.replacements(root, id), root);
    }
    ops.replaceText(new Path(root, LATEST), id + "\n");
    settings.hook().at(Step.LATEST_WRITTEN);
    lock.close();
    return snapshotDir();
  }

  /** A job that writes through this writer and ends with {@link #commit}. */
  @FunctionalInterface
  public interface Job<T> {
    T run() throws IOException;
  }

  /** Runs {@code job}; if it fails in any way, what it wrote is removed and the lock given up. */
  public <T> T commitOrAbandon(Job<T> job) throws IOException {
    try {
      return job.run();
    } catch (Throwable e) {
      abandon();
      throw e;
    }
  }

  /** Removes what this run wrote, for a run that will not commit, and gives up its lock. */
  public void abandon() {
    try {
      ops.delete(work, true);
      if (replacing) {
        ops.deleteEmptyDirs(SnapshotLayout.replacements(root, id), root);
      }
    } catch (IOException ignored) {
      // What cannot be removed is uncommitted, never read, and removed by a later run.
    }
    try {
      lock.close();
    } catch (IOException ignored) {
      // The lock goes stale by age.
    }
  }

  /** Refuses an output that is a file, a snapshot itself, or a root of the other kind. */
  private static void checkRoot(FileOps ops, Path root, String given, Kind kind)
      throws IOException, RefusedException {
    FileStatus status = ops.status(root);
    if (status == null) {
      return;
    }
    if (!status.isDirectory()) {
      throw new RefusedException("--output " + given + " is a file, not a directory");
    }
    if (ops.exists(new Path(root, SUCCESS)) || ops.exists(new Path(root, MANIFEST))) {
      throw new RefusedException(
          "--output "
              + given
              + " is itself a snapshot or comparison: give the directory that holds them");
    }
    String latest = ops.readText(new Path(root, LATEST), 1024);
    if (latest == null) {
      return;
    }
    JsonNode manifest = manifest(ops, new Path(root, latest.strip()));
    for (Kind other : Kind.values()) {
      if (other != kind
          && manifest != null
          && manifest.has(other.idKey)
          && !manifest.has(kind.idKey)) {
        throw new RefusedException(
            "--output "
                + given
                + " holds "
                + other.noun
                + "s (its "
                + LATEST
                + " names "
                + other.noun
                + " "
                + latest.strip()
                + "): write "
                + kind.noun
                + "s to another directory");
      }
    }
  }

  /**
   * Takes the lock on {@code id} and claims its directory; null when a default id is taken (the
   * caller tries the next), an exception when an id a person gave cannot be used.
   */
  private static SnapshotWriter claim(
      FileOps ops,
      Path root,
      String id,
      boolean given,
      RunInfo me,
      Settings settings,
      List<String> leftovers)
      throws RefusedException, BusyException, IOException {
    Kind kind = settings.kind();
    if (!SnapshotLayout.ID.matcher(id).matches() || SnapshotLayout.reserved(id)) {
      throw new RefusedException(
          kind.option + " " + id + " is not a usable id (" + LATEST + " names the pointer file)");
    }
    RunLock.Attempt attempt =
        RunLock.tryAcquire(
            ops,
            root,
            id,
            me,
            settings.leftoverAge(),
            () -> at(settings.hook(), Step.LOCK_WRITTEN),
            leftovers);
    if (attempt.lock() == null) {
      if (!given) {
        return null;
      }
      RunInfo holder = attempt.holder().run();
      throw new BusyException(
          kind.noun
              + " "
              + id
              + " in "
              + root
              + " is being written by "
              + (holder == null ? "another run" : holder.describe())
              + "; if no such run is alive, delete "
              + attempt.holder().token());
    }
    RunLock lock = attempt.lock();
    try {
      finishReplacements(ops, root, id, settings.hook(), leftovers);
      Path target = new Path(root, id);
      FileStatus status = ops.status(target);
      Path work = target;
      boolean replacing = false;
      String refusal = null;
      if (status != null
          && status.isDirectory()
          && ops.exists(new Path(target, SUCCESS))
          && isKind(manifest(ops, target), kind)) {
        if (settings.replace()) {
          work = new Path(SnapshotLayout.replacements(root, id), me.runId());
          replacing = true;
        } else {
          refusal = kind.noun + " " + id + " already exists in " + root + ": --replace replaces it";
        }
      } else if (status != null && status.isDirectory() && unfinished(ops, target)) {
        ops.delete(target, true);
        leftovers.add(target + " (unfinished " + kind.noun + " of a run that is gone: removed)");
      } else if (status != null) {
        refusal =
            target
                + " exists and is not a Tifa "
                + kind.noun
                + ": Tifa writes nothing into it; choose another "
                + kind.option
                + " or --output";
      }
      if (refusal != null) {
        lock.close();
        if (!given) {
          return null;
        }
        throw new RefusedException(refusal);
      }
      if (!ops.fs().mkdirs(work)) {
        throw new IOException("cannot create " + work);
      }
      ops.writeText(new Path(work, SnapshotLayout.RUN_MARKER), me.toJson(), false);
      settings.hook().at(Step.CLAIMED);
      return new SnapshotWriter(ops, root, id, settings, lock, work, replacing, leftovers);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Under the id's lock: moves a committed replacement left by a killed run into place, and removes
   * uncommitted ones.
   */
  private static void finishReplacements(
      FileOps ops, Path root, String id, Hook hook, List<String> leftovers) throws IOException {
    Path folder = SnapshotLayout.replacements(root, id);
    Path committed = SnapshotLayout.committedReplacement(ops, root, id);
    if (committed != null) {
      promote(ops, committed, new Path(root, id), hook);
      leftovers.add(
          committed
              + " (replacement of "
              + id
              + " committed by a run that is gone: moved into place)");
    }
    for (FileStatus other : ops.list(folder)) {
      ops.delete(other.getPath(), true);
      leftovers.add(other.getPath() + " (unfinished replacement of " + id + ": removed)");
    }
    ops.deleteEmptyDirs(folder, root);
  }

  /**
   * Moves the committed {@code replacement} to {@code target}. The old snapshot loses its {@code
   * _SUCCESS} first and the replacement keeps its own until it is committed at the target, so that
   * {@link SnapshotLayout#committedDir} finds one committed copy at every moment.
   */
  private static void promote(FileOps ops, Path replacement, Path target, Hook hook)
      throws IOException {
    if (ops.exists(target)) {
      ops.delete(new Path(target, SUCCESS), false);
      hook.at(Step.OLD_UNCOMMITTED);
      ops.delete(target, true);
      hook.at(Step.OLD_DELETED);
    }
    if (ops.renamesAtomically()) {
      ops.rename(replacement, target);
      hook.at(Step.PROMOTED);
    } else {
      ops.copyContents(replacement, target, SUCCESS);
      ops.writeText(new Path(target, SUCCESS), "", false);
      hook.at(Step.PROMOTED);
      ops.delete(new Path(replacement, SUCCESS), false);
      ops.delete(replacement, true);
    }
  }

  /**
   * Before claiming: for every id with a lock or a replacement under the root, removes stale locks
   * and, where no live run holds the id, finishes or removes what a killed run left; older
   * versions' {@code _tmp-}, {@code _old-} and {@code _LATEST-} entries go once past the leftover
   * age. What is kept because a live run may own it is reported too.
   */
  private static void tidy(
      FileOps ops, Path root, RunInfo me, Settings settings, List<String> leftovers)
      throws IOException {
    Path state = new Path(root, SnapshotLayout.STATE);
    TreeSet<String> ids = new TreeSet<>();
    for (String area : List.of("locks", "replacing")) {
      for (FileStatus s : ops.list(new Path(state, area))) {
        ids.add(s.getPath().getName());
      }
    }
    for (String id : ids) {
      RunLock.Attempt attempt =
          RunLock.tryAcquire(ops, root, id, me, settings.leftoverAge(), () -> {}, leftovers);
      if (attempt.lock() == null) {
        RunInfo holder = attempt.holder().run();
        leftovers.add(
            new Path(root, id)
                + " (kept: being written by "
                + (holder == null ? "another run" : holder.describe())
                + ")");
        continue;
      }
      try (RunLock lock = attempt.lock()) {
        finishReplacements(ops, root, id, Hook.NONE, leftovers);
        Path target = new Path(root, id);
        if (ops.exists(target)
            && !ops.exists(new Path(target, SUCCESS))
            && unfinished(ops, target)) {
          ops.delete(target, true);
          leftovers.add(
              target + " (unfinished " + settings.kind().noun + " of a run that is gone: removed)");
        }
      }
      ops.deleteEmptyDirs(RunLock.folder(root, id), root);
    }
    tidyLegacy(ops, root, settings.leftoverAge(), leftovers);
  }

  /**
   * The working entries of earlier Tifa versions: a committed {@code _tmp-<id>-<uuid>} or {@code
   * _old-<id>-<uuid>} whose id has no committed snapshot is the only copy and is moved into place;
   * the rest are removed once older than {@code age}, and reported until then.
   */
  private static void tidyLegacy(FileOps ops, Path root, Duration age, List<String> leftovers)
      throws IOException {
    Instant cutoff = Instant.now().minus(age);
    for (FileStatus s : ops.list(root)) {
      String name = s.getPath().getName();
      String prefix =
          name.startsWith("_tmp-")
              ? "_tmp-"
              : name.startsWith("_old-")
                  ? "_old-"
                  : name.startsWith("_LATEST-") ? "_LATEST-" : null;
      if (prefix == null) {
        continue;
      }
      int uuidLength = 36;
      String id =
          name.length() > prefix.length() + uuidLength + 1
              ? name.substring(prefix.length(), name.length() - uuidLength - 1)
              : null;
      if (s.isDirectory()
          && id != null
          && SnapshotLayout.ID.matcher(id).matches()
          && !SnapshotLayout.reserved(id)
          && ops.exists(new Path(s.getPath(), SUCCESS))
          && SnapshotLayout.committedDir(ops, root, id) == null) {
        Path target = new Path(root, id);
        if (ops.exists(target)) {
          ops.delete(target, true);
        }
        ops.rename(s.getPath(), target);
        leftovers.add(s.getPath() + " (the only committed copy of " + id + ": moved into place)");
      } else if (Instant.ofEpochMilli(s.getModificationTime()).isBefore(cutoff)) {
        ops.delete(s.getPath(), true);
        leftovers.add(s.getPath() + " (left by an earlier run: removed)");
      } else {
        leftovers.add(
            s.getPath()
                + " (left by an earlier run: kept until it is "
                + age.toHours()
                + " hours old)");
      }
    }
  }

  /** Whether a directory without _SUCCESS is one a Tifa run created (it holds the run marker). */
  private static boolean unfinished(FileOps ops, Path dir) throws IOException {
    return !ops.exists(new Path(dir, SUCCESS))
        && ops.exists(new Path(dir, SnapshotLayout.RUN_MARKER));
  }

  private static boolean isKind(JsonNode manifest, Kind kind) {
    return manifest != null && manifest.path(kind.idKey).isTextual();
  }

  /** The manifest of a directory, or null when it has none or it is not JSON. */
  private static JsonNode manifest(FileOps ops, Path dir) throws IOException {
    String text = ops.readText(new Path(dir, MANIFEST), 1 << 20);
    if (text == null) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static void at(Hook hook, Step step) {
    try {
      hook.at(step);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void checkSchema(String table, StructType actual, StructType expected) {
    StructField[] a = actual.fields();
    StructField[] e = expected.fields();
    StringBuilder problems = new StringBuilder();
    if (a.length != e.length) {
      problems
          .append(" column count ")
          .append(a.length)
          .append(" instead of ")
          .append(e.length)
          .append(';');
    }
    for (int i = 0; i < Math.min(a.length, e.length); i++) {
      if (!a[i].name().equals(e[i].name())
          || !a[i].dataType().catalogString().equals(e[i].dataType().catalogString())) {
        problems
            .append(" column ")
            .append(i)
            .append(' ')
            .append(a[i].name())
            .append(' ')
            .append(a[i].dataType().simpleString())
            .append(" instead of ")
            .append(e[i].name())
            .append(' ')
            .append(e[i].dataType().simpleString())
            .append(';');
      }
    }
    if (problems.length() > 0) {
      throw new IllegalStateException("table " + table + " does not match its schema:" + problems);
    }
  }
}

package org.tifa.write;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * One run's exclusive hold on a snapshot id under a root, made of plain files so that it works
 * where no atomic create-if-absent exists (S3 without conditional writes): each run writes its own
 * token {@code _tifa/locks/<id>/<run>.json}, then lists the folder, and holds the lock only if its
 * token is the only live one there; otherwise it removes its token and gives up. Two runs can never
 * both hold it: whichever lists second sees the other's token. (Both may give up, which loses
 * nothing.) A token is stale, and is removed by whoever finds it, when its process is known to be
 * gone or when it has not been refreshed for longer than the leftover age; a holder refreshes its
 * token at a quarter of that age.
 */
final class RunLock implements AutoCloseable {
  private final FileOps ops;
  private final Path root;
  private final Path token;
  private final RunInfo me;
  private final ScheduledExecutorService heartbeat;

  private RunLock(FileOps ops, Path root, Path token, RunInfo me, Duration staleAfter) {
    this.ops = ops;
    this.root = root;
    this.token = token;
    this.me = me;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tifa-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, staleAfter.toSeconds() / 4);
    heartbeat.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.SECONDS);
  }

  /** The live holder that kept a run from taking a lock. */
  record Holder(RunInfo run, Path token) {}

  /** The lock, or the holder that keeps this run from it. */
  record Attempt(RunLock lock, Holder holder) {}

  static Path folder(Path root, String id) {
    return new Path(new Path(new Path(root, SnapshotLayout.STATE), "locks"), id);
  }

  /**
   * Tries to take the lock on {@code id}; stale tokens found on the way are removed and named in
   * {@code removed}. {@code afterToken} runs between writing the token and listing the folder.
   */
  static Attempt tryAcquire(
      FileOps ops,
      Path root,
      String id,
      RunInfo me,
      Duration staleAfter,
      Runnable afterToken,
      List<String> removed)
      throws IOException {
    Path folder = folder(root, id);
    Path mine = new Path(folder, me.runId() + ".json");
    writeToken(ops, mine, me);
    afterToken.run();
    Holder holder = liveHolder(ops, folder, mine, staleAfter, removed);
    if (holder != null) {
      ops.delete(mine, false);
      return new Attempt(null, holder);
    }
    return new Attempt(new RunLock(ops, root, mine, me, staleAfter), null);
  }

  /**
   * Writes a new token; a folder removed by another run giving up its lock between this run's
   * creating it and writing into it is created again.
   */
  private static void writeToken(FileOps ops, Path token, RunInfo me) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        ops.writeText(token, me.toJson(), false);
        return;
      } catch (java.io.FileNotFoundException folderGone) {
        if (attempt == 3) {
          throw folderGone;
        }
      }
    }
  }

  /** The first live token in {@code folder} other than {@code mine}; stale ones are removed. */
  private static Holder liveHolder(
      FileOps ops, Path folder, Path mine, Duration staleAfter, List<String> removed)
      throws IOException {
    List<Holder> live = new ArrayList<>();
    for (FileStatus t : ops.list(folder)) {
      if (mine != null && t.getPath().getName().equals(mine.getName())) {
        continue;
      }
      // The status again: a listing's entry may be gone (its run gave up) by the time it is read.
      FileStatus token = ops.status(t.getPath());
      if (token == null) {
        continue;
      }
      RunInfo other = RunInfo.parse(ops.readText(token.getPath(), 4096));
      String why = staleness(other, token, staleAfter);
      if (why != null) {
        ops.delete(token.getPath(), false);
        removed.add(
            token.getPath()
                + " (lock of "
                + (other == null ? "an unknown run" : other.describe())
                + ", "
                + why
                + ": removed)");
      } else {
        live.add(new Holder(other, token.getPath()));
      }
    }
    return live.isEmpty() ? null : live.get(0);
  }

  /** Why a token is stale, or null when it is live. */
  private static String staleness(RunInfo run, FileStatus token, Duration staleAfter) {
    Instant refreshed = Instant.ofEpochMilli(token.getModificationTime());
    if (refreshed.plus(staleAfter).isBefore(Instant.now())) {
      return "not refreshed since " + refreshed;
    }
    return run != null && run.knownDead() ? "its process is gone" : null;
  }

  RunInfo run() {
    return me;
  }

  private void refresh() {
    try {
      ops.writeText(token, me.toJson(), true);
    } catch (IOException | RuntimeException e) {
      // A missed refresh only brings staleness nearer; the next one retries.
    }
  }

  /** Gives the lock up; the token goes last, after everything the run wrote is settled. */
  @Override
  public void close() throws IOException {
    heartbeat.shutdownNow();
    try {
      heartbeat.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ops.delete(token, false);
    ops.deleteEmptyDirs(token.getParent(), root);
  }
}

package org.tifa.testing;

import java.io.IOException;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.tifa.write.SnapshotWriter;

/** Snapshot writers for tests that run a job directly rather than through the command line. */
public final class Writers {
  private Writers() {}

  /** A writer of snapshot {@code id} under {@code root}, replacing an earlier one of that id. */
  public static SnapshotWriter snapshot(String root, String id) {
    try {
      return SnapshotWriter.open(
          root,
          id,
          null,
          SnapshotWriter.Settings.of(
              SnapshotWriter.Kind.SNAPSHOT, true, SnapshotWriter.Settings.DEFAULT_LEFTOVER_AGE),
          new Configuration(),
          Instant.now());
    } catch (SnapshotWriter.RefusedException | SnapshotWriter.BusyException | IOException e) {
      throw new IllegalStateException(
          "cannot open snapshot " + id + " under " + root + ": " + e.getMessage(), e);
    }
  }
}

package org.tifa.write;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * What a snapshot root holds, and how a reader finds a committed snapshot in it (see
 * docs/commit-protocol.md):
 *
 * <pre>
 * ROOT/&lt;id&gt;/                       a snapshot; committed once it holds _SUCCESS (written last)
 * ROOT/LATEST                       the id of the last committed snapshot, replaced atomically
 * ROOT/_tifa/locks/&lt;id&gt;/&lt;run&gt;.json  a run's hold on an id
 * ROOT/_tifa/replacing/&lt;id&gt;/&lt;run&gt;/   a replacement of a committed id, written and committed here
 * </pre>
 */
public final class SnapshotLayout {
  private SnapshotLayout() {}

  public static final String LATEST = "LATEST";
  public static final String MANIFEST = "manifest.json";
  public static final String SUCCESS = "_SUCCESS";

  /**
   * Written first into every directory a run creates: an unfinished one is then known as Tifa's.
   */
  public static final String RUN_MARKER = "_tifa-run.json";

  /**
   * The writers' own state (locks, replacements); hidden from readers by its leading underscore.
   */
  static final String STATE = "_tifa";

  /** Ids a person may give: letters, digits, '.', '_', '-', starting with a letter or digit. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  /** Names that are not ids although they match {@link #ID}: the pointer file, in any case. */
  public static boolean reserved(String id) {
    return id.toUpperCase(Locale.ROOT).equals(LATEST);
  }

  static Path replacements(Path root, String id) {
    return new Path(new Path(new Path(root, STATE), "replacing"), id);
  }

  /**
   * The directory holding the committed snapshot {@code id} under {@code root}, or null: the
   * snapshot's own directory once it has {@code _SUCCESS}; while a replacement of it is being moved
   * into place, the replacement, committed in {@code _tifa/replacing} before the old snapshot is
   * touched.
   */
  public static Path committedDir(Path root, String id, Configuration conf) throws IOException {
    FileOps ops = new FileOps(root.getFileSystem(conf), conf);
    return committedDir(ops, root, id);
  }

  static Path committedDir(FileOps ops, Path root, String id) throws IOException {
    Path dir = new Path(root, id);
    if (ops.exists(new Path(dir, SUCCESS))) {
      return dir;
    }
    return committedReplacement(ops, root, id);
  }

  /** The newest committed replacement of {@code id} waiting in {@code _tifa/replacing}, or null. */
  static Path committedReplacement(FileOps ops, Path root, String id) throws IOException {
    Path newest = null;
    long newestTime = Long.MIN_VALUE;
    for (FileStatus candidate : ops.list(replacements(root, id))) {
      FileStatus success = ops.status(new Path(candidate.getPath(), SUCCESS));
      if (success != null && success.getModificationTime() > newestTime) {
        newest = candidate.getPath();
        newestTime = success.getModificationTime();
      }
    }
    return newest;
  }
}

package org.tifa.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Expands the user's input paths — files, directories (recursively) and globs on any Hadoop
 * filesystem — into the sorted list of input files. Runs on the driver before any task.
 * A file named explicitly is read whatever its extension; inside directories only the configured
 * extensions (plain, .gz or .bz2) are taken, and hidden or {@code _}-prefixed entries are skipped.
 */
public final class ListInputs {
  private ListInputs() {}

  /** One input file and its size in bytes (compressed size for compressed files). */
  public record InputFile(String path, long bytes) {}

  /** A path that names nothing readable. */
  public static final class NoInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoInputException(String message) {
      super(message);
    }
  }

  public static List<InputFile> list(List<String> paths, List<String> extensions, Configuration conf)
      throws NoInputException, IOException {
    TreeMap<String, InputFile> found = new TreeMap<>();
    for (String given : paths) {
      Path path = new Path(given);
      FileSystem fs;
      try {
        fs = path.getFileSystem(conf);
      } catch (IOException e) {
        throw new NoInputException("cannot open the filesystem of " + given + ": " + e.getMessage());
      }
      FileStatus[] matches;
      try {
        matches = fs.globStatus(path);
      } catch (FileNotFoundException e) {
        matches = null;
      }
      if (matches == null || matches.length == 0) {
        throw new NoInputException("input not found: " + given);
      }
      for (FileStatus status : matches) {
        if (status.isDirectory()) {
          collect(fs, status.getPath(), extensions, found);
        } else {
          found.put(status.getPath().toString(), new InputFile(status.getPath().toString(), status.getLen()));
        }
      }
    }
    if (found.isEmpty()) {
      throw new NoInputException(
          "no input files under " + String.join(", ", paths) + " (looked for ." + String.join(", .", extensions)
              + " and their .gz/.bz2 forms)");
    }
    return new ArrayList<>(found.values());
  }

  private static void collect(FileSystem fs, Path dir, List<String> extensions, TreeMap<String, InputFile> found)
      throws IOException {
    for (FileStatus child : fs.listStatus(dir)) {
      String name = child.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (child.isDirectory()) {
        collect(fs, child.getPath(), extensions, found);
      } else if (accepts(name, extensions)) {
        found.put(child.getPath().toString(), new InputFile(child.getPath().toString(), child.getLen()));
      }
    }
  }

  static boolean accepts(String fileName, List<String> extensions) {
    String name = fileName.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".gz", ".bz2"}) {
      if (name.endsWith(suffix)) {
        name = name.substring(0, name.length() - suffix.length());
        break;
      }
    }
    for (String ext : extensions) {
      if (name.endsWith("." + ext.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}

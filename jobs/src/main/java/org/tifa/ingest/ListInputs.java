package org.tifa.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.Logger;
import org.tifa.error.NoInputException;
import org.tifa.spark.Logs;

/**
 * Expands the user's input paths — files, directories (recursively) and globs on any Hadoop
 * filesystem — into the sorted list of input files. Runs on the driver before any task.
 *
 * <p>A file named explicitly is read whatever its extension; inside directories only the configured
 * extensions (plain, .gz or .bz2) are taken, and hidden or {@code _}-prefixed entries are skipped.
 * Symbolic links are followed, but each real directory is listed once and each real file is listed
 * once (under its path without links when it has one), so link cycles end; on the local filesystem
 * this is decided on real paths (java.nio), on others by the directories seen and a depth bound.
 * Entries named like input that cannot be read as files — FIFOs, devices, broken links — stay in
 * the list so that the reader gives each a quarantine row. The run's own output root, and any
 * directory that is a Tifa snapshot ({@code _SUCCESS} and {@code manifest.json}) or a snapshot root
 * (a {@code LATEST} file), are not listed; each skip is logged.
 */
public final class ListInputs {
  private ListInputs() {}

  /**
   * Directories deeper than this below an input are not listed on filesystems without real paths.
   */
  static final int MAX_DEPTH = 64;

  /** The snapshot layout's marker files (written by the snapshot writer). */
  private static final String LATEST = "LATEST";

  private static final String SUCCESS = "_SUCCESS";
  private static final String MANIFEST = "manifest.json";

  /** One input file and its size in bytes (compressed size for compressed files). */
  public record InputFile(String path, long bytes) {}

  /** As {@link #list(List, List, String, Configuration)} for a run without an output root. */
  public static List<InputFile> list(
      List<String> paths, List<String> extensions, Configuration conf)
      throws NoInputException, IOException {
    return list(paths, extensions, null, conf);
  }

  /**
   * The input files under {@code paths}, sorted by path. {@code outputRoot} (the run's --output, or
   * null) is not listed, whether or not it holds snapshots yet.
   */
  public static List<InputFile> list(
      List<String> paths, List<String> extensions, String outputRoot, Configuration conf)
      throws NoInputException, IOException {
    Listing listing = new Listing(extensions, identity(outputRoot, conf));
    for (String given : paths) {
      Path path = new Path(given);
      FileSystem fs;
      try {
        fs = path.getFileSystem(conf);
      } catch (IOException e) {
        throw new NoInputException(
            "cannot open the filesystem of " + given + ": " + e.getMessage());
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
        listing.root(fs, status);
      }
    }
    listing.walk();
    List<InputFile> found = listing.files();
    if (found.isEmpty()) {
      throw new NoInputException(
          "no input files under "
              + String.join(", ", paths)
              + " (looked for ."
              + String.join(", .", extensions)
              + " and their .gz/.bz2 forms)");
    }
    return found;
  }

  /**
   * What makes two paths the same file or directory: the real path locally, else the qualified
   * path.
   */
  private static String identity(String path, Configuration conf) throws IOException {
    if (path == null) {
      return null;
    }
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    java.nio.file.Path local = LocalFiles.local(fs, p);
    if (local == null) {
      return fs.makeQualified(p).toString();
    }
    try {
      return local.toRealPath().toString();
    } catch (IOException e) {
      return local.toAbsolutePath().normalize().toString();
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

  private static boolean skippedName(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  /** A directory to list: its path as the user will see it, and how it was reached. */
  private record Dir(
      FileSystem fs, Path path, java.nio.file.Path local, int depth, boolean viaLink) {}

  /** A file found, and the identity it is deduplicated by. */
  private record Found(String path, long bytes, String identity, boolean viaLink) {}

  /** One listing: directories to list (those reached without a link first), and the files found. */
  private static final class Listing {
    private static final Comparator<Found> PREFERRED =
        Comparator.comparing(Found::viaLink)
            .thenComparing(f -> f.path().length())
            .thenComparing(Found::path);

    private final Logger log = Logs.tifa();
    private final List<String> extensions;
    private final String outputRoot;
    private final Deque<Dir> direct = new ArrayDeque<>();
    private final Deque<Dir> linked = new ArrayDeque<>();
    private final Map<String, String> listedDirs = new HashMap<>();
    private final Map<String, List<Found>> files = new HashMap<>();

    Listing(List<String> extensions, String outputRoot) {
      this.extensions = extensions;
      this.outputRoot = outputRoot;
    }

    void root(FileSystem fs, FileStatus status) {
      Path path = status.getPath();
      java.nio.file.Path local = LocalFiles.local(fs, path);
      if (local != null ? Files.isDirectory(local) : status.isDirectory()) {
        direct.push(new Dir(fs, path, local, 0, false));
      } else {
        add(path, status.getLen(), fileIdentity(fs, path, local), false);
      }
    }

    void walk() throws IOException {
      while (!direct.isEmpty() || !linked.isEmpty()) {
        Dir dir = direct.isEmpty() ? linked.removeLast() : direct.pop();
        if (dir.local() != null) {
          listLocal(dir);
        } else {
          listHadoop(dir);
        }
      }
    }

    List<InputFile> files() {
      TreeMap<String, InputFile> sorted = new TreeMap<>();
      for (List<Found> same : files.values()) {
        same.sort(PREFERRED);
        Found kept = same.get(0);
        for (Found other : same.subList(1, same.size())) {
          if (!other.path().equals(kept.path())) {
            log.info(
                "{} is the same file as {}: read once, as the latter", other.path(), kept.path());
          }
        }
        sorted.put(kept.path(), new InputFile(kept.path(), kept.bytes()));
      }
      return new ArrayList<>(sorted.values());
    }

    /** Whether to list a directory of this identity and children; logs why not. */
    private boolean shouldList(Dir dir, String identity, Set<String> childFiles) {
      if (identity.equals(outputRoot)) {
        log.info("skipped {}: the run's output root (--output) is not input", dir.path());
        return false;
      }
      if (childFiles.contains(LATEST)) {
        log.info("skipped {}: a Tifa snapshot root (it holds {}) is not input", dir.path(), LATEST);
        return false;
      }
      if (childFiles.contains(SUCCESS) && childFiles.contains(MANIFEST)) {
        log.info(
            "skipped {}: a Tifa snapshot (it holds {} and {}) is not input",
            dir.path(),
            SUCCESS,
            MANIFEST);
        return false;
      }
      String seen = listedDirs.putIfAbsent(identity, dir.path().toString());
      if (seen != null) {
        if (dir.viaLink()) {
          log.info(
              "skipped {}: a symbolic link to {}, listed already as {}",
              dir.path(),
              identity,
              seen);
        }
        return false;
      }
      return true;
    }

    private void listLocal(Dir dir) throws IOException {
      String identity;
      try {
        identity = dir.local().toRealPath().toString();
      } catch (IOException e) {
        log.warn("skipped {}: cannot resolve it ({})", dir.path(), ReportFileReader.describe(e));
        return;
      }
      java.nio.file.Path real = java.nio.file.Path.of(identity);
      TreeSet<java.nio.file.Path> children = new TreeSet<>();
      try (DirectoryStream<java.nio.file.Path> stream = Files.newDirectoryStream(dir.local())) {
        stream.forEach(children::add);
      } catch (IOException e) {
        log.warn("skipped {}: cannot list it ({})", dir.path(), ReportFileReader.describe(e));
        return;
      }
      Set<String> regularNames = new HashSet<>();
      for (java.nio.file.Path child : children) {
        if (Files.isRegularFile(child)) {
          regularNames.add(child.getFileName().toString());
        }
      }
      if (!shouldList(dir, identity, regularNames)) {
        return;
      }
      for (java.nio.file.Path child : children) {
        String name = child.getFileName().toString();
        if (skippedName(name)) {
          continue;
        }
        Path path = childPath(dir.path(), name);
        if (path == null) {
          continue;
        }
        BasicFileAttributes own;
        try {
          own = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
          log.warn("skipped {}: cannot see what it is ({})", path, ReportFileReader.describe(e));
          continue;
        }
        if (own.isSymbolicLink()) {
          BasicFileAttributes target;
          try {
            target = Files.readAttributes(child, BasicFileAttributes.class);
          } catch (IOException broken) {
            // A broken link or a link loop: listed when named like input, so the reader reports it.
            if (accepts(name, extensions)) {
              add(path, 0, child.toAbsolutePath().toString(), true);
            } else {
              log.info(
                  "skipped {}: a broken symbolic link to {}, not named like input",
                  path,
                  LocalFiles.target(child));
            }
            continue;
          }
          if (target.isDirectory()) {
            linked.push(new Dir(dir.fs(), path, child, dir.depth() + 1, true));
          } else if (accepts(name, extensions)) {
            add(
                path,
                target.isRegularFile() ? target.size() : 0,
                child.toRealPath().toString(),
                true);
          }
        } else if (own.isDirectory()) {
          direct.push(new Dir(dir.fs(), path, child, dir.depth() + 1, dir.viaLink()));
        } else if (accepts(name, extensions)) {
          add(
              path,
              own.isRegularFile() ? own.size() : 0,
              real.resolve(name).toString(),
              dir.viaLink());
        }
      }
    }

    private void listHadoop(Dir dir) throws IOException {
      String identity = dir.fs().makeQualified(dir.path()).toString();
      FileStatus[] children = dir.fs().listStatus(dir.path());
      Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
      Set<String> fileNames = new HashSet<>();
      for (FileStatus child : children) {
        if (child.isFile()) {
          fileNames.add(child.getPath().getName());
        }
      }
      if (!shouldList(dir, identity, fileNames)) {
        return;
      }
      for (FileStatus child : children) {
        String name = child.getPath().getName();
        if (skippedName(name)) {
          continue;
        }
        if (child.isDirectory()) {
          if (dir.depth() + 1 > MAX_DEPTH) {
            log.warn(
                "not listed: {} is more than {} directories below its input (a symbolic link cycle?)",
                child.getPath(),
                MAX_DEPTH);
          } else {
            direct.push(new Dir(dir.fs(), child.getPath(), null, dir.depth() + 1, dir.viaLink()));
          }
        } else if (accepts(name, extensions)) {
          add(
              child.getPath(),
              child.getLen(),
              dir.fs().makeQualified(child.getPath()).toString(),
              dir.viaLink());
        }
      }
    }

    private Path childPath(Path dir, String name) {
      try {
        return new Path(dir, name);
      } catch (IllegalArgumentException e) {
        log.warn(
            "skipped {}/{}: a name that Hadoop paths cannot hold ({})", dir, name, e.getMessage());
        return null;
      }
    }

    private static String fileIdentity(FileSystem fs, Path path, java.nio.file.Path local) {
      if (local == null) {
        return fs.makeQualified(path).toString();
      }
      try {
        return local.toRealPath().toString();
      } catch (IOException e) {
        return local.toAbsolutePath().toString();
      }
    }

    private void add(Path path, long bytes, String identity, boolean viaLink) {
      files
          .computeIfAbsent(identity, k -> new ArrayList<>())
          .add(new Found(path.toString(), bytes, identity, viaLink));
    }
  }
}

package org.tifa.write;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The few file operations the commit protocol needs, each done the way that is atomic on the
 * filesystem at hand: POSIX rename on local disks, the NameNode's rename on HDFS, and a single PUT
 * on object stores (S3, GCS, Azure), where a rename is a copy and is never relied on.
 */
final class FileOps {
  /** Filesystems whose rename of a file or directory is one atomic step. */
  private static final Set<String> ATOMIC_RENAME = Set.of("file", "hdfs");

  private final FileSystem fs;

  /** For small text files: without the local filesystem's .crc side files. */
  private final FileSystem textFs;

  private final Configuration conf;
  private final String scheme;

  FileOps(FileSystem fs, Configuration conf) {
    this.fs = fs;
    this.textFs =
        fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    this.conf = conf;
    this.scheme = fs.getScheme().toLowerCase(Locale.ROOT);
  }

  FileSystem fs() {
    return fs;
  }

  /** Whether renaming a directory moves it whole in one step (local disks, HDFS). */
  boolean renamesAtomically() {
    return ATOMIC_RENAME.contains(scheme);
  }

  FileStatus status(Path path) throws IOException {
    try {
      return fs.getFileStatus(path);
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  boolean exists(Path path) throws IOException {
    return status(path) != null;
  }

  FileStatus[] list(Path dir) throws IOException {
    try {
      return fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      return new FileStatus[0];
    }
  }

  /** Writes a small text file; with {@code overwrite} false an existing file is an error. */
  void writeText(Path path, String text, boolean overwrite) throws IOException {
    try (OutputStream out = textFs.create(path, overwrite)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The first {@code maxBytes} of a small text file, or null when it does not exist. */
  String readText(Path path, int maxBytes) throws IOException {
    try (InputStream in = fs.open(path)) {
      return new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8);
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  /**
   * Replaces the content of a small file so that a reader sees the old text or the new one, never
   * an empty, partial or missing file: a sibling temporary file renamed over it (rename(2) on local
   * disks, HDFS's rename with overwrite, both atomic), or one PUT where a rename is a copy.
   */
  void replaceText(Path path, String text) throws IOException {
    if (!renamesAtomically()) {
      writeText(path, text, true);
      return;
    }
    Path tmp = new Path(path.getParent(), "_" + path.getName() + "-" + UUID.randomUUID());
    writeText(tmp, text, false);
    try {
      if (scheme.equals("file")) {
        java.nio.file.Path from = local(tmp);
        try {
          Files.move(
              from,
              local(path),
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          throw new IOException("cannot replace " + path + " atomically: " + e.getMessage(), e);
        }
      } else {
        FileContext.getFileContext(fs.getUri(), conf).rename(tmp, path, Options.Rename.OVERWRITE);
      }
    } finally {
      if (exists(tmp)) {
        fs.delete(tmp, false);
      }
    }
  }

  /** Renames, failing loudly where Hadoop's rename only returns false. */
  void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }

  /**
   * Copies every entry of {@code from} except {@code skip} into {@code to}, by streaming: the
   * source stays whole until the caller deletes it (an object store's rename deletes as it copies).
   */
  void copyContents(Path from, Path to, String skip) throws IOException {
    fs.mkdirs(to);
    for (FileStatus child : list(from)) {
      if (child.getPath().getName().equals(skip)) {
        continue;
      }
      Path target = new Path(to, child.getPath().getName());
      if (!org.apache.hadoop.fs.FileUtil.copy(fs, child.getPath(), fs, target, false, true, conf)) {
        throw new IOException("could not copy " + child.getPath() + " to " + target);
      }
    }
  }

  void delete(Path path, boolean recursive) throws IOException {
    fs.delete(path, recursive);
  }

  /**
   * Removes {@code dir} and then each parent below {@code top} while they are empty. A directory
   * that is not empty (another run's entry appeared) stops it: a non-recursive delete refuses it.
   */
  void deleteEmptyDirs(Path dir, Path top) {
    for (Path d = dir; d != null && !d.equals(top) && d.depth() > top.depth(); d = d.getParent()) {
      try {
        if (list(d).length > 0 || !fs.delete(d, false)) {
          return;
        }
      } catch (IOException notEmpty) {
        return;
      }
    }
  }

  /** The local path of a {@code file:} path. */
  private java.nio.file.Path local(Path path) {
    return java.nio.file.Path.of(fs.makeQualified(path).toUri());
  }
}

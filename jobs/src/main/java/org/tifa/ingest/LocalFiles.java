package org.tifa.ingest;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.tifa.quarantine.QuarantineReason;

/**
 * What a path on the local filesystem really is, by java.nio, which sees what Hadoop's local
 * filesystem hides: symbolic links (their targets, loops, dangling ones) and FIFOs, devices and
 * sockets, which Hadoop reports as ordinary files and which can block a reader forever.
 */
final class LocalFiles {
  private LocalFiles() {}

  /** Why a listed input cannot be read as a file; the reader turns it into one quarantine row. */
  record Problem(QuarantineReason reason, String detail) {}

  /** The java.nio path of {@code path}, or null when {@code fs} is not the local filesystem. */
  static java.nio.file.Path local(FileSystem fs, Path path) {
    if (!(fs instanceof LocalFileSystem) && !(fs instanceof RawLocalFileSystem)) {
      return null;
    }
    return Paths.get(fs.makeQualified(path).toUri());
  }

  /** Null when {@code p} is (or links to) a regular file, else why it is not read. */
  static Problem problem(java.nio.file.Path p) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(p, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(p)) {
        return new Problem(
            QuarantineReason.UNREADABLE_FILE,
            "broken symbolic link: its target " + target(p) + " does not exist");
      }
      return new Problem(QuarantineReason.UNREADABLE_FILE, "the file is gone: it no longer exists");
    } catch (FileSystemException e) {
      // ELOOP (a link that leads back to itself) and permission errors on the way to the target.
      return new Problem(
          QuarantineReason.UNREADABLE_FILE,
          "cannot reach the file: " + (e.getReason() == null ? e.toString() : e.getReason()));
    } catch (IOException e) {
      return new Problem(QuarantineReason.UNREADABLE_FILE, ReportFileReader.describe(e));
    }
    if (attributes.isRegularFile()) {
      return null;
    }
    return new Problem(
        QuarantineReason.NOT_REGULAR_FILE,
        kind(p, attributes)
            + ", not a regular file: not opened, as reading it could block forever");
  }

  /** The link's target as written in the link. */
  static String target(java.nio.file.Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "(unreadable)";
    }
  }

  private static String kind(java.nio.file.Path p, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    int mode;
    try {
      mode = (Integer) Files.getAttribute(p, "unix:mode");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
    return switch (mode & 0170000) {
      case 0010000 -> "a FIFO (named pipe)";
      case 0020000 -> "a character device";
      case 0060000 -> "a block device";
      case 0140000 -> "a socket";
      default -> "a special file";
    };
  }
}

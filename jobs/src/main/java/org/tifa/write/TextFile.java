package org.tifa.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes one text file (a report page) on any Hadoop filesystem: to a hidden file beside it, then
 * renamed over it, so a reader never sees half a page. Parent directories are created.
 */
public final class TextFile {
  private TextFile() {}

  /** Writes {@code text} as UTF-8 to {@code file} and returns the bytes written. */
  public static long write(String file, String text, Configuration conf) throws IOException {
    Path target = new Path(file);
    FileSystem fs = target.getFileSystem(conf);
    FileSystem plain =
        fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    Path parent = target.getParent();
    if (parent != null) {
      plain.mkdirs(parent);
    }
    Path tmp = new Path(parent, "." + target.getName() + "-" + UUID.randomUUID());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = plain.create(tmp, true)) {
      out.write(bytes);
    }
    if (plain.exists(target)) {
      plain.delete(target, false);
    }
    if (!plain.rename(tmp, target)) {
      plain.delete(tmp, false);
      throw new IOException("could not write " + target);
    }
    return bytes.length;
  }
}

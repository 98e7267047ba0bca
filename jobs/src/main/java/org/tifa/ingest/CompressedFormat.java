package org.tifa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;

/**
 * Checks that a compressed file starts as its extension says before it is decompressed: Hadoop's
 * bzip2 codec reads a file that is not bzip2 as empty, which would lose its records without a
 * trace. Only gzip ({@code 1f 8b}) and bzip2 ({@code BZh1}..{@code BZh9}) are checked.
 */
final class CompressedFormat {
  private CompressedFormat() {}

  private static final int HEAD = 4;

  /**
   * Null when the stream starts as the codec's format, else what it is instead. Reads at most four
   * bytes and resets {@code in} to its start, so it must support mark.
   */
  static String mismatch(String codecExtension, InputStream in) throws IOException {
    String format = name(codecExtension);
    if (format == null) {
      return null;
    }
    in.mark(HEAD);
    byte[] head = in.readNBytes(HEAD);
    in.reset();
    if (format.equals(formatOf(head))) {
      return null;
    }
    if (head.length == 0) {
      return "not " + format + " data as its name says: the file is empty";
    }
    String seen = formatOf(head);
    return "not "
        + format
        + " data as its name says: it starts with bytes "
        + HexFormat.ofDelimiter(" ").formatHex(head)
        + (seen != null ? " (" + seen + ")" : "");
  }

  private static String name(String extension) {
    return switch (extension) {
      case ".gz" -> "gzip";
      case ".bz2" -> "bzip2";
      default -> null;
    };
  }

  private static String formatOf(byte[] head) {
    if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
      return "gzip";
    }
    if (head.length >= 4
        && head[0] == 'B'
        && head[1] == 'Z'
        && head[2] == 'h'
        && head[3] >= '1'
        && head[3] <= '9') {
      return "bzip2";
    }
    return null;
  }
}

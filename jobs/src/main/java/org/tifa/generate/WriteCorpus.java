package org.tifa.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a generated corpus as JSON-lines part files ({@code part-00000.jsonl[.gz]}, records in
 * contiguous index ranges), one file per task on all cores. The bytes depend only on the seed, the
 * number of records and the number of files.
 */
public final class WriteCorpus {
  private WriteCorpus() {}

  public record Written(List<Path> files, long bytes) {}

  public static Written write(
      CorpusGenerator generator, long docs, Path dir, int files, boolean gzip)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    try {
      List<Future<Path>> parts = new ArrayList<>();
      for (int f = 0; f < files; f++) {
        long from = docs * f / files;
        long to = docs * (f + 1) / files;
        Path file = dir.resolve(String.format("part-%05d.jsonl%s", f, gzip ? ".gz" : ""));
        parts.add(pool.submit(() -> writePart(generator, from, to, file, gzip)));
      }
      List<Path> written = new ArrayList<>();
      long bytes = 0;
      for (Future<Path> part : parts) {
        Path p = part.get();
        written.add(p);
        bytes += Files.size(p);
      }
      return new Written(written, bytes);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("writing the corpus failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Path writePart(
      CorpusGenerator generator, long from, long to, Path file, boolean gzip) throws IOException {
    OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    try (Writer out =
        new OutputStreamWriter(
            gzip ? new GZIPOutputStream(raw, 1 << 16) : raw, StandardCharsets.UTF_8)) {
      for (long i = from; i < to; i++) {
        out.write(generator.record(i));
        out.write('\n');
      }
    }
    return file;
  }
}

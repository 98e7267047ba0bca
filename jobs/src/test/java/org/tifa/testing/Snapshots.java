package org.tifa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.tifa.ReferenceData;
import org.tifa.RunJob;
import org.tifa.ingest.ListInputs;
import org.tifa.options.RunOptions;
import org.tifa.reference.TifaConfig;

/**
 * Real snapshots made once per test JVM by the run job and shared by the test classes that only
 * read them (report, notebooks): the bundled sample ({@code data/sample/input}, id
 * {@value #SAMPLE}) and an empty one (an input file with no records, id {@value #EMPTY}). Each
 * lives in its own temporary root, with LATEST, removed when the JVM exits.
 */
public final class Snapshots {
  private Snapshots() {}

  public static final String SAMPLE = "sample";
  public static final String EMPTY = "empty";
  public static final Path REPO = Path.of(System.getProperty("tifa.repo"));

  private static Path sampleRoot;
  private static Path emptyRoot;

  /** The root directory of the sample snapshot (its snapshot is {@code root/sample}). */
  public static synchronized Path sample(SparkSession spark) {
    if (sampleRoot == null) {
      sampleRoot = run(spark, REPO.resolve("data/sample/input"), SAMPLE);
    }
    return sampleRoot;
  }

  /** The root directory of a snapshot of zero records (its snapshot is {@code root/empty}). */
  public static synchronized Path empty(SparkSession spark) {
    if (emptyRoot == null) {
      try {
        Path input = Files.createTempDirectory("tifa-empty-input");
        Files.writeString(input.resolve("nothing.jsonl"), "");
        deleteOnExit(input);
        emptyRoot = run(spark, input, EMPTY);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return emptyRoot;
  }

  private static Path run(SparkSession spark, Path input, String id) {
    try {
      Path root = Files.createTempDirectory("tifa-" + id);
      deleteOnExit(root);
      TifaConfig config = TifaConfig.defaults();
      RunOptions options = new RunOptions(List.of(input.toString()), root.toString(), null, id, null, false).validate();
      List<ListInputs.InputFile> files = ListInputs.list(options.inputs(), config.extensions, spark.sparkContext().hadoopConfiguration());
      new RunJob(options, config, ReferenceData.bundled(), files, id, Instant.now(), () -> {}).run(spark);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ListInputs.NoInputException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteOnExit(Path dir) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // A temporary directory left behind is harmless.
      }
    }));
  }
}

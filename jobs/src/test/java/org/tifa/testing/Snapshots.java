package org.tifa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.tifa.ReferenceData;
import org.tifa.RunJob;
import org.tifa.Tifa;
import org.tifa.error.NoInputException;
import org.tifa.ingest.ListInputs;
import org.tifa.options.RunOptions;
import org.tifa.reference.TifaConfig;

/**
 * Real snapshots made once per test JVM by the run job and shared by the test classes that only
 * read them (report, notebooks): the bundled sample ({@code data/sample/input}, id {@value
 * #SAMPLE}) and an empty one (an input file with no records, id {@value #EMPTY}), each in its own
 * temporary root with LATEST; and the report pages of both. All are removed when the JVM exits.
 */
public final class Snapshots {
  private Snapshots() {}

  public static final String SAMPLE = "sample";
  public static final String EMPTY = "empty";
  public static final Path REPO = Path.of(System.getProperty("tifa.repo"));

  private static Path sampleRoot;
  private static Path emptyRoot;
  private static Path sampleReport;
  private static Path emptyReport;
  private static ReferenceData reference;

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

  /**
   * The report of the sample snapshot against the empty one ({@code --compare-with}), for {@code
   * --region 371500} (聊城市) and {@code --top 5}, made once per JVM through the CLI.
   */
  public static synchronized Path sampleReport(SparkSession spark) {
    if (sampleReport == null) {
      sampleReport =
          report(
              "sample",
              "--snapshot",
              sample(spark).toString(),
              "--compare-with",
              empty(spark).toString(),
              "--region",
              "371500",
              "--top",
              "5");
    }
    return sampleReport;
  }

  /** The report of the empty snapshot, with every default. */
  public static synchronized Path emptyReport(SparkSession spark) {
    if (emptyReport == null) {
      emptyReport = report("empty", "--snapshot", empty(spark).toString());
    }
    return emptyReport;
  }

  private static Path report(String name, String... options) {
    try {
      Path dir = Files.createTempDirectory("tifa-report-" + name);
      deleteOnExit(dir);
      Path html = dir.resolve(name + ".html");
      List<String> args = new ArrayList<>(List.of("report", "--output", html.toString()));
      args.addAll(List.of(options));
      int code = Tifa.execute(args.toArray(String[]::new));
      if (code != Tifa.OK) {
        throw new IllegalStateException("tifa report exited " + code + ": " + args);
      }
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path run(SparkSession spark, Path input, String id) {
    if (reference == null) {
      reference = ReferenceData.bundled();
    }
    try {
      Path root = Files.createTempDirectory("tifa-" + id);
      deleteOnExit(root);
      TifaConfig config = TifaConfig.defaults();
      RunOptions options =
          RunOptions.parse(
              "--input", input.toString(), "--output", root.toString(), "--snapshot", id);
      List<ListInputs.InputFile> files =
          ListInputs.list(
              options.inputs(), config.extensions, spark.sparkContext().hadoopConfiguration());
      new RunJob(
              options,
              config,
              reference,
              files,
              Writers.snapshot(root.toString(), id),
              Instant.now(),
              () -> {})
          .run(spark);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoInputException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteOnExit(Path dir) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Stream<Path> all = Files.walk(dir)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                  } catch (IOException ignored) {
                    // A temporary directory left behind is harmless.
                  }
                }));
  }
}

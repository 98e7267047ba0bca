package org.tifa;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.tifa.compare.SnapshotRef;
import org.tifa.error.ConfigException;
import org.tifa.error.NoInputException;
import org.tifa.generate.CorpusGenerator;
import org.tifa.generate.WriteCorpus;
import org.tifa.ingest.ListInputs;
import org.tifa.options.CompareOptions;
import org.tifa.options.PassagesOptions;
import org.tifa.options.ReportOptions;
import org.tifa.options.RunOptions;
import org.tifa.reference.TifaConfig;
import org.tifa.spark.Logs;
import org.tifa.spark.Sessions;
import org.tifa.write.SnapshotWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code tifa} command line: parses, validates, starts Spark, runs a job, sets the exit code.
 */
@Command(
    name = "tifa",
    mixinStandardHelpOptions = true,
    versionProvider = Tifa.VersionProvider.class,
    description =
        "Tracks how political slogans and policy topics spread across China's regions over time.",
    subcommands = {
      Tifa.Run.class,
      Tifa.Compare.class,
      Tifa.Report.class,
      Tifa.Passages.class,
      Tifa.Generate.class
    })
public final class Tifa implements Callable<Integer> {

  public static final int OK = 0;
  public static final int UNEXPECTED = 1;
  public static final int USAGE = 2;
  public static final int NO_INPUT = 3;
  public static final int QUARANTINE_EXCEEDED = 4;
  public static final int INCOMPATIBLE_SNAPSHOT = 5;
  public static final int BUSY = 6;

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return USAGE;
  }

  public static void main(String[] args) {
    // A platform that starts the Spark session before it calls main (a Databricks JAR task) runs
    // more than Tifa in this JVM: the commands leave a session they did not start running, and
    // main neither exits the JVM nor returns quietly on failure: the exception fails the task.
    boolean hosted = SparkSession.getDefaultSession().isDefined();
    int code = execute(args);
    if (hosted) {
      if (code != OK) {
        throw new HostedFailure(code);
      }
      return;
    }
    // In YARN cluster mode the ApplicationMaster reports success only when main returns; exiting
    // the JVM first, even with 0, is recorded as a failed application.
    boolean yarnCluster =
        System.getProperty("spark.master", "").startsWith("yarn")
            && "cluster".equals(System.getProperty("spark.submit.deployMode"));
    if (code != OK || !yarnCluster) {
      System.exit(code);
    }
  }

  /**
   * A command's failure under a hosted session, which main reports by throwing instead of exiting.
   */
  public static final class HostedFailure extends RuntimeException {
    private final int code;

    HostedFailure(int code) {
      super("tifa failed with exit code " + code + " (the message above says why)");
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  /** Runs the command line and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Tifa());
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine()
              .getErr()
              .println("tifa: " + oneLine(ex.getMessage()) + " (see --help)");
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintStream err = System.err;
          if (ex instanceof ConfigException) {
            err.println("tifa: " + oneLine(ex.getMessage()));
            return USAGE;
          }
          if (ex instanceof NoInputException) {
            err.println("tifa: " + oneLine(ex.getMessage()));
            return NO_INPUT;
          }
          if (ex instanceof SnapshotWriter.RefusedException) {
            err.println("tifa: " + oneLine(ex.getMessage()));
            return USAGE;
          }
          if (ex instanceof SnapshotWriter.BusyException) {
            err.println("tifa: " + oneLine(ex.getMessage()));
            return BUSY;
          }
          if (ex instanceof SnapshotRef.IncompatibleSnapshotException) {
            err.println("tifa: " + oneLine(ex.getMessage()));
            return INCOMPATIBLE_SNAPSHOT;
          }
          err.println("tifa: unexpected failure: " + ex);
          ex.printStackTrace(err);
          return UNEXPECTED;
        });
    return cli.execute(args);
  }

  /** A message for the one error line: control characters escaped, cut to a readable length. */
  static String oneLine(String message) {
    return ConfigException.clip(String.valueOf(message), 600);
  }

  /** {@code tifa run}. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Reads JSON reports and writes one Parquet snapshot (documents, quarantine, manifest).",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:success",
        "1:unexpected failure",
        "2:usage or configuration error",
        "3:no readable input",
        "4:quarantined share above --max-quarantine-ratio (the snapshot is still written)",
        "6:another run is writing a snapshot of that id"
      })
  static final class Run implements Callable<Integer> {
    @Mixin RunOptions arguments;

    @Override
    public Integer call() throws Exception {
      Instant startedAt = Instant.now();
      RunOptions options = arguments.withDefaults(System.getProperty("tifa.home")).validate();
      Logs.configure(options.verbose());
      Configuration hadoop = Hadoop.configuration();
      TifaConfig config =
          options.confFile() == null ? TifaConfig.defaults() : loadConf(options.confFile(), hadoop);
      List<ListInputs.InputFile> files =
          ListInputs.list(options.inputs(), config.extensions, options.output(), hadoop);
      ReferenceData reference = ReferenceData.bundled();
      SnapshotWriter writer =
          openWriter(
              options.output(),
              options.snapshotId(),
              defaultSnapshotId(startedAt),
              SnapshotWriter.Kind.SNAPSHOT,
              options.replace(),
              config.leftoverAge,
              hadoop,
              startedAt);
      Logs.tifa()
          .info(
              "tifa run: {} input file(s), snapshot {}, config sha256 {}",
              files.size(),
              writer.id(),
              config.sha256());
      return onSession(
          "tifa run",
          System.console() != null,
          writer::abandon,
          spark -> {
            RunJob.Result result =
                new RunJob(options, config, reference, files, writer, startedAt, () -> {})
                    .run(spark);
            Summary.print(System.out, result, options.output());
            return result.quarantineExceeded() ? QUARANTINE_EXCEEDED : OK;
          });
    }
  }

  /** {@code tifa compare}. */
  @Command(
      name = "compare",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Compares two snapshots: term changes with their significance, diffusion of terms across regions, region similarity.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:success",
        "1:unexpected failure",
        "2:usage or configuration error (including a --grain a snapshot was not counted at, or an --output holding a snapshot)",
        "3:a snapshot not found, or not a committed Tifa snapshot",
        "5:a snapshot written with another schema version",
        "6:another run is writing a comparison of that id"
      })
  static final class Compare implements Callable<Integer> {
    @Mixin CompareOptions arguments;

    @Override
    public Integer call() throws Exception {
      Instant startedAt = Instant.now();
      CompareOptions options = arguments.validate();
      Configuration hadoop = Hadoop.configuration();
      SnapshotRef baseRef = SnapshotRef.resolve("--base", options.base(), hadoop);
      SnapshotRef targetRef = SnapshotRef.resolve("--target", options.target(), hadoop);
      String counted = options.grain().equals(CompareOptions.ALL) ? "year" : options.grain();
      for (SnapshotRef ref : List.of(baseRef, targetRef)) {
        if (!ref.grains().contains(counted)) {
          throw new ConfigException(
              "--grain "
                  + options.grain()
                  + " needs term_counts at grain "
                  + counted
                  + ", and snapshot "
                  + ref.snapshotId()
                  + " was counted at "
                  + String.join(", ", ref.grains())
                  + " only");
        }
      }
      for (SnapshotRef ref : List.of(baseRef, targetRef)) {
        if (sameDirectory(options.output(), new Path(ref.dir()).getParent(), hadoop)) {
          throw new ConfigException(
              "--output "
                  + options.output()
                  + " holds snapshot "
                  + ref.snapshotId()
                  + ": its LATEST must keep naming a snapshot, "
                  + "write comparisons to another directory");
        }
      }
      String compareId = options.compareIdFor(baseRef.snapshotId(), targetRef.snapshotId());

      Logs.configure(options.verbose());
      SnapshotWriter writer =
          openWriter(
              options.output(),
              compareId,
              null,
              SnapshotWriter.Kind.COMPARISON,
              options.replace(),
              SnapshotWriter.Settings.DEFAULT_LEFTOVER_AGE,
              hadoop,
              startedAt);
      Logs.tifa()
          .info(
              "tifa compare: {} against {}, comparison {}",
              baseRef.dir(),
              targetRef.dir(),
              compareId);
      List<String> differences = SnapshotRef.configDifferences(baseRef, targetRef);
      if (!baseRef.configSha256().equals(targetRef.configSha256())) {
        Logs.tifa()
            .warn("the two snapshots were made with different configurations: {}", differences);
      }
      return onSession(
          "tifa compare",
          System.console() != null,
          writer::abandon,
          spark -> {
            CompareJob.Result result =
                new CompareJob(options, baseRef, targetRef, writer, startedAt).run(spark);
            System.out.print(CompareSummary.format(result, options.output()));
            return OK;
          });
    }
  }

  /**
   * Claims the output before Spark starts (see {@link SnapshotWriter}) and logs what killed runs
   * had left under the root.
   */
  private static SnapshotWriter openWriter(
      String output,
      String id,
      String defaultId,
      SnapshotWriter.Kind kind,
      boolean replace,
      java.time.Duration leftoverAge,
      Configuration hadoop,
      Instant startedAt)
      throws Exception {
    SnapshotWriter writer =
        SnapshotWriter.open(
            output,
            id,
            defaultId,
            SnapshotWriter.Settings.of(kind, replace, leftoverAge),
            hadoop,
            startedAt);
    for (String leftover : writer.leftovers()) {
      Logs.tifa().warn("leftover: {}", leftover);
    }
    return writer;
  }

  /** A command's work on the job's session; returns the exit code. */
  @FunctionalInterface
  interface OnSession {
    int run(SparkSession spark) throws Exception;
  }

  /**
   * Runs {@code body} on the job's session and stops the session afterwards when this command
   * started it; one that a platform started before Tifa (a Databricks JAR task) stays up. {@code
   * onStartFailure} runs when the session cannot start (a writer gives up its claim on the output).
   */
  private static int onSession(
      String name, boolean progressBar, Runnable onStartFailure, OnSession body) throws Exception {
    boolean own = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark;
    try {
      spark = Sessions.create(name, progressBar);
    } catch (RuntimeException | Error e) {
      onStartFailure.run();
      throw e;
    }
    try {
      return body.run(spark);
    } finally {
      if (own) {
        spark.stop();
      }
    }
  }

  /** Whether two paths are one directory; on the local filesystem through symbolic links too. */
  private static boolean sameDirectory(String dir, Path other, Configuration hadoop)
      throws java.io.IOException {
    if (other == null) {
      return false;
    }
    Path a = new Path(dir);
    a = a.getFileSystem(hadoop).makeQualified(a);
    Path b = other.getFileSystem(hadoop).makeQualified(other);
    if (a.equals(b)) {
      return true;
    }
    if ("file".equals(a.toUri().getScheme()) && "file".equals(b.toUri().getScheme())) {
      java.nio.file.Path x = java.nio.file.Path.of(a.toUri());
      java.nio.file.Path y = java.nio.file.Path.of(b.toUri());
      return java.nio.file.Files.exists(x)
          && java.nio.file.Files.exists(y)
          && java.nio.file.Files.isSameFile(x, y);
    }
    return false;
  }

  /** {@code tifa report}. */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Renders one self-contained, offline HTML page of a snapshot: top terms, maps, trends, diffusion, changes, manifest.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:success",
        "1:unexpected failure",
        "2:usage or configuration error (including a --region the snapshot does not know)",
        "3:a snapshot not found, or not a committed Tifa snapshot",
        "5:a snapshot written with another schema version"
      })
  static final class Report implements Callable<Integer> {
    @Mixin ReportOptions arguments;

    @Override
    public Integer call() throws Exception {
      ReportOptions options = arguments.validate();
      Configuration hadoop = Hadoop.configuration();
      TifaConfig config =
          options.confFile() == null ? TifaConfig.defaults() : loadConf(options.confFile(), hadoop);
      SnapshotRef shown = SnapshotRef.resolve("--snapshot", options.snapshot(), hadoop);
      SnapshotRef base =
          options.compareWith() == null
              ? null
              : SnapshotRef.resolve("--compare-with", options.compareWith(), hadoop);
      if (base != null) {
        for (SnapshotRef ref : List.of(base, shown)) {
          if (!ref.grains().contains("year")) {
            throw new ConfigException(
                "--compare-with needs term_counts at grain year in both snapshots, and snapshot "
                    + ref.snapshotId()
                    + " was counted at "
                    + String.join(", ", ref.grains())
                    + " only");
          }
        }
      }
      Logs.configure(options.verbose());
      ReportJob.trendsWarning(shown.snapshotId(), shown.grains()).ifPresent(Logs.tifa()::warn);
      Logs.tifa()
          .info(
              "tifa report: snapshot {}{}",
              shown.dir(),
              base == null ? "" : " against " + base.dir());
      return onSession(
          "tifa report",
          System.console() != null,
          () -> {},
          spark -> {
            ReportJob.Result result = new ReportJob(options, config, shown, base).run(spark);
            System.out.printf(
                "report of snapshot %s (%,d documents): %s, %,d bytes%n",
                shown.snapshotId(),
                result.model().meta().documents(),
                result.output(),
                result.bytes());
            return OK;
          });
    }
  }

  /** {@code tifa passages}. */
  @Command(
      name = "passages",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Prints the passages where a term appears in a snapshot (keyword in context): region, date, title and the sentence with the term marked.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:success (also when no passage matches)",
        "1:unexpected failure",
        "2:usage error, or a --term or --region the snapshot does not know",
        "3:a snapshot not found, not a committed Tifa snapshot, or written without a mentions table",
        "5:a snapshot written with another schema version"
      })
  static final class Passages implements Callable<Integer> {
    @Mixin PassagesOptions arguments;

    @Override
    public Integer call() throws Exception {
      PassagesOptions options = arguments.validate();
      SnapshotRef ref =
          SnapshotRef.resolve("--snapshot", options.snapshot(), Hadoop.configuration());
      Logs.configure(options.verbose());
      return onSession(
          "tifa passages",
          false,
          () -> {},
          spark -> {
            PassagesJob.Result result = new PassagesJob(options, ref).run(spark);
            PassagesJob.print(result, options.format(), System.out, System.err);
            return OK;
          });
    }
  }

  /** {@code tifa generate}. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = "Writes a deterministic synthetic corpus in the input format, for benchmarks.")
  static final class Generate implements Callable<Integer> {
    @Option(names = "--docs", required = true, paramLabel = "N", description = "Number of records.")
    long docs;

    @Option(
        names = "--output",
        required = true,
        paramLabel = "DIR",
        description = "Directory for the part files.")
    String output;

    @Option(
        names = "--seed",
        paramLabel = "S",
        description = "Random seed. Default: ${DEFAULT-VALUE}")
    long seed = 1;

    @Option(
        names = "--files",
        paramLabel = "K",
        description = "Number of part files. Default: one per 100,000 records")
    Integer files;

    @Option(names = "--gzip", description = "Compress the part files with gzip.")
    boolean gzip;

    @Override
    public Integer call() throws Exception {
      if (docs <= 0) {
        throw new ConfigException("--docs must be a positive number");
      }
      int parts =
          files != null ? files : (int) Math.max(1, Math.min(10_000, (docs + 99_999) / 100_000));
      if (parts <= 0 || parts > docs) {
        throw new ConfigException("--files must be between 1 and --docs");
      }
      ReferenceData reference = ReferenceData.bundled();
      long started = System.nanoTime();
      WriteCorpus.Written written =
          WriteCorpus.write(
              new CorpusGenerator(
                  seed, reference.gazetteer(), reference.lexicon(), reference.taxonomy()),
              docs,
              java.nio.file.Path.of(output),
              parts,
              gzip);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "%,d records in %d file(s), %,d bytes, %.1f s, under %s%n",
          docs, written.files().size(), written.bytes(), seconds, output);
      return OK;
    }
  }

  static TifaConfig loadConf(String file, Configuration hadoop) {
    Path path = new Path(file);
    try (InputStream in = path.getFileSystem(hadoop).open(path)) {
      return TifaConfig.withOverrides(in, file);
    } catch (java.io.FileNotFoundException e) {
      throw new ConfigException("--conf file not found: " + ConfigException.quote(file));
    } catch (java.io.IOException e) {
      throw new ConfigException(
          "--conf file unreadable: "
              + ConfigException.quote(file)
              + ": "
              + ConfigException.clip(e.getMessage(), 200));
    }
  }

  static String defaultSnapshotId(Instant at) {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(at);
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tifa " + Version.TIFA};
    }
  }

  /** Hadoop settings for the driver's checks before Spark starts (spark.hadoop.* included). */
  static final class Hadoop {
    private Hadoop() {}

    static Configuration configuration() {
      Configuration conf = new Configuration();
      for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
        String key = e.getKey().toString();
        if (key.startsWith("spark.hadoop.")) {
          conf.set(key.substring("spark.hadoop.".length()), e.getValue().toString());
        }
      }
      return conf;
    }
  }
}

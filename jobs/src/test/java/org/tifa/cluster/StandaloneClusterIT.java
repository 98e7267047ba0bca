package org.tifa.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.schema.Tables;
import org.tifa.testing.DuckDb;
import org.tifa.testing.SnapshotDiff;

/**
 * {@code bin/tifa-cluster} end to end: a standalone cluster (one master, two workers of 1 core and
 * 1g) on free loopback ports with its state in a temporary folder; the run job submitted to it on
 * the bundled sample must write exactly what a {@code bin/tifa} ({@code local[*]}) run writes, also
 * when a worker is killed while the job runs. Every process is stopped by pid afterwards, by a
 * shutdown hook too if the JVM ends early; the temporary folder stays when a test fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  private static final Path REPO =
      Path.of(System.getProperty("tifa.repo")).toAbsolutePath().normalize();
  private static final Path SAMPLE = REPO.resolve("data/sample/input");
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
  private static final String SNAPSHOT = "s";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path work;

  private static Path state;
  private static int masterPort;
  private static Path localSnapshot;
  private static final Map<String, String> ENV = new HashMap<>();
  private static final List<Process> STARTED = new CopyOnWriteArrayList<>();
  private static final Thread SHUTDOWN_HOOK = new Thread(StandaloneClusterIT::stopEverything);

  @BeforeAll
  static void startClusterAndRunLocally() throws Exception {
    Instant t0 = Instant.now();
    state = work.resolve("cluster");
    ENV.put("TIFA_CLUSTER_DIR", state.toString());
    ENV.put("TIFA_JAR", System.getProperty("tifa.jar"));
    ENV.put("TIFA_SPARK_CLASSPATH", System.getProperty("tifa.sparkClasspath"));
    // The Spark line of this build (its jar, Spark's jars and Scala version).
    ENV.put("TIFA_SPARK", System.getProperty("tifa.spark"));
    ENV.put("TIFA_JAVA_OPTS", "-Xmx1g");
    ENV.put("JAVA_HOME", System.getProperty("java.home"));
    Runtime.getRuntime().addShutdownHook(SHUTDOWN_HOOK);

    // The reference run and the cluster's start-up overlap: each mostly waits for JVMs to warm up.
    Path localOut = work.resolve("out-local");
    Process local =
        launch(
            "local.log",
            REPO.resolve("bin/tifa").toString(),
            "run",
            "--input",
            SAMPLE.toString(),
            "--output",
            localOut.toString(),
            "--snapshot",
            SNAPSHOT);
    masterPort = freePorts(4);
    int masterUi = masterPort + 1;
    int workerUi = masterPort + 2;
    expectSuccess(
        "start.log",
        cluster(
            "start.log",
            "start",
            "--workers",
            "2",
            "--cores",
            "1",
            "--memory",
            "1g",
            "--master-port",
            String.valueOf(masterPort),
            "--master-webui-port",
            String.valueOf(masterUi),
            "--worker-webui-port",
            String.valueOf(workerUi)));
    expectSuccess("local.log", local);
    localSnapshot = localOut.resolve(SNAPSHOT);
    System.out.printf(
        "StandaloneClusterIT: cluster started and local run done in %ds%n", seconds(t0));
  }

  @AfterAll
  static void stopAndCheckNothingIsLeft() {
    stopEverything();
    Runtime.getRuntime().removeShutdownHook(SHUTDOWN_HOOK);
    // Every JVM of the cluster (master, workers, executors, drivers) has the state folder in its
    // class path; any still alive is a leak: ended here by pid, and reported.
    List<ProcessHandle> left =
        ProcessHandle.allProcesses()
            .filter(
                p -> p.info().commandLine().map(c -> c.contains(state.toString())).orElse(false))
            .toList();
    List<String> described =
        left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
    left.forEach(ProcessHandle::destroyForcibly);
    assertEquals(List.of(), described, "processes left behind");
  }

  @Test
  @Order(1)
  void theJobOnTwoWorkersWritesWhatALocalRunWrites() throws Exception {
    Instant t0 = Instant.now();
    Set<String> appsBefore = applications();
    Path out = work.resolve("out-cluster");
    expectSuccess("submit.log", submit("submit.log", out));

    String app = onlyNewApplication(appsBefore);
    for (int worker = 1; worker <= 2; worker++) {
      List<Path> stderr = executorLogs(worker, app);
      assertEquals(1, stderr.size(), "one executor JVM on worker " + worker + ": " + stderr);
      assertTrue(
          Files.readString(stderr.get(0)).contains("Finished task"),
          "the executor on worker " + worker + " ran tasks");
    }
    assertSameSnapshot(localSnapshot, out.resolve(SNAPSHOT));
    System.out.printf("StandaloneClusterIT: clean cluster run checked in %ds%n", seconds(t0));
  }

  /**
   * tifa compare goes through spark-submit too. The local and the cluster snapshot of the sample
   * hold the same rows (the test above), so every term in every region is "same".
   */
  @Test
  @Order(2)
  void compareSubmittedToTheClusterFindsTheLocalAndClusterRunsAlike() throws Exception {
    Path cluster = work.resolve("out-cluster").resolve(SNAPSHOT);
    Assumptions.assumeTrue(
        Files.exists(cluster.resolve("_SUCCESS")), "the cluster run of the first test committed");
    Path out = work.resolve("out-compare");
    expectSuccess(
        "compare.log",
        cluster(
            "compare.log",
            "submit",
            "--total-executor-cores",
            "2",
            "--conf",
            "spark.ui.enabled=false",
            "--",
            "compare",
            "--base",
            localSnapshot.toString(),
            "--target",
            cluster.toString(),
            "--output",
            out.toString(),
            "--id",
            "local-vs-cluster"));
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      String changes =
          "read_parquet('"
              + out.resolve("local-vs-cluster").resolve("term_changes")
              + "/*.parquet')";
      List<List<String>> byStatus =
          DuckDb.strings(db, "SELECT status, count(*) FROM " + changes + " GROUP BY status");
      assertEquals(1, byStatus.size(), "one status only: " + byStatus);
      assertEquals("same", byStatus.get(0).get(0));
      assertTrue(Long.parseLong(byStatus.get(0).get(1)) > 0, "rows compared");
    }
  }

  @Test
  @Order(3)
  void aWorkerKilledMidJobLosesAndDuplicatesNothing() throws Exception {
    Instant t0 = Instant.now();
    Set<String> appsBefore = applications();
    Path out = work.resolve("out-killed");
    Process driver = submit("submit-killed.log", out);

    // Kill worker 2 as soon as its executor has finished a task: the job is under way then, and
    // what that executor computed and cached is lost with it and must be recomputed elsewhere.
    Path victimLog = awaitExecutorTask(driver, appsBefore, 2);
    assertFalse(Files.exists(out.resolve("LATEST")), "the worker dies before the job commits");
    ProcessHandle worker = ProcessHandle.of(pid("worker-2")).orElseThrow();
    List<ProcessHandle> executors = worker.children().toList();
    assertFalse(executors.isEmpty(), "worker 2 runs an executor");
    worker.destroyForcibly();

    expectSuccess("submit-killed.log", driver);
    String driverLog = Files.readString(work.resolve("submit-killed.log"));
    assertTrue(
        driverLog.contains("Lost executor"),
        "the driver saw its executor on worker 2 go: " + victimLog);
    try (Stream<Path> entries = Files.list(out)) {
      assertEquals(
          Set.of("LATEST", SNAPSHOT),
          entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
          "one committed snapshot and nothing else");
    }
    assertEquals(SNAPSHOT + "\n", Files.readString(out.resolve("LATEST")));
    assertTrue(Files.exists(out.resolve(SNAPSHOT).resolve("_SUCCESS")));
    assertSameSnapshot(localSnapshot, out.resolve(SNAPSHOT));
    for (ProcessHandle executor : executors) {
      // An executor notices that its worker is gone and exits by itself.
      assertTrue(
          awaitExit(executor, Duration.ofSeconds(60)),
          "the executor " + executor.pid() + " of the killed worker exited");
    }
    System.out.printf(
        "StandaloneClusterIT: run with a killed worker checked in %ds%n", seconds(t0));
  }

  @Test
  @Order(4)
  void userErrorsAreOneLineWithTheirOwnExitCode() throws Exception {
    assertOneLineError("errors.log", 2, "a cluster already runs", cluster("errors.log", "start"));
    assertOneLineError(
        "errors.log",
        2,
        "--workers needs a positive integer",
        cluster("errors.log", "start", "--workers", "0"));
    assertOneLineError("errors.log", 2, "unknown command", cluster("errors.log", "restart"));

    Map<String, String> saved = Map.copyOf(ENV);
    ENV.put("TIFA_CLUSTER_DIR", work.resolve("no-cluster").toString());
    try {
      assertOneLineError("errors.log", 5, "no cluster runs", cluster("errors.log", "status"));
      assertOneLineError(
          "errors.log",
          5,
          "no cluster runs",
          cluster("errors.log", "submit", "run", "--input", SAMPLE.toString()));
      assertOneLineError(
          "errors.log",
          2,
          "port " + masterPort + " on 127.0.0.1 is in use",
          cluster("errors.log", "start", "--master-port", String.valueOf(masterPort)));
      ENV.put("TIFA_SPARK", "3.4_2.12");
      assertOneLineError(
          "errors.log", 2, "TIFA_SPARK: no Spark line '3.4_2.12'", cluster("errors.log", "status"));
    } finally {
      ENV.putAll(saved);
    }
  }

  private static void assertOneLineError(String log, int code, String mentions, Process p)
      throws Exception {
    assertEquals(code, await(log, p), () -> read(log));
    List<String> lines = read(log).lines().toList();
    assertEquals(1, lines.size(), lines::toString);
    assertTrue(
        lines.get(0).startsWith("tifa-cluster: ") && lines.get(0).contains(mentions), lines.get(0));
  }

  /**
   * The manifests' counts and table sizes, then every table's columns and rows,
   * order-insensitively.
   */
  private static void assertSameSnapshot(Path expected, Path actual) throws Exception {
    assertEquals(
        manifest(expected).get("tables"), manifest(actual).get("tables"), "manifest table sizes");
    assertEquals(
        List.of(),
        SnapshotDiff.differences(expected, actual),
        "the cluster run's tables against the local run's");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      String documents = "read_parquet('" + expected.resolve(Tables.DOCUMENTS) + "/*.parquet')";
      assertTrue(
          Long.parseLong(DuckDb.strings(db, "SELECT count(*) FROM " + documents).get(0).get(0)) > 0,
          "documents has rows");
    }
  }

  private static JsonNode manifest(Path snapshot) throws IOException {
    return new ObjectMapper().readTree(snapshot.resolve("manifest.json").toFile());
  }

  private static Process submit(String log, Path out) throws IOException {
    // Both executors registered before the first task, so that each worker gets work; shuffles as
    // wide as the local run's are not needed: the rows must not depend on the partitioning.
    return cluster(
        log,
        "submit",
        "--total-executor-cores",
        "2",
        "--conf",
        "spark.scheduler.minRegisteredResourcesRatio=1",
        "--conf",
        "spark.ui.enabled=false",
        "--conf",
        "spark.sql.shuffle.partitions=6",
        "--",
        "run",
        "--input",
        SAMPLE.toString(),
        "--output",
        out.toString(),
        "--snapshot",
        SNAPSHOT);
  }

  private static Process cluster(String log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(REPO.resolve("bin/tifa-cluster").toString()));
    command.addAll(List.of(args));
    return launch(log, command.toArray(String[]::new));
  }

  private static Process launch(String log, String... command) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(work.resolve(log).toFile());
    pb.environment().putAll(ENV);
    Process p = pb.start();
    STARTED.add(p);
    return p;
  }

  private static int await(String log, Process p) throws InterruptedException {
    if (!p.waitFor(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(log + ": no exit within " + JOB_TIMEOUT + "\n" + tail(log));
    }
    return p.exitValue();
  }

  private static void expectSuccess(String log, Process p) throws InterruptedException {
    int code = await(log, p);
    assertEquals(0, code, () -> log + " exited with " + code + "\n" + tail(log));
  }

  /** Polls until worker N's executor of the new application logs a finished task; its stderr. */
  private static Path awaitExecutorTask(Process driver, Set<String> appsBefore, int worker)
      throws Exception {
    Instant deadline = Instant.now().plus(JOB_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      assertTrue(
          driver.isAlive(),
          () ->
              "the job ended before worker "
                  + worker
                  + " ran a task\n"
                  + tail("submit-killed.log"));
      Set<String> apps = applications();
      apps.removeAll(appsBefore);
      for (String app : apps) {
        for (Path stderr : executorLogs(worker, app)) {
          if (Files.readString(stderr).contains("Finished task")) {
            return stderr;
          }
        }
      }
      Thread.sleep(200);
    }
    return fail("worker " + worker + " ran no task within " + JOB_TIMEOUT);
  }

  /** Application ids with a folder in some worker's work dir. */
  private static Set<String> applications() throws IOException {
    Set<String> apps = new HashSet<>();
    for (int worker = 1; worker <= 2; worker++) {
      Path dir = state.resolve("work/worker-" + worker);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("app-"))
              .forEach(apps::add);
        }
      }
    }
    return apps;
  }

  private static String onlyNewApplication(Set<String> before) throws IOException {
    Set<String> apps = applications();
    apps.removeAll(before);
    assertEquals(1, apps.size(), "one new application: " + apps);
    return apps.iterator().next();
  }

  /** The stderr files of the executors that worker N ran for an application. */
  private static List<Path> executorLogs(int worker, String app) throws IOException {
    Path dir = state.resolve("work/worker-" + worker).resolve(app);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> executors = Files.list(dir)) {
      return executors.map(e -> e.resolve("stderr")).filter(Files::exists).sorted().toList();
    }
  }

  private static long pid(String daemon) throws IOException {
    return Long.parseLong(Files.readString(state.resolve(daemon + ".pid")).trim());
  }

  private static boolean awaitExit(ProcessHandle p, Duration timeout) throws Exception {
    try {
      p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  /**
   * Ends what the tests started: drivers and local runs by their handles, the cluster by its pid
   * files.
   */
  private static void stopEverything() {
    STARTED.forEach(Process::destroyForcibly);
    if (state == null || !Files.exists(state)) {
      return;
    }
    ProcessBuilder pb =
        new ProcessBuilder(REPO.resolve("bin/tifa-cluster").toString(), "stop")
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve("stop.log").toFile()));
    pb.environment().putAll(ENV);
    pb.environment().put("TIFA_CLUSTER_DIR", state.toString());
    try {
      Process stop = pb.start();
      if (!stop.waitFor(2, TimeUnit.MINUTES)) {
        stop.destroyForcibly();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Picks N consecutive ports that are free on the loopback address now (a small race with other
   * programs remains, as with any free-port search).
   */
  private static int freePorts(int n) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket first = new ServerSocket(0, 1, loopback)) {
        int base = first.getLocalPort();
        if (base + n - 1 <= 65535
            && IntStream.range(1, n).allMatch(i -> bindable(base + i, loopback))) {
          return base;
        }
      }
    }
    throw new IOException("no " + n + " consecutive free ports on " + loopback);
  }

  private static boolean bindable(int port, InetAddress address) {
    try (ServerSocket s = new ServerSocket(port, 1, address)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(String log) {
    try {
      return Files.readString(work.resolve(log), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String log) {
    List<String> lines = read(log).lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static long seconds(Instant since) {
    return Duration.between(since, Instant.now()).toSeconds();
  }
}

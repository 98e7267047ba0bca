package org.tifa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.statistics.IOStatistics;
import org.apache.hadoop.fs.statistics.IOStatisticsSupport;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.testing.S3Server;

/**
 * Hadoop's S3A connector and the Tifa jobs against a real S3-compatible server on loopback ({@link
 * S3Server}: s3proxy over a folder): the filesystem operations, Spark's Parquet, and {@code tifa
 * run}, {@code compare} and {@code report} with every path on S3. The last tests pin the store
 * semantics a commit protocol on S3 can rely on: which writes are atomic create-if-absent, and what
 * a directory rename costs.
 */
class S3IT extends SparkTest {
  @RegisterExtension static final S3Server S3 = new S3Server();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.nio.file.Path SAMPLE =
      java.nio.file.Path.of(System.getProperty("tifa.repo"), "data/sample/input");

  @TempDir static java.nio.file.Path local;
  static FileSystem fs;
  static long fsMillis;

  /**
   * Opens this bucket's S3A filesystem with the server's settings. Hadoop caches it per bucket, so
   * Spark's tasks and the jobs get this same instance whatever configuration they pass.
   */
  @BeforeAll
  static void openS3a() throws IOException {
    long t0 = System.nanoTime();
    fs = FileSystem.get(URI.create(S3.uri("")), S3.hadoopConf());
    fs.exists(new Path(S3.uri("none")));
    fsMillis = (System.nanoTime() - t0) / 1_000_000;
  }

  @AfterAll
  static void timings() {
    System.out.printf(
        "S3IT start-up: s3proxy %d ms, first S3A filesystem and request %d ms%n",
        S3.startMillis(), fsMillis);
  }

  @Override
  public SparkConf conf() {
    return S3.configure(super.conf());
  }

  /** The settings again on the context, in case it was made before this class (conf() unused). */
  @BeforeEach
  void pointSparkAtS3() {
    S3.hadoopSettings().forEach(spark().sparkContext().hadoopConfiguration()::set);
  }

  private static void write(Path path, String text) throws IOException {
    try (OutputStream out = fs.create(path, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** S3A's requests counted on the shared filesystem (Spark's tasks run in this JVM and use it). */
  private static final List<String> REQUESTS =
      List.of(
          "object_put_request",
          "object_copy_requests",
          "object_list_request",
          "object_metadata_request",
          "object_delete_objects",
          "object_bulk_delete_request");

  private static long[] requests() {
    IOStatistics stats = IOStatisticsSupport.retrieveIOStatistics(fs);
    return REQUESTS.stream().mapToLong(name -> stats.counters().getOrDefault(name, 0L)).toArray();
  }

  /** Runs {@code tifa ARGS...}, printing how long it took and the S3 requests it made. */
  private static int tifa(String... args) {
    long[] before = requests();
    long t0 = System.nanoTime();
    int code = Tifa.execute(args);
    long[] after = requests();
    StringBuilder made = new StringBuilder();
    for (int i = 0; i < REQUESTS.size(); i++) {
      made.append(' ').append(REQUESTS.get(i)).append('=').append(after[i] - before[i]);
    }
    System.out.printf(
        "S3IT tifa %s: %d s,%s%n", args[0], (System.nanoTime() - t0) / 1_000_000_000, made);
    return code;
  }

  private static String text(String key) {
    return new String(S3.read(key), StandardCharsets.UTF_8);
  }

  @Test
  void hadoopFileSystemCreatesListsRenamesAndDeletes() throws Exception {
    write(new Path(S3.uri("fs/a/one.txt")), "one");
    write(new Path(S3.uri("fs/a/two.txt")), "two");
    assertEquals(List.of("fs/a/one.txt", "fs/a/two.txt"), S3.keys("fs/"));
    // Real objects: each one a file under the server's folder.
    assertEquals("one", Files.readString(S3.folder().resolve(S3.bucket()).resolve("fs/a/one.txt")));

    List<String> listed = new ArrayList<>();
    for (FileStatus s : fs.listStatus(new Path(S3.uri("fs/a")))) {
      listed.add(s.getPath().getName() + ":" + s.getLen());
    }
    listed.sort(String::compareTo);
    assertEquals(List.of("one.txt:3", "two.txt:3"), listed);

    Assertions.assertTrue(fs.rename(new Path(S3.uri("fs/a")), new Path(S3.uri("fs/b"))));
    assertEquals(List.of("fs/b/one.txt", "fs/b/two.txt"), S3.keys("fs/"));
    assertEquals("two", text("fs/b/two.txt"));

    Assertions.assertTrue(fs.delete(new Path(S3.uri("fs/b")), true));
    // S3A leaves a marker object for the emptied parent, so that fs/ still exists as a directory.
    assertEquals(List.of("fs/"), S3.keys("fs/"));
    assertFalse(fs.exists(new Path(S3.uri("fs/b"))));
    Assertions.assertTrue(fs.getFileStatus(new Path(S3.uri("fs"))).isDirectory());
  }

  @Test
  void sparkWritesAndReadsParquet() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.LongType)
            .add("region", DataTypes.StringType)
            .add("text", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (long i = 0; i < 1000; i++) {
      rows.add(RowFactory.create(i, "37150" + (i % 7), "口号 " + i));
    }
    Dataset<Row> table = spark().createDataFrame(rows, schema).repartition(3);
    table.write().partitionBy("region").parquet(S3.uri("parquet/t"));

    List<String> keys = S3.keys("parquet/t/");
    Assertions.assertTrue(keys.contains("parquet/t/_SUCCESS"), keys.toString());
    assertEquals(
        7,
        keys.stream()
            .filter(k -> k.endsWith(".parquet"))
            .map(k -> k.split("/")[2])
            .distinct()
            .count(),
        keys.toString());
    assertFalse(keys.stream().anyMatch(k -> k.contains("_temporary")), keys.toString());

    Dataset<Row> back =
        spark().read().schema(schema).parquet(S3.uri("parquet/t")).select("id", "region", "text");
    assertEquals(1000, back.count());
    assertDataFrameNoOrderEquals(table, back);
  }

  @Test
  void runCompareAndReportWithEveryPathOnS3() throws Exception {
    fs.copyFromLocalFile(new Path(SAMPLE.toUri()), new Path(S3.uri("in")));
    assertEquals(6, S3.keys("in/").size());

    // The target: the whole sample; the base: one of its files.
    assertEquals(
        Tifa.OK,
        tifa("run", "--input", S3.uri("in"), "--output", S3.uri("out/all"), "--snapshot", "all"));
    assertEquals(
        Tifa.OK,
        tifa(
            "run",
            "--input",
            S3.uri("in/news_2023.jsonl"),
            "--output",
            S3.uri("out/2023"),
            "--snapshot",
            "y2023"));

    assertEquals("all", text("out/all/LATEST").strip());
    JsonNode manifest = JSON.readTree(S3.read("out/all/all/manifest.json"));
    // The sample's labels: 434 records, 368 accepted, 38 duplicates, 28 quarantined.
    assertEquals(434, manifest.get("counts").get("records_read").asLong());
    assertEquals(368, spark().read().parquet(S3.uri("out/all/all/documents")).count());
    List<String> keys = S3.keys("out/all/");
    Assertions.assertTrue(keys.contains("out/all/all/_SUCCESS"), keys.toString());
    assertFalse(
        keys.stream().anyMatch(k -> k.startsWith("out/all/_") && !k.endsWith("/")),
        "no lock or working object left: " + keys);

    assertEquals(
        Tifa.OK,
        tifa(
            "compare",
            "--base",
            S3.uri("out/2023"),
            "--target",
            S3.uri("out/all"),
            "--output",
            S3.uri("cmp")));
    List<String> comparison = S3.keys("cmp/");
    Assertions.assertTrue(
        comparison.stream().anyMatch(k -> k.endsWith("/manifest.json")), comparison.toString());

    java.nio.file.Path html = local.resolve("report.html");
    assertEquals(
        Tifa.OK,
        tifa(
            "report",
            "--snapshot",
            S3.uri("out/all"),
            "--compare-with",
            S3.uri("out/2023"),
            "--output",
            html.toString()));
    String page = Files.readString(html);
    assertEquals(
        "<!-- Tifa " + Version.TIFA + " report of snapshot all -->",
        page.lines().findFirst().orElseThrow());
  }

  // The store semantics below are what s3proxy and S3A do, checked here so that a change in
  // either (a version bump) shows up as a failing test rather than as a commit protocol that
  // quietly stops holding.

  /** Runs {@code task} on {@code n} threads released together; their outcomes in thread order. */
  private static <T> List<T> race(int n, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return task.call();
                }));
      }
      go.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void s3proxyRefusesAPutWithIfNoneMatchStarWhenTheKeyExists() throws Exception {
    Assertions.assertTrue(S3.putIfAbsent("cond/a", "first".getBytes(StandardCharsets.UTF_8)));
    assertFalse(S3.putIfAbsent("cond/a", "second".getBytes(StandardCharsets.UTF_8)));
    assertEquals("first", text("cond/a"));

    // Eight writers of one new key at once: exactly one wins, and its bytes are what is stored.
    int[] next = {0};
    List<Boolean> won =
        race(
            8,
            () -> {
              String who;
              synchronized (next) {
                who = "writer " + next[0]++;
              }
              return S3.putIfAbsent("cond/race", who.getBytes(StandardCharsets.UTF_8))
                  ? Boolean.TRUE
                  : Boolean.FALSE;
            });
    assertEquals(1, won.stream().filter(b -> b).count(), won.toString());
    Assertions.assertTrue(text("cond/race").startsWith("writer "));
  }

  @Test
  void s3aCreateWithoutOverwriteChecksFirstAndIsNotAtomic() throws Exception {
    Path p = new Path(S3.uri("create/plain"));
    write(p, "existing");
    // An existing file is found by the HEAD probe when the stream is created.
    assertThrows(FileAlreadyExistsException.class, () -> fs.create(p, false));

    // Two writers that both probe before either has closed: both succeed, the last close wins.
    Path q = new Path(S3.uri("create/race"));
    FSDataOutputStream a = fs.create(q, false);
    FSDataOutputStream b = fs.create(q, false);
    a.write("a".getBytes(StandardCharsets.UTF_8));
    b.write("b".getBytes(StandardCharsets.UTF_8));
    a.close();
    b.close();
    assertEquals("b", text("create/race"));
  }

  /** A stream that S3A uploads with {@code If-None-Match: *} when it closes. */
  private static FSDataOutputStream createIfAbsent(Path p) throws IOException {
    // S3A's createFile builder is a raw type: build() is declared to return Object.
    return (FSDataOutputStream)
        fs.createFile(p)
            .overwrite(false)
            .must("fs.option.create.conditional.overwrite", true)
            .build();
  }

  @Test
  void s3aConditionalCreateFailsAtCloseWhenAnotherWriterWon() throws Exception {
    Path q = new Path(S3.uri("create/conditional"));
    FSDataOutputStream a = createIfAbsent(q);
    FSDataOutputStream b = createIfAbsent(q);
    a.write("a".getBytes(StandardCharsets.UTF_8));
    b.write("b".getBytes(StandardCharsets.UTF_8));
    a.close();
    IOException lost = assertThrows(IOException.class, b::close);
    System.out.println("S3IT conditional create, the losing close: " + lost);
    assertEquals("a", text("create/conditional"));

    List<String> outcomes =
        race(
            8,
            () -> {
              try (FSDataOutputStream out =
                  createIfAbsent(new Path(S3.uri("create/conditional-race")))) {
                out.write(Thread.currentThread().getName().getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                return e.getClass().getSimpleName();
              }
              return "won";
            });
    assertEquals(1, outcomes.stream().filter("won"::equals).count(), outcomes.toString());
  }

  @Test
  void s3aRenamesADirectoryByCopyingAndDeletingEachObject() throws Exception {
    int files = 40;
    for (int i = 0; i < files; i++) {
      write(new Path(S3.uri("rename/src/part-" + i)), "part " + i);
    }
    IOStatistics stats = IOStatisticsSupport.retrieveIOStatistics(fs);
    long copies = stats.counters().get("object_copy_requests");
    long deletes = stats.counters().get("object_delete_objects");

    // A reader listing both sides while the rename runs: what it sees is timing-dependent, so it
    // is printed, not asserted.
    java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                seen.add(
                    S3.keys("rename/src/").size()
                        + " src + "
                        + S3.keys("rename/dst/").size()
                        + " dst");
              }
            });
    reader.start();
    Assertions.assertTrue(
        fs.rename(new Path(S3.uri("rename/src")), new Path(S3.uri("rename/dst"))));
    done.set(true);
    reader.join();
    System.out.println("S3IT rename, listings seen during it: " + new java.util.TreeSet<>(seen));

    assertEquals(
        files, stats.counters().get("object_copy_requests") - copies, "one COPY per object");
    Assertions.assertTrue(
        stats.counters().get("object_delete_objects") - deletes >= files,
        "every source object deleted");
    assertEquals(List.of(), S3.keys("rename/src/"));
    List<String> moved = S3.keys("rename/dst/");
    assertEquals(files, moved.size(), moved.toString());
    assertArrayEquals("part 3".getBytes(StandardCharsets.UTF_8), S3.read("rename/dst/part-3"));
    System.out.println(
        "S3IT rename counters: "
            + Arrays.toString(
                new long[] {
                  stats.counters().get("object_copy_requests") - copies,
                  stats.counters().get("object_delete_objects") - deletes
                }));
  }
}

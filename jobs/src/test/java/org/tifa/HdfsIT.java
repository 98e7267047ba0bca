package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.schema.Tables;

/**
 * The run job with every path on HDFS — input directory, --conf file, output root — against an
 * in-process HDFS (MiniDFSCluster: a real NameNode and DataNode over loopback).
 */
class HdfsIT extends SparkTest {
  @TempDir static Path base;
  static MiniDFSCluster dfs;

  @BeforeAll
  static void startHdfs() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    dfs.waitActive();
  }

  @AfterAll
  static void stopHdfs() {
    if (dfs != null) {
      dfs.shutdown(true);
    }
  }

  @Test
  void inputConfAndOutputOnHdfs() throws Exception {
    FileSystem fs = dfs.getFileSystem();
    String root = fs.getUri().toString();
    Path sample = Path.of(System.getProperty("tifa.repo"), "data/sample/input");
    fs.copyFromLocalFile(
        new org.apache.hadoop.fs.Path(sample.toUri()), new org.apache.hadoop.fs.Path(root + "/in"));
    try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(root + "/conf/tifa.yaml"))) {
      out.write("output:\n  grains: [month, year]\n".getBytes(StandardCharsets.UTF_8));
    }

    int code =
        Tifa.execute(
            "run",
            "--input",
            root + "/in",
            "--output",
            root + "/out",
            "--conf",
            root + "/conf/tifa.yaml",
            "--snapshot",
            "h");
    assertEquals(Tifa.OK, code);

    String latest;
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(root + "/out/LATEST"))) {
      latest = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    assertEquals("h", latest);
    JsonNode manifest;
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(root + "/out/h/manifest.json"))) {
      manifest = new ObjectMapper().readTree(in);
    }
    // The sample's labels: 434 records, 368 accepted, 38 duplicates, 28 quarantined.
    assertEquals(434, manifest.get("counts").get("records_read").asLong());
    assertEquals(368, spark().read().parquet(root + "/out/h/documents").count());
    assertEquals(
        "[\"month\",\"year\"]", manifest.get("config").get("output").get("grains").toString());
    assertEquals(
        2,
        spark().read().parquet(root + "/out/h/term_counts").select("grain").distinct().count(),
        "the --conf file read from HDFS was applied");
  }

  /**
   * Writes and commits a snapshot whose one table file holds {@code content}, through the protocol.
   */
  private static void commit(String root, String id, boolean replace, String content)
      throws Exception {
    org.tifa.write.SnapshotWriter w =
        org.tifa.write.SnapshotWriter.open(
            root,
            id,
            null,
            org.tifa.write.SnapshotWriter.Settings.of(
                org.tifa.write.SnapshotWriter.Kind.SNAPSHOT,
                replace,
                org.tifa.write.SnapshotWriter.Settings.DEFAULT_LEFTOVER_AGE),
            dfs.getFileSystem().getConf(),
            java.time.Instant.now());
    w.writeText("documents/part-0.txt", content);
    w.writeText(
        org.tifa.write.SnapshotWriter.MANIFEST,
        "{\"snapshot_id\":\""
            + id
            + "\",\"schema_version\":"
            + Tables.SCHEMA_VERSION
            + ",\"config\":{}}");
    w.commit();
  }

  @Test
  void aSnapshotIsReplacedOnHdfsOnlyWhenAskedAndLatestIsRenamedOverAtomically() throws Exception {
    FileSystem fs = dfs.getFileSystem();
    String root = fs.getUri() + "/protocol";
    commit(root, "a", false, "old");
    try (OutputStream out =
        fs.create(new org.apache.hadoop.fs.Path(fs.getUri() + "/protocol-in/r.jsonl"))) {
      out.write("{\"body\":\"b\",\"published_at\":\"2024\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(
        Tifa.USAGE,
        Tifa.execute(
            "run", "--input", fs.getUri() + "/protocol-in", "--output", root, "--snapshot", "a"));
    commit(root, "a", true, "new");
    org.tifa.compare.SnapshotRef ref =
        org.tifa.compare.SnapshotRef.resolve("--snapshot", root, fs.getConf());
    try (InputStream in =
        fs.open(new org.apache.hadoop.fs.Path(ref.dir(), "documents/part-0.txt"))) {
      assertEquals("new", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(new org.apache.hadoop.fs.Path(root))) {
      names.add(s.getPath().getName());
    }
    java.util.Collections.sort(names);
    assertEquals(
        java.util.List.of("LATEST", "a"), names, "no temporary LATEST or replacement left");
  }
}

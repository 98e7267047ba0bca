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
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(sample.toUri()), new org.apache.hadoop.fs.Path(root + "/in"));
    try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(root + "/conf/tifa.yaml"))) {
      out.write("output:\n  grains: [month, year]\n".getBytes(StandardCharsets.UTF_8));
    }

    int code =
        Tifa.execute("run", "--input", root + "/in", "--output", root + "/out", "--conf", root + "/conf/tifa.yaml", "--snapshot", "h");
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
    assertEquals("[\"month\",\"year\"]", manifest.get("config").get("output").get("grains").toString());
    assertEquals(
        2,
        spark().read().parquet(root + "/out/h/term_counts").select("grain").distinct().count(),
        "the --conf file read from HDFS was applied");
  }
}

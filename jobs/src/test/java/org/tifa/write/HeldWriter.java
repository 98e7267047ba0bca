package org.tifa.write;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.tifa.schema.Tables;

/**
 * A writer in a process of its own that stops at a chosen step of the commit protocol and waits
 * there, so that a test can kill it with SIGKILL at exactly that step: a real crash, not a
 * simulated one. It writes a fake table whose one file holds {@code content}.
 *
 * <p>Arguments: {@code ROOT ID REPLACE(true|false) STEP|none CONTENT [hadoop.key=value ...]}.
 */
public final class HeldWriter {
  static final String HELD = "HELD ";

  private HeldWriter() {}

  public static void main(String[] args) throws Exception {
    Configuration conf = new Configuration();
    for (int i = 5; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      conf.set(kv[0], kv[1]);
    }
    String hold = args[3];
    SnapshotWriter.Hook hook =
        step -> {
          if (step.name().equals(hold)) {
            System.out.println(HELD + step);
            System.out.flush();
            try {
              Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    SnapshotWriter.Settings settings =
        SnapshotWriter.Settings.of(
                SnapshotWriter.Kind.SNAPSHOT,
                Boolean.parseBoolean(args[2]),
                SnapshotWriter.Settings.DEFAULT_LEFTOVER_AGE)
            .withHook(hook);
    SnapshotWriter w = SnapshotWriter.open(args[0], args[1], null, settings, conf, Instant.now());
    writeFake(w, args[4]);
    w.commit();
    System.out.println("COMMITTED " + w.id());
  }

  /** The files of a fake snapshot: one table file holding {@code content}, and a manifest. */
  static void writeFake(SnapshotWriter w, String content) throws IOException {
    w.writeText("documents/part-00000.txt", content);
    w.writeText(SnapshotWriter.MANIFEST, manifest(w.id()));
  }

  static String manifest(String id) {
    return "{\"snapshot_id\":\""
        + id
        + "\",\"schema_version\":"
        + Tables.SCHEMA_VERSION
        + ",\"tifa_version\":\"test\",\"config\":{\"output\":{\"grains\":[\"year\"]}},\"config_sha256\":\"x\"}\n";
  }

  /** A running {@link HeldWriter}: started, waited for at its step, killed. */
  static final class Process implements AutoCloseable {
    private final java.lang.Process process;
    private final BufferedReader out;

    Process(
        String root, String id, boolean replace, String step, String content, List<String> hadoop)
        throws IOException {
      List<String> command = new ArrayList<>();
      command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // Nothing in a test may ask the cloud's instance metadata service for credentials.
      command.add("-Daws.disableEc2Metadata=true");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(HeldWriter.class.getName());
      command.addAll(List.of(root, id, String.valueOf(replace), step, content));
      command.addAll(hadoop);
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Waits until the writer says it is held (or has committed), and returns that line. */
    String awaitLine() throws IOException {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(HELD) || line.startsWith("COMMITTED")) {
          return line;
        }
      }
      throw new IOException(
          "the held writer ended without reaching its step (exit " + exitCode() + ")");
    }

    boolean alive() {
      return process.isAlive();
    }

    /** SIGKILL: no finally block, shutdown hook or cleanup runs. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    private int exitCode() {
      try {
        process.waitFor(30, TimeUnit.SECONDS);
        return process.exitValue();
      } catch (InterruptedException | IllegalThreadStateException e) {
        return -1;
      }
    }

    @Override
    public void close() throws InterruptedException {
      kill();
    }
  }
}

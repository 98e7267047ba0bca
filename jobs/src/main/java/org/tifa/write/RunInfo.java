package org.tifa.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is writing: one run of {@code tifa run} or {@code tifa compare}. Written into its lock and
 * into the directory it creates, so that a person (and a later run) can tell whose they are and
 * whether that process still lives.
 *
 * @param runId unique per run
 * @param host the driver's host name
 * @param pid the driver's process id
 * @param processStart when that process started (tells a live process from a reused pid)
 * @param startedAt when the run started
 */
public record RunInfo(String runId, String host, long pid, String processStart, Instant startedAt) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOST = hostName();

  /** This process, now. */
  public static RunInfo current(Instant startedAt) {
    ProcessHandle self = ProcessHandle.current();
    return new RunInfo(
        UUID.randomUUID().toString(), HOST, self.pid(), processStart(self), startedAt);
  }

  /**
   * Whether this run's process is known to be gone: it ran on this host and no process with its pid
   * and start time exists. A run on another host is never known to be gone.
   */
  public boolean knownDead() {
    if (!host.equals(HOST)) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    return startedElsewhen(processStart(process.get()), processStart);
  }

  /**
   * Whether two process start times are those of different processes: both known and more than a
   * second apart (a pid is not reused within a second). An unknown start time proves nothing.
   */
  static boolean startedElsewhen(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    try {
      return Math.abs(java.time.Duration.between(Instant.parse(a), Instant.parse(b)).toMillis())
          > 1000;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("host", host);
    m.put("pid", pid);
    m.put("process_start", processStart);
    m.put("started_at", startedAt.toString());
    try {
      return JSON.writeValueAsString(m) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses what {@link #toJson} wrote; null when the text is not such a record. */
  static RunInfo parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(text);
      if (n == null || !n.path("run_id").isTextual()) {
        return null;
      }
      return new RunInfo(
          n.get("run_id").asText(),
          n.path("host").asText(""),
          n.path("pid").asLong(-1),
          n.path("process_start").asText(""),
          Instant.parse(n.path("started_at").asText(Instant.EPOCH.toString())));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** One line for messages: the run's host, pid and start. */
  String describe() {
    return "run " + runId + " (host " + host + ", pid " + pid + ", started " + startedAt + ")";
  }

  private static String processStart(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toString).orElse("");
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}

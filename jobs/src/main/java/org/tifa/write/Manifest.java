package org.tifa.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a snapshot or of a comparison: what the numbers stand on. The key
 * names are part of the output contract ({@code schemas/manifest.schema.json}, {@code
 * schemas/compare_manifest.schema.json}).
 */
public final class Manifest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The accounting of every record read; {@link #balanced()} is the invariant a run must keep. */
  public record Counts(
      long recordsRead,
      long accepted,
      long duplicates,
      long quarantined,
      Map<String, Long> reasons) {
    public boolean balanced() {
      return recordsRead == accepted + duplicates + quarantined
          && quarantined == reasons.values().stream().mapToLong(Long::longValue).sum();
    }

    public double quarantineRatio() {
      return recordsRead == 0 ? 0 : (double) quarantined / recordsRead;
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("records_read", recordsRead);
      m.put("accepted", accepted);
      m.put("duplicates", duplicates);
      m.put("quarantined", quarantined);
      m.put("quarantine_reasons", reasons);
      return m;
    }
  }

  public record InputFileEntry(String path, long bytes) {}

  private final Map<String, Object> root = new LinkedHashMap<>();

  public Manifest(String snapshotId, int schemaVersion, String tifaVersion, String sparkVersion) {
    this("snapshot_id", snapshotId, schemaVersion, tifaVersion, sparkVersion);
  }

  /** A manifest whose own id goes under {@code idKey} (a comparison's is {@code compare_id}). */
  public Manifest(
      String idKey, String id, int schemaVersion, String tifaVersion, String sparkVersion) {
    root.put(idKey, id);
    root.put("schema_version", schemaVersion);
    root.put("tifa_version", tifaVersion);
    root.put("spark_version", sparkVersion);
  }

  public Manifest put(String key, Object value) {
    root.put(key, value);
    return this;
  }

  public Manifest inputs(List<String> given, List<InputFileEntry> files) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("paths", given);
    m.put("file_count", files.size());
    m.put("bytes", files.stream().mapToLong(InputFileEntry::bytes).sum());
    m.put("files", files);
    root.put("inputs", m);
    return this;
  }

  public Manifest counts(Counts counts, double maxRatio) {
    root.put("counts", counts.toMap());
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("ratio", counts.quarantineRatio());
    q.put("max_ratio", maxRatio);
    q.put("exceeded", counts.quarantineRatio() > maxRatio);
    root.put("quarantine", q);
    return this;
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

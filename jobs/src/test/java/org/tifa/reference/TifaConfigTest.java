package org.tifa.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TifaConfigTest {
  private static TifaConfig override(String yaml) {
    return TifaConfig.withOverrides(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  @Test
  void defaultsAreTheBundledFile() {
    TifaConfig c = TifaConfig.defaults();
    assertEquals(ZoneId.of("Asia/Shanghai"), c.timeZone);
    assertEquals(List.of("day", "week", "month", "quarter", "year"), c.grains);
    assertEquals(0.5, c.maxQuarantineRatio);
    assertEquals(65536, c.quarantineRawBytes);
    assertEquals(0.9, c.nearDuplicateThreshold);
    assertEquals(5, c.shingleChars);
    assertEquals(128, c.minhashSize);
    assertEquals(64, c.maxBucketSize);
  }

  @Test
  void nearDuplicateDetectionCanBeTunedOrTurnedOff() {
    TifaConfig c = override("dedup:\n  near_duplicate_threshold: 1.0\n  shingle_chars: 3\n");
    assertEquals(1.0, c.nearDuplicateThreshold);
    assertEquals(3, c.shingleChars);
    assertEquals(128, c.minhashSize);
  }

  @Test
  void anOverrideChangesOnlyWhatItNames() {
    TifaConfig c = override("input:\n  time_zone: UTC\noutput:\n  grains: [month, year]\n");
    assertEquals(ZoneId.of("UTC"), c.timeZone);
    assertEquals(List.of("month", "year"), c.grains);
    assertEquals(TifaConfig.defaults().maxBodyChars, c.maxBodyChars);
    assertNotEquals(TifaConfig.defaults().sha256(), c.sha256());
  }

  @Test
  void theHashIgnoresKeyOrderAndRestatedDefaults() {
    assertEquals(TifaConfig.defaults().sha256(), override("run:\n  summary_top: 10\n").sha256());
    assertEquals(
        override("input: {time_zone: UTC, max_body_chars: 5}").sha256(),
        override("input: {max_body_chars: 5, time_zone: UTC}").sha256());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "inptu:\n  time_zone: UTC",
        "input:\n  max_body_chars: -1",
        "input:\n  max_body_chars: many",
        "input:\n  time_zone: Mars/Olympus",
        "output:\n  grains: [fortnight]",
        "run:\n  max_quarantine_ratio: 2",
        "dedup:\n  near_duplicate_threshold: 0",
        "dedup:\n  near_duplicate_threshold: 1.1",
        "dedup:\n  minhash_size: 0",
        "dedup:\n  max_bucket_size: 1",
        "dedup:\n  shingle_chars: five",
        "input: 5",
        "- a list",
        "input: {time_zone: [unclosed",
      })
  void badSettingsAreOneLineErrors(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> override(yaml));
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }
}

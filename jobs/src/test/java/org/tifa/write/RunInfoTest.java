package org.tifa.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunInfoTest {
  @Test
  void thisProcessIsNotDeadAndARunOnAnotherHostIsNeverKnownDead() {
    RunInfo me = RunInfo.current(Instant.EPOCH);
    assertFalse(me.knownDead());
    assertFalse(new RunInfo("r", "another-host", me.pid(), "", Instant.EPOCH).knownDead());
  }

  @Test
  void aPidReusedByAnotherProcessIsDeadButAnUnknownStartProvesNothing() {
    RunInfo me = RunInfo.current(Instant.EPOCH);
    assertTrue(
        new RunInfo("r", me.host(), me.pid(), "2000-01-01T00:00:00Z", Instant.EPOCH).knownDead(),
        "started long before");
    assertFalse(new RunInfo("r", me.host(), me.pid(), "", Instant.EPOCH).knownDead());
    assertFalse(
        RunInfo.startedElsewhen("2026-12-02T16:14:58.080Z", "2026-12-02T16:14:58.081Z"),
        "one process, two readings");
    assertTrue(RunInfo.startedElsewhen("2026-12-02T16:14:58.080Z", "2026-12-02T16:15:58.080Z"));
  }

  @Test
  void itsRecordReadsBackAsWritten() {
    RunInfo me = RunInfo.current(Instant.parse("2024-03-19T07:49:03Z"));
    assertEquals(me, RunInfo.parse(me.toJson()));
    assertEquals(null, RunInfo.parse("not json"));
  }
}

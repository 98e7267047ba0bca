package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Tifa.main under a session that a platform started before calling it (as a Databricks JAR task
 * does; here the tests' shared session): it must not exit the JVM (this test JVM would die) nor
 * stop that session, and a failure must surface as an exception carrying the exit code.
 */
class HostedMainTest extends SparkTest {
  @Test
  void successReturnsAndLeavesTheSessionRunning() {
    Tifa.main(new String[] {"--version"});
    assertFalse(spark().sparkContext().isStopped());
  }

  @Test
  void aFailureIsThrownWithItsExitCode() {
    Tifa.HostedFailure e =
        assertThrows(
            Tifa.HostedFailure.class, () -> Tifa.main(new String[] {"run", "--no-such-option"}));
    assertEquals(Tifa.USAGE, e.code());
    assertFalse(spark().sparkContext().isStopped());
  }
}

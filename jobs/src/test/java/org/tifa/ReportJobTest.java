package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportJobTest {
  @Test
  void aSnapshotWithoutMonthOrYearIsWarnedOf() {
    assertEquals(
        Optional.of(
            "snapshot s1 was counted at day, quarter only: the page's monthly and yearly trends are"
                + " left empty"),
        ReportJob.trendsWarning("s1", List.of("day", "quarter")));
    assertEquals(
        Optional.of(
            "snapshot s2 was counted at year only: the page's monthly trends are left empty"),
        ReportJob.trendsWarning("s2", List.of("year")));
    assertEquals(
        Optional.of(
            "snapshot s3 was counted at week, month only: the page's yearly trends are left empty"),
        ReportJob.trendsWarning("s3", List.of("week", "month")));
  }

  @Test
  void theDefaultGrainsAndMoreNeedNoWarning() {
    assertEquals(
        Optional.empty(), ReportJob.trendsWarning("s", List.of("month", "quarter", "year")));
    assertEquals(
        Optional.empty(),
        ReportJob.trendsWarning("s", List.of("day", "week", "month", "quarter", "year")));
  }
}

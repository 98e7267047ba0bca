package org.tifa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedAtTest {
  private final PublishedAt dates = new PublishedAt(ZoneId.of("Asia/Shanghai"));

  // Expected instants are written in UTC by hand: Shanghai is UTC+8 all year (no DST).
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-03-19                | 2024-03-18T16:00:00Z | 2024-03-19 | DAY",
        "2024-03-19 07:49:03       | 2024-03-18T23:49:03Z | 2024-03-19 | DAY",
        "2024-03-19T07:49:03       | 2024-03-18T23:49:03Z | 2024-03-19 | DAY",
        "2024-03-19T07:49:03Z      | 2024-03-19T07:49:03Z | 2024-03-19 | DAY",
        "2024-03-19T07:49:03+08:00 | 2024-03-18T23:49:03Z | 2024-03-19 | DAY",
        "2024-03-19T07:49:03-0500  | 2024-03-19T12:49:03Z | 2024-03-19 | DAY",
        "2024-03-19T07:49:03.250Z  | 2024-03-19T07:49:03.250Z | 2024-03-19 | DAY",
        "2024-03-19 07:49          | 2024-03-18T23:49:00Z | 2024-03-19 | DAY",
        "2024/3/19                 | 2024-03-18T16:00:00Z | 2024-03-19 | DAY",
        "2024/03/19 7:05           | 2024-03-18T23:05:00Z | 2024-03-19 | DAY",
        "2024.3.9                  | 2024-03-08T16:00:00Z | 2024-03-09 | DAY",
        "2024年3月19日              | 2024-03-18T16:00:00Z | 2024-03-19 | DAY",
        "2024年03月19日 07:49       | 2024-03-18T23:49:00Z | 2024-03-19 | DAY",
        "2024年3月19日07时49分      | 2024-03-18T23:49:00Z | 2024-03-19 | DAY",
        "２０２４年３月１９日        | 2024-03-18T16:00:00Z | 2024-03-19 | DAY",
        "2024-03                   | 2024-02-29T16:00:00Z | 2024-03-01 | MONTH",
        "2024年3月                  | 2024-02-29T16:00:00Z | 2024-03-01 | MONTH",
        "1998                      | 1997-12-31T16:00:00Z | 1998-01-01 | YEAR",
        "1998年                    | 1997-12-31T16:00:00Z | 1998-01-01 | YEAR",
      })
  void readsTheFormsReportsUse(
      String raw, String instant, String date, PublishedAt.Precision precision) {
    PublishedAt.Parsed p = dates.parse(raw);
    assertNotNull(p, raw);
    Instant expected = Instant.parse(instant);
    assertEquals(
        expected.getEpochSecond() * 1_000_000L + expected.getNano() / 1000, p.epochMicros(), raw);
    assertEquals(LocalDate.parse(date), p.localDate(), raw);
    assertEquals(precision, p.precision(), raw);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(
      strings = {
        "",
        "上周三",
        "2024-13-45",
        "2024-02-30",
        "2024-03-19 25:00",
        "0024-01-01",
        "3024-01-01",
        "19 March 2024",
        "2024-03 07:49",
        "20240319",
        "2024-03-19T07:49:03+08:00 extra",
        "2024-03-19+08:00"
      })
  void rejectsWhatIsNotADate(String raw) {
    assertNull(dates.parse(raw), raw);
  }
}

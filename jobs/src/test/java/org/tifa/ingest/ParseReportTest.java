package org.tifa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParseReportTest {
  private final ParseReport parser =
      new ParseReport(1000, new PublishedAt(ZoneId.of("Asia/Shanghai")));

  @Test
  void acceptsAFullRecordAndIgnoresUnknownFields() {
    ParseReport.Outcome o =
        parser.parse(
            "{\"id\":\"r1\",\"title\":\"聊城市政协召开会议\",\"body\":\"正文\",\"published_at\":\"2024-03-19 07:49:03\","
                + "\"source\":\"聊城日报\",\"url\":\"http://x/1\",\"region_code\":371500,\"province\":\"山东\","
                + "\"city\":\"聊城\",\"county\":\" \",\"tags\":[\"a\",{\"b\":[1,2]}],\"author\":null}");
    assertNull(o.rejection());
    ParseReport.ParsedReport r = o.report();
    assertEquals("r1", r.id());
    assertEquals("聊城市政协召开会议", r.title());
    assertEquals("正文", r.body());
    assertEquals(LocalDate.of(2024, 3, 19), r.publishedAt().localDate());
    assertEquals("聊城日报", r.source());
    assertEquals("http://x/1", r.url());
    assertEquals("371500", r.regionCode());
    assertEquals("山东", r.province());
    assertEquals("聊城", r.city());
    assertNull(r.county(), "a blank given name is no name");
  }

  @Test
  void derivesAStableIdFromTheContentWhenNoneIsGiven() {
    String json = "{\"title\":\"t\",\"body\":\"b\",\"published_at\":\"2024\"}";
    String id = parser.parse(json).report().id();
    assertTrue(id.startsWith("sha256-"), id);
    assertEquals(id, parser.parse(json).report().id());
    assertEquals(
        id,
        parser.parse("{\"body\":\"b\",\"published_at\":\"2023\",\"title\":\"t\"}").report().id());
    assertTrue(
        !id.equals(
            parser
                .parse("{\"title\":\"t\",\"body\":\"c\",\"published_at\":\"2024\"}")
                .report()
                .id()));
  }

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"body\":\"b\",\"published_at\":\"2024\"                      | ~ | malformed_json",
        "{\"body\":\"b\",\"published_at\":\"2024\"} trailing            | ~ | malformed_json",
        "[1,2,3]                                                       | ~ | not_object",
        "42                                                            | ~ | not_object",
        "\"a string\"                                                  | ~ | not_object",
        "{\"title\":\"t\",\"published_at\":\"2024\"}                   | ~ | missing_body",
        "{\"body\":null,\"published_at\":\"2024\"}                     | ~ | missing_body",
        "{\"body\":\"\",\"published_at\":\"2024\"}                     | ~ | empty_body",
        "{\"body\":\" \\u3000\\n\\u200b \",\"published_at\":\"2024\"}  | ~ | empty_body",
        "{\"body\":5,\"published_at\":\"2024\"}                        | ~ | bad_type:body",
        "{\"title\":{\"zh\":\"t\"},\"body\":\"b\",\"published_at\":\"2024\"} | ~ | bad_type:title",
        "{\"body\":\"b\",\"published_at\":20240319}                    | ~ | bad_type:published_at",
        "{\"body\":\"b\",\"source\":[\"x\"],\"published_at\":\"2024\"} | ~ | bad_type:source",
        "{\"body\":\"b\"}                                              | ~ | missing_date",
        "{\"body\":\"b\",\"published_at\":\"上周三\"}                  | ~ | bad_date",
        "{\"body\":\"b\",\"published_at\":\"2024-13-45\"}              | ~ | bad_date",
      })
  void rejectsWithTheReason(String json, String ignored, String reason) {
    ParseReport.Outcome o = parser.parse(json.strip());
    assertNull(o.report(), json);
    assertEquals(reason, o.rejection().reason(), json);
    assertNotNull(o.rejection().detail());
  }

  @Test
  void aBodyOverTheLimitIsTooLarge() {
    String json = "{\"body\":\"" + "长".repeat(1001) + "\",\"published_at\":\"2024\"}";
    assertEquals("too_large", parser.parse(json).rejection().reason());
    assertNull(parser.parse(json.replace("长".repeat(1001), "长".repeat(1000))).rejection());
  }

  @Test
  void deepNestingIsRejectedWithoutAStackOverflow() {
    String json =
        "{\"body\":\"b\",\"published_at\":\"2024\",\"x\":"
            + "[".repeat(5000)
            + "]".repeat(5000)
            + "}";
    assertEquals("too_deep", parser.parse(json).rejection().reason());
  }
}

package org.tifa.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tifa.conf.ConfYaml;
import org.tifa.error.ConfigException;

class TifaConfigTest {
  private static TifaConfig override(String yaml) {
    return TifaConfig.withOverrides(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  @Test
  void defaultsAreTheBundledFile() {
    TifaConfig c = TifaConfig.defaults();
    assertEquals(ZoneId.of("Asia/Shanghai"), c.timeZone);
    assertEquals(List.of("month", "quarter", "year"), c.grains);
    assertEquals(0.5, c.maxQuarantineRatio);
    assertEquals(65536, c.quarantineRawBytes);
    assertEquals(0.9, c.nearDuplicateThreshold);
    assertEquals(5, c.shingleChars);
    assertEquals(128, c.minhashSize);
    assertEquals(64, c.maxBucketSize);
    assertEquals(3, c.wordBoundaryMaxChars);
    assertEquals(3.0, c.topicMinSalience);
  }

  @Test
  void theWordBoundaryCheckCanBeTurnedOff() {
    TifaConfig c = override("extract:\n  word_boundary_max_chars: 0\n");
    assertEquals(0, c.wordBoundaryMaxChars);
    assertEquals(TifaConfig.defaults().sloganMinDocuments, c.sloganMinDocuments);
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
        override("input: {time_zone: UTC, max_body_chars: 5000}").sha256(),
        override("input: {max_body_chars: 5000, time_zone: UTC}").sha256());
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

  /** The message of the {@link ConfigException} that loading {@code yaml} throws. */
  private static String refusal(String yaml) {
    return assertThrows(ConfigException.class, () -> override(yaml)).getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + part + "' in: " + message);
    }
  }

  @Test
  void minhashSizeOfTwoBillionIsRefusedNotRunOutOfMemory() {
    assertMentions(
        refusal("dedup:\n  minhash_size: 2000000000\n"),
        "dedup.minhash_size",
        "2000000000",
        "32",
        "1024");
  }

  /** Each numeric setting's stated range: section, key, least and most value, step just outside. */
  static Stream<Arguments> statedRanges() {
    return Stream.of(
        Arguments.of("input", "max_body_chars", "100", "268435456", 1.0),
        Arguments.of("input", "max_line_bytes", "1024", "268435456", 1.0),
        Arguments.of("output", "quarantine_raw_bytes", "64", "16777216", 1.0),
        Arguments.of("output", "rows_per_file", "1000", "100000000", 1.0),
        Arguments.of("output", "mention_contexts", "0", "1000000", 1.0),
        Arguments.of("output", "context_chars", "10", "200", 1.0),
        Arguments.of("output", "leftover_age_hours", "1", "8760", 1.0),
        Arguments.of("slogans", "min_documents", "1", "1000000", 1.0),
        Arguments.of("extract", "word_boundary_max_chars", "0", "8", 1.0),
        Arguments.of("topics", "min_salience", "0", "1000", 0.01),
        Arguments.of("run", "max_quarantine_ratio", "0", "1", 0.01),
        Arguments.of("run", "summary_top", "1", "1000", 1.0),
        Arguments.of("report", "min_period_documents", "1", "1000000", 1.0),
        Arguments.of("dedup", "near_duplicate_threshold", "0.5", "1", 0.01),
        Arguments.of("dedup", "shingle_chars", "2", "16", 1.0),
        Arguments.of("dedup", "minhash_size", "32", "1024", 1.0),
        Arguments.of("dedup", "max_bucket_size", "2", "1000", 1.0));
  }

  @ParameterizedTest
  @MethodSource("statedRanges")
  void numericSettingsOutsideTheirStatedRangeAreRefused(
      String section, String key, String min, String max, double step) {
    String name = section + "." + key;
    override(section + ":\n  " + key + ": " + min + "\n");
    override(section + ":\n  " + key + ": " + max + "\n");
    boolean whole = step == 1;
    String below =
        whole
            ? Long.toString(Long.parseLong(min) - 1)
            : Double.toString(Double.parseDouble(min) - step);
    String above =
        whole
            ? Long.toString(Long.parseLong(max) + 1)
            : Double.toString(Double.parseDouble(max) + step);
    assertMentions(refusal(section + ":\n  " + key + ": " + below + "\n"), name, below, min, max);
    assertMentions(refusal(section + ":\n  " + key + ": " + above + "\n"), name, above, min, max);
  }

  /**
   * The settings table of docs/configuration.md and the comment above each key in conf/tifa.yaml
   * state the same ranges.
   */
  @ParameterizedTest
  @MethodSource("statedRanges")
  void theReadmeAndTheBundledFileStateEachRange(
      String section, String key, String min, String max, double step) throws IOException {
    Path repo = Path.of(System.getProperty("tifa.repo"));
    String row =
        Files.readString(repo.resolve("docs/configuration.md"))
            .lines()
            .filter(l -> l.startsWith("| `" + section + "." + key + "` |"))
            .findFirst()
            .orElse("");
    assertMentions(row, "| " + min + " to " + max);
    List<String> lines = Files.readAllLines(repo.resolve("conf/tifa.yaml"));
    int at = 0;
    while (at < lines.size() && !lines.get(at).startsWith("  " + key + ": ")) {
      at++;
    }
    assertTrue(at < lines.size(), key + " in conf/tifa.yaml");
    StringBuilder comment = new StringBuilder();
    for (int i = at - 1; i >= 0 && lines.get(i).trim().startsWith("#"); i--) {
      comment.insert(0, lines.get(i).trim().substring(1));
    }
    assertMentions(comment.toString(), "[" + min + ", " + max);
  }

  @Test
  void textsIsAFlagNotAWord() {
    assertFalse(override("output:\n  texts: false\n").texts);
    assertTrue(TifaConfig.defaults().texts);
    assertMentions(refusal("output:\n  texts: 'no'\n"), "output.texts", "true or false", "'no'");
  }

  @Test
  void repeatedGrainIsRefusedNotCountedTwice() {
    assertMentions(
        refusal("output:\n  grains: [year, year]\n"), "output.grains", "'year'", "more than once");
  }

  @Test
  void repeatedExtensionIsRefused() {
    assertMentions(
        refusal("input:\n  extensions: [jsonl, JSONL]\n"),
        "input.extensions",
        "'JSONL'",
        "more than once");
  }

  @Test
  void duplicateKeyIsRefusedNotSilentlyOverwritten() {
    String inSection = refusal("run:\n  summary_top: 5\n  summary_top: 6\n");
    assertMentions(inSection.toLowerCase(Locale.ROOT), "test.yaml", "duplicate", "summary_top");
    String section = refusal("run:\n  summary_top: 5\nrun:\n  max_quarantine_ratio: 0.2\n");
    assertMentions(section.toLowerCase(Locale.ROOT), "test.yaml", "duplicate", "'run'");
  }

  @Test
  void duplicateKeyIsRefusedInTheBundledConfFilesToo() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ConfYaml.read(new StringReader("a: 1\na: 2\n"), Map.class));
  }

  /**
   * Bytes of {@code head}, then {@code total - head.length} times 'a': a huge file made as it is
   * read.
   */
  private static final class Generated extends InputStream {
    private final byte[] head;
    private final long total;
    private long served;

    Generated(String head, long total) {
      this.head = head.getBytes(StandardCharsets.UTF_8);
      this.total = total;
    }

    @Override
    public int read() {
      if (served >= total) {
        return -1;
      }
      int b = served < head.length ? head[(int) served] : 'a';
      served++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (served >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - served);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) read();
      }
      return n;
    }
  }

  @Test
  void sixtyMegabyteConfFileIsRefusedBeforeParsing() {
    Generated huge = new Generated("input:\n  time_zone: \"", 60L << 20);
    String message =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                assertThrows(
                        ConfigException.class, () -> TifaConfig.withOverrides(huge, "huge.yaml"))
                    .getMessage());
    assertMentions(message, "huge.yaml", "64 KiB");
    assertTrue(huge.served <= (64 << 10) + 1, "read " + huge.served + " bytes of 60 MiB");
  }

  @Test
  void confFileOfExactlyTheLimitIsParsed() {
    String head = "run:\n  summary_top: 7\n# ";
    String yaml = head + "a".repeat((64 << 10) - head.length());
    TifaConfig c =
        TifaConfig.withOverrides(
            new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "full.yaml");
    assertEquals(7, c.summaryTop);
  }

  /** Words, not one long run of letters, so that the parser reaches the limit in linear time. */
  @Test
  void yamlParserRefusesADocumentOverItsCodePointLimit() {
    String yaml = "a: \"" + "ab ".repeat(600_000) + "\"\n";
    IllegalArgumentException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                assertThrows(
                    IllegalArgumentException.class,
                    () -> ConfYaml.read(new StringReader(yaml), Map.class)));
    assertTrue(e.getMessage().length() < 400, e.getMessage());
  }

  @Test
  void hugeTimeZoneIsCutInTheErrorLine() {
    String zone = "Z".repeat(50_000);
    String message = refusal("input:\n  time_zone: " + zone + "\n");
    assertMentions(message, "input.time_zone", "'" + "Z".repeat(80) + "…'", "50000 characters");
    assertTrue(
        message.length() < 250,
        message.length() + " characters: " + message.substring(0, Math.min(message.length(), 250)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "input:\n  time_zone: \"Asia/\\nShanghai\"\n",
        "output:\n  grains: [\"year\\r\\nday\"]\n",
        "\"in\\nput\": 1\n",
      })
  void lineBreaksInAnEchoedValueDoNotBreakTheOneLine(String yaml) {
    String message = refusal(yaml);
    assertTrue(message.lines().count() == 1 && !message.contains("\r"), message);
    assertMentions(message, "\\n");
  }

  @Test
  void hugeUnknownKeyIsCutInTheErrorLine() {
    String key = "k".repeat(1000);
    String message = refusal(key + ": 1\n");
    assertMentions(message, "unknown setting", "1000 characters");
    assertTrue(message.length() < 250, message.length() + " characters");
  }
}

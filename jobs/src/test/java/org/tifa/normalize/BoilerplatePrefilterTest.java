package org.tifa.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Boilerplate runs a pattern on a line only when one of the pattern's {@link RequiredLiterals}
 * occurs in it. These tests hold that shortcut to the plain semantics, built here from
 * conf/boilerplate.yaml alone: the header patterns tried in order, then the drop patterns as one
 * alternation, each matched against the whole line.
 */
class BoilerplatePrefilterTest {
  private static final JsonNode CONF = conf();

  private static JsonNode conf() {
    try (InputStream in =
        BoilerplatePrefilterTest.class
            .getClassLoader()
            .getResourceAsStream("tifa/conf/boilerplate.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Pattern> patterns(String section) {
    List<Pattern> out = new ArrayList<>();
    CONF.path(section).forEach(e -> out.add(Pattern.compile(e.get("pattern").asText())));
    return out;
  }

  private static final List<Pattern> HEADERS = patterns("headers");
  private static final List<Pattern> DROPS = patterns("drop");
  private static final Pattern DROP_ALL =
      Pattern.compile(
          String.join("|", DROPS.stream().map(p -> "(?:" + p.pattern() + ")").toList()));
  private static final int MAX_LINE = CONF.get("maxLineLength").asInt();

  /** The plain verdict on one line: "header k: value", "drop" or "keep". */
  private static String reference(String line) {
    if (line.length() > MAX_LINE) {
      return "keep";
    }
    for (int k = 0; k < HEADERS.size(); k++) {
      Matcher m = HEADERS.get(k).matcher(line);
      if (m.matches()) {
        return "header "
            + CONF.path("headers").get(k).get("field").asText()
            + ": "
            + m.group("value").strip();
      }
    }
    return DROP_ALL.matcher(line).matches() ? "drop" : "keep";
  }

  /** Boilerplate's verdict on a one-line body. */
  private static String actual(Boilerplate boilerplate, String line) {
    Tally tally = new Tally();
    String kept = boilerplate.filter(line, tally);
    if (tally.headerSource != null) {
      return "header source: " + tally.headerSource;
    }
    if (tally.headerOriginalTitle != null) {
      return "header originalTitle: " + tally.headerOriginalTitle;
    }
    return kept.isEmpty() ? "drop" : "keep";
  }

  /** Lines every pattern of the shipped config matches, written for it. */
  private static final List<String> KNOWN =
      List.of(
          "来源：解放日报",
          "【原标题：攻坚突破年 政协见行动】",
          "下载 打印 关闭",
          "【字号：大 中 小】",
          "时间：2026-02-09",
          "发布时间：2024-03-05 10:00",
          "想爆料？请登录APP",
          "责任编辑：李四",
          "本报讯 新闻热线：0635-1234567",
          "请扫描下方二维码关注我们",
          "分享到：",
          "欢迎点击上方蓝字关注我们",
          "版权所有 © 聊城日报",
          "相关阅读",
          "上一篇：市政协召开会议",
          "Public domain",
          "本作品在全世界都属于公有领域",
          "注：中文维基文库收录");

  private static List<String> cachedLines;

  /**
   * Body lines of the sample dataset, normalized as Boilerplate sees them, plus random lines of the
   * patterns' own pieces.
   */
  private static synchronized List<String> lines() throws IOException {
    if (cachedLines == null) {
      cachedLines = readLines();
    }
    return cachedLines;
  }

  private static List<String> readLines() throws IOException {
    List<String> lines = new ArrayList<>(KNOWN);
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files =
        Files.list(Path.of(System.getProperty("tifa.repo")).resolve("data/sample/input"))) {
      for (Path f : files.sorted().toList()) {
        InputStream in = Files.newInputStream(f);
        if (f.toString().endsWith(".gz")) {
          in = new GZIPInputStream(in);
        }
        try (BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          String s = r.readLine();
          while (s != null) {
            JsonNode node = s.isBlank() ? null : readOrNull(json, s);
            if (node != null && node.path("body").isTextual()) {
              String cleaned =
                  TextNormalizer.normalize(node.get("body").asText(), true, new Tally());
              lines.addAll(List.of(cleaned.split("\n")));
            }
            s = r.readLine();
          }
        }
      }
    }
    // Random lines from the literals and punctuation of every pattern, digits and ordinary text:
    // many contain a pattern's literal without matching it, some match.
    List<String> pieces =
        new ArrayList<>(
            List.of("政协", "召开", "会议", "2024", "-", "03", " ", "：", ":", "【", "】", "APP", "©"));
    for (Pattern p : concat(HEADERS, DROPS)) {
      String[] literals = RequiredLiterals.of(p.pattern());
      if (literals != null) {
        pieces.addAll(List.of(literals));
      }
    }
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + random.nextInt(6);
      for (int j = 0; j < n; j++) {
        b.append(pieces.get(random.nextInt(pieces.size())));
      }
      lines.add(b.toString().strip());
    }
    return lines;
  }

  private static JsonNode readOrNull(ObjectMapper json, String s) {
    try {
      JsonNode n = json.readTree(s);
      return n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static List<Pattern> concat(List<Pattern> a, List<Pattern> b) {
    List<Pattern> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void everyLineGetsThePlainVerdict() throws IOException {
    Boilerplate boilerplate = Boilerplate.defaults();
    List<String> lines = lines();
    int dropped = 0;
    int headers = 0;
    for (String line : lines) {
      if (line.isEmpty()) {
        continue;
      }
      String expected = reference(line);
      assertEquals(expected, actual(boilerplate, line), line);
      dropped += expected.equals("drop") ? 1 : 0;
      headers += expected.startsWith("header") ? 1 : 0;
    }
    assertTrue(
        dropped > 500 && headers > 50,
        "the lines exercise the patterns: " + dropped + " dropped, " + headers + " headers");
  }

  @Test
  void everyPatternHasLiteralsAndEveryMatchContainsOne() throws IOException {
    List<String> lines = lines();
    for (Pattern p : concat(HEADERS, DROPS)) {
      String[] literals = RequiredLiterals.of(p.pattern());
      assertTrue(literals != null, "the shipped patterns are all read: " + p.pattern());
      int matched = 0;
      for (String line : lines) {
        if (p.matcher(line).matches()) {
          matched++;
          assertTrue(
              Stream.of(literals).anyMatch(line::contains),
              p.pattern() + " matched '" + line + "' without any of its literals");
        }
      }
      assertTrue(matched > 0, "some line matches " + p.pattern());
    }
  }
}

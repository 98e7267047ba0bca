package org.tifa.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextNormalizerTest {
  private static final TextNormalizer NORMALIZER = TextNormalizer.defaults();

  static List<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (InputStream in =
        TextNormalizerTest.class.getResourceAsStream("/TextNormalizerTest/cases.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int lineNo = 0;
      for (String line : text.split("\n", -1)) {
        lineNo++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length != 4) {
          throw new IllegalStateException("cases.tsv:" + lineNo + ": expected 4 columns");
        }
        cases.add(
            Arguments.of(
                "line " + lineNo + ": " + cols[3], cols[0], unescape(cols[1]), unescape(cols[2])));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void normalizesAsWrittenByHand(String why, String mode, String input, String expected) {
    String actual =
        mode.equals("body")
            ? NORMALIZER.normalizeDocument(null, input, null).body()
            : NORMALIZER.normalizeField(input);
    assertEquals(expected, actual, why);
  }

  @Test
  void countsWhatItChanged() {
    NormalizedDoc doc =
        NORMALIZER.normalizeDocument("政協(xié)", "政協報(bào)告會議在京隆重召开\n政協報(bào)告會議在京隆重召开\n正文", "新華社");
    assertEquals("政协", doc.title());
    assertEquals("政协报告会议在京隆重召开\n正文", doc.body());
    assertEquals("新华社", doc.source());
    assertEquals(3, doc.pinyinRemoved());
    assertEquals(1, doc.linesDropped(), "the repeated line");
    // 協; 協 報 會 議 twice (conversion precedes the duplicate-line check); 華
    assertEquals(10, doc.traditionalConverted());
  }

  @Test
  void survivesJavaSerializationForSparkTasks() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(NORMALIZER);
    }
    TextNormalizer copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TextNormalizer) in.readObject();
    }
    NormalizedDoc doc = copy.normalizeDocument(null, "正文\n责任编辑：李四", null);
    assertEquals("正文", doc.body());
  }

  @Test
  void nullsStayNull() {
    NormalizedDoc doc = NORMALIZER.normalizeDocument(null, null, null);
    assertNull(doc.title());
    assertNull(doc.body());
    assertNull(doc.source());
    assertNull(doc.originalTitle());
    assertNull(NORMALIZER.normalizeField(null));
  }

  /** Decodes \n \r \t \\ and \\uXXXX as written in cases.tsv. */
  static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '\\' -> out.append('\\');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + s);
      }
    }
    return out.toString();
  }
}

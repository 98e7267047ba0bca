package org.tifa.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Normalizing normalized text changes nothing, over strings built to hit every rule at once. */
class TextNormalizerIdempotenceTest {
  private static final TextNormalizer NORMALIZER = TextNormalizer.defaults();
  private static final long SEED = 20240305L;
  private static final int SAMPLES = 3000;

  private static final String[] PIECES = {
    "政协",
    "政協",
    "攻堅突破年",
    "着力",
    "著力",
    "乾坤",
    "乾淨",
    "干部",
    "於",
    "後來",
    "裏",
    "發展",
    "麵",
    "隻",
    "头发",
    "「東南亞」",
    "“十四五”",
    "《条例》",
    "『两个确立』",
    "(xié)",
    "（xié）",
    "(zhèng xié)",
    "(lv4)",
    "(lǜ)",
    "(an)",
    "(pin)",
    "(2024)",
    "(CPPCC)",
    "(GDP)",
    "(A股)",
    "(China)",
    "(report)",
    "(记者 张三)",
    "(a)",
    "(",
    ")",
    "（",
    "）",
    " ",
    "  ",
    "\u3000",
    "\u00A0",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    "\n\n",
    "\u200B",
    "\u200D",
    "\uFEFF",
    "\u2060",
    "\u0007",
    "，",
    "。",
    "、",
    "！",
    "？",
    "：",
    "；",
    "!",
    "?",
    ":",
    ",",
    ".",
    "—",
    "……",
    "ＧＤＰ",
    "２０２４",
    "１．５",
    "％",
    "｢",
    "｣",
    "⼀",
    "e\u0301",
    "\u0301",
    "\uD83D\uDC4D",
    "\uD83D\uDC68\u200D\uD83D\uDC69",
    "❤\uFE0F",
    "①",
    "来源：新华社",
    "來源：人民網",
    "原标题：攻坚突破年",
    "责任编辑：李四",
    "想爆料？请登录APP",
    "扫描二维码关注",
    "分享到：微信",
    "下载",
    "打印",
    "【字号：",
    "加大",
    "】",
    "时间：2026-02-09",
    "abc",
    "xie",
    "Tifa",
    "123"
  };

  @Test
  void normalizingTwiceEqualsNormalizingOnce() {
    Random random = new Random(SEED);
    int changedByFirstPass = 0;
    for (int n = 0; n < SAMPLES; n++) {
      String title = randomText(random, 8);
      String body = randomText(random, 60);
      String source = randomText(random, 3);

      String field = NORMALIZER.normalizeField(title);
      assertEquals(field, NORMALIZER.normalizeField(field), () -> "field: " + escape(title));

      NormalizedDoc once = NORMALIZER.normalizeDocument(title, body, source);
      NormalizedDoc twice = NORMALIZER.normalizeDocument(once.title(), once.body(), once.source());
      assertEquals(once.title(), twice.title(), () -> "title: " + escape(title));
      assertEquals(once.body(), twice.body(), () -> "body: " + escape(body));
      assertEquals(once.source(), twice.source(), () -> "source: " + escape(source));
      assertEquals(0, twice.pinyinRemoved() + twice.linesDropped() + twice.traditionalConverted());
      if (!once.body().equals(body)) {
        changedByFirstPass++;
      }
    }
    assertTrue(changedByFirstPass > SAMPLES * 9 / 10, "the generator must exercise the rules");
  }

  private static String randomText(Random random, int maxPieces) {
    StringBuilder sb = new StringBuilder();
    int pieces = random.nextInt(maxPieces + 1);
    for (int i = 0; i < pieces; i++) {
      if (random.nextInt(4) == 0) {
        sb.appendCodePoint(0x4E00 + random.nextInt(0x9FFF - 0x4E00 + 1));
      } else {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return sb.toString();
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    s.chars()
        .forEach(
            c ->
                sb.append(
                    c < 0x80 && c >= 0x20
                        ? String.valueOf((char) c)
                        : String.format("\\u%04X", c)));
    return sb.toString();
  }
}

package org.tifa.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Canonical keys and the character classes they drop, on forms of real slogans. */
class KeysTest {
  @Test
  void spacesSeparatorsAndQuotationMarksAreClassified() {
    // Spaces: ASCII space and tab, ideographic space, no-break space (a space separator),
    // zero-width
    // space and BOM (format characters). Separators: the enumeration comma and the middle dot.
    // Quotation marks: dropped from keys, but neither a space nor a separator.
    for (char c : new char[] {' ', '\t', '\u3000', '\u00A0', '\u200B', '\uFEFF'}) {
      assertTrue(
          Keys.isSpace(c) && !Keys.isSeparator(c) && Keys.isDroppedFromKey(c),
          "space U+" + Integer.toHexString(c));
    }
    for (char c : new char[] {'、', '，', ',', '·'}) {
      assertTrue(
          !Keys.isSpace(c) && Keys.isSeparator(c) && Keys.isDroppedFromKey(c), "separator " + c);
    }
    for (char c : new char[] {'“', '”', '‘', '’', '「', '』', '"'}) {
      assertTrue(
          !Keys.isSpace(c) && !Keys.isSeparator(c) && Keys.isDroppedFromKey(c),
          "quotation mark " + c);
    }
    for (char c : new char[] {'中', 'a', '1', '《', '。', '\uD840'}) {
      assertTrue(
          !Keys.isSpace(c) && !Keys.isSeparator(c) && !Keys.isDroppedFromKey(c), "kept " + c);
    }
  }

  @Test
  void aKeyDropsWhitespaceAndListSeparators() {
    assertEquals("攻坚突破年政协见行动", Keys.canonical("攻坚突破年 政协见行动"));
    assertEquals("攻坚突破年政协见行动", Keys.canonical("攻坚突破年、政协见行动"));
    assertEquals("攻坚突破年政协见行动", Keys.canonical("攻坚突破年\u3000政协见行动"));
    assertEquals("攻坚突破年政协见行动", Keys.canonical(" 攻坚突破年·政协见行动\u00A0"));
    assertEquals("请你来协商", Keys.canonical("请你来\u200B协商\uFEFF"));
    assertEquals("百花齐放百家争鸣", Keys.canonical("百花齐放，百家争鸣"));
    assertEquals("百花齐放百家争鸣", Keys.canonical("百花齐放, 百家争鸣"));
    assertEquals("双随机一公开", Keys.canonical("双随机・一公开"));
    assertEquals("双随机一公开", Keys.canonical("双随机•一公开"));
  }

  @Test
  void aKeyDropsQuotationMarks() {
    assertEquals("专精特新小巨人", Keys.canonical("专精特新“小巨人”"));
    assertEquals("三亮", Keys.canonical("「三亮」"));
    assertEquals("放得活管得好", Keys.canonical("『放得活』\"管得好\""));
    assertEquals("三亮。", Keys.canonical("‘三亮’。"));
  }

  @Test
  void aKeyKeepsEverythingElse() {
    assertEquals("人工智能+", Keys.canonical("人工智能+"));
    assertEquals("5649N", Keys.canonical("5649N"));
    assertEquals("", Keys.canonical(" 、 "));
  }
}

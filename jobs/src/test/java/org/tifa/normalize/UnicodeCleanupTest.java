package org.tifa.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UnicodeCleanupTest {

  @Test
  void examplesWorkedOutByHand() {
    // U+3000 is a space, CRLF twice is one break (empty lines drop), a line is trimmed,
    // full-width Latin becomes ASCII, the full-width ！ stays, e + U+0301 composes to é.
    assertEquals("乡村 振兴\nAB！", UnicodeCleanup.clean("乡村\u3000振兴\r\n\r\n\u3000ＡＢ！", true));
    assertEquals("乡村 振兴 AB！", UnicodeCleanup.clean("乡村\u3000振兴\r\n\r\n\u3000ＡＢ！", false));
    assertEquals("café “政协”，", UnicodeCleanup.clean("cafe\u0301 \u200b“政协”，", true));
  }

  @Test
  void everyPlainCharacterPassesTheGeneralPathUnchanged() {
    int plain = 0;
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (UnicodeCleanup.plain(c)) {
        plain++;
        String one = String.valueOf(c);
        assertEquals(one, UnicodeCleanup.clean(one, true, false), Integer.toHexString(c));
        assertEquals(
            "a" + one + "b",
            UnicodeCleanup.clean("a" + one + "b", true, false),
            Integer.toHexString(c));
      }
    }
    assertTrue(plain > 20_000, "plain characters: " + plain);
  }

  /** Characters that exercise every branch: breaks, spaces, invisibles, marks, mappings, emoji. */
  private static final int[] POOL = {
    'a', 'Z', '1', '.', ' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x85, 0x2028, 0x2029, 0xA0, 0x3000,
    0x2003, 0x202F, 0x200B, 0x200D, 0x200E, 0xFEFF, 0xAD, 0x01, 0x7F, 0x0301, 0x0308, 0x302A,
    0x20DD, 0xFE0F, 0xE0100, 0xFF21, 0xFF10, 0xFF01, 0xFF0C, 0xFF08, 0xFF5E, 0xFF61, 0xFF76, 0xF900,
    0x2F00, 0xFB01, 0xFE10, 0xFE35, 0x1D400, 0x2F800, 0x1F600, 0x1F468, 0x2764, 0x20E3, 0xE0067,
    0x4E00, 0x653F, 0x534F, 0x9FFF, 0x3001, 0x3002, 0x300A, 0x3029, 0x2014, 0x201C, 0x201D, 0x2026,
    0x2027, 0x2030, 0x0300, 0x00E9, 0xD800
  };

  @Test
  void runsOfPlainCharactersChangeNothing() {
    SplittableRandom r = new SplittableRandom(17);
    for (int t = 0; t < 30_000; t++) {
      StringBuilder b = new StringBuilder();
      int length = r.nextInt(30);
      for (int k = 0; k < length; k++) {
        b.appendCodePoint(POOL[r.nextInt(POOL.length)]);
      }
      String s = b.toString();
      for (boolean keepLines : new boolean[] {true, false}) {
        assertEquals(
            UnicodeCleanup.clean(s, keepLines, false),
            UnicodeCleanup.clean(s, keepLines, true),
            s.codePoints().mapToObj(Integer::toHexString).toList() + " keepLines=" + keepLines);
      }
    }
  }
}

package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void padsByTerminalColumnsNotCharacters() {
    assertEquals("ab    ", Summary.pad("ab", 6));
    assertEquals("乡村振兴  ", Summary.pad("乡村振兴", 10), "four Han characters take eight columns");
    assertEquals(
        "党支部+合作社 ", Summary.pad("党支部+合作社", 14), "six wide and one narrow: thirteen columns");
    assertEquals("一老一小", Summary.pad("一老一小", 4), "never cut");
  }
}

package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SalienceTest {
  @Test
  void isMentionsPerTenThousandCharacters() {
    assertEquals(3.0, Salience.of(6, 20_000));
    assertEquals(1.0, Salience.of(1, 10_000));
    assertEquals(250.0, Salience.of(1, 40));
    assertEquals(0.0, Salience.of(0, 0), "no text, no salience");
  }

  @Test
  void countsCharactersAsCodePointsOfTitleAndBody() {
    // 𠀀 (U+20000) is one character in two UTF-16 units; a missing title adds nothing.
    assertEquals(6, Salience.chars("人才", "𠀀博士后"));
    assertEquals(3, Salience.chars(null, "博士后"));
    assertEquals(0, Salience.chars(null, null));
  }

  @Test
  void aTopicCountsAtTheMinimumAndAboveAndASloganAlways() {
    assertTrue(Salience.about(TermDictionary.TOPIC, 3.0, 3.0));
    assertFalse(Salience.about(TermDictionary.TOPIC, 2.99, 3.0));
    assertTrue(Salience.about(TermDictionary.SLOGAN, 0.01, 3.0));
    assertTrue(Salience.about(TermDictionary.TOPIC, 0.01, 0.0), "0 takes any mention");
  }
}

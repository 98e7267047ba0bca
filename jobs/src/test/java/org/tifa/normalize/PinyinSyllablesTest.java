package org.tifa.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PinyinSyllablesTest {
  @ParameterizedTest(name = "({0}) = {1} syllables")
  @CsvSource(
      delimiter = '|',
      value = {
        "xié|1",
        "xie|1",
        "xie2|1",
        "zhuàng|1",
        "shuang|1",
        "lǜ|1",
        "lv4|1",
        "lüe|1",
        "nve4|1",
        "ju|1",
        "yuan|1",
        "er|1",
        "ér|1",
        "ǎ|1",
        "zhèng xié|2",
        "zhèngxié|2",
        "zheng4xie2|2",
        "xī'ān|2",
        "xi-an|2",
        "dōngxi|2",
        "jiān chí bù xiè|4",
        "a|0",
        "e|0",
        "sea|0",
        "report|0",
        "china|0",
        "banana|0",
        "gi|0",
        "zhia|0",
        "bü|0",
        "xie6|0",
        "xie22|0",
        "2024|0",
        "x|0",
        "zhèngxie2x|0",
        "xié!|0",
        "' '|0"
      })
  void countsSyllables(String text, int expected) {
    assertEquals(expected, PinyinSyllables.countSyllables(text, 0, text.length()));
  }
}

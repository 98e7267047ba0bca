package org.tifa.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SloganRulesTest {

  private static final SloganRules RULES = SloganRules.loadDefault();

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (InputStream in = SloganRulesTest.class.getResourceAsStream("/SloganRulesTest/cases.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] cols = lines[i].split("\t", -1);
        rows.add(Arguments.of(cols[0], cols[1], cols[2]));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("cases")
  void handLabelledCase(String surface, String expect, String why) {
    Optional<SloganRules.Rejection> expected =
        expect.equals("ACCEPT")
            ? Optional.empty()
            : Optional.of(SloganRules.Rejection.valueOf(expect));

    assertEquals(expected, RULES.rejection(surface), why);
    assertEquals(expected.isEmpty(), RULES.isSlogan(surface), why);
  }

  @Test
  void theCaseFileHoldsAtLeastFortyCasesOfBothVerdicts() throws IOException {
    List<Arguments> all = cases().toList();
    long accepted = all.stream().filter(a -> a.get()[1].equals("ACCEPT")).count();

    assertTrue(all.size() >= 40);
    assertTrue(accepted >= 15 && all.size() - accepted >= 15);
  }

  @Test
  void limitsComeFromTheYaml() {
    SloganRules strict =
        SloganRules.load(
            new StringReader(
                "min_chars: 3\nmax_chars: 4\nmax_internal_commas: 0\n"
                    + "reject_chars: \"。\"\nfinal_particles: \"\"\nstop_words: [一带一路]\n"));

    assertFalse(strict.isSlogan("三农"));
    assertTrue(strict.isSlogan("十四五"));
    assertFalse(strict.isSlogan("十二项提升行动"));
    assertFalse(strict.isSlogan("双碳，双控"));
    assertFalse(strict.isSlogan("一带一路"));
    assertTrue(strict.isSlogan("对吗呢"));
  }

  /**
   * Each YAML is valid but for one defect: a misspelt key, a missing limit, a dead or repeated stop
   * word, inconsistent limits.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "min_chars: 2\nmax_chars: 24\nmax_internal_commas: 1\nmax_char: 3\n",
        "min_chars: 2\n",
        "min_chars: 2\nmax_chars: 24\nmax_internal_commas: 1\nstop_words: [好]\n",
        "min_chars: 2\nmax_chars: 24\nmax_internal_commas: 1\nstop_words: [两会, 两 会]\n",
        "min_chars: 5\nmax_chars: 4\nmax_internal_commas: 1\n"
      })
  void defectiveYamlIsAnError(String yaml) {
    assertThrows(IllegalArgumentException.class, () -> SloganRules.load(new StringReader(yaml)));
  }
}

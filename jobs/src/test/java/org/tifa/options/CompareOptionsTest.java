package org.tifa.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tifa.error.ConfigException;

class CompareOptionsTest {
  private static CompareOptions with(
      String grain, String level, int top, int similar, double alpha, String id) {
    return new CompareOptions("a", "b", "out", grain, level, top, similar, alpha, id, false);
  }

  private static String problem(CompareOptions o) {
    return assertThrows(ConfigException.class, o::validate).getMessage();
  }

  @Test
  void theDefaultsAreValidAndCompareWholeSnapshotsDownToPrefectures() {
    CompareOptions o = CompareOptions.of("a", "b", "out").validate();
    assertEquals("all", o.grain());
    assertEquals(List.of("country", "province", "prefecture"), o.levels());
    assertEquals("s1..s2", o.compareIdFor("s1", "s2"));
    assertEquals(
        "mine", with("all", "county", 1, 1, 0.5, "mine").validate().compareIdFor("s1", "s2"));
  }

  @Test
  void eachBadValueIsNamedInOneLine() {
    assertEquals(
        "--grain 'fortnight' is not one of day, week, month, quarter, year, all",
        problem(with("fortnight", "prefecture", 10, 10, 0.05, null)));
    assertEquals(
        "--level 'city' is not one of country, province, prefecture, county",
        problem(with("all", "city", 10, 10, 0.05, null)));
    assertEquals(
        "--top must be at least 1, got 0", problem(with("all", "prefecture", 0, 10, 0.05, null)));
    assertEquals(
        "--similar must be at least 1, got -2",
        problem(with("all", "prefecture", 10, -2, 0.05, null)));
    assertEquals(
        "--alpha must be a number between 0 and 1 (both excluded), got 1.0",
        problem(with("all", "prefecture", 10, 10, 1.0, null)));
    assertEquals(
        "--alpha must be a number between 0 and 1 (both excluded), got NaN",
        problem(with("all", "prefecture", 10, 10, Double.NaN, null)));
    assertEquals(
        "--id '../x' is not a valid id: use letters, digits, '.', '_' or '-', at most 201, starting with a letter or digit",
        problem(with("all", "prefecture", 10, 10, 0.05, "../x")));
    assertEquals(
        "--output must name a directory",
        problem(new CompareOptions("a", "b", " ", "all", "county", 1, 1, 0.1, null, false)));
    assertEquals(
        "--base must name a snapshot directory, a snapshot root or its LATEST file",
        problem(new CompareOptions(null, "b", "o", "all", "county", 1, 1, 0.1, null, false)));
  }
}

package org.tifa.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tifa.error.ConfigException;

class CompareOptionsTest {
  /** The options of --base a --target b --output out and {@code more}. */
  private static CompareOptions with(String... more) {
    List<String> args = new ArrayList<>(List.of("--base", "a", "--target", "b", "--output", "out"));
    args.addAll(List.of(more));
    return CompareOptions.parse(args.toArray(String[]::new));
  }

  private static String problem(String... args) {
    return assertThrows(ConfigException.class, () -> CompareOptions.parse(args)).getMessage();
  }

  private static String problemWith(String... more) {
    return assertThrows(ConfigException.class, () -> with(more)).getMessage();
  }

  @Test
  void theDefaultsAreValidAndCompareWholeSnapshotsDownToPrefectures() {
    CompareOptions o = with();
    assertEquals("all", o.grain());
    assertEquals(List.of("country", "province", "prefecture"), o.levels());
    assertEquals("s1..s2", o.compareIdFor("s1", "s2"));
    assertEquals("mine", with("--level", "county", "--id", "mine").compareIdFor("s1", "s2"));
    assertEquals(10, o.top());
    assertEquals(10, o.similar());
    assertEquals(0.05, o.alpha());
  }

  @Test
  void eachBadValueIsNamedInOneLine() {
    assertEquals(
        "--grain 'fortnight' is not one of day, week, month, quarter, year, all",
        problemWith("--grain", "fortnight"));
    assertEquals(
        "--level 'city' is not one of country, province, prefecture, county",
        problemWith("--level", "city"));
    assertEquals("--top must be at least 1, got 0", problemWith("--top", "0"));
    assertEquals("--similar must be at least 1, got -2", problemWith("--similar", "-2"));
    assertEquals(
        "--alpha must be a number between 0 and 1 (both excluded), got 1.0",
        problemWith("--alpha", "1"));
    assertEquals(
        "--alpha must be a number between 0 and 1 (both excluded), got NaN",
        problemWith("--alpha", "NaN"));
    assertEquals(
        "--id '../x' is not a valid id: use letters, digits, '.', '_' or '-', at most 201, starting with a letter or digit",
        problemWith("--id", "../x"));
    assertEquals(
        "--output must name a directory", problem("--base", "a", "--target", "b", "--output", " "));
    assertEquals(
        "--base must name a snapshot directory, a snapshot root or its LATEST file",
        problem("--base", "", "--target", "b", "--output", "o"));
    assertEquals(
        "Missing required option: '--base=SNAPSHOT'", problem("--target", "b", "--output", "o"));
    assertEquals(
        "Invalid value for option '--top': 'many' is not an int", problemWith("--top", "many"));
  }
}

package org.tifa.normalize;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Strings of which at least one occurs in every string a {@link java.util.regex.Pattern} regex
 * matches, so that a text containing none of them need not be given to the regex at all. For {@code
 * .{0,20}(?:新闻热线|报料热线)[:：].{0,60}} that is {新闻热线, 报料热线}.
 *
 * <p>The analysis is conservative: it reads the syntax the boilerplate patterns use (literals,
 * groups, alternation, quantifiers, character classes of listed characters, {@code .}, anchors and
 * escaped punctuation) and answers "unknown" ({@code null}) for anything else — inline flags such
 * as {@code (?i)}, back-references, predefined or negated classes where they alone could carry the
 * match, and escapes it does not decode — so a pattern it does not fully understand is simply
 * always run. Rules, for a sub-pattern's set S: a literal run is one string; a sequence takes the
 * best of its parts' sets (longest shortest string, then fewest strings), as any part's set must
 * occur; an alternation is the union of its branches' sets, unknown if any branch's is; a
 * quantifier that allows zero repetitions, a lookaround or {@code .} gives unknown, one that
 * requires at least one keeps its operand's set. Characters are code points, so a quantifier after
 * a supplementary character covers all of it, as in {@code Pattern}.
 */
final class RequiredLiterals {
  private RequiredLiterals() {}

  /** Not analysable: a construct outside the subset this class reads. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  /**
   * The strings, at least one of which occurs in every match of {@code regex} (compiled without
   * flags); null when none are known, and then the regex must run on every text.
   */
  static String[] of(String regex) {
    try {
      Parser p = new Parser(regex);
      Set<String> s = p.alternation();
      if (p.pos != regex.length()) {
        return null;
      }
      return s == null ? null : s.toArray(new String[0]);
    } catch (Unsupported | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /** The better of two necessary sets of one sequence: either alone is necessary. */
  private static Set<String> better(Set<String> a, Set<String> b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    int ma = shortest(a);
    int mb = shortest(b);
    if (ma != mb) {
      return ma > mb ? a : b;
    }
    return a.size() <= b.size() ? a : b;
  }

  private static int shortest(Set<String> s) {
    int m = Integer.MAX_VALUE;
    for (String x : s) {
      m = Math.min(m, x.length());
    }
    return m;
  }

  private static final class Parser {
    private final String re;
    int pos;

    Parser(String re) {
      this.re = re;
    }

    /** alternation := sequence ('|' sequence)*; null when some branch has no known set. */
    Set<String> alternation() {
      Set<String> union = new LinkedHashSet<>();
      boolean known = true;
      while (true) {
        Set<String> branch = sequence();
        if (branch == null) {
          known = false;
        } else {
          union.addAll(branch);
        }
        if (pos < re.length() && re.charAt(pos) == '|') {
          pos++;
          continue;
        }
        return known ? union : null;
      }
    }

    /** sequence := (atom quantifier?)*, up to '|' or ')' or the end. */
    private Set<String> sequence() {
      Set<String> best = null;
      StringBuilder run = new StringBuilder();
      while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
        Atom atom = atom();
        int times = quantifier();
        if (atom.literal != null && times == ONCE) {
          run.append(atom.literal);
          continue;
        }
        // The run so far ends here: a quantified or non-literal atom cannot extend it.
        best = better(best, runSet(run));
        run.setLength(0);
        if (times != MAYBE_NONE) {
          best = better(best, atom.set());
        }
      }
      return better(best, runSet(run));
    }

    private static Set<String> runSet(StringBuilder run) {
      return run.length() == 0 ? null : new LinkedHashSet<>(List.of(run.toString()));
    }

    /** What one atom requires: a literal code point, or a set (null: nothing known). */
    private static final class Atom {
      final String literal;
      final Set<String> set;

      Atom(String literal, Set<String> set) {
        this.literal = literal;
        this.set = set;
      }

      Set<String> set() {
        return literal != null ? new LinkedHashSet<>(List.of(literal)) : set;
      }
    }

    private Atom atom() {
      char c = re.charAt(pos);
      switch (c) {
        case '(':
          return group();
        case '[':
          return new Atom(null, characterClass());
        case '.':
          pos++;
          return new Atom(null, null);
        case '^':
        case '$':
          pos++;
          return zeroWidth();
        case '\\':
          return escape();
        case '*':
        case '+':
        case '?':
        case '{':
          throw new Unsupported();
        default:
          int cp = re.codePointAt(pos);
          pos += Character.charCount(cp);
          return new Atom(new String(Character.toChars(cp)), null);
      }
    }

    /** An anchor or lookaround: matches no characters, requires none. */
    private static Atom zeroWidth() {
      return new Atom(null, null);
    }

    private Atom group() {
      pos++;
      boolean lookaround = false;
      if (re.startsWith("?:", pos) || re.startsWith("?>", pos)) {
        pos += 2;
      } else if (re.startsWith("?=", pos) || re.startsWith("?!", pos)) {
        pos += 2;
        lookaround = true;
      } else if (re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
        pos += 3;
        lookaround = true;
      } else if (re.startsWith("?<", pos)) {
        int close = re.indexOf('>', pos);
        if (close < 0) {
          throw new Unsupported();
        }
        pos = close + 1;
      } else if (re.startsWith("?", pos)) {
        throw new Unsupported(); // inline flags change what literals mean
      }
      Set<String> inner = alternation();
      if (pos >= re.length() || re.charAt(pos) != ')') {
        throw new Unsupported();
      }
      pos++;
      return lookaround ? zeroWidth() : new Atom(null, inner);
    }

    /**
     * A class of listed characters and small ranges as single-character strings; null otherwise.
     */
    private Set<String> characterClass() {
      pos++;
      Set<String> chars = new LinkedHashSet<>();
      boolean known = true;
      if (re.charAt(pos) == '^') {
        known = false;
        pos++;
      }
      boolean first = true;
      while (first || re.charAt(pos) != ']') {
        first = false;
        char c = re.charAt(pos);
        if (c == '[' || (c == '&' && re.startsWith("&&", pos))) {
          throw new Unsupported(); // nested classes and intersections
        }
        int cp;
        if (c == '\\') {
          char e = re.charAt(pos + 1);
          if (Character.isLetterOrDigit(e)) {
            if ("dDsSwWpPhHvV".indexOf(e) < 0) {
              throw new Unsupported();
            }
            pos += 2;
            if ((e == 'p' || e == 'P') && pos < re.length() && re.charAt(pos) == '{') {
              pos = re.indexOf('}', pos) + 1;
              if (pos == 0) {
                throw new Unsupported();
              }
            }
            known = false;
            continue;
          }
          cp = re.codePointAt(pos + 1);
          pos += 1 + Character.charCount(cp);
        } else {
          cp = re.codePointAt(pos);
          pos += Character.charCount(cp);
        }
        if (re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
          int to = re.codePointAt(pos + 1);
          if (re.charAt(pos + 1) == '\\' || re.charAt(pos + 1) == '[') {
            throw new Unsupported();
          }
          pos += 1 + Character.charCount(to);
          if (to - cp > 16) {
            known = false;
            continue;
          }
          for (int x = cp; x <= to; x++) {
            chars.add(new String(Character.toChars(x)));
          }
          continue;
        }
        chars.add(new String(Character.toChars(cp)));
      }
      pos++;
      return known && !chars.isEmpty() ? chars : null;
    }

    private Atom escape() {
      char e = re.charAt(pos + 1);
      if (!Character.isLetterOrDigit(e)) {
        int cp = re.codePointAt(pos + 1);
        pos += 1 + Character.charCount(cp);
        return new Atom(new String(Character.toChars(cp)), null);
      }
      pos += 2;
      switch (e) {
        case 'b', 'B', 'A', 'G', 'Z', 'z':
          return zeroWidth();
        case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V', 'R', 'X', 'N':
          if (e == 'N' && pos < re.length() && re.charAt(pos) == '{') {
            throw new Unsupported();
          }
          return new Atom(null, null);
        case 'p', 'P':
          if (pos < re.length() && re.charAt(pos) == '{') {
            int close = re.indexOf('}', pos);
            if (close < 0) {
              throw new Unsupported();
            }
            pos = close + 1;
          } else {
            pos++;
          }
          return new Atom(null, null);
        case 't':
          return new Atom("\t", null);
        case 'n':
          return new Atom("\n", null);
        case 'r':
          return new Atom("\r", null);
        case 'f':
          return new Atom("\f", null);
        default:
          throw new Unsupported(); // quoting, hex, unicode, octal and control escapes,
          // back-references
      }
    }

    /**
     * How often the quantifier after an atom lets it occur: {@link #ONCE} when there is none,
     * {@link #MAYBE_NONE} when zero times is allowed, {@link #AT_LEAST_ONCE} otherwise. A lazy or
     * possessive mark after it is skipped (neither lets the regex match anything more).
     */
    private int quantifier() {
      if (pos >= re.length()) {
        return ONCE;
      }
      char c = re.charAt(pos);
      int times;
      if (c == '?' || c == '*') {
        pos++;
        times = MAYBE_NONE;
      } else if (c == '+') {
        pos++;
        times = AT_LEAST_ONCE;
      } else if (c == '{') {
        int close = re.indexOf('}', pos);
        if (close < 0) {
          throw new Unsupported();
        }
        String[] bounds = re.substring(pos + 1, close).split(",", -1);
        int min;
        try {
          min = Integer.parseInt(bounds[0]);
        } catch (NumberFormatException ex) {
          throw new Unsupported();
        }
        pos = close + 1;
        times = min == 0 ? MAYBE_NONE : AT_LEAST_ONCE;
      } else {
        return ONCE;
      }
      if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
        pos++;
      }
      return times;
    }
  }

  private static final int ONCE = 1;
  private static final int MAYBE_NONE = 0;
  private static final int AT_LEAST_ONCE = 2;
}

package org.tifa.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds every quoted span in a text, nested quotations included.
 *
 * <p>Quotations never cross a line break: an official text closes its quotes within the paragraph,
 * so a mark left open at the end of a line is a typo and is dropped rather than allowed to pair
 * with a mark paragraphs later. A pair enclosing more than {@link #MAX_SPAN_CHARS} characters is
 * not returned either (its nested spans still are). A closing mark pairs with the nearest open mark
 * of its own kind; open marks of other kinds between them were never closed and are dropped.
 * Book-title marks 《》 are not quotes, but quotes inside a title are found like any other.
 */
public final class QuoteScanner {

  /** Longest content returned; longer pairs are almost always a mismatched mark. */
  public static final int MAX_SPAN_CHARS = 300;

  private QuoteScanner() {}

  /** Returns the quoted spans of {@code text} ordered by start offset (outer before inner). */
  public static QuoteSpan[] scan(String text) {
    List<QuoteSpan> out = new ArrayList<>();
    int lineStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || isLineBreak(text.charAt(i))) {
        scanLine(text, lineStart, i, out);
        lineStart = i + 1;
      }
    }
    return out.toArray(new QuoteSpan[0]);
  }

  private record Open(int pos, QuoteSpan.Kind kind) {}

  private record Pair(int start, int end, QuoteSpan.Kind kind) {}

  private static void scanLine(String text, int from, int to, List<QuoteSpan> out) {
    List<Open> open = new ArrayList<>();
    List<Pair> pairs = new ArrayList<>();
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '“' -> open.add(new Open(i, QuoteSpan.Kind.DOUBLE));
        case '”' -> close(open, pairs, QuoteSpan.Kind.DOUBLE, i);
        case '‘' -> open.add(new Open(i, QuoteSpan.Kind.SINGLE));
        case '’' -> {
          if (!isApostrophe(text, i, from, to)) {
            close(open, pairs, QuoteSpan.Kind.SINGLE, i);
          }
        }
        case '「' -> open.add(new Open(i, QuoteSpan.Kind.CORNER));
        case '」' -> close(open, pairs, QuoteSpan.Kind.CORNER, i);
        case '『' -> open.add(new Open(i, QuoteSpan.Kind.WHITE_CORNER));
        case '』' -> close(open, pairs, QuoteSpan.Kind.WHITE_CORNER, i);
        case '"' -> {
          if (!close(open, pairs, QuoteSpan.Kind.STRAIGHT_DOUBLE, i)) {
            open.add(new Open(i, QuoteSpan.Kind.STRAIGHT_DOUBLE));
          }
        }
        case '\'' -> straightSingle(text, i, from, to, open, pairs);
        default -> {}
      }
    }
    pairs.sort(Comparator.comparingInt(Pair::start));
    for (Pair p : pairs) {
      int depth = 0;
      for (Pair q : pairs) {
        if (q.start() < p.start() && q.end() > p.end()) {
          depth++;
        }
      }
      out.add(
          new QuoteSpan(p.start(), p.end(), text.substring(p.start(), p.end()), depth, p.kind()));
    }
  }

  /**
   * A straight single quote opens only where a word can start and closes only where one can end, so
   * that "it's" and "the students' work" hold no quotes.
   */
  private static void straightSingle(
      String text, int i, int from, int to, List<Open> open, List<Pair> pairs) {
    if (isApostrophe(text, i, from, to)) {
      return;
    }
    boolean canClose = i > from && !Character.isWhitespace(text.charAt(i - 1));
    if (canClose && close(open, pairs, QuoteSpan.Kind.STRAIGHT_SINGLE, i)) {
      return;
    }
    boolean canOpen =
        i + 1 < to
            && !Character.isWhitespace(text.charAt(i + 1))
            && (i == from || !isLatinOrDigit(text.charAt(i - 1)));
    if (canOpen) {
      open.add(new Open(i, QuoteSpan.Kind.STRAIGHT_SINGLE));
    }
  }

  /** Pairs a closing mark at {@code pos} with the nearest open mark of its kind, if any. */
  private static boolean close(List<Open> open, List<Pair> pairs, QuoteSpan.Kind kind, int pos) {
    for (int j = open.size() - 1; j >= 0; j--) {
      Open o = open.get(j);
      if (o.kind() == kind) {
        open.subList(j, open.size()).clear();
        int start = o.pos() + 1;
        if (pos > start && pos - start <= MAX_SPAN_CHARS) {
          pairs.add(new Pair(start, pos, kind));
        }
        return true;
      }
    }
    return false;
  }

  private static boolean isApostrophe(String text, int i, int from, int to) {
    return i > from
        && i + 1 < to
        && isLatinLetter(text.charAt(i - 1))
        && isLatinLetter(text.charAt(i + 1));
  }

  private static boolean isLatinLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isLatinOrDigit(char c) {
    return isLatinLetter(c) || (c >= '0' && c <= '9');
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
  }
}

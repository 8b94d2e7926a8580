package gvm.testing.filecheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the next directive in a check file: the earliest (then longest) occurrence of a check or
 * comment prefix that does not end a longer word and is followed by a valid suffix
 * ({@code :}, {@code -NEXT:}, {@code -COUNT-3:}, {@code {LITERAL}:} ...). This is LLVM's
 * {@code PrefixMatcher}, {@code FindFirstMatchingPrefix} and {@code FindCheckType}.
 */
final class DirectiveScanner {
  /** A directive found at {@code prefixPos}; {@code after} is where its pattern text begins. */
  record Directive(String prefix, int prefixPos, CheckType type, int after) {}

  private final String text;
  private final Options opts;
  private final String[] prefixes;
  /** Next known occurrence of each prefix, -1 once none is left. */
  private final int[] next;
  /** Offset where scanning resumes. */
  int pos;
  /** 1-based check-file line of {@link #pos}'s last directive. */
  int lineNumber = 1;

  DirectiveScanner(String text, Options opts) {
    this.text = text;
    this.opts = opts;
    List<String> all = new ArrayList<>(opts.checkPrefixes);
    all.addAll(opts.commentPrefixes);
    // Longest first, so that at one position the longest prefix wins.
    all.sort((a, b) -> Integer.compare(b.length(), a.length()));
    prefixes = all.toArray(new String[0]);
    next = new int[prefixes.length];
    for (int i = 0; i < prefixes.length; i++) {
      next[i] = text.indexOf(prefixes[i]);
    }
  }

  private static boolean isPartOfWord(char c) {
    return NumericParser.isAlnum(c) || c == '-' || c == '_';
  }

  /** Returns the next directive at or after {@link #pos}, or null when there is none. */
  Directive next() {
    while (pos < text.length()) {
      int best = -1;
      int at = -1;
      for (int i = 0; i < prefixes.length; i++) {
        if (next[i] >= 0 && next[i] < pos) {
          next[i] = text.indexOf(prefixes[i], pos);
        }
        if (next[i] >= 0 && (best < 0 || next[i] < at)) {
          best = i;
          at = next[i];
        }
      }
      if (best < 0) {
        return null;
      }
      String prefix = prefixes[best];
      boolean skippedNothing = at == pos;
      for (int i = pos; i < at; i++) {
        if (text.charAt(i) == '\n') {
          lineNumber++;
        }
      }
      pos = at;
      if (skippedNothing || !isPartOfWord(text.charAt(at - 1))) {
        Directive d = checkType(prefix, at);
        if (d != null) {
          return d;
        }
      }
      int end = at + prefix.length();
      while (end < text.length() && isPartOfWord(text.charAt(end))) {
        end++;
      }
      pos = end;
    }
    return null;
  }

  private boolean startsWith(String s, int at) {
    return text.startsWith(s, at);
  }

  private char charAt(int i) {
    return i < text.length() ? text.charAt(i) : 0;
  }

  /** FindCheckType: the kind of directive introduced by {@code prefix} at {@code at}, or null. */
  private Directive checkType(String prefix, int at) {
    if (text.length() - at <= prefix.length()) {
      return null;
    }
    int rest = at + prefix.length();
    if (opts.commentPrefixes.contains(prefix)) {
      // A comment prefix with a suffix such as -NOT is not a comment.
      return charAt(rest) == ':' ? new Directive(prefix, at, CheckType.of(CheckType.Kind.COMMENT), rest + 1) : null;
    }
    if (charAt(rest) == ':') {
      return new Directive(prefix, at, CheckType.of(CheckType.Kind.PLAIN), rest + 1);
    }
    if (charAt(rest) == '{') {
      return modifiers(prefix, at, CheckType.of(CheckType.Kind.PLAIN), rest, false);
    }
    boolean misspelled = charAt(rest) == '_';
    if (!misspelled && charAt(rest) != '-') {
      return null;
    }
    rest++;
    if (startsWith("COUNT-", rest)) {
      rest += 6;
      long[] count = new long[1];
      int after = consumeSigned(rest, count);
      if (after < 0) {
        return bad(prefix, at, CheckType.Kind.BAD_COUNT, -1 - after, misspelled);
      }
      if (count[0] <= 0 || count[0] > Integer.MAX_VALUE || (charAt(after) != ':' && charAt(after) != '{')) {
        return bad(prefix, at, CheckType.Kind.BAD_COUNT, after, misspelled);
      }
      return modifiers(prefix, at, new CheckType(CheckType.Kind.PLAIN, (int) count[0], false), after, misspelled);
    }
    for (String combo : new String[] {"DAG-NOT:", "NOT-DAG:", "NEXT-NOT:", "NOT-NEXT:", "SAME-NOT:", "NOT-SAME:",
        "EMPTY-NOT:", "NOT-EMPTY:"}) {
      if (startsWith(combo, rest)) {
        return bad(prefix, at, CheckType.Kind.BAD_NOT, rest, misspelled);
      }
    }
    String[] names = {"NEXT", "SAME", "NOT", "DAG", "LABEL", "EMPTY"};
    CheckType.Kind[] kinds = {CheckType.Kind.NEXT, CheckType.Kind.SAME, CheckType.Kind.NOT, CheckType.Kind.DAG,
        CheckType.Kind.LABEL, CheckType.Kind.EMPTY};
    for (int i = 0; i < names.length; i++) {
      if (startsWith(names[i], rest)) {
        return modifiers(prefix, at, CheckType.of(kinds[i]), rest + names[i].length(), misspelled);
      }
    }
    return null;
  }

  private static Directive bad(String prefix, int at, CheckType.Kind kind, int rest, boolean misspelled) {
    return new Directive(prefix, at, CheckType.of(misspelled ? CheckType.Kind.MISSPELLED : kind), rest);
  }

  /** ConsumeModifiers: ":" or "{LITERAL[, LITERAL...]}:" after the directive name. */
  private Directive modifiers(String prefix, int at, CheckType type, int rest, boolean misspelled) {
    if (charAt(rest) == ':') {
      return finish(prefix, at, type, rest + 1, misspelled);
    }
    if (charAt(rest) != '{') {
      return null;
    }
    rest++;
    while (true) {
      rest = skipWhitespace(rest);
      if (!startsWith("LITERAL", rest)) {
        return null;
      }
      type = type.withLiteral();
      rest = skipWhitespace(rest + 7);
      if (charAt(rest) != ',') {
        break;
      }
      rest++;
    }
    if (!startsWith("}:", rest)) {
      return null;
    }
    return finish(prefix, at, type, rest + 2, misspelled);
  }

  private static Directive finish(String prefix, int at, CheckType type, int after, boolean misspelled) {
    return new Directive(prefix, at, misspelled ? CheckType.of(CheckType.Kind.MISSPELLED) : type, after);
  }

  private int skipWhitespace(int i) {
    while (i < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /**
   * consumeInteger(10, int64_t): an optionally negative decimal.
   *
   * @return the offset after the number; on failure, {@code -1 - where LLVM left the text}
   *     (after the digits when they fit 64 unsigned bits but not a signed value)
   */
  private int consumeSigned(int at, long[] out) {
    boolean negative = charAt(at) == '-';
    long[] value = new long[1];
    int end = LlvmIntegers.consumeUnsigned(text, negative ? at + 1 : at, text.length(), 10, value);
    if (end < 0) {
      return -1 - at;
    }
    if (negative ? value[0] < 0 && value[0] != Long.MIN_VALUE : value[0] < 0) {
      return -1 - (negative ? at : end);
    }
    out[0] = negative ? -value[0] : value[0];
    return end;
  }
}

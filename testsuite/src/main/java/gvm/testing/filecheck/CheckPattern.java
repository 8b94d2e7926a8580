package gvm.testing.filecheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/**
 * One directive's pattern (LLVM's {@code Pattern}): either a fixed string searched with a plain
 * scan, or an LLVM-syntax regex into which variable values are spliced at match time.
 * Built by {@link PatternParser}; positions handed to {@link #match} are offsets into the input.
 */
final class CheckPattern {
  /** A numeric variable defined by this pattern and the regex group that captures it. */
  record NumericDef(NumericVariable variable, int group) {}

  /** Outcome of {@link #match}: a match {@code [pos, pos + len)}, "not found", or pattern errors. */
  record Outcome(int pos, int len, List<LocatedError> errors) {
    static final Outcome NOT_FOUND = new Outcome(-1, 0, List.of());

    boolean found() {
      return pos >= 0;
    }
  }

  /** Furthest a POSIX longest-match extension may look past a line when the regex can span lines. */
  private static final int MULTILINE_EXTENSION_LIMIT = 4096;

  final CheckType type;
  final VarContext ctx;
  /** Check-file line of the directive, or -1 for implicit and EOF patterns. */
  final int lineNumber;
  final SourceText src;
  /** Offset of the pattern text in {@link #src}, where diagnostics point. */
  int loc;
  boolean ignoreCase;
  /** The literal to find, or null when the pattern is a regex. */
  String fixedStr;
  final StringBuilder regex = new StringBuilder();
  private String regexText;
  /** The compiled regex when there is nothing to substitute (it never changes then). */
  private PosixRegex.Compiled fixedCompiled;
  final List<Substitution> substitutions = new ArrayList<>();
  /** String variables defined here, by name (LLVM keeps a std::map), mapped to their group. */
  final Map<String, Integer> variableDefs = new TreeMap<>();
  final Map<String, NumericDef> numericDefs = new TreeMap<>();

  CheckPattern(CheckType type, VarContext ctx, int lineNumber, SourceText src) {
    this.type = type;
    this.ctx = ctx;
    this.lineNumber = lineNumber;
    this.src = src;
  }

  /** True when the pattern defines or uses variables (forbidden on CHECK-LABEL). */
  boolean hasVariable() {
    return !substitutions.isEmpty() || !variableDefs.isEmpty();
  }

  /** Searches {@code input[start, end)} for the first (POSIX leftmost-longest) match. */
  Outcome match(String input, int start, int end) {
    if (type.is(CheckType.Kind.EOF)) {
      return new Outcome(end, 0, List.of());
    }
    if (fixedStr != null) {
      int at = ignoreCase ? indexOfIgnoreCase(input, fixedStr, start, end) : indexOf(input, fixedStr, start, end);
      return at < 0 ? Outcome.NOT_FOUND : new Outcome(at, fixedStr.length(), List.of());
    }
    if (regexText == null) {
      // The pattern is complete by the time it is first matched.
      regexText = regex.toString();
    }
    String re = regexText;
    if (!substitutions.isEmpty()) {
      if (lineNumber >= 0) {
        ctx.lineVariable.setValue(BigInteger.valueOf(lineNumber));
      }
      StringBuilder sb = new StringBuilder(re);
      int shift = 0;
      List<LocatedError> errors = new ArrayList<>();
      for (Substitution s : substitutions) {
        try {
          String value = s.resultRegex();
          sb.insert(s.insertIdx + shift, value);
          shift += value.length();
        } catch (LocatedError.Thrown e) {
          errors.addAll(e.errors);
        }
      }
      if (!errors.isEmpty()) {
        return new Outcome(-1, 0, errors);
      }
      re = sb.toString();
    }
    PosixRegex.Compiled compiled;
    if (substitutions.isEmpty()) {
      if (fixedCompiled == null) {
        fixedCompiled = PosixRegex.compile(re, ignoreCase);
      }
      compiled = fixedCompiled;
    } else {
      compiled = PosixRegex.compile(re, ignoreCase);
    }
    if (compiled == null) {
      return Outcome.NOT_FOUND;
    }
    Matcher m = compiled.pattern().matcher(new Slice(input, start, end));
    if (!m.find()) {
      return Outcome.NOT_FOUND;
    }
    MatchResult r = compiled.longest() ? longest(m, compiled, input, start, end) : m;
    for (Map.Entry<String, Integer> def : variableDefs.entrySet()) {
      int g = def.getValue();
      String value = r.group(g);
      ctx.strings.put(def.getKey(),
          value == null ? new VarContext.StringValue("", start + r.start()) : new VarContext.StringValue(value,
              start + r.start(g)));
    }
    int skip = type.is(CheckType.Kind.EMPTY) ? 1 : 0;
    for (Map.Entry<String, NumericDef> def : numericDefs.entrySet()) {
      // LLVM 19 does not put the variable back into the context's table here, so once a
      // CHECK-LABEL has cleared it, later --enable-var-scope resets leave its new value alone.
      NumericVariable v = def.getValue().variable();
      int g = def.getValue().group();
      String text = r.group(g) == null ? "" : r.group(g);
      int at = r.group(g) == null ? start + r.start() : start + r.start(g);
      v.setValue(v.implicitFormat.valueOf(text), at, at + text.length());
    }
    return new Outcome(start + r.start() + skip, r.end() - r.start() - skip, List.of());
  }

  /**
   * Java finds the leftmost match but prefers earlier alternatives; LLVM's engine returns the
   * longest match at that start, so try longer ends (within the line unless the regex can
   * match a newline).
   */
  private static MatchResult longest(Matcher m, PosixRegex.Compiled compiled, String input, int start, int end) {
    MatchResult first = m.toMatchResult();
    int from = first.start();
    int to = first.end();
    int limit;
    if (compiled.crossesLines()) {
      limit = Math.min(end - start, to + MULTILINE_EXTENSION_LIMIT);
    } else {
      int nl = input.indexOf('\n', start + to);
      limit = nl < 0 || nl > end ? end - start : nl - start;
    }
    if (limit <= to) {
      return first;
    }
    m.useAnchoringBounds(false).useTransparentBounds(true);
    for (int e = limit; e > to; e--) {
      m.region(from, e);
      if (m.matches()) {
        return m.toMatchResult();
      }
    }
    return first;
  }

  static int indexOf(String s, String needle, int from, int to) {
    int n = needle.length();
    if (to == s.length()) {
      return s.indexOf(needle, from);
    }
    char first = needle.charAt(0);
    // Bounded by hand: String.indexOf would scan past a small CHECK-LABEL block to the end of the input.
    for (int i = from; i + n <= to; i++) {
      if (s.charAt(i) == first && s.startsWith(needle, i)) {
        return i;
      }
    }
    return -1;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** StringRef::find_insensitive: ASCII-only case folding. */
  static int indexOfIgnoreCase(String s, String needle, int from, int to) {
    int n = needle.length();
    outer:
    for (int i = from; i + n <= to; i++) {
      for (int k = 0; k < n; k++) {
        if (lower(s.charAt(i + k)) != lower(needle.charAt(k))) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The text fuzzy matching compares input against: the literal, or the unsubstituted regex. */
  String exampleString() {
    return fixedStr != null ? fixedStr : regex.toString();
  }
}

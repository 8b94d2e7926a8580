package gvm.testing.filecheck;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Translates LLVM's regular expressions (Henry Spencer's POSIX ERE engine, {@code llvm/lib/Support/regcomp.c})
 * into {@link java.util.regex.Pattern}s.
 *
 * <p>The parser follows regcomp's grammar and error rules so that FileCheck reports the same
 * "invalid regex: ..." message as LLVM: {@code \d}, {@code \w} and {@code \.} are plain
 * characters, {@code [[:digit:]]} is a class, a {@code {} not followed by a digit is literal, a
 * repeated repetition ({@code a**}, {@code a+?}) is an error. Every text is one byte per char
 * (ISO-8859-1), so bracket expressions are expanded into explicit 256-entry sets.
 *
 * <p>FileCheck compiles with {@code REG_NEWLINE}: {@code .} and negated brackets never match a
 * newline and {@code ^}/{@code $} match at line boundaries.
 */
final class PosixRegex {
  /** A compiled translation; {@code longest} asks the caller to emulate POSIX leftmost-longest. */
  record Compiled(Pattern pattern, boolean longest, boolean crossesLines) {}

  /** Raised on the first syntax error, with regerror()'s wording. */
  static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  private static final int DUP_MAX = 255;
  private static final int CACHE_SIZE = 4096;

  /** Compiled patterns keyed by flag and LLVM regex; shared because thousands of runs reuse patterns. */
  private static final Map<String, Compiled> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  private final String re;
  private final boolean ignoreCase;
  private final StringBuilder out = new StringBuilder();
  private int pos;
  private int groups;
  /** Groups 1-9 that are closed, so a back-reference to them is valid (regcomp's pend[]). */
  private final boolean[] closed = new boolean[10];
  private boolean alternation;
  private int quantifiers;
  private boolean newlineInSet;

  private PosixRegex(String re, boolean ignoreCase) {
    this.re = re;
    this.ignoreCase = ignoreCase;
  }

  /**
   * Checks {@code re} the way FileCheck's AddRegExToRegEx does (no flags).
   *
   * @return the number of capture groups
   * @throws SyntaxError with regerror()'s message
   */
  static int validate(String re) throws SyntaxError {
    PosixRegex p = new PosixRegex(re, false);
    p.parseAll();
    return p.groups;
  }

  /** Compiles (or fetches from the cache) the translation of {@code re}; null if it is invalid. */
  static Compiled compile(String re, boolean ignoreCase) {
    String key = (ignoreCase ? 'i' : 's') + re;
    synchronized (CACHE) {
      Compiled c = CACHE.get(key);
      if (c != null) {
        return c;
      }
    }
    Compiled c;
    try {
      PosixRegex p = new PosixRegex(re, ignoreCase);
      p.parseAll();
      int flags = Pattern.MULTILINE | Pattern.UNIX_LINES | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
      // Only alternatives and chains of repetitions let Java's backtracking prefer a shorter
      // match than the POSIX longest one at the same start.
      c = new Compiled(Pattern.compile(p.out.toString(), flags),
          p.alternation || p.quantifiers > 1, p.newlineInSet);
    } catch (SyntaxError | RuntimeException e) {
      // An invalid regex (or a translation Java rejects) never matches, as when regcomp fails.
      return null;
    }
    synchronized (CACHE) {
      CACHE.put(key, c);
    }
    return c;
  }

  /** Regex::escape: backslash-escapes the characters special to an ERE. */
  static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("()^$|*+?.[]\\{}".indexOf(c) >= 0) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        sb.append('\\');
      }
      if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  private boolean more() {
    return pos < re.length();
  }

  private boolean more2() {
    return pos + 1 < re.length();
  }

  private char peek() {
    return re.charAt(pos);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static SyntaxError error(String message) {
    return new SyntaxError(message);
  }

  private void parseAll() throws SyntaxError {
    // At the top level only the end of the text stops p_ere; a stray ')' is an atom error.
    parseEre((char) 0, false);
  }

  /** p_ere: alternatives separated by '|', up to {@code stop} (only meaningful when {@code nested}). */
  private void parseEre(char stop, boolean nested) throws SyntaxError {
    while (true) {
      int emitted = 0;
      while (more() && peek() != '|' && !(nested && peek() == stop)) {
        emitted += parseExpression();
      }
      if (emitted == 0) {
        throw error("empty (sub)expression");
      }
      if (!more() || peek() != '|') {
        return;
      }
      pos++;
      alternation = true;
      out.append('|');
    }
  }

  /**
   * p_ere_exp: one atom and an optional repetition.
   *
   * @return 0 if the atom was dropped by a {0} bound (regcomp then sees an empty branch), else 1
   */
  private int parseExpression() throws SyntaxError {
    char c = re.charAt(pos++);
    boolean wasCaret = false;
    switch (c) {
      case '(' -> {
        if (!more()) {
          throw error("parentheses not balanced");
        }
        int group = ++groups;
        out.append('(');
        if (peek() != ')') {
          parseEre(')', true);
        }
        if (!more() || re.charAt(pos++) != ')') {
          throw error("parentheses not balanced");
        }
        out.append(')');
        if (group < closed.length) {
          closed[group] = true;
        }
      }
      case ')' -> throw error("parentheses not balanced");
      case '^' -> {
        // Java's MULTILINE '^' never matches at the end of the input (not even of an empty one);
        // regexec's does, so spell it as "start of text or after a newline".
        out.append("(?:\\A|(?<=\\n))");
        wasCaret = true;
      }
      case '$' -> out.append("(?:$)");
      case '|' -> throw error("empty (sub)expression");
      case '*', '+', '?' -> throw error("repetition-operator operand invalid");
      case '.' -> out.append('.');
      case '[' -> parseBracket();
      case '\\' -> {
        if (!more()) {
          throw error("trailing backslash (\\)");
        }
        char e = re.charAt(pos++);
        if (e >= '1' && e <= '9') {
          if (!closed[e - '0']) {
            throw error("invalid backreference number");
          }
          out.append("(?:\\").append(e).append(')');
        } else {
          literal(e);
        }
      }
      case '{' -> {
        if (more() && isDigit(peek())) {
          throw error("repetition-operator operand invalid");
        }
        literal(c);
      }
      default -> literal(c);
    }
    if (!more() || !startsRepetition()) {
      return 1;
    }
    char op = re.charAt(pos++);
    if (wasCaret) {
      throw error("repetition-operator operand invalid");
    }
    quantifiers++;
    int result = 1;
    if (op == '{') {
      int from = parseCount();
      int to = from;
      boolean unbounded = false;
      if (more() && peek() == ',') {
        pos++;
        if (more() && isDigit(peek())) {
          to = parseCount();
          if (from > to) {
            throw error("invalid repetition count(s)");
          }
        } else {
          unbounded = true;
        }
      }
      if (!more() || peek() != '}') {
        while (more() && peek() != '}') {
          pos++;
        }
        throw error(more() ? "invalid repetition count(s)" : "braces not balanced");
      }
      pos++;
      if (from == 0 && to == 0 && !unbounded) {
        // regcomp drops the operand of x{0}; keep Java's equivalent but report the branch as empty.
        result = 0;
      }
      out.append('{').append(from);
      if (unbounded) {
        out.append(',');
      } else if (to != from) {
        out.append(',').append(to);
      }
      out.append('}');
    } else {
      out.append(op);
    }
    if (more() && startsRepetition()) {
      throw error("repetition-operator operand invalid");
    }
    return result;
  }

  private boolean startsRepetition() {
    char c = peek();
    return c == '*' || c == '+' || c == '?' || (c == '{' && more2() && isDigit(re.charAt(pos + 1)));
  }

  /** p_count: a repetition bound of at most 255. */
  private int parseCount() throws SyntaxError {
    int count = 0;
    int digits = 0;
    while (more() && isDigit(peek()) && count <= DUP_MAX) {
      count = count * 10 + (re.charAt(pos++) - '0');
      digits++;
    }
    if (digits == 0 || count > DUP_MAX) {
      throw error("invalid repetition count(s)");
    }
    return count;
  }

  /** p_bracket: a bracket expression, emitted as an explicit Java class over the 256 byte values. */
  private void parseBracket() throws SyntaxError {
    if (re.startsWith("[:<:]]", pos)) {
      pos += 6;
      out.append("(?:(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))");
      return;
    }
    if (re.startsWith("[:>:]]", pos)) {
      pos += 6;
      out.append("(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_]))");
      return;
    }
    boolean[] set = new boolean[256];
    boolean invert = false;
    if (more() && peek() == '^') {
      pos++;
      invert = true;
    }
    if (more() && peek() == ']') {
      pos++;
      set[']'] = true;
    } else if (more() && peek() == '-') {
      pos++;
      set['-'] = true;
    }
    while (more() && peek() != ']' && !(peek() == '-' && more2() && re.charAt(pos + 1) == ']')) {
      parseBracketTerm(set);
    }
    if (more() && peek() == '-') {
      pos++;
      set['-'] = true;
    }
    if (!more() || re.charAt(pos++) != ']') {
      throw error("brackets ([ ]) not balanced");
    }
    if (ignoreCase) {
      for (int i = 0; i < 256; i++) {
        if (set[i] && isAlpha(i)) {
          set[Character.isUpperCase(i) ? i + 32 : i - 32] = true;
        }
      }
    }
    if (invert) {
      for (int i = 0; i < 256; i++) {
        set[i] = !set[i];
      }
      set['\n'] = false;
    }
    newlineInSet |= set['\n'];
    emitSet(set);
  }

  private static boolean isAlpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** p_b_term: a class, an equivalence class, a character or a range. */
  private void parseBracketTerm(boolean[] set) throws SyntaxError {
    char c = more() ? peek() : 0;
    char next = 0;
    if (c == '[') {
      next = more2() ? re.charAt(pos + 1) : 0;
    } else if (c == '-') {
      throw error("invalid character range");
    }
    if (next == ':') {
      pos += 2;
      if (!more()) {
        throw error("brackets ([ ]) not balanced");
      }
      if (peek() == '-' || peek() == ']') {
        throw error("invalid character class");
      }
      addClass(set);
      if (!more()) {
        throw error("brackets ([ ]) not balanced");
      }
      if (!re.startsWith(":]", pos)) {
        throw error("invalid character class");
      }
      pos += 2;
    } else if (next == '=') {
      pos += 2;
      if (!more()) {
        throw error("brackets ([ ]) not balanced");
      }
      if (peek() == '-' || peek() == ']') {
        throw error("invalid collating element");
      }
      set[collatingElement('=') & 0xFF] = true;
      if (!more()) {
        throw error("brackets ([ ]) not balanced");
      }
      if (!re.startsWith("=]", pos)) {
        throw error("invalid collating element");
      }
      pos += 2;
    } else {
      char start = symbol();
      char finish = start;
      if (more() && peek() == '-' && more2() && re.charAt(pos + 1) != ']') {
        pos++;
        if (more() && peek() == '-') {
          pos++;
          finish = '-';
        } else {
          finish = symbol();
        }
      }
      // regcomp compares plain (signed) chars, so a range into bytes >= 0x80 is usually inverted.
      int from = (byte) start;
      int to = (byte) finish;
      if (from > to) {
        throw error("invalid character range");
      }
      for (int i = from; i <= to; i++) {
        set[i & 0xFF] = true;
      }
    }
  }

  /** p_b_symbol: one character or a {@code [.name.]} collating symbol. */
  private char symbol() throws SyntaxError {
    if (!more()) {
      throw error("brackets ([ ]) not balanced");
    }
    if (!re.startsWith("[.", pos)) {
      return re.charAt(pos++);
    }
    pos += 2;
    char value = collatingElement('.');
    if (!re.startsWith(".]", pos)) {
      throw error("invalid collating element");
    }
    pos += 2;
    return value;
  }

  /** p_b_coll_elem: a collating element name ended by {@code end]}. */
  private char collatingElement(char end) throws SyntaxError {
    int start = pos;
    while (more() && !(peek() == end && more2() && re.charAt(pos + 1) == ']')) {
      pos++;
    }
    if (!more()) {
      throw error("brackets ([ ]) not balanced");
    }
    String name = re.substring(start, pos);
    int code = PosixNames.characterCode(name);
    if (code >= 0) {
      return (char) code;
    }
    if (name.length() == 1) {
      return name.charAt(0);
    }
    throw error("invalid collating element");
  }

  /** p_b_cclass: adds a named class such as {@code alpha}. */
  private void addClass(boolean[] set) throws SyntaxError {
    int start = pos;
    while (more() && isAlpha(peek())) {
      pos++;
    }
    String members = PosixNames.classMembers(re.substring(start, pos));
    if (members == null) {
      throw error("invalid character class");
    }
    for (int i = 0; i < members.length(); i++) {
      set[members.charAt(i)] = true;
    }
  }

  private void emitSet(boolean[] set) {
    int count = 0;
    int only = -1;
    for (int i = 0; i < 256; i++) {
      if (set[i]) {
        count++;
        only = i;
      }
    }
    if (count == 1) {
      literal((char) only);
      return;
    }
    if (count == 0) {
      // Only an inverted full set gets here; nothing in a byte string can match it.
      out.append("[^\\x00-\\xff]");
      return;
    }
    out.append('[');
    for (int i = 0; i < 256; i++) {
      if (!set[i]) {
        continue;
      }
      int j = i;
      while (j + 1 < 256 && set[j + 1]) {
        j++;
      }
      hex(i);
      if (j > i) {
        out.append('-');
        hex(j);
      }
      i = j;
    }
    out.append(']');
  }

  private void hex(int c) {
    out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
  }

  /** Emits {@code c} as a single Java atom that matches exactly that character. */
  private void literal(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ') {
      out.append(c);
    } else if (c > ' ' && c < 127) {
      out.append('\\').append(c);
    } else {
      hex(c & 0xFF);
    }
  }
}

package gvm.tools.opt;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * LLVM's {@code llvm::Regex} (Henry Spencer's POSIX extended regular expressions, compiled without
 * flags) translated to {@link java.util.regex.Pattern}. The parser follows {@code regcomp.c}, so
 * an invalid expression is rejected with regerror()'s words ({@code brackets ([ ]) not
 * balanced}); a valid one becomes an equivalent Java pattern for unanchored search. {@code .} and
 * negated brackets match newlines, {@code ^} and {@code $} match only at the ends of the text, a
 * backslash makes any other character literal, and {@code {} is literal unless a digit follows.
 */
final class LlvmRegex {
  /** An invalid expression, with regerror()'s message. */
  static final class SyntaxError extends Exception {
    SyntaxError(String message) { super(message, null, false, false); }
  }

  private static final int DUP_MAX = 255;
  private static final String[] CLASSES = {"alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "xdigit"};

  private final String re;
  private int pos;
  private final StringBuilder out = new StringBuilder();
  private int groups;
  private final boolean[] closed = new boolean[10];

  private LlvmRegex(String re) { this.re = re; }

  /**
   * Compiles an LLVM regular expression.
   *
   * @throws SyntaxError when llvm::Regex would report it invalid
   */
  static Pattern compile(String re) throws SyntaxError {
    LlvmRegex p = new LlvmRegex(re);
    p.parseEre((char) 0); // as regcomp, a NUL ends the expression
    try {
      return Pattern.compile(p.out.toString(), Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      throw new SyntaxError("invalid regular expression");
    }
  }

  /** llvm::Regex::escape: a backslash before each metacharacter. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("()^$|*+?.[]\\{}".indexOf(c) >= 0 || c == 0) sb.append('\\');
      sb.append(c);
    }
    return sb.toString();
  }

  private boolean more() { return pos < re.length(); }

  private char peek() { return re.charAt(pos); }

  private boolean isDigitAt(int i) { return i < re.length() && Character.isDigit(re.charAt(i)) && re.charAt(i) < 128; }

  /** p_ere: alternatives of concatenations, up to {@code stop} ({@code ')'}, or NUL at the top). */
  private void parseEre(char stop) throws SyntaxError {
    while (true) {
      int start = out.length();
      int before = pos;
      while (more() && peek() != '|' && peek() != stop) parseExp();
      if (pos == before && out.length() == start) throw new SyntaxError("empty (sub)expression");
      if (!more() || peek() != '|') break;
      pos++;
      out.append('|');
    }
  }

  /** p_ere_exp: one atom and its repetitions. */
  private void parseExp() throws SyntaxError {
    int atom = out.length();
    char c = re.charAt(pos++);
    boolean wasCaret = false;
    switch (c) {
      case '(':
        if (!more()) throw new SyntaxError("parentheses not balanced");
        int sub = ++groups;
        out.append('(');
        if (peek() != ')') parseEre(')');
        if (sub < closed.length) closed[sub] = true;
        if (!more() || peek() != ')') throw new SyntaxError("parentheses not balanced");
        pos++;
        out.append(')');
        break;
      case ')':
        throw new SyntaxError("parentheses not balanced");
      case '^':
        out.append('^');
        wasCaret = true;
        break;
      case '$':
        out.append("\\z");
        break;
      case '|':
        throw new SyntaxError("empty (sub)expression");
      case '*':
      case '+':
      case '?':
        throw new SyntaxError("repetition-operator operand invalid");
      case '.':
        out.append('.');
        break;
      case '[':
        parseBracket();
        break;
      case '\\':
        if (!more()) throw new SyntaxError("trailing backslash (\\)");
        char e = re.charAt(pos++);
        if (e >= '1' && e <= '9') {
          if (!closed[e - '0']) throw new SyntaxError("invalid backreference number");
          out.append("(?:\\").append(e).append(')');
        } else {
          literal(e);
        }
        break;
      case '{':
        if (isDigitAt(pos)) throw new SyntaxError("repetition-operator operand invalid");
        literal(c);
        break;
      default:
        literal(c);
    }
    if (!more()) return;
    c = peek();
    if (!(c == '*' || c == '+' || c == '?' || (c == '{' && isDigitAt(pos + 1)))) return;
    pos++;
    if (wasCaret) throw new SyntaxError("repetition-operator operand invalid");
    out.insert(atom, "(?:").append(')');
    if (c != '{') {
      out.append(c);
    } else {
      int min = count(), max = min;
      boolean unbounded = false;
      if (more() && peek() == ',') {
        pos++;
        if (isDigitAt(pos)) {
          max = count();
          if (min > max) throw new SyntaxError("invalid repetition count(s)");
        } else {
          unbounded = true;
        }
      }
      if (!more() || peek() != '}') {
        while (more() && peek() != '}') pos++;
        if (!more()) throw new SyntaxError("braces not balanced");
        throw new SyntaxError("invalid repetition count(s)");
      }
      pos++;
      out.append('{').append(min);
      if (unbounded) out.append(',');
      else if (max != min) out.append(',').append(max);
      out.append('}');
    }
    if (!more()) return;
    c = peek();
    if (c == '*' || c == '+' || c == '?' || (c == '{' && isDigitAt(pos + 1)))
      throw new SyntaxError("repetition-operator operand invalid");
  }

  private int count() throws SyntaxError {
    int n = 0, digits = 0;
    while (more() && isDigitAt(pos) && n <= DUP_MAX) {
      n = n * 10 + (re.charAt(pos++) - '0');
      digits++;
    }
    if (digits == 0 || n > DUP_MAX) throw new SyntaxError("invalid repetition count(s)");
    return n;
  }

  private void literal(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '_') out.append(c);
    else out.append(String.format("\\x{%X}", (int) c));
  }

  /** p_bracket: a set of bytes, then emitted as an explicit Java class. */
  private void parseBracket() throws SyntaxError {
    if (re.startsWith("[:<:]]", pos)) {
      pos += 6;
      out.append("\\b(?=\\w)");
      return;
    }
    if (re.startsWith("[:>:]]", pos)) {
      pos += 6;
      out.append("\\b(?<=\\w)");
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
    while (more() && peek() != ']' && !re.startsWith("-]", pos)) bracketTerm(set);
    if (more() && peek() == '-') {
      pos++;
      set['-'] = true;
    }
    if (!more() || peek() != ']') throw new SyntaxError("brackets ([ ]) not balanced");
    pos++;
    out.append(invert ? "[^" : "[");
    boolean any = false;
    for (int i = 0; i < 256; i++)
      if (set[i]) {
        out.append(String.format("\\x{%X}", i));
        any = true;
      }
    if (!any) out.append(invert ? "\\x{0}&&[^\\x{0}]" : "\\x{0}&&[^\\x{0}]");
    out.append(']');
  }

  private void bracketTerm(boolean[] set) throws SyntaxError {
    char next = more() && peek() == '[' && pos + 1 < re.length() ? re.charAt(pos + 1) : 0;
    if (more() && peek() == '-') throw new SyntaxError("invalid character range");
    if (next == ':') {
      pos += 2;
      if (!more()) throw new SyntaxError("brackets ([ ]) not balanced");
      if (peek() == '-' || peek() == ']') throw new SyntaxError("invalid character class");
      int s = pos;
      while (more() && Character.isLetter(peek()) && peek() < 128) pos++;
      String name = re.substring(s, pos);
      if (!java.util.Arrays.asList(CLASSES).contains(name)) throw new SyntaxError("invalid character class");
      for (int i = 0; i < 128; i++) if (inClass(name, (char) i)) set[i] = true;
      if (!more()) throw new SyntaxError("brackets ([ ]) not balanced");
      if (!re.startsWith(":]", pos)) throw new SyntaxError("invalid character class");
      pos += 2;
      return;
    }
    if (next == '=') {
      pos += 2;
      if (!more()) throw new SyntaxError("brackets ([ ]) not balanced");
      if (peek() == '-' || peek() == ']') throw new SyntaxError("invalid collating element");
      set[collatingElement('=') & 0xFF] = true;
      if (!more()) throw new SyntaxError("brackets ([ ]) not balanced");
      if (!re.startsWith("=]", pos)) throw new SyntaxError("invalid collating element");
      pos += 2;
      return;
    }
    int start = symbol(), finish = start;
    if (more() && peek() == '-' && pos + 1 < re.length() && re.charAt(pos + 1) != ']') {
      pos++;
      if (more() && peek() == '-') {
        pos++;
        finish = '-';
      } else {
        finish = symbol();
      }
    }
    // regcomp compares plain (signed) chars: bytes above 0x7F sort before ASCII.
    if ((byte) start > (byte) finish) throw new SyntaxError("invalid character range");
    for (int i = (byte) start; i <= (byte) finish; i++) set[i & 0xFF] = true;
  }

  private int symbol() throws SyntaxError {
    if (!more()) throw new SyntaxError("brackets ([ ]) not balanced");
    if (!re.startsWith("[.", pos)) return re.charAt(pos++) & 0xFF;
    pos += 2;
    int v = collatingElement('.');
    if (!re.startsWith(".]", pos)) throw new SyntaxError("invalid collating element");
    pos += 2;
    return v & 0xFF;
  }

  /** p_b_coll_elem: a single character (named elements other than one character are not supported). */
  private int collatingElement(char end) throws SyntaxError {
    int s = pos;
    while (more() && !(peek() == end && pos + 1 < re.length() && re.charAt(pos + 1) == ']')) pos++;
    if (!more()) throw new SyntaxError("brackets ([ ]) not balanced");
    String name = re.substring(s, pos);
    if (name.length() == 1) return name.charAt(0);
    if (name.equals("space")) return ' ';
    throw new SyntaxError("invalid collating element");
  }

  private static boolean inClass(String name, char c) {
    switch (name) {
      case "alnum": return Character.isLetterOrDigit(c);
      case "alpha": return Character.isLetter(c);
      case "blank": return c == ' ' || c == '\t';
      case "cntrl": return c < 32 || c == 127;
      case "digit": return c >= '0' && c <= '9';
      case "graph": return c > 32 && c < 127;
      case "lower": return c >= 'a' && c <= 'z';
      case "print": return c >= 32 && c < 127;
      case "punct": return c > 32 && c < 127 && !Character.isLetterOrDigit(c);
      case "space": return c == ' ' || (c >= 9 && c <= 13);
      case "upper": return c >= 'A' && c <= 'Z';
      default: return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
  }

  /**
   * Unanchored search with a step budget, so that a pathological expression gives up (as no
   * match) instead of hanging the tool.
   */
  static boolean find(Pattern p, String text) {
    try {
      return p.matcher(new Budgeted(text, 20_000_000L)).find();
    } catch (Budgeted.Exhausted e) {
      return false;
    }
  }

  /** A CharSequence that stops a match after a number of character reads. */
  private static final class Budgeted implements CharSequence {
    static final class Exhausted extends RuntimeException {
      Exhausted() { super(null, null, false, false); }
    }

    private final String s;
    private final long[] left;

    Budgeted(String s, long budget) { this(s, new long[] {budget}); }

    private Budgeted(String s, long[] left) {
      this.s = s;
      this.left = left;
    }

    @Override public int length() { return s.length(); }

    @Override public char charAt(int i) {
      if (--left[0] < 0) throw new Exhausted();
      return s.charAt(i);
    }

    @Override public CharSequence subSequence(int a, int b) { return new Budgeted(s.substring(a, b), left); }

    @Override public String toString() { return s; }
  }
}

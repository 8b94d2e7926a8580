package gvm.testing.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Evaluates the feature expressions of {@code REQUIRES:}, {@code UNSUPPORTED:} and {@code XFAIL:}
 * lines, as LLVM lit's BooleanExpression.py does.
 *
 * <pre>
 *   expr       :: or_expr
 *   or_expr    :: and_expr ('||' and_expr)*
 *   and_expr   :: not_expr ('&amp;&amp;' not_expr)*
 *   not_expr   :: '!' not_expr | '(' or_expr ')' | match_expr
 *   match_expr :: (identifier | '{{' regex '}}')+      identifier :: [-+=._a-zA-Z0-9]+
 * </pre>
 *
 * An identifier is true when it is one of the features (or {@code true}); a word with {@code
 * {{regex}}} parts is true when it fully matches some feature.
 */
public final class BooleanExpression {
  private final List<String> tokens;
  private final Set<String> features;
  private int pos;

  private BooleanExpression(List<String> tokens, Set<String> features) {
    this.tokens = tokens;
    this.features = features;
  }

  /**
   * Evaluates {@code expression} against the available features.
   *
   * @return the truth value
   * @throws IllegalArgumentException on a syntax error, with lit's wording
   */
  public static boolean evaluate(String expression, Set<String> features) {
    try {
      BooleanExpression parser = new BooleanExpression(tokenize(expression), features);
      boolean value = parser.parseOr();
      parser.expect(null);
      return value;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + "\nin expression: '" + expression + "'");
    }
  }

  static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (true) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i == n) {
        return out;
      }
      char c = s.charAt(i);
      if (c == '(' || c == ')' || c == '!') {
        out.add(String.valueOf(c));
        i++;
      } else if (s.startsWith("&&", i) || s.startsWith("||", i)) {
        out.add(s.substring(i, i + 2));
        i += 2;
      } else {
        int start = i;
        while (i < n) {
          char d = s.charAt(i);
          if (isIdentChar(d)) {
            i++;
          } else if (s.startsWith("{{", i)) {
            int close = s.indexOf("}}", i + 3);
            if (close < 0) {
              break;
            }
            i = close + 2;
          } else {
            break;
          }
        }
        if (i == start) {
          throw new IllegalArgumentException("couldn't parse text: '" + s.substring(start) + "'");
        }
        out.add(s.substring(start, i));
      }
    }
  }

  private static boolean isIdentChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '+' || c == '=' || c == '.' || c == '_';
  }

  private String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private boolean accept(String t) {
    if (t.equals(peek())) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String t) {
    String have = peek();
    if (t == null ? have != null : !t.equals(have)) {
      throw new IllegalArgumentException("expected: " + quote(t) + "\nhave: " + quote(have));
    }
    pos++;
  }

  private static String quote(String token) {
    return token == null ? "<end of expression>" : "'" + token + "'";
  }

  private boolean parseOr() {
    boolean value = parseAnd();
    while (accept("||")) {
      boolean right = parseAnd();
      value = value || right;
    }
    return value;
  }

  private boolean parseAnd() {
    boolean value = parseNot();
    while (accept("&&")) {
      boolean right = parseNot();
      value = value && right;
    }
    return value;
  }

  private boolean parseNot() {
    if (accept("!")) {
      return !parseNot();
    }
    if (accept("(")) {
      boolean value = parseOr();
      expect(")");
      return value;
    }
    String t = peek();
    if (t == null || t.equals("&&") || t.equals("||") || t.equals(")")) {
      throw new IllegalArgumentException(
          "expected: '!', '(', '{{', or identifier\nhave: " + quote(t));
    }
    pos++;
    return matches(t);
  }

  private boolean matches(String word) {
    if (!word.contains("{{")) {
      return word.equals("true") || features.contains(word);
    }
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < word.length()) {
      int open = word.indexOf("{{", i);
      if (open < 0) {
        regex.append(Pattern.quote(word.substring(i)));
        break;
      }
      if (open > i) {
        regex.append(Pattern.quote(word.substring(i, open)));
      }
      int close = word.indexOf("}}", open + 3);
      regex.append("(?:").append(word, open + 2, close).append(')');
      i = close + 2;
    }
    Pattern p = Pattern.compile(regex.toString());
    if (p.matcher("true").matches()) {
      return true;
    }
    for (String f : features) {
      if (p.matcher(f).matches()) {
        return true;
      }
    }
    return false;
  }
}

package gvm.testing.lit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One RUN-line substitution. Those from a config file are Python regular expressions with Python
 * replacement strings, as lit applies them with {@code re.sub}; the built-in ones ({@code %s}, {@code
 * %t}, …) are plain text.
 */
public abstract sealed class Substitution permits Substitution.Literal, Substitution.Regex {
  private final String key;

  private Substitution(String key) {
    this.key = key;
  }

  /** Returns the pattern as it was written (lit's {@code substitution[0]}). */
  public String key() {
    return key;
  }

  /** Returns {@code line} with every match of this substitution replaced. */
  public abstract String apply(String line);

  /** Returns a substitution that replaces the text {@code key} by {@code value}. */
  public static Substitution literal(String key, String value) {
    return new Literal(key, value);
  }

  /**
   * Returns a substitution given the way lit's config files give them: a Python regular expression
   * and a Python {@code re.sub} replacement string ({@code \1}, {@code \g<name>}, {@code \\}).
   *
   * @throws IllegalArgumentException when the pattern is not a valid regular expression
   */
  public static Substitution python(String pattern, String replacement) {
    if (isPlain(pattern) && replacement.indexOf('\\') < 0) {
      return new Literal(pattern, replacement);
    }
    return new Regex(pattern, Pattern.compile(javaRegex(pattern)), javaReplacement(replacement));
  }

  private static boolean isPlain(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      if ("\\^$.|?*+()[]{}".indexOf(pattern.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Turns a Python regular expression into Java's dialect: Python reads a '{' that does not start
   * a {m,n} quantifier as a plain character, where Java rejects it; named groups are spelled
   * {@code (?P<name>…)} and {@code (?P=name)}.
   */
  static String javaRegex(String py) {
    StringBuilder sb = new StringBuilder(py.length() + 8);
    boolean inClass = false;
    for (int i = 0; i < py.length(); i++) {
      char c = py.charAt(i);
      if (!inClass && py.startsWith("(?P<", i)) {
        // Python's named group
        sb.append("(?<");
        i += 3;
        continue;
      }
      if (!inClass && py.startsWith("(?P=", i)) {
        // Python's named back reference
        int close = py.indexOf(')', i);
        sb.append("\\k<").append(py, i + 4, close).append('>');
        i = close;
        continue;
      }
      if (c == '\\' && i + 1 < py.length()) {
        sb.append(c).append(py.charAt(++i));
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (!inClass && c == '{' && !py.substring(i).matches("(?s)\\{\\d+(,\\d*)?}.*")) {
        sb.append("\\{");
        continue;
      } else if (!inClass && c == '}' && !closesQuantifier(py, i)) {
        sb.append("\\}");
        continue;
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static boolean closesQuantifier(String py, int close) {
    int open = py.lastIndexOf('{', close);
    return open >= 0 && py.substring(open, close + 1).matches("\\{\\d+(,\\d*)?}")
        && (open == 0 || py.charAt(open - 1) != '\\');
  }

  static String javaReplacement(String py) {
    StringBuilder sb = new StringBuilder(py.length());
    for (int i = 0; i < py.length(); i++) {
      char c = py.charAt(i);
      if (c == '$') {
        sb.append("\\$");
      } else if (c != '\\' || i + 1 == py.length()) {
        sb.append(c == '\\' ? "\\\\" : String.valueOf(c));
      } else {
        char d = py.charAt(++i);
        if (Character.isDigit(d)) {
          sb.append('$').append(d);
        } else if (d == 'g' && i + 1 < py.length() && py.charAt(i + 1) == '<') {
          int end = py.indexOf('>', i);
          String group = py.substring(i + 2, end);
          sb.append(group.chars().allMatch(Character::isDigit) ? "$" + group : "${" + group + "}");
          i = end;
        } else if (d == 'n') {
          sb.append('\n');
        } else if (d == 't') {
          sb.append('\t');
        } else if (d == '\\') {
          sb.append("\\\\");
        } else {
          // Python keeps an unknown escape such as "\d" as it is
          sb.append("\\\\").append(d == '$' ? "\\$" : String.valueOf(d));
        }
      }
    }
    return sb.toString();
  }

  /** Plain-text replacement. */
  static final class Literal extends Substitution {
    private final String value;

    Literal(String key, String value) {
      super(key);
      this.value = value;
    }

    @Override
    public String apply(String line) {
      return line.contains(key()) ? line.replace(key(), value) : line;
    }
  }

  /** Regular-expression replacement. */
  static final class Regex extends Substitution {
    private final Pattern pattern;
    private final String replacement;

    Regex(String key, Pattern pattern, String replacement) {
      super(key);
      this.pattern = pattern;
      this.replacement = replacement;
    }

    @Override
    public String apply(String line) {
      Matcher m = pattern.matcher(line);
      return m.find() ? m.replaceAll(replacement) : line;
    }
  }
}

package gvm.testing.lit;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * lit's conditional substitution {@code %if EXPR %{ THEN %} [%else %{ ELSE %}]}, which keeps THEN
 * when the feature expression holds and ELSE (or nothing) otherwise. Branches may nest.
 */
final class IfSubstitution {
  private static final Pattern ELSE = Pattern.compile("\\s*%else\\s*(%\\{)?");

  private String rest;
  private final Set<String> features;

  private IfSubstitution(String line, Set<String> features) {
    this.rest = line;
    this.features = features;
  }

  /**
   * Returns {@code line} with its {@code %if} substitutions resolved.
   *
   * @throws IllegalArgumentException for a missing {@code %{} or {@code %}}, with lit's wording
   */
  static String apply(String line, Set<String> features) {
    if (!line.contains("%if ")) {
      return line;
    }
    return new IfSubstitution(line, features).parse(false);
  }

  private String parse(boolean nested) {
    StringBuilder result = new StringBuilder();
    while (!rest.isEmpty()) {
      if (nested && rest.startsWith("%}")) {
        break;
      }
      int open = rest.startsWith("%if ") ? rest.indexOf("%{", 4) : -1;
      if (rest.startsWith("%if ") && open < 0) {
        throw new IllegalArgumentException("'%{' is missing for %if substitution");
      }
      if (open > 4) {
        String condition = rest.substring(4, open);
        rest = rest.substring(open + 2);
        String then = parse(true);
        expectEnd("%if");
        String otherwise = "";
        Matcher m = ELSE.matcher(rest);
        if (m.lookingAt()) {
          if (m.group(1) == null) {
            throw new IllegalArgumentException("'%{' is missing for %else substitution");
          }
          rest = rest.substring(m.end());
          otherwise = parse(true);
          expectEnd("%else");
        }
        result.append(BooleanExpression.evaluate(condition, features) ? then : otherwise);
        continue;
      }
      // plain text, up to the next %if (or, inside a branch, %})
      int end = indexOf("%if", 1);
      if (nested) {
        int close = indexOf("%}", 0);
        end = Math.min(end, close);
      }
      result.append(rest, 0, end);
      rest = rest.substring(end);
    }
    return result.toString();
  }

  private int indexOf(String s, int from) {
    int i = rest.indexOf(s, from);
    return i < 0 ? rest.length() : i;
  }

  private void expectEnd(String what) {
    if (!rest.startsWith("%}")) {
      throw new IllegalArgumentException("'%}' is missing for " + what + " substitution");
    }
    rest = rest.substring(2);
  }
}

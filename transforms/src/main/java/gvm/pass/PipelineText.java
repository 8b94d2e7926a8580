package gvm.pass;

import java.util.ArrayList;
import java.util.List;

/** Lexical helpers for pass option text, as MLIR's PassOptions.cpp splits it. */
final class PipelineText {
  private PipelineText() {}

  /**
   * Splits {@code s} at each top-level {@code sep}, skipping over {@code {...}}, {@code (...)},
   * {@code [...]} and quoted strings (MLIR's findChar); an empty or blank string gives no parts.
   */
  static List<String> splitTopLevel(String s, char sep) {
    List<String> out = new ArrayList<>();
    if (s.trim().isEmpty()) return out;
    int start = 0;
    for (;;) {
      int i = findChar(s, start, sep);
      if (i < 0) {
        out.add(s.substring(start));
        return out;
      }
      out.add(s.substring(start, i));
      start = i + 1;
    }
  }

  private static int findChar(String s, int from, char c) {
    for (int i = from; i >= 0 && i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == c) return i;
      if (ch == '{') i = findChar(s, i + 1, '}');
      else if (ch == '(') i = findChar(s, i + 1, ')');
      else if (ch == '[') i = findChar(s, i + 1, ']');
      else if (ch == '"' || ch == '\'') i = s.indexOf(ch, i + 1);
      if (i < 0) return -1;
    }
    return -1;
  }

  /**
   * Splits option text {@code a=1 b="x y" c={p q} d} into {key, value} pairs (MLIR's
   * parseNextArg): values end at a space outside quotes and braces; one pair of enclosing quotes
   * or braces is dropped; a key without {@code =} gets the empty value.
   */
  static List<String[]> splitOptions(String text) {
    List<String[]> out = new ArrayList<>();
    String s = text.strip();
    while (!s.isEmpty()) {
      int i = 0;
      while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '=') i++;
      String key = unwrap(s.substring(0, i).strip());
      if (i == s.length() || s.charAt(i) == ' ') {
        out.add(new String[] {key, ""});
        s = s.substring(i).strip();
        continue;
      }
      s = s.substring(i + 1);
      int j = 0;
      while (j < s.length() && s.charAt(j) != ' ') {
        char c = s.charAt(j);
        if (c == '\'' || c == '"') {
          int close = s.indexOf(c, j + 1);
          if (close >= 0) j = close;
        } else if (c == '{') {
          int depth = 1;
          for (j++; j < s.length(); j++) {
            char d = s.charAt(j);
            if (d == '\'' || d == '"') {
              int close = s.indexOf(d, j + 1);
              if (close >= 0) j = close;
            } else if (d == '{') {
              depth++;
            } else if (d == '}' && --depth == 0) {
              break;
            }
          }
          if (j == s.length()) break;
        }
        j++;
      }
      out.add(new String[] {key, unwrap(s.substring(0, Math.min(j, s.length())).strip())});
      s = s.substring(Math.min(j, s.length())).strip();
    }
    return out;
  }

  /** Drops one pair of enclosing {@code '...'}, {@code "..."} or {@code {...}} from a string longer than 2. */
  private static String unwrap(String s) {
    if (s.length() > 2) {
      char f = s.charAt(0), l = s.charAt(s.length() - 1);
      if ((f == '\'' && l == '\'') || (f == '"' && l == '"') || (f == '{' && l == '}'))
        return s.substring(1, s.length() - 1).strip();
    }
    return s;
  }
}

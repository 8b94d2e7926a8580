package gvm.testing.lit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lit directives of one test file, collected as LLVM lit's {@code _parseKeywords} does: {@code
 * RUN:} lines (a trailing {@code \} continues a line onto the next RUN line), {@code DEFINE:} and
 * {@code REDEFINE:}, the comma-separated feature expressions of {@code REQUIRES:}, {@code
 * UNSUPPORTED:} and {@code XFAIL:}, {@code ALLOW_RETRIES:} and {@code END.}. A keyword counts
 * anywhere in a line; the rest of the line is its value.
 */
public final class TestScript {
  /** Which directive a {@link Directive} is. */
  public enum Kind { RUN, DEFINE, REDEFINE }

  /**
   * A RUN, DEFINE or REDEFINE directive with its continuation lines joined.
   *
   * @param kind what it is
   * @param line the line it starts on (1-based)
   * @param text its text after the keyword, continuations joined, trailing whitespace removed
   */
  public record Directive(Kind kind, int line, String text) {
    boolean needsContinuation() {
      return text.endsWith("\\");
    }
  }

  private static final String[] KEYWORDS = {"RUN:", "XFAIL:", "REQUIRES:", "UNSUPPORTED:",
      "ALLOW_RETRIES:", "END.", "DEFINE:", "REDEFINE:"};
  private static final Pattern LINE_EXPR = Pattern.compile("%\\(line *([+-]) *(\\d+)\\)");

  private final List<Directive> script = new ArrayList<>();
  private final List<String> xfails = new ArrayList<>();
  private final List<String> requires = new ArrayList<>();
  private final List<String> unsupported = new ArrayList<>();
  private int allowedRetries;

  private TestScript() {}

  /** Returns the RUN/DEFINE/REDEFINE directives in file order. */
  public List<Directive> script() {
    return script;
  }

  /** Returns the XFAIL expressions ({@code *} means always). */
  public List<String> xfails() {
    return xfails;
  }

  /** Returns the REQUIRES expressions. */
  public List<String> requires() {
    return requires;
  }

  /** Returns the UNSUPPORTED expressions. */
  public List<String> unsupported() {
    return unsupported;
  }

  /** Returns how often a failing test is retried (ALLOW_RETRIES). */
  public int allowedRetries() {
    return allowedRetries;
  }

  /**
   * Reads the directives of a test file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException for a malformed script (lit reports it as UNRESOLVED)
   */
  public static TestScript parse(Path file) throws IOException {
    return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  /**
   * Reads the directives of a test file's text.
   *
   * @throws IllegalArgumentException for a malformed script, with lit's wording
   */
  public static TestScript parse(String text) {
    TestScript s = new TestScript();
    int lineNo = 0;
    int start = 0;
    int n = text.length();
    boolean retriesSeen = false;
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      lineNo++;
      String line = text.substring(start, end);
      start = end + 1;
      int at = -1;
      String keyword = null;
      for (String k : KEYWORDS) {
        int i = line.indexOf(k);
        if (i >= 0 && (at < 0 || i < at)) {
          at = i;
          keyword = k;
        }
      }
      if (keyword == null) {
        continue;
      }
      String value = line.substring(at + keyword.length());
      if (value.endsWith("\r")) {
        value = value.substring(0, value.length() - 1);
      }
      switch (keyword) {
        case "RUN:":
          s.addCommand(Kind.RUN, lineNo, substituteLineNumbers(lineNo, value));
          break;
        case "DEFINE:":
          s.addCommand(Kind.DEFINE, lineNo, substituteLineNumbers(lineNo, value));
          break;
        case "REDEFINE:":
          s.addCommand(Kind.REDEFINE, lineNo, substituteLineNumbers(lineNo, value));
          break;
        case "XFAIL:":
          addBooleanExprs(s.xfails, value);
          break;
        case "REQUIRES:":
          addBooleanExprs(s.requires, value);
          break;
        case "UNSUPPORTED:":
          addBooleanExprs(s.unsupported, value);
          break;
        case "ALLOW_RETRIES:":
          if (retriesSeen) {
            throw new IllegalArgumentException("Test has more than one ALLOW_RETRIES lines");
          }
          retriesSeen = true;
          try {
            s.allowedRetries = Integer.parseInt(value.strip());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("INTEGER parser requires the input to be an integer"
                + " (got " + value + ")\nin ALLOW_RETRIES: directive on test line " + lineNo);
          }
          break;
        default: // "END."
          if (value.isBlank()) {
            start = n;
          }
          break;
      }
    }
    for (Directive d : s.script) {
      if (d.needsContinuation()) {
        throw new IllegalArgumentException("Test has unterminated '" + d.kind + ":' directive"
            + " (with '\\') at line " + d.line);
      }
    }
    for (List<String> exprs : List.of(s.xfails, s.requires, s.unsupported)) {
      if (!exprs.isEmpty() && exprs.get(exprs.size() - 1).endsWith("\\")) {
        throw new IllegalArgumentException("Test has unterminated feature lines (with '\\')");
      }
    }
    return s;
  }

  private void addCommand(Kind kind, int lineNo, String value) {
    if (!script.isEmpty()) {
      Directive last = script.get(script.size() - 1);
      if (last.kind == kind && last.needsContinuation()) {
        String joined = kind == Kind.RUN
            ? last.text.substring(0, last.text.length() - 1) + value.stripTrailing()
            : last.text.substring(0, last.text.length() - 1).stripTrailing() + " " + value.strip();
        script.set(script.size() - 1, new Directive(kind, last.line, joined));
        return;
      }
    }
    script.add(new Directive(kind, lineNo, value.stripTrailing()));
  }

  private static void addBooleanExprs(List<String> out, String value) {
    List<String> parts = new ArrayList<>();
    for (String p : value.split(",", -1)) {
      if (!p.isBlank()) {
        parts.add(p.strip());
      }
    }
    if (!out.isEmpty() && out.get(out.size() - 1).endsWith("\\") && !parts.isEmpty()) {
      String last = out.remove(out.size() - 1);
      parts.set(0, last.substring(0, last.length() - 1) + parts.get(0));
    }
    out.addAll(parts);
    for (String e : out) {
      if (!e.equals("*") && !e.endsWith("\\")) {
        BooleanExpression.evaluate(e, java.util.Set.of());
      }
    }
  }

  static String substituteLineNumbers(int lineNo, String line) {
    if (!line.contains("%(line")) {
      return line;
    }
    line = line.replace("%(line)", Integer.toString(lineNo));
    Matcher m = LINE_EXPR.matcher(line);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int delta = Integer.parseInt(m.group(2));
      int value = m.group(1).equals("+") ? lineNo + delta : lineNo - delta;
      m.appendReplacement(sb, Integer.toString(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}

package gvm.tools.opt;

import gvm.ir.Diagnostic;
import gvm.ir.Diagnostic.Severity;
import gvm.ir.attributes.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -verify-diagnostics}, as MLIR's SourceMgrDiagnosticVerifierHandler: the input's
 * {@code expected-error}, {@code -warning}, {@code -note} and {@code -remark} comments (with
 * {@code @+N}, {@code @-N}, {@code @above}, {@code @below}, and {@code -re} for {@code {{regex}}}
 * parts among literal text) are collected first; each diagnostic (and each of its notes) must
 * then match one on its line, else it is reported as {@code unexpected error: MSG}; at the end,
 * each expectation nothing matched is reported as {@code expected error "..." was not produced}.
 * An expectation may match several diagnostics; a message that matches one of another severity
 * is reported as a near miss.
 */
final class DiagnosticVerifier {
  private static final Pattern EXPECTED =
      Pattern.compile("expected-(error|note|remark|warning)(-re)? *(@([+-][0-9]+|above|below))? *\\{\\{(.*)\\}\\}\\z", Pattern.DOTALL);

  /** One expectation: where its comment starts, the line it applies to, and what it matches. */
  static final class Expected {
    final Severity kind;
    int line;
    final SourceFile file;
    final int offset;
    final String substring;
    Pattern regex;
    boolean matched;

    Expected(Severity kind, int line, SourceFile file, int offset, String substring) {
      this.kind = kind;
      this.line = line;
      this.file = file;
      this.offset = offset;
      this.substring = substring;
    }

    boolean matches(String message) { return regex != null ? LlvmRegex.find(regex, message) : message.contains(substring); }
  }

  private final DiagnosticPrinter printer;
  /** Expectations per buffer name, in the order the files were first seen. */
  private final Map<String, List<Expected>> expected = new LinkedHashMap<>();
  private boolean failed;

  /** Collects the expectations of {@code main}; malformed regexes are reported right away. */
  DiagnosticVerifier(DiagnosticPrinter printer, SourceFile main) {
    this.printer = printer;
    expectationsOf(main.name());
  }

  /** The expectations of a buffer (computed on first use; none for a file that cannot be read). */
  List<Expected> expectationsOf(String bufferName) {
    List<Expected> l = expected.get(bufferName);
    if (l != null) return l;
    l = new ArrayList<>();
    expected.put(bufferName, l);
    SourceFile f = printer.buffer(bufferName);
    if (f != null) scan(f, l);
    return l;
  }

  private void scan(SourceFile f, List<Expected> out) {
    int lastNonDesignatorLine = 0;
    List<Expected> forNextLine = new ArrayList<>();
    byte[] data = f.data();
    List<int[]> lines = new ArrayList<>();
    int s = f.begin();
    for (int i = f.begin(); i < f.end(); i++)
      if (data[i] == '\n') {
        lines.add(new int[] {s, i});
        s = i + 1;
      }
    lines.add(new int[] {s, f.end()});
    int e = lines.size();
    for (int lineNo = 0; lineNo < e; lineNo++) {
      int start = lines.get(lineNo)[0], end = lines.get(lineNo)[1];
      while (end > start && isSpace(data[end - 1])) end--;
      Matcher m = EXPECTED.matcher(f.slice(start, end));
      if (!m.find()) {
        for (Expected x : forNextLine) x.line = lineNo + 1;
        forNextLine.clear();
        lastNonDesignatorLine = lineNo;
        continue;
      }
      Severity kind = severity(m.group(1));
      Expected x = new Expected(kind, lineNo + 1, f, start + m.start(), m.group(5));
      if (m.group(2) != null && !computeRegex(x)) {
        failed = true;
        continue;
      }
      String offset = m.group(4);
      if (offset != null) {
        if (offset.charAt(0) == '+' || offset.charAt(0) == '-') {
          long n = parseLlvmInteger(offset.substring(1));
          x.line = (int) (offset.charAt(0) == '+' ? x.line + n : x.line - n);
        } else if (offset.equals("above")) {
          x.line = lastNonDesignatorLine + 1;
        } else {
          forNextLine.add(x);
          x.line = e;
        }
      }
      out.add(x);
    }
  }

  private static boolean isSpace(byte b) { return b == ' ' || b == '\t' || b == '\n' || b == 0x0B || b == '\f' || b == '\r'; }

  /** StringRef::getAsInteger with radix 0: a leading 0 means octal; an invalid number gives 0. */
  private static long parseLlvmInteger(String digits) {
    try {
      if (digits.length() > 1 && digits.charAt(0) == '0') return Long.parseLong(digits.substring(1), 8);
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Severity severity(String s) {
    switch (s) {
      case "error": return Severity.ERROR;
      case "warning": return Severity.WARNING;
      case "remark": return Severity.REMARK;
      default: return Severity.NOTE;
    }
  }

  /** The {@code -re} form: literal text escaped, each {@code {{...}}} part a group of the regex. */
  private boolean computeRegex(Expected x) {
    StringBuilder re = new StringBuilder();
    String rest = x.substring;
    while (!rest.isEmpty()) {
      int open = rest.indexOf("{{");
      if (open < 0) {
        re.append(LlvmRegex.escape(rest));
        break;
      }
      re.append(LlvmRegex.escape(rest.substring(0, open)));
      rest = rest.substring(open + 2);
      int close = rest.indexOf("}}");
      if (close < 0) return reportAt(x, "found start of regex with no end '}}'");
      String part = rest.substring(0, close);
      try {
        LlvmRegex.compile(part);
      } catch (LlvmRegex.SyntaxError err) {
        return reportAt(x, "invalid regex: " + err.getMessage());
      }
      re.append('(').append(part).append(')');
      rest = rest.substring(close + 2);
    }
    try {
      x.regex = LlvmRegex.compile(re.toString());
      return true;
    } catch (LlvmRegex.SyntaxError err) {
      return reportAt(x, "invalid regex: " + err.getMessage());
    }
  }

  private boolean reportAt(Expected x, String message) {
    printer.printAt(x.file, x.offset, Severity.ERROR, message, x.offset, x.offset + x.substring.length());
    return false;
  }

  /** Checks a diagnostic and each of its notes. */
  void process(Diagnostic d) {
    process(d.loc(), d.message(), d.severity());
    for (Diagnostic n : d.notes()) process(n.loc(), n.message(), n.severity());
  }

  private void process(Location loc, String message, Severity kind) {
    Location.FileLineCol file = DiagnosticPrinter.firstFileLineCol(loc == null ? Location.UNKNOWN : loc);
    if (file == null) {
      printer.print(loc == null ? Location.UNKNOWN : loc, "unexpected " + DiagnosticPrinter.label(kind) + ": " + message, Severity.ERROR, true);
      failed = true;
      return;
    }
    Expected nearMiss = null;
    for (Expected x : expectationsOf(file.file())) {
      if (file.line() == x.line && x.matches(message)) {
        if (x.kind == kind) {
          x.matched = true;
          return;
        }
        nearMiss = x;
      }
    }
    if (nearMiss != null)
      printer.printAt(nearMiss.file, nearMiss.offset, Severity.ERROR, "'" + DiagnosticPrinter.label(kind) + "' diagnostic emitted when expecting a '"
          + DiagnosticPrinter.label(nearMiss.kind) + "'", -1, -1);
    else
      printer.print(file, "unexpected " + DiagnosticPrinter.label(kind) + ": " + message, Severity.ERROR, true);
    failed = true;
  }

  /**
   * Reports the expectations nothing matched.
   *
   * @return true if every diagnostic was expected and every expectation met
   */
  boolean verify() {
    for (List<Expected> l : expected.values())
      for (Expected x : l)
        if (!x.matched) {
          reportAt(x, "expected " + DiagnosticPrinter.label(x.kind) + " \"" + x.substring + "\" was not produced");
          failed = true;
        }
    expected.clear();
    return !failed;
  }
}

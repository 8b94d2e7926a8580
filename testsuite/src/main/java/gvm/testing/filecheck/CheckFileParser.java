package gvm.testing.filecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a check file into {@link CheckString}s ({@code FileCheck::readCheckFile}): defines the
 * command-line variables, builds the --implicit-check-not patterns, parses every directive and
 * reports malformed ones with LLVM's wording.
 */
final class CheckFileParser {
  private static final String IMPLICIT_PREFIX = "-implicit-check-not='";

  private CheckFileParser() {}

  /**
   * Parses {@code src}.
   *
   * @param implicitBuffers receives the "command line" buffers of the implicit patterns
   * @return the directives, or null after printing an error (exit status 2)
   * @throws PatternParser.FatalExit where LLVM exits directly
   */
  static List<CheckString> read(SourceText src, Options opts, VarContext ctx, DiagnosticPrinter printer,
      List<SourceText> implicitBuffers) {
    if (GlobalDefines.define(opts.globalDefines, ctx, printer)) {
      return null;
    }
    ctx.createLineVariable();
    List<CheckString.DagNot> implicit = new ArrayList<>();
    for (String pattern : opts.implicitCheckNot) {
      SourceText buf = new SourceText("command line", IMPLICIT_PREFIX + pattern + "'");
      implicitBuffers.add(buf);
      CheckPattern p = new CheckPattern(CheckType.of(CheckType.Kind.NOT), ctx, -1, buf);
      // LLVM ignores the result: a bad implicit pattern is reported but the run goes on.
      PatternParser.parse(p, IMPLICIT_PREFIX.length(), IMPLICIT_PREFIX.length() + pattern.length(),
          "IMPLICIT-CHECK", opts, printer);
      implicit.add(new CheckString.DagNot(p, "IMPLICIT-CHECK"));
    }

    List<CheckString> checks = new ArrayList<>();
    List<CheckString.DagNot> dagNots = new ArrayList<>(implicit);
    opts.addDefaultPrefixes();
    String t = src.text;
    DirectiveScanner scanner = new DirectiveScanner(t, opts);
    Set<String> notFound = new TreeSet<>(opts.checkPrefixes);
    int distinct = notFound.size();
    while (true) {
      DirectiveScanner.Directive d = scanner.next();
      if (d == null) {
        break;
      }
      CheckType type = d.type();
      String prefix = d.prefix();
      if (!type.is(CheckType.Kind.COMMENT)) {
        notFound.remove(prefix);
      }
      int pos = d.after() >= t.length() ? d.prefixPos() + prefix.length() : d.after();
      switch (type.kind()) {
        case MISSPELLED -> {
          printer.print(src, d.prefixPos(), DiagnosticPrinter.Kind.ERROR,
              "misspelled directive '" + t.substring(d.prefixPos(), Math.min(d.after(), t.length())) + "'");
          return null;
        }
        case BAD_NOT -> {
          printer.print(src, pos, DiagnosticPrinter.Kind.ERROR, "unsupported -NOT combo on prefix '" + prefix + "'");
          return null;
        }
        case BAD_COUNT -> {
          printer.print(src, pos, DiagnosticPrinter.Kind.ERROR,
              "invalid count in -COUNT specification on prefix '" + prefix + "'");
          return null;
        }
        default -> { }
      }
      if (!(opts.strictWhitespace && opts.matchFullLines)) {
        while (pos < t.length() && (t.charAt(pos) == ' ' || t.charAt(pos) == '\t')) {
          pos++;
        }
      }
      int eol = pos;
      while (eol < t.length() && t.charAt(eol) != '\n' && t.charAt(eol) != '\r') {
        eol++;
      }
      scanner.pos = eol;
      if (type.is(CheckType.Kind.COMMENT)) {
        continue;
      }
      CheckPattern p = new CheckPattern(type, ctx, scanner.lineNumber, src);
      if (PatternParser.parse(p, pos, eol, prefix, opts, printer)) {
        return null;
      }
      if (type.is(CheckType.Kind.LABEL) && p.hasVariable()) {
        printer.print(src, d.prefixPos(), DiagnosticPrinter.Kind.ERROR,
            "found '" + prefix + "-LABEL:' with variable definition or use");
        return null;
      }
      if ((type.is(CheckType.Kind.NEXT) || type.is(CheckType.Kind.SAME) || type.is(CheckType.Kind.EMPTY))
          && checks.isEmpty()) {
        String name = type.is(CheckType.Kind.NEXT) ? "NEXT" : type.is(CheckType.Kind.EMPTY) ? "EMPTY" : "SAME";
        printer.print(src, d.prefixPos(), DiagnosticPrinter.Kind.ERROR,
            "found '" + prefix + "-" + name + "' without previous '" + prefix + ": line");
        return null;
      }
      if (type.is(CheckType.Kind.DAG) || type.is(CheckType.Kind.NOT)) {
        dagNots.add(new CheckString.DagNot(p, prefix));
        continue;
      }
      checks.add(new CheckString(p, prefix, src, pos, dagNots));
      dagNots = new ArrayList<>(implicit);
    }

    boolean noPrefixesFound = notFound.size() == distinct;
    boolean someUnused = !opts.allowUnusedPrefixes && !notFound.isEmpty();
    if ((noPrefixesFound || someUnused) && (implicit.isEmpty() || !opts.isDefaultCheckPrefix)) {
      StringBuilder sb = new StringBuilder("error: no check strings found with prefix");
      sb.append(notFound.size() > 1 ? "es " : " ");
      String sep = "";
      for (String missing : notFound) {
        sb.append(sep).append('\'').append(missing).append(":'");
        sep = ", ";
      }
      printer.raw(sb.append('\n').toString());
      return null;
    }
    if (!dagNots.isEmpty()) {
      CheckPattern eof = new CheckPattern(CheckType.of(CheckType.Kind.EOF), ctx, scanner.lineNumber + 1, src);
      // Like LLVM, point at wherever the directive search stopped.
      eof.loc = scanner.pos;
      checks.add(new CheckString(eof, opts.checkPrefixes.get(0), src, scanner.pos, dagNots));
    }
    return checks;
  }
}

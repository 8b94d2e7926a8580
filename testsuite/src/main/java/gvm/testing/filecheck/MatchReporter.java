package gvm.testing.filecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports match results as FileCheck does ({@code printMatch}, {@code printNoMatch},
 * {@code printFuzzyMatch}): errors, -v remarks and notes go to the printer, and every result is
 * also recorded as a {@link Diag} when an input dump may be printed. All input positions are
 * absolute offsets into {@link #input}.
 */
final class MatchReporter {
  private static final int FUZZY_SEARCH_LIMIT = 4096;

  final SourceText input;
  final DiagnosticPrinter printer;
  final Options opts;
  /** Recorded results for the input dump, or null with -dump-input=never. */
  final List<Diag> diags;

  MatchReporter(SourceText input, DiagnosticPrinter printer, Options opts, List<Diag> diags) {
    this.input = input;
    this.printer = printer;
    this.opts = opts;
    this.diags = diags;
  }

  /** ProcessMatchResult: records the result, or with {@code adjustPrevious} retypes this check's last ones. */
  void record(Diag.MatchType type, SourceText checkSrc, int checkLoc, CheckType checkType, int start, int end,
      boolean adjustPrevious) {
    if (diags == null) {
      return;
    }
    if (adjustPrevious) {
      for (int i = diags.size() - 1; i >= 0; i--) {
        Diag d = diags.get(i);
        if (d.checkLoc() != checkLoc || d.checkSrc() != checkSrc) {
          break;
        }
        diags.set(i, d.withMatchType(type));
      }
    } else {
      diags.add(Diag.of(checkType, checkSrc, checkLoc, type, input, start, end, null));
    }
  }

  /**
   * Reports a match of {@code pat} at {@code [start, start + len)}.
   *
   * @return true if this is an error (an excluded pattern was found)
   */
  boolean printMatch(boolean expected, String prefix, SourceText locSrc, int loc, CheckPattern pat, int matchedCount,
      int start, int len) {
    boolean hasError = !expected;
    boolean printDiag = true;
    if (!hasError) {
      if (!opts.verbose || (!opts.verboseVerbose && pat.type.is(CheckType.Kind.EOF))) {
        return false;
      }
      // Verbose remarks go into the dump when there is one, not to stderr.
      printDiag = diags == null;
    }
    Diag.MatchType type = expected ? Diag.MatchType.FOUND_AND_EXPECTED : Diag.MatchType.FOUND_BUT_EXCLUDED;
    record(type, locSrc, loc, pat.type, start, start + len, false);
    if (diags != null) {
      printSubstitutions(pat, start, type, true);
      printVariableDefs(pat, type, true);
    }
    if (!printDiag) {
      return hasError;
    }
    String message = pat.type.description(prefix) + ": " + (expected ? "expected" : "excluded")
        + " string found in input" + countSuffix(pat, matchedCount);
    printer.print(locSrc, loc, expected ? DiagnosticPrinter.Kind.REMARK : DiagnosticPrinter.Kind.ERROR, message);
    printer.print(input, start, DiagnosticPrinter.Kind.NOTE, "found here", start, start + len);
    printSubstitutions(pat, start, type, false);
    printVariableDefs(pat, type, false);
    return hasError;
  }

  private static String countSuffix(CheckPattern pat, int matchedCount) {
    return pat.type.count() > 1 ? " (" + matchedCount + " out of " + pat.type.count() + ")" : "";
  }

  /**
   * Reports that {@code pat} did not match in {@code [start, end)} (or could not be matched
   * because of {@code errors}).
   *
   * @return true if this is an error
   */
  boolean printNoMatch(boolean expected, String prefix, SourceText locSrc, int loc, CheckPattern pat,
      int matchedCount, int start, int end, List<LocatedError> errors) {
    boolean hasError = expected;
    boolean patternError = !errors.isEmpty();
    Diag.MatchType type = expected ? Diag.MatchType.NONE_BUT_EXPECTED : Diag.MatchType.NONE_AND_EXCLUDED;
    if (patternError) {
      hasError = true;
      type = Diag.MatchType.NONE_FOR_INVALID_PATTERN;
      for (LocatedError e : errors) {
        e.print(printer);
      }
    }
    boolean printDiag = true;
    if (!hasError) {
      if (!opts.verboseVerbose) {
        return false;
      }
      printDiag = diags == null;
    }
    record(type, locSrc, loc, pat.type, start, end, false);
    if (diags != null) {
      for (LocatedError e : errors) {
        diags.add(Diag.of(pat.type, locSrc, loc, type, input, start, start, e.message()));
      }
      printSubstitutions(pat, start, type, true);
    }
    if (!printDiag) {
      return hasError;
    }
    if (!patternError) {
      String message = pat.type.description(prefix) + ": " + (expected ? "expected" : "excluded")
          + " string not found in input" + countSuffix(pat, matchedCount);
      printer.print(locSrc, loc, expected ? DiagnosticPrinter.Kind.ERROR : DiagnosticPrinter.Kind.REMARK, message);
      printer.print(input, start, DiagnosticPrinter.Kind.NOTE, "scanning from here");
    }
    printSubstitutions(pat, start, type, false);
    if (expected) {
      printFuzzyMatch(pat, start, end);
    }
    return hasError;
  }

  /** reportMatchResult: dispatches on whether {@code outcome} found a match. */
  boolean report(boolean expected, String prefix, SourceText locSrc, int loc, CheckPattern pat, int matchedCount,
      int start, int end, CheckPattern.Outcome outcome) {
    if (outcome.found()) {
      return printMatch(expected, prefix, locSrc, loc, pat, matchedCount, outcome.pos(), outcome.len());
    }
    return printNoMatch(expected, prefix, locSrc, loc, pat, matchedCount, start, end, outcome.errors());
  }

  /** Notes the value of each substitution: {@code with "VAR" equal to "value"}. */
  private void printSubstitutions(CheckPattern pat, int at, Diag.MatchType type, boolean toDiags) {
    for (Substitution s : pat.substitutions) {
      String value = s.resultForDiagnostics();
      if (value == null) {
        continue;
      }
      String message = "with \"" + Escapes.escape(s.fromString()) + "\" equal to \"" + Escapes.escape(value) + '"';
      if (toDiags) {
        diags.add(Diag.of(pat.type, pat.src, pat.loc, type, input, at, at, message));
      } else {
        printer.print(input, at, DiagnosticPrinter.Kind.NOTE, message);
      }
    }
  }

  /** A variable captured by a match and where its text lies in the input. */
  private record Capture(String name, int start, int end) {}

  /** Notes each variable the match captured, in input order: {@code captured var "VAR"}. */
  private void printVariableDefs(CheckPattern pat, Diag.MatchType type, boolean toDiags) {
    List<Capture> captures = new ArrayList<>();
    for (String name : pat.variableDefs.keySet()) {
      VarContext.StringValue v = pat.ctx.strings.get(name);
      if (v != null) {
        captures.add(new Capture(name, v.start(), v.start() + v.value().length()));
      }
    }
    for (Map.Entry<String, CheckPattern.NumericDef> def : pat.numericDefs.entrySet()) {
      NumericVariable v = def.getValue().variable();
      if (v.capturedStart() >= 0) {
        captures.add(new Capture(def.getKey(), v.capturedStart(), v.capturedEnd()));
      }
    }
    captures.sort((a, b) -> Integer.compare(a.start(), b.start()));
    for (Capture c : captures) {
      String message = "captured var \"" + c.name() + "\"";
      if (toDiags) {
        diags.add(Diag.of(pat.type, pat.src, pat.loc, type, input, c.start(), c.end(), message));
      } else {
        printer.print(input, c.start(), DiagnosticPrinter.Kind.NOTE, message, c.start(), c.end());
      }
    }
  }

  /**
   * Points at the input text that looks most like the pattern (edit distance plus a small
   * penalty per line), within the first 4 KiB of the search range.
   */
  private void printFuzzyMatch(CheckPattern pat, int start, int end) {
    String example = pat.exampleString();
    int searchLength = Math.min(FUZZY_SEARCH_LIMIT, end - start);
    // LLVM's cap on the quadratic search for long patterns.
    if ((long) FUZZY_SEARCH_LIMIT * 2048 < (long) searchLength * example.length()) {
      return;
    }
    String t = input.text;
    int lines = 0;
    int best = -1;
    double bestQuality = 0;
    for (int i = 0; i < searchLength; i++) {
      char c = t.charAt(start + i);
      if (c == '\n') {
        lines++;
      }
      if (c == ' ' || c == '\t') {
        continue;
      }
      int prefixEnd = Math.min(end, start + i + example.length());
      int nl = t.indexOf('\n', start + i);
      if (nl >= 0 && nl < prefixEnd) {
        prefixEnd = nl;
      }
      // Only a distance below the best quality so far can matter, so bound the computation.
      int bound = best < 0 ? Integer.MAX_VALUE - 1 : (int) Math.ceil(bestQuality - lines / 100.0);
      int distance = EditDistance.compute(new Slice(t, start + i, prefixEnd), example, Math.max(bound, 0));
      double quality = distance + lines / 100.0;
      if (quality < bestQuality || best < 0) {
        best = i;
        bestQuality = quality;
      }
    }
    if (best > 0 && bestQuality < 50) {
      record(Diag.MatchType.FUZZY, pat.src, pat.loc, pat.type, start + best, start + best, false);
      printer.print(input, start + best, DiagnosticPrinter.Kind.NOTE, "possible intended match here");
    }
  }
}

package gvm.testing.filecheck;

import java.util.ArrayList;
import java.util.List;

/**
 * A positive directive together with the CHECK-DAG/CHECK-NOT directives that precede it
 * (LLVM's {@code FileCheckString}), and the matching logic for it: DAG groups, then the pattern
 * ({@code COUNT} times), then the NEXT/SAME/EMPTY line rules and the NOTs in the skipped text.
 */
final class CheckString {
  /** A CHECK-DAG or CHECK-NOT pattern with the prefix it was written with. */
  record DagNot(CheckPattern pattern, String prefix) {}

  final CheckPattern pat;
  final String prefix;
  final SourceText src;
  /** Where diagnostics about this directive point: the start of its pattern text. */
  final int loc;
  final List<DagNot> dagNots;

  CheckString(CheckPattern pat, String prefix, SourceText src, int loc, List<DagNot> dagNots) {
    this.pat = pat;
    this.prefix = prefix;
    this.src = src;
    this.loc = loc;
    this.dagNots = dagNots;
  }

  /**
   * Matches this directive in {@code input[start, end)}. In label-scan mode only the pattern
   * itself is matched (CHECK-LABEL boundaries are found before the DAG/NOT/NEXT rules apply).
   *
   * @param matchLen receives the length from the first match to the end of the last one
   * @return the offset of the first match, or -1 after reporting a failure
   */
  int check(MatchReporter r, int start, int end, boolean labelScan, int[] matchLen) {
    String text = r.input.text;
    int lastPos = start;
    List<DagNot> notStrings = new ArrayList<>();
    if (!labelScan) {
      lastPos = checkDag(r, start, end, notStrings);
      if (lastPos < 0) {
        return -1;
      }
    }
    int lastMatchEnd = lastPos;
    int firstMatchPos = -1;
    for (int i = 1; i <= pat.type.count(); i++) {
      CheckPattern.Outcome outcome = pat.match(text, lastMatchEnd, end);
      if (r.report(true, prefix, src, loc, pat, i, lastMatchEnd, end, outcome)) {
        return -1;
      }
      if (i == 1) {
        firstMatchPos = outcome.pos();
      }
      lastMatchEnd = outcome.pos() + outcome.len();
    }
    matchLen[0] = lastMatchEnd - firstMatchPos;
    if (!labelScan) {
      if (checkNext(r, lastPos, firstMatchPos) || checkSame(r, lastPos, firstMatchPos)) {
        r.record(Diag.MatchType.FOUND_BUT_WRONG_LINE, src, loc, pat.type, firstMatchPos,
            firstMatchPos + matchLen[0], r.opts.verbose);
        return -1;
      }
      if (checkNot(r, lastPos, firstMatchPos, notStrings)) {
        return -1;
      }
    }
    return firstMatchPos;
  }

  /** Counts line breaks in {@code [start, end)}; "\r\n" and "\n\r" count once. Sets firstBreakEnd[0]. */
  private static int countNewlines(String t, int start, int end, int[] firstBreakEnd) {
    int n = 0;
    int i = start;
    while (true) {
      while (i < end && t.charAt(i) != '\n' && t.charAt(i) != '\r') {
        i++;
      }
      if (i >= end) {
        return n;
      }
      n++;
      if (i + 1 < end && (t.charAt(i + 1) == '\n' || t.charAt(i + 1) == '\r') && t.charAt(i) != t.charAt(i + 1)) {
        i++;
      }
      i++;
      if (n == 1) {
        firstBreakEnd[0] = i;
      }
    }
  }

  /** CHECK-NEXT/CHECK-EMPTY: exactly one line break between the previous match and this one. */
  private boolean checkNext(MatchReporter r, int prevEnd, int matchPos) {
    if (!pat.type.is(CheckType.Kind.NEXT) && !pat.type.is(CheckType.Kind.EMPTY)) {
      return false;
    }
    String name = prefix + (pat.type.is(CheckType.Kind.EMPTY) ? "-EMPTY" : "-NEXT");
    int[] firstBreak = new int[1];
    int n = countNewlines(r.input.text, prevEnd, matchPos, firstBreak);
    if (n == 0) {
      r.printer.print(src, loc, DiagnosticPrinter.Kind.ERROR, name + ": is on the same line as previous match");
    } else if (n != 1) {
      r.printer.print(src, loc, DiagnosticPrinter.Kind.ERROR,
          name + ": is not on the line after the previous match");
    } else {
      return false;
    }
    r.printer.print(r.input, matchPos, DiagnosticPrinter.Kind.NOTE, "'next' match was here");
    r.printer.print(r.input, prevEnd, DiagnosticPrinter.Kind.NOTE, "previous match ended here");
    if (n != 0) {
      r.printer.print(r.input, firstBreak[0], DiagnosticPrinter.Kind.NOTE,
          "non-matching line after previous match is here");
    }
    return true;
  }

  /** CHECK-SAME: no line break between the previous match and this one. */
  private boolean checkSame(MatchReporter r, int prevEnd, int matchPos) {
    if (!pat.type.is(CheckType.Kind.SAME) || countNewlines(r.input.text, prevEnd, matchPos, new int[1]) == 0) {
      return false;
    }
    r.printer.print(src, loc, DiagnosticPrinter.Kind.ERROR,
        prefix + "-SAME: is not on the same line as the previous match");
    r.printer.print(r.input, matchPos, DiagnosticPrinter.Kind.NOTE, "'next' match was here");
    r.printer.print(r.input, prevEnd, DiagnosticPrinter.Kind.NOTE, "previous match ended here");
    return true;
  }

  /** Reports every CHECK-NOT pattern found in {@code [start, end)}; true if any was. */
  private static boolean checkNot(MatchReporter r, int start, int end, List<DagNot> notStrings) {
    boolean failed = false;
    for (DagNot n : notStrings) {
      CheckPattern p = n.pattern();
      CheckPattern.Outcome outcome = p.match(r.input.text, start, end);
      if (r.report(false, n.prefix(), p.src, p.loc, p, 1, start, end, outcome)) {
        failed = true;
      }
    }
    return failed;
  }

  /**
   * Matches the CHECK-DAG groups (each in any order, without overlapping matches and without
   * backtracking) and checks the CHECK-NOTs between groups. NOTs after the last group are left
   * in {@code notStrings} for the caller.
   *
   * @return where the positive pattern's search starts, or -1 after a reported failure
   */
  private int checkDag(MatchReporter r, int start, int end, List<DagNot> notStrings) {
    if (dagNots.isEmpty()) {
      return start;
    }
    String text = r.input.text;
    int startPos = start;
    // Sorted, non-overlapping [pos, end) pairs of this group's matches.
    List<int[]> ranges = new ArrayList<>();
    for (int idx = 0; idx < dagNots.size(); idx++) {
      DagNot dn = dagNots.get(idx);
      CheckPattern p = dn.pattern();
      if (p.type.is(CheckType.Kind.NOT)) {
        notStrings.add(dn);
        continue;
      }
      int matchPos = startPos;
      int matchLen;
      int mi = 0;
      while (true) {
        CheckPattern.Outcome outcome = p.match(text, matchPos, end);
        if (!outcome.found() || r.opts.verboseVerbose) {
          if (r.report(true, dn.prefix(), p.src, p.loc, p, 1, matchPos, end, outcome)) {
            return -1;
          }
        }
        matchLen = outcome.len();
        matchPos = outcome.pos();
        int mEnd = matchPos + matchLen;
        if (r.opts.allowDeprecatedDagOverlap) {
          if (ranges.isEmpty()) {
            ranges.add(new int[] {matchPos, mEnd});
          } else {
            int[] block = ranges.get(0);
            block[0] = Math.min(block[0], matchPos);
            block[1] = Math.max(block[1], mEnd);
          }
          break;
        }
        boolean overlap = false;
        for (; mi < ranges.size(); mi++) {
          int[] old = ranges.get(mi);
          if (matchPos < old[1]) {
            overlap = old[0] < mEnd;
            break;
          }
        }
        if (!overlap) {
          ranges.add(mi, new int[] {matchPos, mEnd});
          break;
        }
        int[] old = ranges.get(mi);
        if (r.opts.verboseVerbose) {
          if (r.diags == null) {
            r.printer.print(r.input, old[0], DiagnosticPrinter.Kind.NOTE,
                "match discarded, overlaps earlier DAG match here", old[0], old[1]);
          } else {
            r.record(Diag.MatchType.FOUND_BUT_DISCARDED, p.src, p.loc, p.type, 0, 0, true);
          }
        }
        matchPos = old[1];
        mi++;
      }
      if (!r.opts.verboseVerbose) {
        r.printMatch(true, dn.prefix(), p.src, p.loc, p, 1, matchPos, matchLen);
      }
      boolean groupEnds = idx + 1 == dagNots.size() || dagNots.get(idx + 1).pattern().type.is(CheckType.Kind.NOT);
      if (groupEnds) {
        if (!notStrings.isEmpty()) {
          if (checkNot(r, startPos, ranges.get(0)[0], notStrings)) {
            return -1;
          }
          notStrings.clear();
        }
        startPos = ranges.get(ranges.size() - 1)[1];
        ranges.clear();
      }
    }
    return startPos;
  }
}

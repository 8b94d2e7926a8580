package gvm.testing.filecheck;

import java.util.List;

/**
 * Runs the directives over the input ({@code FileCheck::checkInput}). CHECK-LABELs are matched
 * first to cut the input into blocks; the other directives then match inside their block, and a
 * failure only ends its own block, so later blocks still report their errors.
 */
final class InputChecker {
  private InputChecker() {}

  /** Returns true if every directive matched. */
  static boolean check(List<CheckString> checks, MatchReporter r, VarContext ctx, Options opts) {
    boolean failed = false;
    int bufStart = 0;
    int bufEnd = r.input.text.length();
    int[] len = new int[1];
    int i = 0;
    int j = 0;
    int e = checks.size();
    while (true) {
      int regionStart = bufStart;
      int regionEnd;
      if (j == e) {
        regionEnd = bufEnd;
      } else {
        CheckString label = checks.get(j);
        if (!label.pat.type.is(CheckType.Kind.LABEL)) {
          j++;
          continue;
        }
        int pos = label.check(r, bufStart, bufEnd, true, len);
        if (pos < 0) {
          // Nothing else can be checked once a label is missing.
          return false;
        }
        regionEnd = pos + len[0];
        bufStart = regionEnd;
        j++;
      }
      // The block before the first label keeps the command-line variables.
      if (i != 0 && opts.enableVarScope) {
        ctx.clearLocalVars();
      }
      for (; i != j; i++) {
        int pos = checks.get(i).check(r, regionStart, regionEnd, false, len);
        if (pos < 0) {
          failed = true;
          i = j;
          break;
        }
        regionStart = pos + len[0];
      }
      if (j == e) {
        break;
      }
    }
    return !failed;
  }
}

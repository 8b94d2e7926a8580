package gvm.testing.filecheck;

/**
 * One match result or note recorded for the input dump (LLVM's {@code FileCheckDiag}): which
 * directive produced it, what happened, and the input range it concerns (1-based, end exclusive).
 */
record Diag(CheckType checkType, SourceText checkSrc, int checkLoc, MatchType matchType, int startLine,
    int startCol, int endLine, int endCol, String note) {

  /** What a diagnostic says about a match, with its marker and note in the dump. */
  enum MatchType {
    FOUND_AND_EXPECTED('^', null, false),
    FOUND_BUT_EXCLUDED('!', "error: no match expected", true),
    FOUND_BUT_WRONG_LINE('!', "error: match on wrong line", true),
    FOUND_BUT_DISCARDED('!', "discard: overlaps earlier match", false),
    NONE_AND_EXCLUDED('X', null, false),
    NONE_BUT_EXPECTED('X', "error: no match found", true),
    NONE_FOR_INVALID_PATTERN('X', "error: match failed for invalid pattern", true),
    FUZZY('?', "possible intended match", true);

    final char marker;
    final String note;
    /** Whether -dump-input-filter=error keeps lines marked this way. */
    final boolean filtersAsError;

    MatchType(char marker, String note, boolean filtersAsError) {
      this.marker = marker;
      this.note = note;
      this.filtersAsError = filtersAsError;
    }
  }

  static Diag of(CheckType type, SourceText checkSrc, int checkLoc, MatchType matchType, SourceText input,
      int start, int end, String note) {
    return new Diag(type, checkSrc, checkLoc, matchType, input.lineOf(start), input.columnOf(start),
        input.lineOf(end), input.columnOf(end), note);
  }

  Diag withMatchType(MatchType t) {
    return new Diag(checkType, checkSrc, checkLoc, t, startLine, startCol, endLine, endCol, note);
  }
}

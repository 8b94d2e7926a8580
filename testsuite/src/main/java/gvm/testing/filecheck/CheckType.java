package gvm.testing.filecheck;

/**
 * The kind of a directive plus its modifiers ({@code -COUNT-n}, {@code {LITERAL}}), as LLVM's
 * {@code Check::FileCheckType}.
 */
record CheckType(Kind kind, int count, boolean literal) {
  /** Directive kinds; EOF is the implicit end-of-input check, the last three report malformed directives. */
  enum Kind {
    PLAIN, NEXT, SAME, NOT, DAG, LABEL, EMPTY, COMMENT, EOF, BAD_NOT, BAD_COUNT, MISSPELLED
  }

  static CheckType of(Kind kind) {
    return new CheckType(kind, 1, false);
  }

  CheckType withLiteral() {
    return new CheckType(kind, count, true);
  }

  boolean is(Kind k) {
    return kind == k;
  }

  /** The directive as diagnostics name it, e.g. {@code CHECK-NEXT} or {@code CHECK-COUNT{LITERAL}}. */
  String description(String prefix) {
    String modifiers = literal ? "{LITERAL}" : "";
    return switch (kind) {
      case MISSPELLED -> "misspelled";
      case PLAIN -> prefix + (count > 1 ? "-COUNT" : "") + modifiers;
      case NEXT -> prefix + "-NEXT" + modifiers;
      case SAME -> prefix + "-SAME" + modifiers;
      case NOT -> prefix + "-NOT" + modifiers;
      case DAG -> prefix + "-DAG" + modifiers;
      case LABEL -> prefix + "-LABEL" + modifiers;
      case EMPTY -> prefix + "-EMPTY" + modifiers;
      case COMMENT -> prefix;
      case EOF -> "implicit EOF";
      case BAD_NOT -> "bad NOT";
      case BAD_COUNT -> "bad COUNT";
    };
  }

  /** The short name used in input-dump labels ({@code check:3}, {@code next:4'1}). */
  String abbreviation() {
    return switch (kind) {
      case PLAIN -> count > 1 ? "count" : "check";
      case NEXT -> "next";
      case SAME -> "same";
      case NOT -> "not";
      case DAG -> "dag";
      case LABEL -> "label";
      case EMPTY -> "empty";
      case COMMENT -> "com";
      case EOF -> "eof";
      case BAD_NOT -> "bad-not";
      case BAD_COUNT -> "bad-count";
      case MISSPELLED -> "misspelled";
    };
  }
}

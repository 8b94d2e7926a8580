package gvm.testing.filecheck;

/**
 * Turns the text of one directive into a {@link CheckPattern} ({@code Pattern::parsePattern}):
 * literal text is escaped, {@code {{re}}} blocks are validated and appended, {@code [[...]]}
 * blocks become capture groups, back-references or substitutions. Errors are printed as LLVM
 * prints them.
 */
final class PatternParser {
  /** An {@code exit(status)} deep inside parsing, as LLVM's FindRegexVarEnd does on a stray ']'. */
  static final class FatalExit extends RuntimeException {
    final int status;

    FatalExit(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  /** LLVM 19 emits back-references as \\N, so only groups 1-9 can be used. */
  private static final int BACKREF_LIMIT = 9;

  private final CheckPattern p;
  private final String t;
  private final Options opts;
  private final DiagnosticPrinter printer;
  private int curParen = 1;

  private PatternParser(CheckPattern p, Options opts, DiagnosticPrinter printer) {
    this.p = p;
    this.t = p.src.text;
    this.opts = opts;
    this.printer = printer;
  }

  /**
   * Parses {@code [start, end)} of {@code p.src} into {@code p}.
   *
   * @return true if an error was reported (the pattern may then be partly built, as in LLVM)
   */
  static boolean parse(CheckPattern p, int start, int end, String prefix, Options opts, DiagnosticPrinter printer) {
    return new PatternParser(p, opts, printer).parse(start, end, prefix);
  }

  private boolean error(int at, String message) {
    printer.print(p.src, at, DiagnosticPrinter.Kind.ERROR, message);
    return true;
  }

  /** LLVM prints these through logAllUnhandledErrors, which adds an empty line after each. */
  private boolean logged(LocatedError.Thrown e) {
    for (LocatedError err : e.errors) {
      err.print(printer);
      printer.raw("\n");
    }
    return true;
  }

  private int find(String s, int from, int end) {
    int i = t.indexOf(s, from);
    return i < 0 || i + s.length() > end ? -1 : i;
  }

  private boolean parse(int start, int end, String prefix) {
    CheckType.Kind kind = p.type.kind();
    boolean fullLines = opts.matchFullLines && kind != CheckType.Kind.NOT;
    p.ignoreCase = opts.ignoreCase;
    p.loc = start;
    if (!(opts.strictWhitespace && opts.matchFullLines)) {
      while (end > start && (t.charAt(end - 1) == ' ' || t.charAt(end - 1) == '\t')) {
        end--;
      }
    }
    if (start == end && kind != CheckType.Kind.EMPTY) {
      return error(start, "found empty check string with prefix '" + prefix + ":'");
    }
    if (start != end && kind == CheckType.Kind.EMPTY) {
      return error(start, "found non-empty check string for empty check with prefix '" + prefix + ":'");
    }
    if (kind == CheckType.Kind.EMPTY) {
      p.regex.append("(\n$)");
      return false;
    }
    String text = t.substring(start, end);
    if (p.type.literal() || (!fullLines && (text.length() < 2 || (!text.contains("{{") && !text.contains("[["))))) {
      p.fixedStr = text;
      return false;
    }
    StringBuilder regex = p.regex;
    if (fullLines) {
      regex.append('^');
      if (!opts.strictWhitespace) {
        regex.append(" *");
      }
    }
    int pos = start;
    while (pos < end) {
      if (t.startsWith("{{", pos) && pos + 2 <= end) {
        int close = find("}}", pos, end);
        if (close < 0) {
          return error(pos, "found start of regex string with no end '}}'");
        }
        // Parenthesize so that "abc{{x|z}}def" means abc(x|z)def.
        boolean alternation = find("|", pos, end) >= 0;
        if (alternation) {
          regex.append('(');
          curParen++;
        }
        if (addRegex(t.substring(pos + 2, close), pos + 2)) {
          return true;
        }
        if (alternation) {
          regex.append(')');
        }
        pos = close + 2;
        continue;
      }
      if (t.startsWith("[[", pos) && pos + 2 <= end && !(t.startsWith("[[[", pos) && pos + 3 <= end)) {
        int next = parseSubstitutionBlock(pos, end);
        if (next < 0) {
          return true;
        }
        pos = next;
        continue;
      }
      int fixedEnd = end;
      int brace = find("{{", pos + 1, end);
      int bracket = find("[[", pos + 1, end);
      if (brace >= 0) {
        fixedEnd = brace;
      }
      if (bracket >= 0 && bracket < fixedEnd) {
        fixedEnd = bracket;
      }
      regex.append(PosixRegex.escape(t.substring(pos, fixedEnd)));
      pos = fixedEnd;
    }
    if (fullLines) {
      if (!opts.strictWhitespace) {
        regex.append(" *");
      }
      regex.append('$');
    }
    return false;
  }

  /**
   * Parses the {@code [[...]]} block at {@code pos}.
   *
   * @return the offset after the block, or -1 after reporting an error
   */
  private int parseSubstitutionBlock(int pos, int end) {
    int unparsed = pos + 2;
    int close = findRegexVarEnd(unparsed, end);
    int matchStart = unparsed;
    int matchEnd = close < 0 ? end : close;
    boolean numeric = matchStart < matchEnd && t.charAt(matchStart) == '#';
    if (numeric) {
      matchStart++;
    }
    if (close < 0) {
      error(pos, "Invalid substitution block, no ]] found");
      return -1;
    }
    int next = close + 2;

    boolean definition = false;
    boolean substNeeded = false;
    boolean legacyLine = false;
    String defName = null;
    int substStart = -1;
    int substEnd = -1;
    String matchRegexp = "";
    int matchRegexpAt = -1;
    int insertIdx = p.regex.length();
    NumericParser.VarName name = null;

    if (!numeric) {
      int colon = find(":", matchStart, matchEnd);
      int nameEnd = colon < 0 ? matchEnd : colon;
      for (int i = matchStart; i < nameEnd; i++) {
        if (t.charAt(i) == ' ' || t.charAt(i) == '\t') {
          error(i, "unexpected whitespace");
          return -1;
        }
      }
      try {
        name = NumericParser.parseVariable(p.src, matchStart, matchEnd);
      } catch (LocatedError.Thrown e) {
        logged(e);
        return -1;
      }
      definition = colon >= 0;
      substNeeded = !definition;
      if (definition) {
        if (name.pseudo() || name.end() == matchEnd || t.charAt(name.end()) != ':') {
          error(name.start(), "invalid name in string variable definition");
          return -1;
        }
        if (p.ctx.numerics.containsKey(name.name())) {
          error(name.start(), "numeric variable with name '" + name.name() + "' already exists");
          return -1;
        }
        defName = name.name();
        matchRegexp = t.substring(name.end() + 1, matchEnd);
        matchRegexpAt = name.end() + 1;
      } else if (name.pseudo()) {
        legacyLine = true;
        numeric = true;
      } else {
        if (name.end() != matchEnd) {
          error(name.start(), "invalid name in string variable use");
          return -1;
        }
        substStart = name.start();
        substEnd = name.end();
      }
    }

    NumericParser.Block block = null;
    if (numeric) {
      try {
        block = new NumericParser(p.src, p.ctx, p.lineNumber).parseBlock(matchStart, matchEnd, legacyLine);
      } catch (LocatedError.Thrown e) {
        logged(e);
        return -1;
      }
      substNeeded = block.ast() != null;
      if (block.defined() != null) {
        definition = true;
        defName = block.defined().name;
      }
      if (substNeeded) {
        substStart = matchStart;
        substEnd = matchEnd;
      } else {
        matchRegexp = block.format().wildcardRegex();
      }
    }

    if (definition) {
      p.regex.append('(');
      insertIdx++;
      if (numeric) {
        p.numericDefs.put(defName, new CheckPattern.NumericDef(block.defined(), curParen));
        p.ctx.numerics.put(defName, block.defined());
      } else {
        p.variableDefs.put(defName, curParen);
        p.ctx.definedStrings.add(defName);
      }
      curParen++;
    }
    if (!matchRegexp.isEmpty() && addRegex(matchRegexp, matchRegexpAt)) {
      return -1;
    }
    if (definition) {
      p.regex.append(')');
    }
    if (substNeeded) {
      Integer group = numeric ? null : p.variableDefs.get(t.substring(substStart, substEnd));
      if (group != null) {
        // A variable defined earlier on the same line is matched with a back-reference.
        if (group < 1 || group > BACKREF_LIMIT) {
          error(substStart, "Can't back-reference more than " + BACKREF_LIMIT + " variables");
          return -1;
        }
        p.regex.append('\\').append(group);
      } else if (numeric) {
        p.substitutions.add(new Substitution.OfNumber(p.src, substStart, substEnd, insertIdx, block.ast(),
            block.format()));
      } else {
        p.substitutions.add(new Substitution.OfString(p.ctx, p.src, substStart, substEnd, insertIdx));
      }
    }
    return next;
  }

  /** Validates and appends a regex piece; {@code at} locates errors (-1 for generated pieces). */
  private boolean addRegex(String rs, int at) {
    int groups;
    try {
      groups = PosixRegex.validate(rs);
    } catch (PosixRegex.SyntaxError e) {
      return error(at, "invalid regex: " + e.getMessage());
    }
    p.regex.append(rs);
    curParen += groups;
    return false;
  }

  /** Finds the "]]" closing a substitution block, skipping escapes and nested brackets. */
  private int findRegexVarEnd(int pos, int end) {
    int depth = 0;
    while (pos < end) {
      if (depth == 0 && t.startsWith("]]", pos) && pos + 2 <= end) {
        return pos;
      }
      char c = t.charAt(pos);
      if (c == '\\') {
        pos = Math.min(pos + 2, end);
        continue;
      }
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        if (depth == 0) {
          error(pos, "missing closing \"]\" for regex variable");
          throw new FatalExit(1);
        }
        depth--;
      }
      pos++;
    }
    return -1;
  }
}

package gvm.testing.filecheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the inside of a numeric substitution block ({@code [[#%x,VAR:EXPR]]}), of a legacy
 * {@code [[@LINE+N]]} and of a {@code -D#} definition, with LLVM's grammar and error messages.
 * Positions are offsets into {@link #src}; {@code end} bounds the text being parsed.
 */
final class NumericParser {
  /** A parsed block: the expression (null when there is none), its format and the defined variable. */
  record Block(Expr ast, ExpressionFormat format, NumericVariable defined) {}

  /** A variable name as parsed by {@code Pattern::parseVariable}; {@code end} is where parsing stopped. */
  record VarName(String name, int start, int end, boolean pseudo) {}

  /** Which operands are allowed: LLVM's {@code AllowedOperand}. */
  private enum Allowed { LINE_VAR, LEGACY_LITERAL, ANY }

  private final SourceText src;
  private final String t;
  private final VarContext ctx;
  /** Line of the directive being parsed, or -1 (command line). */
  private final int lineNumber;
  private int pos;
  private int end;

  NumericParser(SourceText src, VarContext ctx, int lineNumber) {
    this.src = src;
    this.t = src.text;
    this.ctx = ctx;
    this.lineNumber = lineNumber;
  }

  private LocatedError.Thrown error(int at, int to, String message) {
    return new LocatedError.Thrown(new LocatedError(src, at, to, message));
  }

  static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAlnum(char c) {
    return isAlpha(c) || (c >= '0' && c <= '9');
  }

  /** Parses a variable name at {@code [start, end)}: {@code $}-global, {@code @}-pseudo or plain. */
  static VarName parseVariable(SourceText src, int start, int end) throws LocatedError.Thrown {
    String t = src.text;
    if (start == end) {
      throw new LocatedError.Thrown(new LocatedError(src, start, end, "empty variable name"));
    }
    int i = start;
    boolean pseudo = t.charAt(i) == '@';
    if (t.charAt(i) == '$' || pseudo) {
      i++;
    }
    if (i == end) {
      throw new LocatedError.Thrown(new LocatedError(src, i, end,
          "empty " + (pseudo ? "pseudo " : "global ") + "variable name"));
    }
    char first = t.charAt(i++);
    if (first != '_' && !isAlpha(first)) {
      throw new LocatedError.Thrown(new LocatedError(src, start, end, "invalid variable name"));
    }
    while (i < end && (t.charAt(i) == '_' || isAlnum(t.charAt(i)))) {
      i++;
    }
    return new VarName(t.substring(start, i), start, i, pseudo);
  }

  private int indexOf(char c, int from, int to) {
    int i = t.indexOf(c, from);
    return i < 0 || i >= to ? -1 : i;
  }

  private void skipSpaces() {
    while (pos < end && (t.charAt(pos) == ' ' || t.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private boolean startsWith(String s) {
    return pos + s.length() <= end && t.startsWith(s, pos);
  }

  private boolean consume(String s) {
    if (startsWith(s)) {
      pos += s.length();
      return true;
    }
    return false;
  }

  /** Parses the block text {@code [start, end)}. */
  Block parseBlock(int start, int blockEnd, boolean legacyLine) throws LocatedError.Thrown {
    pos = start;
    end = blockEnd;
    ExpressionFormat explicit = ExpressionFormat.NONE;
    int precision = 0;
    int formatEnd = indexOf(',', pos, end);
    int functionStart = indexOf('(', pos, end);
    if (formatEnd >= 0 && (functionStart < 0 || formatEnd < functionStart)) {
      int fs = pos;
      int fe = formatEnd;
      pos = formatEnd + 1;
      while (fs < fe && isSpace(t.charAt(fs))) {
        fs++;
      }
      while (fe > fs && isSpace(t.charAt(fe - 1))) {
        fe--;
      }
      if (fs == fe || t.charAt(fs) != '%') {
        throw error(fs, fe, "invalid matching format specification in expression");
      }
      fs++;
      int alternateAt = fs;
      boolean alternate = fs < fe && t.charAt(fs) == '#';
      if (alternate) {
        fs++;
      }
      if (fs < fe && t.charAt(fs) == '.') {
        fs++;
        long[] value = new long[1];
        int after = LlvmIntegers.consumeUnsigned(t, fs, fe, 10, value);
        if (after < 0) {
          throw error(fs, fe, "invalid precision in format specifier");
        }
        if (Long.compareUnsigned(value[0], 0xFFFFFFFFL) > 0) {
          // LLVM has already consumed the digits when the value turns out too big for 32 bits.
          throw error(after, fe, "invalid precision in format specifier");
        }
        precision = (int) value[0];
        fs = after;
      }
      if (fs < fe) {
        char spec = t.charAt(fs);
        ExpressionFormat.Kind kind = switch (spec) {
          case 'u' -> ExpressionFormat.Kind.UNSIGNED;
          case 'd' -> ExpressionFormat.Kind.SIGNED;
          case 'x' -> ExpressionFormat.Kind.HEX_LOWER;
          case 'X' -> ExpressionFormat.Kind.HEX_UPPER;
          default -> null;
        };
        if (kind == null) {
          throw error(fs, fs, "invalid format specifier in expression");
        }
        boolean hex = kind == ExpressionFormat.Kind.HEX_LOWER || kind == ExpressionFormat.Kind.HEX_UPPER;
        explicit = new ExpressionFormat(kind, precision, hex && alternate);
        fs++;
      }
      if (alternate && !explicit.isHex()) {
        throw error(alternateAt, alternateAt, "alternate form only supported for hex values");
      }
      while (fs < fe && isSpace(t.charAt(fs))) {
        fs++;
      }
      if (fs < fe) {
        throw error(fs, fe, "invalid matching format specification in expression");
      }
    }

    int defStart = -1;
    int defEnd = -1;
    int colon = indexOf(':', pos, end);
    if (colon >= 0) {
      defStart = pos;
      defEnd = colon;
      pos = colon + 1;
    }
    skipSpaces();
    boolean hasConstraint = consume("==");
    skipSpaces();
    Expr ast = null;
    if (pos == end) {
      if (hasConstraint) {
        throw error(pos, end, "empty numeric expression should not have a constraint");
      }
    } else {
      while (end > pos && isSpace(t.charAt(end - 1))) {
        end--;
      }
      int outerStart = pos;
      ast = parseOperand(legacyLine ? Allowed.LINE_VAR : Allowed.ANY, !hasConstraint);
      while (pos < end) {
        ast = parseBinop(outerStart, ast, legacyLine);
        if (legacyLine && pos < end) {
          throw error(pos, end, "unexpected characters at end of expression '" + t.substring(pos, end) + "'");
        }
      }
    }

    ExpressionFormat format;
    if (explicit.isSet()) {
      format = explicit;
    } else if (ast != null) {
      format = ast.implicitFormat();
    } else {
      format = ExpressionFormat.NONE;
    }
    if (!format.isSet()) {
      format = new ExpressionFormat(ExpressionFormat.Kind.UNSIGNED, precision, false);
    }

    NumericVariable defined = null;
    if (defStart >= 0) {
      while (defStart < defEnd && isSpace(t.charAt(defStart))) {
        defStart++;
      }
      defined = parseDefinition(defStart, defEnd, format);
    }
    return new Block(ast, format, defined);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  private NumericVariable parseDefinition(int start, int defEnd, ExpressionFormat format) throws LocatedError.Thrown {
    VarName v = parseVariable(src, start, defEnd);
    if (v.pseudo()) {
      throw error(v.start(), v.end(), "definition of pseudo numeric variable unsupported");
    }
    if (ctx.definedStrings.contains(v.name())) {
      throw error(v.start(), v.end(), "string variable with name '" + v.name() + "' already exists");
    }
    int rest = v.end();
    while (rest < defEnd && isSpace(t.charAt(rest))) {
      rest++;
    }
    if (rest < defEnd) {
      throw error(rest, defEnd, "unexpected characters after numeric variable name");
    }
    NumericVariable existing = ctx.numerics.get(v.name());
    if (existing != null) {
      if (!existing.implicitFormat.equals(format)) {
        throw error(rest, defEnd, "format different from previous variable definition");
      }
      return existing;
    }
    return ctx.makeNumeric(v.name(), format, lineNumber);
  }

  private Expr parseVariableUse(VarName v) throws LocatedError.Thrown {
    if (v.pseudo() && !v.name().equals("@LINE")) {
      throw error(v.start(), v.end(), "invalid pseudo numeric variable '" + v.name() + "'");
    }
    NumericVariable var = ctx.numerics.get(v.name());
    if (var == null) {
      // Parsing continues with a dummy; the undefined use is reported when matching fails.
      var = ctx.makeNumeric(v.name(), ExpressionFormat.UNSIGNED, -1);
      ctx.numerics.put(v.name(), var);
    }
    if (var.defLine >= 0 && lineNumber >= 0 && var.defLine == lineNumber) {
      throw error(v.start(), v.end(),
          "numeric variable '" + v.name() + "' defined earlier in the same CHECK directive");
    }
    return new Expr.VarUse(src, v.start(), v.end(), var);
  }

  private Expr parseOperand(Allowed allowed, boolean maybeInvalidConstraint) throws LocatedError.Thrown {
    if (startsWith("(")) {
      if (allowed != Allowed.ANY) {
        throw error(pos, end, "parenthesized expression not permitted here");
      }
      return parseParenExpr();
    }
    if (allowed == Allowed.LINE_VAR || allowed == Allowed.ANY) {
      VarName v = null;
      LocatedError.Thrown failure = null;
      try {
        v = parseVariable(src, pos, end);
      } catch (LocatedError.Thrown e) {
        failure = e;
      }
      if (v != null) {
        pos = v.end();
        int p = pos;
        while (p < end && isSpace(t.charAt(p))) {
          p++;
        }
        if (p < end && t.charAt(p) == '(') {
          if (allowed != Allowed.ANY) {
            throw error(v.start(), v.end(), "unexpected function call");
          }
          return parseCall(v);
        }
        return parseVariableUse(v);
      }
      if (allowed == Allowed.LINE_VAR) {
        throw failure;
      }
    }
    int save = pos;
    int p = pos;
    boolean negative = p < end && t.charAt(p) == '-';
    if (negative) {
      p++;
    }
    BigInteger[] value = new BigInteger[1];
    int after = LlvmIntegers.consumeBigInteger(t, p, end, allowed == Allowed.LEGACY_LITERAL ? 10 : 0, value);
    if (after >= 0) {
      pos = after;
      return new Expr.Literal(src, save, after, negative ? value[0].negate() : value[0]);
    }
    throw error(save, end, "invalid " + (maybeInvalidConstraint ? "matching constraint or " : "") + "operand format");
  }

  private Expr parseParenExpr() throws LocatedError.Thrown {
    skipSpaces();
    pos++;
    skipSpaces();
    if (pos == end) {
      throw error(pos, end, "missing operand in expression");
    }
    Expr sub = parseOperand(Allowed.ANY, false);
    skipSpaces();
    while (pos < end && t.charAt(pos) != ')') {
      int outer = pos;
      sub = parseBinop(outer, sub, false);
      skipSpaces();
    }
    if (!consume(")")) {
      throw error(pos, end, "missing ')' at end of nested expression");
    }
    return sub;
  }

  private Expr parseBinop(int outerStart, Expr left, boolean legacyLine) throws LocatedError.Thrown {
    skipSpaces();
    if (pos == end) {
      return left;
    }
    int opAt = pos;
    char operator = t.charAt(pos++);
    Expr.Op op = switch (operator) {
      case '+' -> Expr.Op.ADD;
      case '-' -> Expr.Op.SUB;
      default -> null;
    };
    if (op == null) {
      throw error(opAt, opAt, "unsupported operation '" + operator + "'");
    }
    skipSpaces();
    if (pos == end) {
      throw error(pos, end, "missing operand in expression");
    }
    Expr right = parseOperand(legacyLine ? Allowed.LEGACY_LITERAL : Allowed.ANY, false);
    return new Expr.Binary(src, outerStart, pos, op, left, right);
  }

  private Expr parseCall(VarName function) throws LocatedError.Thrown {
    skipSpaces();
    Expr.Op op = switch (function.name()) {
      case "add" -> Expr.Op.ADD;
      case "div" -> Expr.Op.DIV;
      case "max" -> Expr.Op.MAX;
      case "min" -> Expr.Op.MIN;
      case "mul" -> Expr.Op.MUL;
      case "sub" -> Expr.Op.SUB;
      default -> null;
    };
    if (op == null) {
      throw error(function.start(), function.end(), "call to undefined function '" + function.name() + "'");
    }
    pos++;
    skipSpaces();
    List<Expr> args = new ArrayList<>();
    while (pos < end && t.charAt(pos) != ')') {
      if (t.charAt(pos) == ',') {
        throw error(pos, end, "missing argument");
      }
      int outer = pos;
      Expr arg = parseOperand(Allowed.ANY, false);
      while (pos < end) {
        skipSpaces();
        if (pos < end && (t.charAt(pos) == ',' || t.charAt(pos) == ')')) {
          break;
        }
        arg = parseBinop(outer, arg, false);
      }
      args.add(arg);
      skipSpaces();
      if (!consume(",")) {
        break;
      }
      skipSpaces();
      if (startsWith(")")) {
        throw error(pos, end, "missing argument");
      }
    }
    if (!consume(")")) {
      throw error(pos, end, "missing ')' at end of call expression");
    }
    if (args.size() == 2) {
      // LLVM names a call by the text after it; only implicit-format conflicts ever show it.
      return new Expr.Binary(src, pos, end, op, args.get(0), args.get(1));
    }
    throw error(function.start(), function.end(),
        "function '" + function.name() + "' takes 2 arguments but " + args.size() + " given");
  }
}

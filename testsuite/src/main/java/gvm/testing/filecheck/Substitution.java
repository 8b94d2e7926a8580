package gvm.testing.filecheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code [[VAR]]} or {@code [[#EXPR]]} whose value is only known at match time; it is spliced
 * into the pattern's regex at {@code insertIdx}.
 */
abstract sealed class Substitution {
  final SourceText src;
  /** Span of the text the substitution came from (the variable name or the expression). */
  final int fromStart;
  final int fromEnd;
  final int insertIdx;

  Substitution(SourceText src, int fromStart, int fromEnd, int insertIdx) {
    this.src = src;
    this.fromStart = fromStart;
    this.fromEnd = fromEnd;
    this.insertIdx = insertIdx;
  }

  String fromString() {
    return src.text.substring(fromStart, fromEnd);
  }

  /** The regex to splice in, already escaped. */
  abstract String resultRegex() throws LocatedError.Thrown;

  /**
   * The value for "with X equal to ..." notes, or null when it cannot be computed. LLVM 19
   * prints the regex-escaped form, so this is {@link #resultRegex()} unless it fails.
   */
  final String resultForDiagnostics() {
    try {
      return resultRegex();
    } catch (LocatedError.Thrown e) {
      return null;
    }
  }

  /** {@code [[VAR]]}: the escaped value of a string variable. */
  static final class OfString extends Substitution {
    private final VarContext ctx;

    OfString(VarContext ctx, SourceText src, int fromStart, int fromEnd, int insertIdx) {
      super(src, fromStart, fromEnd, insertIdx);
      this.ctx = ctx;
    }

    private VarContext.StringValue value() {
      return ctx.strings.get(fromString());
    }

    @Override
    String resultRegex() throws LocatedError.Thrown {
      VarContext.StringValue v = value();
      if (v == null) {
        throw new LocatedError.Thrown(
            new LocatedError(src, fromStart, fromEnd, "undefined variable: " + fromString()));
      }
      return PosixRegex.escape(v.value());
    }
  }

  /** {@code [[#EXPR]]}: the value of an expression written in its format. */
  static final class OfNumber extends Substitution {
    private final Expr expr;
    private final ExpressionFormat format;

    OfNumber(SourceText src, int fromStart, int fromEnd, int insertIdx, Expr expr, ExpressionFormat format) {
      super(src, fromStart, fromEnd, insertIdx);
      this.expr = expr;
      this.format = format;
    }

    @Override
    String resultRegex() throws LocatedError.Thrown {
      LocatedError overflow = new LocatedError(src, fromStart, fromEnd,
          "unable to substitute variable or numeric expression: overflow error");
      BigInteger value;
      try {
        value = expr.eval();
      } catch (Expr.EvalFailure f) {
        List<LocatedError> errors = new ArrayList<>();
        for (Expr.VarUse use : f.undefined) {
          errors.add(new LocatedError(use.src(), use.start(), use.end(), "undefined variable: " + use.text()));
        }
        if (f.overflow) {
          errors.add(overflow);
        }
        LocatedError.Thrown thrown = new LocatedError.Thrown(errors.get(0));
        thrown.errors.addAll(errors.subList(1, errors.size()));
        throw thrown;
      }
      String s = format.matchingString(value);
      if (s == null) {
        throw new LocatedError.Thrown(overflow);
      }
      return s;
    }
  }
}

package gvm.testing.filecheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * The AST of a numeric expression ({@code [[#VAR+1]]}, {@code [[#max(A,B)]]}). Values are
 * unbounded integers, as LLVM widens its APInts instead of overflowing.
 */
sealed interface Expr {
  /** The source span of this expression in its buffer, for diagnostics. */
  SourceText src();

  int start();

  int end();

  default String text() {
    return src().text.substring(start(), end());
  }

  /** Evaluates the expression, failing on undefined variables and division by zero. */
  BigInteger eval() throws EvalFailure;

  /** The format inherited from the variables used, or an error when two of them conflict. */
  ExpressionFormat implicitFormat() throws LocatedError.Thrown;

  /** Why an evaluation failed: the undefined variable uses, or an overflow (division by zero). */
  final class EvalFailure extends Exception {
    final List<VarUse> undefined;
    final boolean overflow;

    EvalFailure(List<VarUse> undefined, boolean overflow) {
      super(null, null, false, false);
      this.undefined = undefined;
      this.overflow = overflow;
    }
  }

  /** An integer literal. */
  record Literal(SourceText src, int start, int end, BigInteger value) implements Expr {
    @Override
    public BigInteger eval() {
      return value;
    }

    @Override
    public ExpressionFormat implicitFormat() {
      return ExpressionFormat.NONE;
    }
  }

  /** A use of a numeric variable (or of {@code @LINE}). */
  record VarUse(SourceText src, int start, int end, NumericVariable variable) implements Expr {
    @Override
    public BigInteger eval() throws EvalFailure {
      BigInteger v = variable.value();
      if (v == null) {
        throw new EvalFailure(List.of(this), false);
      }
      return v;
    }

    @Override
    public ExpressionFormat implicitFormat() {
      return variable.implicitFormat;
    }
  }

  /** A binary operator or a two-argument function call. */
  record Binary(SourceText src, int start, int end, Op op, Expr left, Expr right) implements Expr {
    @Override
    public BigInteger eval() throws EvalFailure {
      BigInteger l = null;
      BigInteger r = null;
      List<VarUse> undefined = new ArrayList<>();
      boolean overflow = false;
      try {
        l = left.eval();
      } catch (EvalFailure f) {
        undefined.addAll(f.undefined);
        overflow = f.overflow;
      }
      try {
        r = right.eval();
      } catch (EvalFailure f) {
        undefined.addAll(f.undefined);
        overflow |= f.overflow;
      }
      if (l == null || r == null) {
        throw new EvalFailure(undefined, overflow);
      }
      if (op == Op.DIV && r.signum() == 0) {
        throw new EvalFailure(List.of(), true);
      }
      return op.apply.apply(l, r);
    }

    @Override
    public ExpressionFormat implicitFormat() throws LocatedError.Thrown {
      ExpressionFormat l = null;
      ExpressionFormat r = null;
      LocatedError.Thrown failure = null;
      try {
        l = left.implicitFormat();
      } catch (LocatedError.Thrown e) {
        failure = e;
      }
      try {
        r = right.implicitFormat();
      } catch (LocatedError.Thrown e) {
        failure = failure == null ? e : failure.join(e);
      }
      if (failure != null) {
        throw failure;
      }
      if (l.isSet() && r.isSet() && !l.equals(r)) {
        throw new LocatedError.Thrown(new LocatedError(src, start, end,
            "implicit format conflict between '" + left.text() + "' (" + l + ") and '" + right.text() + "' ("
                + r + "), need an explicit format specifier"));
      }
      return l.isSet() ? l : r;
    }
  }

  /** Operators and functions; division truncates toward zero like APInt's sdiv. */
  enum Op {
    ADD(BigInteger::add), SUB(BigInteger::subtract), MUL(BigInteger::multiply), DIV(BigInteger::divide),
    MAX(BigInteger::max), MIN(BigInteger::min);

    final BinaryOperator<BigInteger> apply;

    Op(BinaryOperator<BigInteger> apply) {
      this.apply = apply;
    }
  }
}

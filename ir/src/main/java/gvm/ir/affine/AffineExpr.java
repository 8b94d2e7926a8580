package gvm.ir.affine;

/**
 * An affine expression over dimensions {@code d_i}, symbols {@code s_j} and constants. Built through
 * {@link AffineExprs}, which simplifies as MLIR's AffineExpr operators do, so that printing matches.
 */
public sealed interface AffineExpr permits AffineExpr.Dim, AffineExpr.Symbol, AffineExpr.Constant, AffineExpr.Binary {
  enum Kind { ADD, MUL, MOD, FLOORDIV, CEILDIV }

  record Dim(int position) implements AffineExpr {}

  record Symbol(int position) implements AffineExpr {}

  record Constant(long value) implements AffineExpr {}

  record Binary(Kind kind, AffineExpr lhs, AffineExpr rhs) implements AffineExpr {}

  /** True when the expression has no dims or symbols in a multiplicative position that breaks affinity. */
  default boolean isSymbolicOrConstant() {
    if (this instanceof Dim) return false;
    if (this instanceof Binary b) return b.lhs().isSymbolicOrConstant() && b.rhs().isSymbolicOrConstant();
    return true;
  }
}

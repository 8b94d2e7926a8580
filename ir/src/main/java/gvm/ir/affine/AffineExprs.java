package gvm.ir.affine;

import gvm.ir.affine.AffineExpr.Binary;
import gvm.ir.affine.AffineExpr.Constant;
import gvm.ir.affine.AffineExpr.Kind;

/** Builders that simplify like MLIR's AffineExpr operators ({@code simplifyAdd}, {@code simplifyMul}, ...). */
public final class AffineExprs {
  private AffineExprs() {}

  public static AffineExpr constant(long v) { return new Constant(v); }

  // add(c1, c2) -> c1 + c2; add(c, x) -> add(x, c); add(x, 0) -> x; add(add(x, c1), c2) -> add(x, c1 + c2)
  public static AffineExpr add(AffineExpr l, AffineExpr r) {
    if (l instanceof Constant a && r instanceof Constant b) return constant(a.value() + b.value());
    if (l instanceof Constant && !(r instanceof Constant)) return add(r, l);
    if (r instanceof Constant c && c.value() == 0) return l;
    if (r instanceof Constant c && l instanceof Binary b && b.kind() == Kind.ADD && b.rhs() instanceof Constant c1)
      return add(b.lhs(), constant(c1.value() + c.value()));
    // add(x, add(y, c)) -> add(add(x, y), c): keeps constants outermost on the right
    if (r instanceof Binary rb && rb.kind() == Kind.ADD && rb.rhs() instanceof Constant) return add(add(l, rb.lhs()), rb.rhs());
    return new Binary(Kind.ADD, l, r);
  }

  // mul(c1, c2) -> c1 * c2; mul(c, x) -> mul(x, c); mul(x, 1) -> x; mul(x, 0) -> 0; mul(mul(x, c1), c2) -> mul(x, c1 * c2)
  public static AffineExpr mul(AffineExpr l, AffineExpr r) {
    if (l instanceof Constant a && r instanceof Constant b) return constant(a.value() * b.value());
    if (l instanceof Constant && !(r instanceof Constant)) return mul(r, l);
    if (!l.isSymbolicOrConstant() && !(r instanceof Constant) && r.isSymbolicOrConstant()) return new Binary(Kind.MUL, l, r);
    if (r instanceof Constant c && c.value() == 1) return l;
    if (r instanceof Constant c && c.value() == 0) return r;
    if (r instanceof Constant c && l instanceof Binary b && b.kind() == Kind.MUL && b.rhs() instanceof Constant c1)
      return mul(b.lhs(), constant(c1.value() * c.value()));
    return new Binary(Kind.MUL, l, r);
  }

  public static AffineExpr sub(AffineExpr l, AffineExpr r) { return add(l, mul(r, constant(-1))); }

  public static AffineExpr neg(AffineExpr e) { return mul(e, constant(-1)); }

  // floordiv(c1, c2) -> floor(c1 / c2); floordiv(x, 1) -> x
  public static AffineExpr floorDiv(AffineExpr l, AffineExpr r) {
    if (l instanceof Constant a && r instanceof Constant b && b.value() != 0) return constant(Math.floorDiv(a.value(), b.value()));
    if (r instanceof Constant c && c.value() == 1) return l;
    return new Binary(Kind.FLOORDIV, l, r);
  }

  // ceildiv(c1, c2) -> ceil(c1 / c2); ceildiv(x, 1) -> x
  public static AffineExpr ceilDiv(AffineExpr l, AffineExpr r) {
    if (l instanceof Constant a && r instanceof Constant b && b.value() != 0) return constant(-Math.floorDiv(-a.value(), b.value()));
    if (r instanceof Constant c && c.value() == 1) return l;
    return new Binary(Kind.CEILDIV, l, r);
  }

  // mod(c1, c2) -> c1 mod c2 (non-negative); mod(x, 1) -> 0
  public static AffineExpr mod(AffineExpr l, AffineExpr r) {
    if (l instanceof Constant a && r instanceof Constant b && b.value() != 0) return constant(Math.floorMod(a.value(), b.value()));
    if (r instanceof Constant c && c.value() == 1) return constant(0);
    return new Binary(Kind.MOD, l, r);
  }
}

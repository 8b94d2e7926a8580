package gvm.dialect.arith.ir;

import gvm.ir.apfloat.APFloat;
import gvm.ir.apfloat.FloatSemantics;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;

/**
 * Elementwise constant folding over scalars, splats and dense elements (MLIR's CommonFolders.h).
 * Integers reach the lambdas sign-extended from their width {@code w} (use {@link #zext} for the
 * unsigned reading); floats as doubles, computed once and rounded once to the element type, which
 * is exact for f16, bf16 and f32 (double has more than twice their precision) and native for f64.
 * A lambda throws {@link #NO_FOLD} when the result is undefined (division by zero, poison).
 */
public final class ConstFold {
  private ConstFold() {}

  /** Thrown by a fold lambda to give up; preallocated, no stack trace. */
  public static final RuntimeException NO_FOLD = new RuntimeException("no fold", null, false, false) {};

  @FunctionalInterface public interface IntBinary { long apply(long a, long b, int w); }

  @FunctionalInterface public interface IntUnary { long apply(long a, int w); }

  @FunctionalInterface public interface FloatBinary { double apply(double a, double b); }

  @FunctionalInterface public interface FloatUnary { double apply(double a); }

  @FunctionalInterface public interface FloatPredicate { boolean test(double a, double b); }

  /** Reads an element of {@code from} as the bits of an element of {@code to} (casts: int/float in, int/float out). */
  @FunctionalInterface public interface Cast { long apply(long bits); }

  /** The unsigned value of {@code a} (an {@code w}-bit integer) as a non-negative long (for w < 64) or as raw bits. */
  public static long zext(long a, int w) { return w >= 64 ? a : a & ((1L << w) - 1); }

  /** {@code v} truncated to {@code w} bits and sign-extended, the canonical storage of integer constants. */
  public static long norm(long v, int w) { return IntegerAttr.truncate(v, w, false); }

  /** Integer or index width of a scalar or element type, or -1 if it is not a foldable (≤64-bit) integer. */
  public static int intWidth(Type t) {
    if (t instanceof ShapedType s) t = s.elementType();
    if (t instanceof IntegerType it) return it.width() <= 64 ? it.width() : -1;
    return t instanceof gvm.ir.types.IndexType ? 64 : -1;
  }

  /** Float semantics we fold exactly, or null. */
  public static FloatSemantics floatSem(Type t) {
    if (t instanceof ShapedType s) t = s.elementType();
    if (!(t instanceof FloatType ft)) return null;
    FloatSemantics s = ft.semantics();
    return s == FloatSemantics.F16 || s == FloatSemantics.BF16 || s == FloatSemantics.F32 || s == FloatSemantics.F64 ? s : null;
  }

  /** The integer constant of a scalar or splat attribute, as stored (sign-extended), or null. */
  public static Long splatInt(Attribute a) {
    if (a instanceof IntegerAttr i && i.wide() == null) return i.value();
    if (a instanceof DenseElementsAttr d && d.isSplat() && !d.isStrings() && intWidth(d.type()) > 0) return d.get(0);
    return null;
  }

  /** The float constant of a scalar or splat attribute as a double, or null. */
  public static Double splatFloat(Attribute a) {
    if (a instanceof FloatAttr f && floatSem(f.type()) != null) return f.value();
    if (a instanceof DenseElementsAttr d && d.isSplat() && !d.isStrings() && floatSem(d.type()) != null)
      return APFloat.toDouble(d.get(0), floatSem(d.type()));
    return null;
  }

  /** True if {@code a} is the integer (or splat) {@code v}. */
  public static boolean isInt(Attribute a, long v) {
    Long x = splatInt(a);
    return x != null && x == v;
  }

  /** True if {@code a} is a float (or splat) bitwise equal to {@code v} ({@code -0.0} differs from {@code 0.0}). */
  public static boolean isFloat(Attribute a, double v) {
    Double x = splatFloat(a);
    return x != null && Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(v);
  }

  /** An integer scalar or splat of {@code type} (a scalar or shaped type). */
  public static Attribute intConstant(Type type, long v) {
    if (type instanceof ShapedType s) return s.hasStaticShape() ? DenseElementsAttr.of(s, new long[] {norm(v, intWidth(s))}) : null;
    return IntegerAttr.of(type, v);
  }

  // ---- binary

  /** Folds {@code f} over two integer constants of one type; the result has {@code resultType}'s shape and element. */
  public static Attribute intBinary(Attribute a, Attribute b, Type resultType, IntBinary f) {
    if (a == null || b == null) return null;
    int w = intWidth(typeOf(a));
    int rw = intWidth(resultType);
    if (w < 0 || rw < 0) return null;
    try {
      if (a instanceof IntegerAttr x && b instanceof IntegerAttr y) {
        if (x.wide() != null || y.wide() != null) return null;
        return IntegerAttr.of(resultType, f.apply(x.value(), y.value(), w));
      }
      if (a instanceof DenseElementsAttr x && b instanceof DenseElementsAttr y && !x.isStrings() && !y.isStrings()
          && resultType instanceof ShapedType rs && rs.hasStaticShape()) {
        if (x.isSplat() && y.isSplat()) return DenseElementsAttr.of(rs, new long[] {norm(f.apply(x.get(0), y.get(0), w), rw)});
        long[] out = new long[(int) rs.numElements()];
        for (int i = 0; i < out.length; i++) out[i] = norm(f.apply(x.get(i), y.get(i), w), rw);
        return DenseElementsAttr.of(rs, out);
      }
    } catch (RuntimeException e) {
      if (e == NO_FOLD) return null;
      throw e;
    }
    return null;
  }

  /** Folds {@code f} over two float constants of one type. */
  public static Attribute floatBinary(Attribute a, Attribute b, FloatBinary f) {
    if (a == null || b == null) return null;
    FloatSemantics s = floatSem(typeOf(a));
    if (s == null) return null;
    try {
      if (a instanceof FloatAttr x && b instanceof FloatAttr y)
        return new FloatAttr(x.type(), APFloat.fromDouble(f.apply(x.value(), y.value()), s));
      if (a instanceof DenseElementsAttr x && b instanceof DenseElementsAttr y && !x.isStrings() && !y.isStrings()) {
        int n = x.isSplat() && y.isSplat() ? 1 : (int) x.numElements();
        long[] out = new long[n];
        for (int i = 0; i < n; i++)
          out[i] = APFloat.fromDouble(f.apply(APFloat.toDouble(x.get(i), s), APFloat.toDouble(y.get(i), s)), s);
        return DenseElementsAttr.of(x.type(), out);
      }
    } catch (RuntimeException e) {
      if (e == NO_FOLD) return null;
      throw e;
    }
    return null;
  }

  /** Folds a float comparison into an i1 constant (or i1 elements of the operands' shape). */
  public static Attribute floatCompare(Attribute a, Attribute b, Type resultType, FloatPredicate p) {
    if (a == null || b == null) return null;
    FloatSemantics s = floatSem(typeOf(a));
    if (s == null) return null;
    if (a instanceof FloatAttr x && b instanceof FloatAttr y) return IntegerAttr.bool(p.test(x.value(), y.value()));
    if (a instanceof DenseElementsAttr x && b instanceof DenseElementsAttr y && !x.isStrings() && !y.isStrings()
        && resultType instanceof ShapedType rs) {
      int n = x.isSplat() && y.isSplat() ? 1 : (int) x.numElements();
      long[] out = new long[n];
      for (int i = 0; i < n; i++) out[i] = p.test(APFloat.toDouble(x.get(i), s), APFloat.toDouble(y.get(i), s)) ? -1 : 0;
      return DenseElementsAttr.of(rs, out);
    }
    return null;
  }

  // ---- unary

  /** Folds a unary integer op whose result has the operand's type. */
  public static Attribute intUnary(Attribute a, IntUnary f) {
    int w = a == null ? -1 : intWidth(typeOf(a));
    return w < 0 ? null : cast(a, typeOf(a), bits -> norm(f.apply(bits, w), w));
  }

  /** Folds a unary float op whose result has the operand's type. */
  public static Attribute floatUnary(Attribute a, FloatUnary f) {
    FloatSemantics s = a == null ? null : floatSem(typeOf(a));
    return s == null ? null : cast(a, typeOf(a), bits -> APFloat.fromDouble(f.apply(APFloat.toDouble(bits, s)), s));
  }

  /**
   * Folds an elementwise cast: {@code f} maps stored element bits of {@code a} to stored element
   * bits of {@code resultType}'s elements (already normalized). Works for scalars, splats and dense.
   */
  public static Attribute cast(Attribute a, Type resultType, Cast f) {
    try {
      if (a instanceof IntegerAttr x) {
        if (x.wide() != null || resultType instanceof ShapedType) return null;
        return scalar(resultType, f.apply(x.value()));
      }
      if (a instanceof FloatAttr x) return resultType instanceof ShapedType ? null : scalar(resultType, f.apply(x.bits()));
      if (a instanceof DenseElementsAttr x && !x.isStrings() && resultType instanceof ShapedType rs && rs.hasStaticShape()) {
        int n = x.isSplat() ? 1 : (int) x.numElements();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = f.apply(x.get(i));
        return DenseElementsAttr.of(rs, out);
      }
    } catch (RuntimeException e) {
      if (e == NO_FOLD) return null;
      throw e;
    }
    return null;
  }

  private static Attribute scalar(Type t, long bits) {
    if (t instanceof FloatType ft) return new FloatAttr(ft, bits);
    if (intWidth(t) < 0) return null;
    return IntegerAttr.of(t, bits);
  }

  /** The type of a typed constant attribute. */
  public static Type typeOf(Attribute a) {
    if (a instanceof IntegerAttr i) return i.type();
    if (a instanceof FloatAttr f) return f.type();
    if (a instanceof DenseElementsAttr d) return d.type();
    return null;
  }

  // ---- matchers on constant operands (MLIR's m_Zero, m_One, m_ConstantInt)

  /** m_Zero: integer (or splat) zero. */
  public static boolean isZero(Attribute a) { return isInt(a, 0); }

  /** m_One: integer (or splat) one, read at the constant's width (i1 true). */
  public static boolean isOne(Attribute a) {
    Long v = splatInt(a);
    return v != null && v == norm(1, intWidth(typeOf(a)));
  }

  /** All bits set (-1 at any width). */
  public static boolean isAllOnes(Attribute a) { return isInt(a, -1); }

  public static long maxSigned(int w) { return w >= 64 ? Long.MAX_VALUE : (1L << (w - 1)) - 1; }

  public static long minSigned(int w) { return w >= 64 ? Long.MIN_VALUE : -(1L << (w - 1)); }

  /** True if {@code v} fits in {@code w} bits as a signed number. */
  public static boolean fitsSigned(long v, int w) { return w >= 64 || (v >= minSigned(w) && v <= maxSigned(w)); }

  /** A true/false constant of an i1-like type (scalar, or splat of a static shape), or null. */
  public static Attribute boolConstant(Type type, boolean v) {
    if (type instanceof ShapedType s) return s.hasStaticShape() ? DenseElementsAttr.of(s, new long[] {v ? -1 : 0}) : null;
    return IntegerAttr.bool(v);
  }
}

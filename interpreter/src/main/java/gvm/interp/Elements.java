package gvm.interp;

import gvm.ir.apfloat.APFloat;
import gvm.ir.types.FloatType;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;

/**
 * Scalar values at run time: integers and indices are {@code Long}s sign-extended from their width
 * (i1 true is -1, as {@code IntegerAttr}), floats are {@code Double}s rounded to their type.
 */
public final class Elements {
  private Elements() {}

  /** Bit width of an integer or index type (index: 64). */
  public static int width(Type t) {
    if (t instanceof IntegerType it) return it.width();
    if (t instanceof IndexType) return 64;
    throw new IllegalArgumentException("not an integer type: " + t);
  }

  public static boolean isInteger(Type t) { return t instanceof IntegerType || t instanceof IndexType; }

  /** {@code v} truncated to {@code width} bits and sign-extended. */
  public static long normalize(long v, int width) {
    return width >= 64 ? v : (v << (64 - width)) >> (64 - width);
  }

  /** {@code v}'s low {@code width} bits as an unsigned number (64-bit: unchanged; compare unsigned). */
  public static long unsigned(long v, int width) {
    return width >= 64 ? v : v & ((1L << width) - 1);
  }

  /** {@code v} rounded to the precision of float type {@code t} (nearest even). */
  public static double round(double v, Type t) {
    FloatType ft = (FloatType) t;
    if (ft.equals(FloatType.F64)) return v;
    if (ft.equals(FloatType.F32)) return (float) v;
    return APFloat.toDouble(APFloat.fromDouble(v, ft.semantics()), ft.semantics());
  }

  /** Float value of raw bits of type {@code t} (a dense attribute's storage). */
  public static double fromBits(long bits, FloatType t) {
    if (t.equals(FloatType.F32)) return Float.intBitsToFloat((int) bits);
    if (t.equals(FloatType.F64)) return Double.longBitsToDouble(bits);
    return APFloat.toDouble(bits, t.semantics());
  }

  /** Raw bits of {@code v} in float type {@code t}. */
  public static long toBits(double v, FloatType t) {
    if (t.equals(FloatType.F32)) return Float.floatToRawIntBits((float) v) & 0xffffffffL;
    if (t.equals(FloatType.F64)) return Double.doubleToRawLongBits(v);
    return APFloat.fromDouble(v, t.semantics());
  }
}

package gvm.ir.attributes;

import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.math.BigInteger;

/**
 * An integer (or index, or i1 boolean) constant. Values up to 64 bits live in {@code value},
 * normalized to the type's width: sign-extended for signless and signed types, zero-extended for
 * unsigned ones. Wider values live in {@code wide} (then {@code value} is unused and 0).
 */
public record IntegerAttr(Type type, long value, BigInteger wide) implements Attribute {
  public static final IntegerAttr TRUE = new IntegerAttr(IntegerType.I1, -1, null);
  public static final IntegerAttr FALSE = new IntegerAttr(IntegerType.I1, 0, null);

  public static IntegerAttr of(Type type, long v) {
    int w = width(type);
    if (w > 64) return new IntegerAttr(type, 0, normalize(BigInteger.valueOf(v), type));
    return new IntegerAttr(type, truncate(v, w, isUnsigned(type)), null);
  }

  public static IntegerAttr of(Type type, BigInteger v) {
    int w = width(type);
    if (w > 64) return new IntegerAttr(type, 0, normalize(v, type));
    return of(type, v.longValue());
  }

  public static IntegerAttr bool(boolean b) { return b ? TRUE : FALSE; }

  public static IntegerAttr i64(long v) { return of(IntegerType.I64, v); }

  public static IntegerAttr i32(long v) { return of(IntegerType.I32, v); }

  public static IntegerAttr index(long v) { return of(IndexType.INSTANCE, v); }

  public boolean isBool() { return type instanceof IntegerType it && it.width() == 1; }

  public boolean boolValue() { return value != 0; }

  /** The value as a BigInteger, interpreted per the type's signedness (i1 reads as 0/1? no: signless i1 true is -1). */
  public BigInteger bigValue() {
    if (wide != null) return wide;
    if (isUnsigned(type) && value < 0) return BigInteger.valueOf(value).add(BigInteger.ONE.shiftLeft(64));
    return BigInteger.valueOf(value);
  }

  /** Bit width used to store values of {@code t} (index uses 64). */
  public static int width(Type t) {
    if (t instanceof IntegerType it) return it.width();
    return IndexType.STORAGE_WIDTH;
  }

  static boolean isUnsigned(Type t) { return t instanceof IntegerType it && it.isUnsigned(); }

  /** Truncates {@code v} to {@code w} bits, then sign- or zero-extends back to 64. */
  public static long truncate(long v, int w, boolean unsigned) {
    if (w >= 64) return v;
    if (w <= 0) return 0;
    int sh = 64 - w;
    return unsigned ? (v << sh) >>> sh : (v << sh) >> sh;
  }

  private static BigInteger normalize(BigInteger v, Type type) {
    int w = width(type);
    BigInteger mod = BigInteger.ONE.shiftLeft(w);
    BigInteger r = v.mod(mod);
    if (!isUnsigned(type) && r.testBit(w - 1)) r = r.subtract(mod);
    return r;
  }
}

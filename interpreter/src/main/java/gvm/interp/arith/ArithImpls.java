package gvm.interp.arith;

import gvm.dialect.arith.ir.CastOps;
import gvm.dialect.arith.ir.CompareOps;
import gvm.dialect.arith.ir.ConstantOp;
import gvm.dialect.arith.ir.FloatOps;
import gvm.dialect.arith.ir.IntegerOps;
import gvm.interp.BlockEffect;
import gvm.interp.Elements;
import gvm.interp.Elementwise;
import gvm.interp.ImplTable;
import gvm.interp.Tensor;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.DenseResourceAttr;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.OpDef;
import gvm.ir.types.FloatType;
import gvm.ir.types.Type;
import java.math.BigInteger;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * arith on scalars and, elementwise, on tensors: integer ops on sign-extended {@code Long}s of the
 * type's width (unsigned ops read the low bits as unsigned), float ops in double rounded to the
 * result type (f32 results are exactly IEEE single operations), casts, compares and select.
 */
public final class ArithImpls {
  private ArithImpls() {}

  /** An integer operation on two values of {@code width} bits. */
  @FunctionalInterface
  interface IntOp {
    long apply(long x, long y, int width);
  }

  public static void register(ImplTable t) {
    t.register(ConstantOp.DEF, (f, op, a) -> BlockEffect.next(op.prop("value") instanceof DenseResourceAttr r
        ? f.interpreter().service(ResourceConstants.class, ResourceConstants::new).get(r)
        : constant(op.prop("value"))));
    intOps(t);
    floatOps(t);
    castOps(t);
    t.register(CompareOps.CmpIOp.DEF, (f, op, a) -> {
      long p = ((IntegerAttr) op.prop("predicate")).value();
      int w = Elements.width(Elementwise.elementType(op.operand(0).type()));
      return BlockEffect.next(Elementwise.map(a[0], a[1], op.result(0).type(), (x, y) -> bool(cmpi(p, (Long) x, (Long) y, w))));
    });
    t.register(CompareOps.CmpFOp.DEF, (f, op, a) -> {
      long p = ((IntegerAttr) op.prop("predicate")).value();
      return BlockEffect.next(Elementwise.map(a[0], a[1], op.result(0).type(), (x, y) -> bool(cmpf(p, (Double) x, (Double) y))));
    });
    t.register(CompareOps.SelectOp.DEF, (f, op, a) -> {
      if (!(a[0] instanceof Tensor c)) return BlockEffect.next((Long) a[0] != 0 ? a[1] : a[2]);
      Tensor x = (Tensor) a[1], y = (Tensor) a[2];
      Object[] out = new Object[c.size()];
      for (int i = 0; i < out.length; i++) out[i] = c.i(i) != 0 ? x.get(i) : y.get(i);
      return BlockEffect.next(Tensor.fromScalars(x.elementType(), x.shape(), out));
    });
  }

  /** The tensors of {@code dense_resource} constants (weights embedded in the module), made once per blob. */
  static final class ResourceConstants {
    private final java.util.Map<gvm.ir.attributes.ResourceBlob, Tensor> byBlob = new java.util.IdentityHashMap<>();

    synchronized Tensor get(DenseResourceAttr r) { return byBlob.computeIfAbsent(r.blob(), b -> (Tensor) constant(r)); }
  }

  /** The value of an {@code arith.constant} attribute. */
  public static Object constant(Attribute value) {
    if (value instanceof IntegerAttr i) return Elements.normalize(i.value(), Elements.width(i.type()));
    if (value instanceof FloatAttr fa) return fa.value();
    if (value instanceof DenseElementsAttr d && d.type() instanceof gvm.ir.types.RankedTensorType tt) {
      int[] shape = new int[tt.rank()];
      for (int i = 0; i < shape.length; i++) shape[i] = (int) tt.shape().dim(i);
      int n = Tensor.size(shape);
      Type et = tt.elementType();
      if (Elements.isInteger(et)) {
        long[] data = new long[n];
        for (int i = 0; i < n; i++) data[i] = d.get(i);
        return Tensor.ofInts(et, shape, data);
      }
      if (et instanceof FloatType ft) {
        float[] data = new float[n];
        for (int i = 0; i < n; i++) data[i] = (float) Elements.fromBits(d.get(i), ft);
        return Tensor.ofFloats(et, shape, data);
      }
    }
    if (value instanceof DenseResourceAttr r && r.type() instanceof gvm.ir.types.RankedTensorType tt) {
      java.nio.ByteBuffer data = r.blob().data();
      if (data == null) throw new IllegalArgumentException("the resource '" + r.handle() + "' has no data in the module's dialect_resources");
      int[] shape = new int[tt.rank()];
      for (int i = 0; i < shape.length; i++) shape[i] = (int) tt.shape().dim(i);
      long bytes = (long) Tensor.size(shape) * Tensor.elementBytes(tt.elementType());
      if (data.remaining() != bytes)
        throw new IllegalArgumentException("the resource '" + r.handle() + "' holds " + data.remaining() + " bytes, " + tt + " needs " + bytes);
      return Tensor.fromLittleEndian(tt.elementType(), shape, data);
    }
    throw new IllegalArgumentException("cannot run a constant of " + value.getClass().getSimpleName());
  }

  private static void intOps(ImplTable t) {
    intOp(t, IntegerOps.AddIOp.DEF, (x, y, w) -> x + y);
    intOp(t, IntegerOps.SubIOp.DEF, (x, y, w) -> x - y);
    intOp(t, IntegerOps.MulIOp.DEF, (x, y, w) -> x * y);
    intOp(t, IntegerOps.DivSIOp.DEF, (x, y, w) -> nonZero(y) == -1 && x == Elements.normalize(1L << (w - 1), w) ? x : x / y);
    intOp(t, IntegerOps.DivUIOp.DEF, (x, y, w) -> Long.divideUnsigned(Elements.unsigned(x, w), Elements.unsigned(nonZero(y), w)));
    intOp(t, IntegerOps.RemSIOp.DEF, (x, y, w) -> x % nonZero(y));
    intOp(t, IntegerOps.RemUIOp.DEF, (x, y, w) -> Long.remainderUnsigned(Elements.unsigned(x, w), Elements.unsigned(nonZero(y), w)));
    intOp(t, IntegerOps.CeilDivSIOp.DEF, (x, y, w) -> -Math.floorDiv(-x, nonZero(y)));
    intOp(t, IntegerOps.FloorDivSIOp.DEF, (x, y, w) -> Math.floorDiv(x, nonZero(y)));
    intOp(t, IntegerOps.CeilDivUIOp.DEF, (x, y, w) -> {
      long ux = Elements.unsigned(x, w), uy = Elements.unsigned(nonZero(y), w);
      long q = Long.divideUnsigned(ux, uy);
      return Long.remainderUnsigned(ux, uy) != 0 ? q + 1 : q;
    });
    intOp(t, IntegerOps.AndIOp.DEF, (x, y, w) -> x & y);
    intOp(t, IntegerOps.OrIOp.DEF, (x, y, w) -> x | y);
    intOp(t, IntegerOps.XOrIOp.DEF, (x, y, w) -> x ^ y);
    intOp(t, IntegerOps.ShLIOp.DEF, (x, y, w) -> shift(y, w) ? 0 : x << y);
    intOp(t, IntegerOps.ShRUIOp.DEF, (x, y, w) -> shift(y, w) ? 0 : Elements.unsigned(x, w) >>> y);
    intOp(t, IntegerOps.ShRSIOp.DEF, (x, y, w) -> shift(y, w) ? 0 : x >> y);
    intOp(t, IntegerOps.MaxSIOp.DEF, (x, y, w) -> Math.max(x, y));
    intOp(t, IntegerOps.MinSIOp.DEF, (x, y, w) -> Math.min(x, y));
    intOp(t, IntegerOps.MaxUIOp.DEF, (x, y, w) -> Long.compareUnsigned(Elements.unsigned(x, w), Elements.unsigned(y, w)) >= 0 ? x : y);
    intOp(t, IntegerOps.MinUIOp.DEF, (x, y, w) -> Long.compareUnsigned(Elements.unsigned(x, w), Elements.unsigned(y, w)) <= 0 ? x : y);
    t.register(IntegerOps.AddUIExtendedOp.DEF, (f, op, a) -> {
      int w = Elements.width(Elementwise.elementType(op.operand(0).type()));
      Object sum = Elementwise.map(a[0], a[1], op.result(0).type(), (x, y) -> Elements.normalize((Long) x + (Long) y, w));
      Object carry = Elementwise.map(a[0], sum, op.result(1).type(),
          (x, s) -> bool(Long.compareUnsigned(Elements.unsigned((Long) s, w), Elements.unsigned((Long) x, w)) < 0));
      return BlockEffect.next(sum, carry);
    });
    extendedMul(t, IntegerOps.MulSIExtendedOp.DEF, true);
    extendedMul(t, IntegerOps.MulUIExtendedOp.DEF, false);
  }

  private static void extendedMul(ImplTable t, OpDef def, boolean signed) {
    t.register(def, (f, op, a) -> {
      int w = Elements.width(Elementwise.elementType(op.operand(0).type()));
      Type rt = op.result(0).type();
      Object low = Elementwise.map(a[0], a[1], rt, (x, y) -> Elements.normalize(wide(x, w, signed).multiply(wide(y, w, signed)).longValue(), w));
      Object high = Elementwise.map(a[0], a[1], rt,
          (x, y) -> Elements.normalize(wide(x, w, signed).multiply(wide(y, w, signed)).shiftRight(w).longValue(), w));
      return BlockEffect.next(low, high);
    });
  }

  private static BigInteger wide(Object v, int w, boolean signed) {
    long x = (Long) v;
    return signed ? BigInteger.valueOf(x) : new BigInteger(Long.toUnsignedString(Elements.unsigned(x, w)));
  }

  private static long nonZero(long y) {
    if (y == 0) throw new ArithmeticException("division by zero");
    return y;
  }

  /** A shift by at least the width gives poison in MLIR; we give 0. */
  private static boolean shift(long y, int w) { return y < 0 || y >= w; }

  private static void intOp(ImplTable t, OpDef def, IntOp f) {
    t.register(def, (fr, op, a) -> {
      int w = Elements.width(Elementwise.elementType(op.result(0).type()));
      return BlockEffect.next(Elementwise.map(a[0], a[1], op.result(0).type(), (x, y) -> Elements.normalize(f.apply((Long) x, (Long) y, w), w)));
    });
  }

  private static void floatOps(ImplTable t) {
    floatOp(t, FloatOps.AddFOp.DEF, (x, y) -> x + y);
    floatOp(t, FloatOps.SubFOp.DEF, (x, y) -> x - y);
    floatOp(t, FloatOps.MulFOp.DEF, (x, y) -> x * y);
    floatOp(t, FloatOps.DivFOp.DEF, (x, y) -> x / y);
    floatOp(t, FloatOps.RemFOp.DEF, (x, y) -> x % y); // fmod: sign of the dividend, as C
    floatOp(t, FloatOps.MaximumFOp.DEF, Math::max); // NaN-propagating, -0 < +0
    floatOp(t, FloatOps.MinimumFOp.DEF, Math::min);
    floatOp(t, FloatOps.MaxNumFOp.DEF, (x, y) -> Double.isNaN(x) ? y : Double.isNaN(y) ? x : Math.max(x, y));
    floatOp(t, FloatOps.MinNumFOp.DEF, (x, y) -> Double.isNaN(x) ? y : Double.isNaN(y) ? x : Math.min(x, y));
    floatUnary(t, FloatOps.NegFOp.DEF, x -> -x);
  }

  private static void floatOp(ImplTable t, OpDef def, DoubleBinaryOperator f) {
    t.register(def, (fr, op, a) -> {
      Type et = Elementwise.elementType(op.result(0).type());
      return BlockEffect.next(Elementwise.map(a[0], a[1], op.result(0).type(), (x, y) -> Elements.round(f.applyAsDouble((Double) x, (Double) y), et)));
    });
  }

  private static void floatUnary(ImplTable t, OpDef def, DoubleUnaryOperator f) {
    t.register(def, (fr, op, a) -> {
      Type et = Elementwise.elementType(op.result(0).type());
      return BlockEffect.next(Elementwise.map(a[0], op.result(0).type(), x -> Elements.round(f.applyAsDouble((Double) x), et)));
    });
  }

  private static void castOps(ImplTable t) {
    cast(t, CastOps.ExtSIOp.DEF, (v, from, to) -> v);
    cast(t, CastOps.ExtUIOp.DEF, (v, from, to) -> Elements.unsigned((Long) v, Elements.width(from)));
    cast(t, CastOps.TruncIOp.DEF, (v, from, to) -> v);
    cast(t, CastOps.IndexCastOp.DEF, (v, from, to) -> v);
    cast(t, CastOps.IndexCastUIOp.DEF, (v, from, to) -> Elements.unsigned((Long) v, Elements.width(from)));
    cast(t, CastOps.ExtFOp.DEF, (v, from, to) -> v);
    cast(t, CastOps.TruncFOp.DEF, (v, from, to) -> Elements.round((Double) v, to));
    cast(t, CastOps.SIToFPOp.DEF, (v, from, to) -> Elements.round((double) (Long) v, to));
    cast(t, CastOps.UIToFPOp.DEF, (v, from, to) -> {
      long u = Elements.unsigned((Long) v, Elements.width(from));
      return Elements.round(u >= 0 ? (double) u : new BigInteger(Long.toUnsignedString(u)).doubleValue(), to);
    });
    cast(t, CastOps.FPToSIOp.DEF, (v, from, to) -> (long) (double) (Double) v);
    cast(t, CastOps.FPToUIOp.DEF, (v, from, to) -> {
      double d = (Double) v;
      return d >= 0x1p63 ? new java.math.BigDecimal(d).toBigInteger().longValue() : (long) d;
    });
    cast(t, CastOps.BitcastOp.DEF, ArithImpls::bitcast);
  }

  /** The bits of {@code v} (of type {@code from}) read as type {@code to}, of equal width; integers not yet normalized. */
  public static Object bitcast(Object v, Type from, Type to) {
    long bits = v instanceof Double d ? Elements.toBits(d, (FloatType) from) : (Long) v;
    return to instanceof FloatType ft ? Elements.fromBits(Elements.unsigned(bits, ft.width()), ft) : bits;
  }

  /** A cast of one element from type {@code from} to type {@code to}; integer results are normalized after. */
  @FunctionalInterface
  interface Cast {
    Object apply(Object v, Type from, Type to);
  }

  private static void cast(ImplTable t, OpDef def, Cast c) {
    t.register(def, (fr, op, a) -> {
      Type from = Elementwise.elementType(op.operand(0).type()), to = Elementwise.elementType(op.result(0).type());
      return BlockEffect.next(Elementwise.map(a[0], op.result(0).type(), v -> {
        Object r = c.apply(v, from, to);
        return r instanceof Long l ? (Object) Elements.normalize(l, Elements.width(to)) : r;
      }));
    });
  }

  private static Long bool(boolean b) { return b ? -1L : 0L; }

  /** MLIR's CmpIPredicate: eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge. */
  static boolean cmpi(long p, long x, long y, int w) {
    int u = Long.compareUnsigned(Elements.unsigned(x, w), Elements.unsigned(y, w));
    switch ((int) p) {
      case 0: return x == y;
      case 1: return x != y;
      case 2: return x < y;
      case 3: return x <= y;
      case 4: return x > y;
      case 5: return x >= y;
      case 6: return u < 0;
      case 7: return u <= 0;
      case 8: return u > 0;
      case 9: return u >= 0;
      default: throw new IllegalArgumentException("unknown cmpi predicate " + p);
    }
  }

  /** MLIR's CmpFPredicate: false, oeq, ogt, oge, olt, ole, one, ord, ueq, ugt, uge, ult, ule, une, uno, true. */
  static boolean cmpf(long p, double x, double y) {
    boolean unordered = Double.isNaN(x) || Double.isNaN(y);
    switch ((int) p) {
      case 0: return false;
      case 1: return !unordered && x == y;
      case 2: return !unordered && x > y;
      case 3: return !unordered && x >= y;
      case 4: return !unordered && x < y;
      case 5: return !unordered && x <= y;
      case 6: return !unordered && x != y;
      case 7: return !unordered;
      case 8: return unordered || x == y;
      case 9: return unordered || x > y;
      case 10: return unordered || x >= y;
      case 11: return unordered || x < y;
      case 12: return unordered || x <= y;
      case 13: return unordered || x != y;
      case 14: return unordered;
      case 15: return true;
      default: throw new IllegalArgumentException("unknown cmpf predicate " + p);
    }
  }
}

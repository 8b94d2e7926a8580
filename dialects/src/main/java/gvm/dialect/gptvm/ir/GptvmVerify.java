package gvm.dialect.gptvm.ir;

import gvm.dialect.builtin.ir.DiagText;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;

/** Shape and attribute checks shared by the gptvm and kv verifiers; dynamic sizes ({@code ?}) agree with any size. */
public final class GptvmVerify {
  private GptvmVerify() {}

  public static RankedTensorType tensor(Value v) { return (RankedTensorType) v.type(); }

  public static long dim(Value v, int i) { return tensor(v).shape().dim(i); }

  public static int rank(Value v) { return tensor(v).rank(); }

  /** Whether two sizes may be equal at run time (either is dynamic, or both are the same). */
  public static boolean compatible(long a, long b) { return a == ShapedType.DYNAMIC || b == ShapedType.DYNAMIC || a == b; }

  /** A size as messages print it: {@code ?} when dynamic. */
  public static String size(long d) { return d == ShapedType.DYNAMIC ? "?" : Long.toString(d); }

  /** MLIR's SameOperandsAndResultElementType over the tensor operands and results, with its message. */
  public static void sameElementType(Operation op) {
    Type e = null;
    for (Value v : op.operands()) e = checkElementType(op, v, e);
    for (Value v : op.results()) e = checkElementType(op, v, e);
  }

  private static Type checkElementType(Operation op, Value v, Type expected) {
    if (!(v.type() instanceof RankedTensorType t)) return expected;
    if (expected != null && !t.elementType().equals(expected)) throw elementTypeError(op);
    return t.elementType();
  }

  private static RuntimeException elementTypeError(Operation op) {
    return Verify.opError(op, "requires the same element type for all operands and results");
  }

  /**
   * Weight-only precision: {@code input} and the result share an element type (the activations'),
   * while weights may be stored in any float type (the kernels widen them).
   */
  public static void sameActivationType(Operation op, Value input) {
    if (!tensor(input).elementType().equals(tensor(op.result(0)).elementType()))
      throw Verify.opError(op, "requires input and result of the same element type (weights may have another float type)");
  }

  /** The value of a float property, or {@code dflt} when the property is absent. */
  public static double f64(Operation op, String name, double dflt) {
    Attribute a = op.prop(name);
    return a instanceof FloatAttr f ? f.value() : dflt;
  }

  /** The value of an integer property, or {@code dflt} when the property is absent. */
  public static long i64(Operation op, String name, long dflt) {
    Attribute a = op.prop(name);
    return a instanceof IntegerAttr i ? i.value() : dflt;
  }

  /** {@code 'gptvm.x' op requires eps to be positive} unless the property is absent or positive. */
  public static void positive(Operation op, String name) {
    Attribute a = op.prop(name);
    if (a instanceof FloatAttr f && !(f.value() > 0)) throw Verify.opError(op, "requires " + name + " to be positive");
    if (a instanceof IntegerAttr i && i.value() <= 0) throw Verify.opError(op, "requires " + name + " to be positive");
  }

  /** Requires {@code actual} to have the shape {@code expected} up to dynamic sizes, else MSG naming both types. */
  public static void shapeMatches(Operation op, RankedTensorType actual, long[] expected, String what) {
    boolean ok = actual.rank() == expected.length;
    for (int i = 0; ok && i < expected.length; i++) ok = compatible(actual.shape().dim(i), expected[i]);
    if (!ok)
      throw Verify.opError(op, "requires " + what + " of shape " + shapeText(expected) + ", but got " + DiagText.quote(actual));
  }

  /** {@code [4, ?, 64]}. */
  public static String shapeText(long[] dims) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < dims.length; i++) sb.append(i == 0 ? "" : ", ").append(size(dims[i]));
    return sb.append(']').toString();
  }
}

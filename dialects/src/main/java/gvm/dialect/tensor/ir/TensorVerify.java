package gvm.dialect.tensor.ir;

import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import java.util.List;

/** Small checks shared by the tensor ops' verifiers. */
final class TensorVerify {
  private TensorVerify() {}

  /** The element type of a tensor type, else null. */
  /** Shapes that agree wherever both are static, or either unranked (MLIR's verifyCompatibleShape). */
  static boolean compatibleShapes(ShapedType a, ShapedType b) {
    if (!(a instanceof RankedTensorType ra) || !(b instanceof RankedTensorType rb)) return true;
    if (ra.rank() != rb.rank()) return false;
    for (int i = 0; i < ra.rank(); i++)
      if (!ra.shape().isDynamic(i) && !rb.shape().isDynamic(i) && ra.shape().dim(i) != rb.shape().dim(i)) return false;
    return true;
  }

  /** MLIR's getElementTypeBitWidth: integers and floats their width, index 64, complex twice its part; else -1. */
  static int bitWidth(Type t) {
    if (t instanceof gvm.ir.types.IntegerType i) return i.width();
    if (t instanceof gvm.ir.types.FloatType f) return f.width();
    if (t instanceof gvm.ir.types.IndexType) return 64;
    if (t instanceof gvm.ir.types.ComplexType c) {
      int w = bitWidth(c.elementType());
      return w < 0 ? -1 : 2 * w;
    }
    return -1;
  }

  static Type elementType(Type t) { return t instanceof ShapedType s ? s.elementType() : null; }

  static int numDynamicDims(RankedTensorType t) {
    int n = 0;
    for (int i = 0; i < t.rank(); i++) if (t.shape().isDynamic(i)) n++;
    return n;
  }

  /** As many dynamic sizes as the result has dynamic dimensions (tensor.empty, tensor.splat). */
  static void verifyDynamicSizes(Operation op, RankedTensorType result, int numSizes) {
    int expected = numDynamicDims(result);
    if (expected != numSizes)
      throw Verify.opError(op, "incorrect number of dynamic sizes, has " + numSizes + ", expected " + expected);
  }

  /** Operand group {@code index} of an op with AttrSizedOperandSegments. */
  static List<Value> segment(Operation op, int index) {
    DenseArrayAttr sizes = (DenseArrayAttr) op.prop("operandSegmentSizes");
    int start = 0;
    for (int i = 0; i < index; i++) start += (int) sizes.get(i);
    return op.operands().subList(start, start + (int) sizes.get(index));
  }

  /** The DenseI64ArrayAttr property {@code name} as an array. */
  static long[] i64Array(Operation op, String name) { return ((DenseArrayAttr) op.prop(name)).toArray(); }
}

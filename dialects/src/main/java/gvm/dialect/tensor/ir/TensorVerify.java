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

package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CastOpInterface;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import java.util.List;

/** {@code tensor.bitcast}: the same bits as a tensor of another element type of the same width. */
public final class BitcastOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.bitcast")
      .summary("tensor bitcast operation")
      .operand("source", TensorConstraints.ANY_TENSOR)
      .result("dest", TensorConstraints.ANY_TENSOR)
      .traits(PURE)
      .format("$source attr-dict `:` type($source) `to` type($dest)")
      .implement(CastOpInterface.class, BitcastOp::areCastCompatible)
      .verifier(CastOpInterface::verify);

  public BitcastOp(Operation op) { super(op, DEF); }

  public Value source() { return op.operand(0); }

  /** Element types of one bit width and compatible shapes (MLIR's BitcastOp::areCastCompatible). */
  static boolean areCastCompatible(List<Type> inputs, List<Type> outputs) {
    if (inputs.size() != 1 || outputs.size() != 1) return false;
    if (!TensorConstraints.ANY_TENSOR.test(inputs.get(0)) || !TensorConstraints.ANY_TENSOR.test(outputs.get(0))) return false;
    ShapedType a = (ShapedType) inputs.get(0), b = (ShapedType) outputs.get(0);
    int wa = TensorVerify.bitWidth(a.elementType()), wb = TensorVerify.bitWidth(b.elementType());
    if (wa < 0 || wa != wb) return false;
    return TensorVerify.compatibleShapes(a, b);
  }
}

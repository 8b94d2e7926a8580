package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;

/** {@code tensor.reshape}: the same elements in the shape given by a 1-D shape tensor. */
public final class ReshapeOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.reshape").implement(OpPatternKind.Interface.class, OpPatternKind.INJECTIVE.model())
      .summary("tensor reshape operation")
      .operand("source", TensorConstraints.ANY_TENSOR)
      .operand("shape", TensorConstraints.SHAPE_TENSOR)
      .result("result", TensorConstraints.ANY_TENSOR)
      .traits(PURE)
      .format("$source `(` $shape `)` attr-dict `:` functional-type(operands, results)")
      .resultNames((op, names) -> names[0] = "reshape")
      .verifier(ReshapeOp::verify);

  public ReshapeOp(Operation op) { super(op, DEF); }

  public Value source() { return op.operand(0); }

  public Value shape() { return op.operand(1); }

  /** Same element type and count; a ranked result needs a static shape operand of its rank (MLIR's ReshapeOp::verify). */
  private static void verify(Operation op) {
    ShapedType source = (ShapedType) op.operand(0).type(), result = (ShapedType) op.result(0).type();
    if (!source.elementType().equals(result.elementType()))
      throw Verify.opError(op, "element types of source and destination tensor types should be the same");
    if (!(result instanceof RankedTensorType ranked)) return;
    if (source.hasStaticShape() && ranked.hasStaticShape() && source.numElements() != ranked.numElements())
      throw Verify.opError(op, "source and destination tensor should have the same number of elements");
    long shapeSize = ((RankedTensorType) op.operand(1).type()).shape().dim(0);
    if (shapeSize == ShapedType.DYNAMIC)
      throw Verify.opError(op, "cannot use shape operand with dynamic length to reshape to statically-ranked tensor type");
    if (shapeSize != ranked.rank()) throw Verify.opError(op, "length of shape operand differs from the result's tensor rank");
  }
}

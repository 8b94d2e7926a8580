package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import java.util.List;

/**
 * {@code tensor.expand_shape}: splits each source dimension into a group of result dimensions,
 * whose sizes {@code output_shape} gives (LLVM 19 syntax).
 *
 * <pre>{@code
 * %e = tensor.expand_shape %t [[0, 1], [2]] output_shape [4, 8, 16] : tensor<32x16xf32> into tensor<4x8x16xf32>
 * }</pre>
 */
public final class ExpandShapeOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.expand_shape").implement(OpPatternKind.Interface.class, OpPatternKind.INJECTIVE.model())
      .summary("operation to produce a tensor with a higher rank")
      .operand("src", TensorConstraints.ANY_TENSOR)
      .property("reassociation", TensorConstraints.INDEX_LIST_ARRAY)
      .variadicOperand("output_shape", CommonTypeConstraints.INDEX)
      .property("static_output_shape", TensorConstraints.DENSE_I64_ARRAY)
      .result("result", TensorConstraints.ANY_TENSOR)
      .traits(PURE)
      .format("$src $reassociation `output_shape` custom<DynamicIndexList>($output_shape, $static_output_shape) attr-dict `:`"
          + " type($src) `into` type($result)")
      .resultNames((op, names) -> names[0] = "expanded")
      .verifier(ExpandShapeOp::verify)
      .folder((op, c) -> TensorFolders.reshape(op, c, CollapseShapeOp.DEF));

  public ExpandShapeOp(Operation op) { super(op, DEF); }

  public Value src() { return op.operand(0); }

  public List<long[]> reassociation() { return Reassociation.indices(op); }

  public List<Value> outputShape() { return op.operands().subList(1, op.numOperands()); }

  public long[] staticOutputShape() { return TensorVerify.i64Array(op, "static_output_shape"); }

  /** The output shape fits the result, which the reassociation collapses to the source (MLIR's ExpandShapeOp::verify). */
  private static void verify(Operation op) {
    // Unranked tensors pass the constraints but have no shape to check (MLIR asserts on them).
    if (!(op.operand(0).type() instanceof RankedTensorType src) || !(op.result(0).type() instanceof RankedTensorType result)) return;
    long[] staticShape = TensorVerify.i64Array(op, "static_output_shape");
    if (staticShape.length != result.rank())
      throw Verify.opError(op, "expected number of static shape dims to be equal to the output rank (" + result.rank() + ") but found "
          + staticShape.length + " inputs instead");
    int dynamic = 0;
    for (long d : staticShape) if (d == ShapedType.DYNAMIC) dynamic++;
    if (op.numOperands() - 1 != dynamic)
      throw Verify.opError(op, "mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has " + dynamic
          + " dynamic dims while output_shape has " + (op.numOperands() - 1) + " values");
    Reassociation.verify(op, result, src);
  }
}

package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;
import java.util.List;

/**
 * {@code tensor.collapse_shape}: merges each group of source dimensions into one result dimension.
 *
 * <pre>{@code
 * %c = tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x4x16xf32> into tensor<8x16xf32>
 * }</pre>
 */
public final class CollapseShapeOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.collapse_shape").implement(OpPatternKind.Interface.class, OpPatternKind.INJECTIVE.model())
      .summary("operation to produce a tensor with a smaller rank")
      .operand("src", TensorConstraints.ANY_TENSOR)
      .property("reassociation", TensorConstraints.INDEX_LIST_ARRAY)
      .result("result", TensorConstraints.ANY_TENSOR)
      .traits(PURE)
      .format("$src $reassociation attr-dict `:` type($src) `into` type($result)")
      .resultNames((op, names) -> names[0] = "collapsed")
      .verifier(op -> {
        // Unranked tensors pass the constraints but have no shape to check (MLIR asserts on them).
        if (op.operand(0).type() instanceof RankedTensorType src && op.result(0).type() instanceof RankedTensorType result)
          Reassociation.verify(op, src, result);
      })
      .folder((op, c) -> TensorFolders.reshape(op, c, ExpandShapeOp.DEF));

  public CollapseShapeOp(Operation op) { super(op, DEF); }

  public Value src() { return op.operand(0); }

  public List<long[]> reassociation() { return Reassociation.indices(op); }
}

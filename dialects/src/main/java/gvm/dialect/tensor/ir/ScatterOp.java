package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;

/**
 * {@code tensor.scatter}: the destination with slices of the source written at coordinates taken
 * from an index tensor; the source has the shape a gather from the destination would give.
 */
public final class ScatterOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.scatter")
      .summary("scatter a tensor into a destination tensor at specified indices")
      .operand("source", TensorConstraints.ANY_RANKED_TENSOR)
      .operand("dest", TensorConstraints.ANY_RANKED_TENSOR)
      .operand("indices", GatherOp.INDICES)
      .property("scatter_dims", TensorConstraints.DENSE_I64_ARRAY)
      .optionalProperty("unique", TensorConstraints.UNIT_ATTR)
      .result("result", TensorConstraints.ANY_RANKED_TENSOR)
      .traits(PURE)
      .format("$source `into` $dest `[` $indices `]` `scatter_dims` `(` $scatter_dims `)` (`unique` $unique^)? attr-dict"
          + " `:` functional-type(operands, results)")
      .resultNames((op, names) -> names[0] = "scatter")
      .verifier(ScatterOp::verify);

  public ScatterOp(Operation op) { super(op, DEF); }

  public Value source() { return op.operand(0); }

  public Value dest() { return op.operand(1); }

  public Value indices() { return op.operand(2); }

  /** MLIR's ScatterOp::verify: the dims, the unique flag (the only semantics defined), the source's shape. */
  private static void verify(Operation op) {
    RankedTensorType source = (RankedTensorType) op.operand(0).type(), dest = (RankedTensorType) op.operand(1).type();
    RankedTensorType indices = (RankedTensorType) op.operand(2).type();
    long[] dims = TensorVerify.i64Array(op, "scatter_dims");
    GatherOp.verifyDims(op, dims, dest.rank(), "scatter", "dest");
    if (op.prop("unique") == null) throw Verify.opError(op, "requires 'unique' attribute to be set");
    GatherOp.checkInferred(op, "source", source, dest, indices, dims);
  }
}

package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;

/**
 * {@code tensor.parallel_insert_slice}: inside {@code scf.forall.in_parallel}, inserts a slice into
 * a shared output of the enclosing {@code scf.forall}; it has no result of its own.
 *
 * <pre>{@code
 * tensor.parallel_insert_slice %s into %o[%i, 0] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<8x16xf32>
 * }</pre>
 */
public final class ParallelInsertSliceOp extends OffsetSizeAndStrideOp {
  public static final OpDef DEF = OffsetSizeAndStrideOp.withOffsetsSizesAndStrides(OpDef.named("tensor.parallel_insert_slice")
      .summary("Specify the tensor slice update of a single thread of a parent ParallelCombiningOpInterface op.")
      .operand("source", TensorConstraints.ANY_RANKED_TENSOR)
      .operand("dest", TensorConstraints.ANY_RANKED_TENSOR))
      .traits(ATTR_SIZED_OPERAND_SEGMENTS)
      .format("$source `into` $dest `` custom<DynamicIndexList>($offsets, $static_offsets) custom<DynamicIndexList>($sizes, $static_sizes)"
          + " custom<DynamicIndexList>($strides, $static_strides) attr-dict `:` type($source) `into` type($dest)")
      .verifier(op -> Slices.verifyOffsetSizeAndStride(op, 2, ((RankedTensorType) op.operand(1).type()).rank()))
      .verifier(ParallelInsertSliceOp::verify);

  public ParallelInsertSliceOp(Operation op) { super(op, DEF, 2); }

  public Value dest() { return op.operand(1); }

  /** MLIR's ParallelInsertSliceOp::verify: a parallel-combining parent, then InsertSliceOp's slice checks. */
  private static void verify(Operation op) {
    Operation parent = op.parentOp();
    if (parent == null || !parent.name().equals("scf.forall.in_parallel"))
      throw Verify.error(op, "expected ParallelCombiningOpInterface parent, got:"
          + (parent == null ? "<<NULL>>" : gvm.ir.print.AsmPrinter.printOp(null, parent, gvm.ir.print.PrintOptions.DEFAULT.withGeneric(true))));
    RankedTensorType expected = Slices.inferResultType(op, (RankedTensorType) op.operand(1).type());
    Slices.check(op, Slices.isRankReducedType(expected, (RankedTensorType) op.operand(0).type()), expected);
  }
}

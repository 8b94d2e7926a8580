package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;
import java.util.function.Function;

/**
 * {@code tensor.insert_slice}: a copy of {@code dest} with the slice at the given offsets, sizes
 * and strides replaced by {@code source}, which may lack unit dimensions.
 *
 * <pre>{@code
 * %r = tensor.insert_slice %s into %d[0, %i] [4, 8] [1, 1] : tensor<4x8xf32> into tensor<8x16xf32>
 * }</pre>
 */
public final class InsertSliceOp extends OffsetSizeAndStrideOp {
  public static final OpDef DEF = OffsetSizeAndStrideOp.withOffsetsSizesAndStrides(OpDef.named("tensor.insert_slice")
      .summary("insert_slice operation")
      .operand("source", TensorConstraints.ANY_RANKED_TENSOR)
      .operand("dest", TensorConstraints.ANY_RANKED_TENSOR))
      .result("result", TensorConstraints.ANY_RANKED_TENSOR)
      .traits(ATTR_SIZED_OPERAND_SEGMENTS, PURE)
      .typesMatchWith("expected result type to match dest type", "result", "dest", Function.identity())
      .format("$source `into` $dest `` custom<DynamicIndexList>($offsets, $static_offsets) custom<DynamicIndexList>($sizes, $static_sizes)"
          + " custom<DynamicIndexList>($strides, $static_strides) attr-dict `:` type($source) `into` type($dest)")
      .resultNames((op, names) -> names[0] = "inserted_slice")
      .verifier(op -> Slices.verifyOffsetSizeAndStride(op, 2, ((RankedTensorType) op.result(0).type()).rank()))
      .verifier(InsertSliceOp::verify)
      .folder(TensorFolders::insertSlice);

  public InsertSliceOp(Operation op) { super(op, DEF, 2); }

  public Value dest() { return op.operand(1); }

  /** The source is the slice of the dest's type, possibly rank-reduced (MLIR's InsertSliceOp::verify). */
  private static void verify(Operation op) {
    RankedTensorType expected = Slices.inferResultType(op, (RankedTensorType) op.result(0).type());
    Slices.check(op, Slices.isRankReducedType(expected, (RankedTensorType) op.operand(0).type()), expected);
  }
}

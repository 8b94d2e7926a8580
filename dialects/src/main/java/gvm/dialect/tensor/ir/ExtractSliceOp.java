package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.ir.Operation;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;

/**
 * {@code tensor.extract_slice}: the part of a tensor at mixed static/dynamic offsets, sizes and
 * strides; the result may drop unit dimensions.
 *
 * <pre>{@code
 * %1 = tensor.extract_slice %0[0, %i] [4, 8] [1, 1] : tensor<8x16xf32> to tensor<4x8xf32>
 * }</pre>
 */
public final class ExtractSliceOp extends OffsetSizeAndStrideOp {
  public static final OpDef DEF = OffsetSizeAndStrideOp.withOffsetsSizesAndStrides(OpDef.named("tensor.extract_slice").implement(OpPatternKind.Interface.class, OpPatternKind.INJECTIVE.model())
      .summary("extract slice operation")
      .operand("source", TensorConstraints.ANY_RANKED_TENSOR))
      .result("result", TensorConstraints.ANY_RANKED_TENSOR)
      .traits(ATTR_SIZED_OPERAND_SEGMENTS, PURE)
      .format("$source `` custom<DynamicIndexList>($offsets, $static_offsets) custom<DynamicIndexList>($sizes, $static_sizes)"
          + " custom<DynamicIndexList>($strides, $static_strides) attr-dict `:` type($source) `to` type($result)")
      .resultNames((op, names) -> names[0] = "extracted_slice")
      .verifier(op -> Slices.verifyOffsetSizeAndStride(op, 1, ((RankedTensorType) op.operand(0).type()).rank()))
      .verifier(ExtractSliceOp::verify)
      .folder(TensorFolders::extractSlice);

  public ExtractSliceOp(Operation op) { super(op, DEF, 1); }

  /** The result is the slice's type, possibly rank-reduced (MLIR's ExtractSliceOp::verify). */
  private static void verify(Operation op) {
    RankedTensorType expected = Slices.inferResultType(op, (RankedTensorType) op.operand(0).type());
    Slices.check(op, Slices.isRankReducedType(expected, (RankedTensorType) op.result(0).type()), expected);
  }
}

package gvm.dialect.tensor.ir;

import gvm.dialect.builtin.ir.DiagText;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Shape;
import gvm.ir.types.ShapedType;

/**
 * The checks of ops with mixed static and dynamic offsets, sizes and strides (MLIR's
 * OffsetSizeAndStrideOpInterface), and of slice types that may drop unit dimensions
 * (isRankReducedType).
 */
final class Slices {
  private Slices() {}

  /** How a candidate type relates to the type a slice infers (MLIR's SliceVerificationResult). */
  enum Result { SUCCESS, RANK_TOO_LARGE, SIZE_MISMATCH, ELEM_TYPE_MISMATCH }

  /**
   * MLIR's verifyOffsetSizeAndStrideOp for an op whose operand groups {@code first}, {@code
   * first+1} and {@code first+2} are the dynamic offsets, sizes and strides, each list having
   * {@code maxRank} entries.
   */
  static void verifyOffsetSizeAndStride(Operation op, int first, int maxRank) {
    long[] offsets = TensorVerify.i64Array(op, "static_offsets");
    long[] sizes = TensorVerify.i64Array(op, "static_sizes");
    long[] strides = TensorVerify.i64Array(op, "static_strides");
    if (!(offsets.length == 1 && maxRank == 1) && offsets.length != sizes.length)
      throw Verify.error(op, "expected mixed offsets rank to match mixed sizes rank (" + offsets.length + " vs " + sizes.length
          + ") so the rank of the result type is well-formed.");
    if (sizes.length != strides.length)
      throw Verify.error(op, "expected mixed sizes rank to match mixed strides rank (" + sizes.length + " vs " + strides.length
          + ") so the rank of the result type is well-formed.");
    verifyList(op, "offset", maxRank, offsets, TensorVerify.segment(op, first).size());
    verifyList(op, "size", maxRank, sizes, TensorVerify.segment(op, first + 1).size());
    verifyList(op, "stride", maxRank, strides, TensorVerify.segment(op, first + 2).size());
    for (long o : offsets)
      if (o < 0 && o != ShapedType.DYNAMIC) throw Verify.error(op, "expected offsets to be non-negative, but got " + o);
    for (long s : sizes)
      if (s < 0 && s != ShapedType.DYNAMIC) throw Verify.error(op, "expected sizes to be non-negative, but got " + s);
  }

  /** MLIR's verifyListOfOperandsOrIntegers. */
  private static void verifyList(Operation op, String name, int expected, long[] statics, int numValues) {
    if (statics.length != expected) throw Verify.error(op, "expected " + expected + " " + name + " values, got " + statics.length);
    int dynamic = 0;
    for (long v : statics) if (v == ShapedType.DYNAMIC) dynamic++;
    if (numValues != dynamic) throw Verify.error(op, "expected " + dynamic + " dynamic " + name + " values");
  }

  /** The type of a slice of {@code source} with the op's static sizes (MLIR's ExtractSliceOp::inferResultType). */
  static RankedTensorType inferResultType(Operation op, RankedTensorType source) {
    return RankedTensorType.get(Shape.of(TensorVerify.i64Array(op, "static_sizes")), source.elementType());
  }

  /** MLIR's isRankReducedType: {@code candidate} is {@code original} with some unit dimensions dropped. */
  static Result isRankReducedType(RankedTensorType original, RankedTensorType candidate) {
    if (original.equals(candidate)) return Result.SUCCESS;
    if (candidate.rank() > original.rank()) return Result.RANK_TOO_LARGE;
    if (!rankReductionMatches(original.shape(), candidate.shape())) return Result.SIZE_MISMATCH;
    if (!original.elementType().equals(candidate.elementType())) return Result.ELEM_TYPE_MISMATCH;
    return Result.SUCCESS;
  }

  /** MLIR's computeRankReductionMask succeeding: dims match greedily, and only 1s are left out. */
  private static boolean rankReductionMatches(Shape original, Shape reduced) {
    int r = 0;
    for (int o = 0; o < original.rank(); o++) {
      if (r < reduced.rank() && original.dim(o) == reduced.dim(r)) {
        r++;
        continue;
      }
      if (original.dim(o) != 1) return false;
    }
    return r == reduced.rank();
  }

  /** MLIR's produceSliceErrorMsg (its messages end in a space, as MLIR's do). */
  static void check(Operation op, Result result, RankedTensorType expected) {
    switch (result) {
      case SUCCESS: return;
      case RANK_TOO_LARGE: throw Verify.error(op, "expected rank to be smaller or equal to the other rank. ");
      case SIZE_MISMATCH:
        throw Verify.error(op, "expected type to be " + DiagText.quote(expected) + " or a rank-reduced version. (size mismatch) ");
      default: throw Verify.error(op, "expected element type to be " + DiagText.quote(expected.elementType()));
    }
  }
}

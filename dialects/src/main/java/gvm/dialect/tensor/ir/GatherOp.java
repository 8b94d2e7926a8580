package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.def.TypeConstraint;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Shape;
import java.util.Arrays;

/**
 * {@code tensor.gather}: slices of a source tensor at coordinates taken from an index tensor; the
 * result has the index tensor's leading dimensions, then the source's with the gathered ones unit
 * (or dropped, the rank-reduced form).
 */
public final class GatherOp extends OpView {
  /** ODS {@code RankedTensorOf<[AnySignlessIntegerOrIndex]>}. */
  static final TypeConstraint INDICES = TypeConstraint.of("ranked tensor of signless integer or index values",
      t -> t instanceof RankedTensorType r && CommonTypeConstraints.isSignlessIntegerOrIndex(r.elementType()));

  public static final OpDef DEF = OpDef.named("tensor.gather")
      .summary("gather a subset of a tensor at specified indices")
      .operand("source", TensorConstraints.ANY_RANKED_TENSOR)
      .operand("indices", INDICES)
      .property("gather_dims", TensorConstraints.DENSE_I64_ARRAY)
      .optionalProperty("unique", TensorConstraints.UNIT_ATTR)
      .result("result", TensorConstraints.ANY_RANKED_TENSOR)
      .traits(PURE)
      .format("$source `[` $indices `]` `gather_dims` `(` $gather_dims `)` (`unique` $unique^)? attr-dict `:` functional-type(operands, results)")
      .resultNames((op, names) -> names[0] = "gather")
      .verifier(GatherOp::verify);

  public GatherOp(Operation op) { super(op, DEF); }

  public Value source() { return op.operand(0); }

  public Value indices() { return op.operand(1); }

  private static void verify(Operation op) {
    RankedTensorType source = (RankedTensorType) op.operand(0).type(), indices = (RankedTensorType) op.operand(1).type();
    long[] dims = TensorVerify.i64Array(op, "gather_dims");
    verifyDims(op, dims, source.rank(), "gather", "source");
    checkInferred(op, "result", (RankedTensorType) op.result(0).type(), source, indices, dims);
  }

  /** MLIR's verifyGatherOrScatterDims (LLVM 19). */
  static void verifyDims(Operation op, long[] dims, int rank, String gatherOrScatter, String sourceOrDest) {
    if (dims.length == 0) throw Verify.opError(op, gatherOrScatter + "_dims must be non-empty");
    if (dims.length > rank) throw Verify.opError(op, gatherOrScatter + "_dims overflow " + sourceOrDest + " rank");
    for (long d : dims) {
      if (d < 0) throw Verify.opError(op, gatherOrScatter + "_dims value must be non-negative");
      if (d >= rank) throw Verify.opError(op, gatherOrScatter + "_dims value must be smaller than " + sourceOrDest + " rank");
    }
    for (int i = 1; i < dims.length; i++)
      if (dims[i - 1] >= dims[i]) throw Verify.opError(op, gatherOrScatter + "_dims values must be strictly increasing");
  }

  /** {@code actual} must be the inferred type or its rank-reduced variant (as GatherOp::verify / ScatterOp::verify). */
  static void checkInferred(Operation op, String what, RankedTensorType actual, RankedTensorType source, RankedTensorType indices, long[] dims) {
    RankedTensorType full = inferResultType(source, indices, dims, false), reduced = inferResultType(source, indices, dims, true);
    if (actual.equals(full) || actual.equals(reduced)) return;
    throw Verify.opError(op, what + " type mismatch: expected " + DiagText.quote(full) + " or its rank-reduced variant " + DiagText.quote(reduced)
        + " (got: " + DiagText.quote(actual) + ")");
  }

  /** MLIR's GatherOp::inferResultType: the indices' leading dims, then the source's with gathered dims 1 or dropped. */
  static RankedTensorType inferResultType(RankedTensorType source, RankedTensorType indices, long[] dims, boolean rankReduced) {
    long[] lead = indices.shape().toArray();
    long[] shape = Arrays.copyOf(lead, Math.max(0, lead.length - 1) + source.rank());
    int n = Math.max(0, lead.length - 1);
    for (int d = 0; d < source.rank(); d++) {
      if (Arrays.binarySearch(dims, d) >= 0) {
        if (!rankReduced) shape[n++] = 1;
        continue;
      }
      shape[n++] = source.shape().dim(d);
    }
    return new RankedTensorType(Shape.of(Arrays.copyOf(shape, n)), source.elementType(), source.encoding());
  }
}

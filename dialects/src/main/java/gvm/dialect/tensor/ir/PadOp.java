package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.types.IndexType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Shape;
import gvm.ir.types.ShapedType;
import java.util.List;

/**
 * {@code tensor.pad}: the source with {@code low} and {@code high} elements added per dimension,
 * whose values the region yields for each index.
 *
 * <pre>{@code
 * %padded = tensor.pad %t low[1, %i] high[2, 3] {
 * ^bb0(%a: index, %b: index):
 *   tensor.yield %zero : f32
 * } : tensor<8x16xf32> to tensor<11x?xf32>
 * }</pre>
 */
public final class PadOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.pad").implement(OpPatternKind.Interface.class, OpPatternKind.INJECTIVE.model())
      .summary("tensor pad operation")
      .operand("source", TensorConstraints.ANY_RANKED_TENSOR)
      .variadicOperand("low", CommonTypeConstraints.INDEX)
      .variadicOperand("high", CommonTypeConstraints.INDEX)
      .property("static_low", TensorConstraints.DENSE_I64_ARRAY)
      .property("static_high", TensorConstraints.DENSE_I64_ARRAY)
      .optionalProperty("nofold", TensorConstraints.UNIT_ATTR)
      .sizedRegion("region")
      .result("result", TensorConstraints.ANY_RANKED_TENSOR)
      .traits(ATTR_SIZED_OPERAND_SEGMENTS, PURE, SINGLE_BLOCK)
      .implicitTerminator("tensor.yield")
      .format("$source (`nofold` $nofold^)? `low` `` custom<DynamicIndexList>($low, $static_low) `high` ``"
          + " custom<DynamicIndexList>($high, $static_high) $region attr-dict `:` type($source) `to` type($result)")
      .resultNames((op, names) -> names[0] = "padded")
      .verifier(PadOp::verify)
      .regionVerifier(PadOp::verifyRegions);

  public PadOp(Operation op) { super(op, DEF); }

  public Value source() { return op.operand(0); }

  public List<Value> low() { return TensorVerify.segment(op, 1); }

  public List<Value> high() { return TensorVerify.segment(op, 2); }

  public long[] staticLow() { return TensorVerify.i64Array(op, "static_low"); }

  public long[] staticHigh() { return TensorVerify.i64Array(op, "static_high"); }

  public boolean nofold() { return op.prop("nofold") != null; }

  public Region region() { return op.region(0); }

  /**
   * The type of padding {@code source} by static {@code low} and {@code high} amounts (dynamic where
   * the source or a padding is), or null when their lengths differ from the rank (MLIR's
   * PadOp::inferResultType).
   */
  public static RankedTensorType inferResultType(RankedTensorType source, long[] low, long[] high) {
    int rank = source.rank();
    if (low.length != rank || high.length != rank) return null;
    long[] dims = new long[rank];
    for (int i = 0; i < rank; i++) {
      boolean dynamic = source.shape().isDynamic(i) || low[i] == ShapedType.DYNAMIC || high[i] == ShapedType.DYNAMIC;
      dims[i] = dynamic ? ShapedType.DYNAMIC : source.shape().dim(i) + low[i] + high[i];
    }
    return RankedTensorType.get(Shape.wrap(dims), source.elementType());
  }

  /** The result has the padded shape where it is known (MLIR's PadOp::verify). */
  private static void verify(Operation op) {
    PadOp pad = new PadOp(op);
    RankedTensorType source = (RankedTensorType) pad.source().type(), result = (RankedTensorType) op.result(0).type();
    RankedTensorType expected = inferResultType(source, pad.staticLow(), pad.staticHigh());
    if (expected == null)
      throw Verify.error(op, "failed to infer expectedType from sourceType " + DiagText.quote(source) + ", specified resultType is "
          + DiagText.quote(result));
    boolean matches = result.rank() == expected.rank();
    for (int i = 0; matches && i < source.rank(); i++)
      matches = result.shape().dim(i) == expected.shape().dim(i) || expected.shape().isDynamic(i);
    if (!matches)
      throw Verify.error(op, "specified type " + DiagText.quote(result) + " does not match the inferred type " + DiagText.quote(expected));
  }

  /** One index argument per dimension, and a yield of the element type (MLIR's PadOp::verifyRegions). */
  private static void verifyRegions(Operation op) {
    Region region = op.region(0);
    if (region.isEmpty()) return;
    RankedTensorType result = (RankedTensorType) op.result(0).type();
    Block block = region.front();
    if (block.numArguments() != result.rank()) throw Verify.error(op, "expected the block to have " + result.rank() + " arguments");
    for (int i = 0; i < block.numArguments(); i++)
      if (!(block.argument(i).type() instanceof IndexType)) throw Verify.opError(op, "expected block argument " + (i + 1) + " to be an index");
    Operation yield = block.last();
    if (yield != null && yield.isA(YieldOp.DEF) && !yield.operand(0).type().equals(result.elementType()))
      throw Verify.opError(op, "expected yield type to match shape element type");
  }
}

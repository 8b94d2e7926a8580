package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.types.IndexType;
import gvm.ir.types.RankedTensorType;
import java.util.List;

/**
 * {@code tensor.generate}: a tensor whose element at each index the region yields; one extent per
 * dynamic dimension.
 *
 * <pre>{@code
 * %t = tensor.generate %n {
 * ^bb0(%i: index, %j: index):
 *   tensor.yield %e : f32
 * } : tensor<?x3xf32>
 * }</pre>
 */
public final class GenerateOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.generate")
      .summary("Creates a dynamically sized tensor from elements")
      .variadicOperand("dynamicExtents", CommonTypeConstraints.INDEX)
      .result("result", TensorConstraints.ANY_RANKED_TENSOR)
      .sizedRegion("body")
      .traits(RECURSIVE_MEMORY_EFFECTS, SINGLE_BLOCK)
      .implicitTerminator("tensor.yield")
      .format("$dynamicExtents $body attr-dict `:` type($result)")
      .resultNames((op, names) -> names[0] = "generated")
      .verifier(GenerateOp::verify)
      .regionVerifier(GenerateOp::verifyRegions);

  public GenerateOp(Operation op) { super(op, DEF); }

  public List<Value> dynamicExtents() { return op.operands(); }

  public Region body() { return op.region(0); }

  /** One extent per dynamic dimension (MLIR's GenerateOp::verify). */
  private static void verify(Operation op) {
    if (op.numOperands() != TensorVerify.numDynamicDims((RankedTensorType) op.result(0).type()))
      throw Verify.error(op, "must have as many index operands as dynamic extents in the result type");
  }

  /** One index argument per dimension, and a yield of the element type (MLIR's GenerateOp::verifyRegions). */
  private static void verifyRegions(Operation op) {
    Region body = op.region(0);
    if (body.isEmpty()) return;
    RankedTensorType result = (RankedTensorType) op.result(0).type();
    Block block = body.front();
    for (Value a : block.arguments()) if (!(a.type() instanceof IndexType)) throw Verify.error(op, "all body arguments must be index");
    if (block.numArguments() != result.rank()) throw Verify.error(op, "must have one body argument per input dimension");
    Operation yield = block.last();
    if (yield != null && yield.isA(YieldOp.DEF) && !yield.operand(0).type().equals(result.elementType()))
      throw Verify.opError(op, "body must be terminated with a `yield` operation of the tensor element type");
  }
}

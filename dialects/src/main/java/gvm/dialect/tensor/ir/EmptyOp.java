package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;
import java.util.List;

/** {@code tensor.empty}: a tensor of the given shape with unspecified contents; one size per dynamic dimension. */
public final class EmptyOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.empty")
      .summary("empty tensor operation")
      .variadicOperand("dynamicSizes", CommonTypeConstraints.INDEX)
      .result("result", TensorConstraints.ANY_RANKED_TENSOR)
      .traits(PURE)
      .format("`(`$dynamicSizes`)` attr-dict `:` type($result)")
      .verifier(op -> TensorVerify.verifyDynamicSizes(op, (RankedTensorType) op.result(0).type(), op.numOperands()));

  public EmptyOp(Operation op) { super(op, DEF); }

  public List<Value> dynamicSizes() { return op.operands(); }

  public RankedTensorType type() { return (RankedTensorType) op.result(0).type(); }
}

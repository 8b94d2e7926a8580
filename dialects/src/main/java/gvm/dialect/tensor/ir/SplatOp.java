package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;
import java.util.List;

/** {@code tensor.splat}: a tensor with every element equal to the operand; one size per dynamic dimension. */
public final class SplatOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.splat").implement(OpPatternKind.Interface.class, OpPatternKind.BROADCAST.model())
      .summary("tensor splat or broadcast operation")
      .operand("input", TensorConstraints.SPLAT_ELEMENT)
      .variadicOperand("dynamicSizes", CommonTypeConstraints.INDEX)
      .result("aggregate", TensorConstraints.ANY_RANKED_TENSOR)
      .traits(PURE)
      .typesMatchWith("operand type matches element type of result", "input", "aggregate", TensorVerify::elementType)
      .format("$input (`[` $dynamicSizes^ `]`)? attr-dict `:` type($aggregate)")
      .resultNames((op, names) -> names[0] = "splat")
      .verifier(op -> TensorVerify.verifyDynamicSizes(op, (RankedTensorType) op.result(0).type(), op.numOperands() - 1))
      .folder(TensorFolders::splat);

  public SplatOp(Operation op) { super(op, DEF); }

  public Value input() { return op.operand(0); }

  public List<Value> dynamicSizes() { return op.operands().subList(1, op.numOperands()); }
}

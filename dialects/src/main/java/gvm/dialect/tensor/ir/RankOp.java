package gvm.dialect.tensor.ir;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;

/** {@code tensor.rank}: the number of dimensions of a tensor, ranked or not. */
public final class RankOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.rank")
      .summary("rank operation")
      .operand("tensor", TensorConstraints.ANY_TENSOR)
      .result("result", CommonTypeConstraints.INDEX)
      .traits(Trait.NO_MEMORY_EFFECT)
      .format("$tensor attr-dict `:` type($tensor)")
      .resultNames((op, names) -> names[0] = "rank");

  public RankOp(Operation op) { super(op, DEF); }

  public Value tensor() { return op.operand(0); }
}

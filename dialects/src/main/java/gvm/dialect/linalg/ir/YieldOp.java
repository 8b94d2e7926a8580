package gvm.dialect.linalg.ir;

import static gvm.ir.def.Trait.PURE;
import static gvm.ir.def.Trait.RETURN_LIKE;
import static gvm.ir.def.Trait.TERMINATOR;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.ir.def.OpDef;

/** {@code linalg.yield %v : f32}: the values a structured op's body produces for one point. */
public final class YieldOp {
  public static final OpDef DEF = OpDef.named("linalg.yield")
      .summary("Linalg yield operation")
      .variadicOperand("values", CommonTypeConstraints.ANY_TYPE)
      .traits(PURE, RETURN_LIKE, TERMINATOR)
      .format("attr-dict ($values^ `:` type($values))?");

  private YieldOp() {}
}

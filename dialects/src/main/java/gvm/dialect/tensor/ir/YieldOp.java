package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;

/** {@code tensor.yield}: ends the region of tensor.generate or tensor.pad with the element value. */
public final class YieldOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.yield")
      .summary("Yield a value from a region")
      .operand("value", CommonTypeConstraints.ANY_TYPE)
      .traits(PURE, RETURN_LIKE, TERMINATOR)
      .parents("tensor.generate", "tensor.pad")
      .format("$value attr-dict `:` type($value)");

  public YieldOp(Operation op) { super(op, DEF); }

  public Value value() { return op.operand(0); }
}

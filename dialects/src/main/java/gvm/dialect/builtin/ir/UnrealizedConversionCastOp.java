package gvm.dialect.builtin.ir;

import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;
import java.util.List;

/** {@code builtin.unrealized_conversion_cast}: a placeholder conversion between type systems, 0-N inputs to 1-N outputs. */
public final class UnrealizedConversionCastOp extends OpView {
  public static final OpDef DEF = OpDef.named("builtin.unrealized_conversion_cast")
      .summary("An unrealized conversion from one set of types to another")
      .variadicOperand("inputs", CommonTypeConstraints.ANY_TYPE)
      .variadicResult("outputs", CommonTypeConstraints.ANY_TYPE)
      .traits(Trait.PURE)
      .format("($inputs^ `:` type($inputs))? `to` type($outputs) attr-dict")
      .implement(CastOpInterface.class, (ins, outs) -> true)
      .verifier(CastOpInterface::verify);

  public UnrealizedConversionCastOp(Operation op) { super(op, DEF); }

  public List<Value> inputs() { return op.operands(); }
}

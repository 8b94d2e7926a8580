package gvm.dialect.scf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import java.util.List;

/**
 * {@code scf.condition}: ends the "before" region of {@code scf.while}; on true its trailing
 * operands go to the "after" region, on false they become the loop's results.
 */
public final class ConditionOp extends OpView {
  public static final OpDef DEF = OpDef.named("scf.condition")
      .summary("loop continuation condition")
      .operand("condition", CommonTypeConstraints.I1)
      .variadicOperand("args", CommonTypeConstraints.ANY_TYPE)
      .traits(PURE, TERMINATOR)
      .parents("scf.while")
      .format("`(` $condition `)` attr-dict ($args^ `:` type($args))?")
      .implement(RegionBranchOpInterface.Terminator.class, (op, successor) -> op.operands().subList(1, op.numOperands()));

  public ConditionOp(Operation op) { super(op, DEF); }

  public Value condition() { return op.operand(0); }

  public List<Value> args() { return op.operands().subList(1, op.numOperands()); }
}

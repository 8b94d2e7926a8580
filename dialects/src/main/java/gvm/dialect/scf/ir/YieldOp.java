package gvm.dialect.scf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import java.util.List;

/** {@code scf.yield}: ends an scf region, passing its operands to the parent op's results or next iteration. */
public final class YieldOp extends OpView {
  public static final OpDef DEF = OpDef.named("scf.yield")
      .summary("loop yield and termination operation")
      .variadicOperand("results", CommonTypeConstraints.ANY_TYPE)
      .traits(PURE, RETURN_LIKE, TERMINATOR)
      .parents("scf.execute_region", "scf.for", "scf.if", "scf.index_switch", "scf.while")
      .format("attr-dict ($results^ `:` type($results))?")
      .implement(RegionBranchOpInterface.Terminator.class, (op, successor) -> op.operands());

  public YieldOp(Operation op) { super(op, DEF); }

  public List<Value> results() { return op.operands(); }
}

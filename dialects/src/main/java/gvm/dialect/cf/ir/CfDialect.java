package gvm.dialect.cf.ir;

import gvm.ir.Dialect;
import gvm.ir.def.OpDef;
import gvm.ir.format.CustomDirectives;
import java.util.List;

/** The {@code cf} dialect: unstructured control flow between blocks (MLIR's ControlFlowDialect). */
public final class CfDialect extends Dialect {
  static {
    CustomDirectives.register("SwitchOpCases", new SwitchOpCases());
  }

  public CfDialect() { super("cf"); }

  @Override public List<OpDef> ops() { return List.of(AssertOp.DEF, BranchOp.DEF, CondBranchOp.DEF, SwitchOp.DEF); }

  @Override public List<String> dependentDialects() { return List.of("arith"); }
}

package gvm.dialect.scf.ir;

import gvm.ir.Dialect;
import gvm.ir.def.OpDef;
import gvm.ir.format.CustomDirectives;
import java.util.List;

/** The {@code scf} dialect: structured control flow, loops and conditionals with regions (MLIR's SCFDialect). */
public final class ScfDialect extends Dialect {
  static {
    CustomDirectives.register("SwitchCases", new SwitchCases());
  }

  public ScfDialect() { super("scf"); }

  @Override public List<OpDef> ops() {
    return List.of(ConditionOp.DEF, ExecuteRegionOp.DEF, ForOp.DEF, IfOp.DEF, IndexSwitchOp.DEF, ForallOp.DEF, InParallelOp.DEF, ParallelOp.DEF, ReduceOp.DEF, ReduceReturnOp.DEF,
        WhileOp.DEF, YieldOp.DEF);
  }

  @Override public List<String> dependentDialects() { return List.of("arith"); }
}

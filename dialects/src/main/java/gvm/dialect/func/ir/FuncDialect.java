package gvm.dialect.func.ir;

import gvm.ir.Dialect;
import gvm.ir.def.OpDef;
import java.util.List;

/** The {@code func} dialect: functions, calls and returns (MLIR's FuncDialect). */
public final class FuncDialect extends Dialect {
  public FuncDialect() { super("func"); }

  @Override public List<OpDef> ops() {
    return List.of(FuncOp.DEF, ReturnOp.DEF, CallOp.DEF, CallIndirectOp.DEF, ConstantOp.DEF);
  }

  @Override public List<String> dependentDialects() { return List.of("builtin"); }
}

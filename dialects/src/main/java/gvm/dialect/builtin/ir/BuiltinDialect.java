package gvm.dialect.builtin.ir;

import gvm.ir.Dialect;
import gvm.ir.def.OpDef;
import java.util.List;

/** The {@code builtin} dialect: the module and the unrealized conversion cast (MLIR's BuiltinDialect). */
public final class BuiltinDialect extends Dialect {
  public BuiltinDialect() { super("builtin"); }

  @Override public List<OpDef> ops() { return List.of(ModuleOp.DEF, UnrealizedConversionCastOp.DEF); }
}

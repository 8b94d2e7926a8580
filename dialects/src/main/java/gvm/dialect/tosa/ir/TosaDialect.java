package gvm.dialect.tosa.ir;

import gvm.ir.Dialect;
import gvm.ir.def.OpDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tosa} dialect (LLVM 19), in the subset that MLIR's mesh passes work through:
 * elementwise unary and binary ops, comparisons, clamp, select, matmul, reshape, transpose, the
 * reductions and const.
 */
public final class TosaDialect extends Dialect {
  public TosaDialect() { super("tosa"); }

  @Override public List<OpDef> ops() {
    List<OpDef> ops = new ArrayList<>(TosaOps.UNARY);
    ops.addAll(TosaOps.BINARY);
    ops.addAll(TosaOps.REDUCE);
    ops.addAll(List.of(TosaOps.CLAMP, TosaOps.SELECT, TosaOps.MATMUL, TosaOps.RESHAPE, TosaOps.TRANSPOSE, TosaOps.CONST));
    return ops;
  }
}

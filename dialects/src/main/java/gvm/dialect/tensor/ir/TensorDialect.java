package gvm.dialect.tensor.ir;

import gvm.ir.Dialect;
import gvm.ir.def.OpDef;
import java.util.List;

/** The {@code tensor} dialect: creating, slicing, reshaping and padding tensor values (MLIR's TensorDialect). */
public final class TensorDialect extends Dialect {
  public TensorDialect() { super("tensor"); }

  @Override public List<OpDef> ops() {
    return List.of(CastOp.DEF, CollapseShapeOp.DEF, ConcatOp.DEF, DimOp.DEF, EmptyOp.DEF, ExpandShapeOp.DEF, ExtractOp.DEF,
        ExtractSliceOp.DEF, FromElementsOp.DEF, GenerateOp.DEF, InsertOp.DEF, InsertSliceOp.DEF, PadOp.DEF, ReshapeOp.DEF,
        SplatOp.DEF, YieldOp.DEF);
  }

  @Override public List<String> dependentDialects() { return List.of("arith"); }
}

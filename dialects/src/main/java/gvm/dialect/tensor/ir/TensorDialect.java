package gvm.dialect.tensor.ir;

import gvm.dialect.arith.ir.ConstantOp;
import gvm.ir.Context;
import gvm.ir.Dialect;
import gvm.ir.Operation;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.Location;
import gvm.ir.types.Type;
import gvm.ir.def.OpDef;
import java.util.List;

/** The {@code tensor} dialect: creating, slicing, reshaping and padding tensor values (MLIR's TensorDialect). */
public final class TensorDialect extends Dialect {
  public TensorDialect() { super("tensor"); }

  @Override public List<OpDef> ops() {
    return List.of(BitcastOp.DEF, CastOp.DEF, CollapseShapeOp.DEF, ConcatOp.DEF, DimOp.DEF, EmptyOp.DEF, ExpandShapeOp.DEF, ExtractOp.DEF, GatherOp.DEF,
        ExtractSliceOp.DEF, FromElementsOp.DEF, GenerateOp.DEF, InsertOp.DEF, InsertSliceOp.DEF, PackOp.DEF, PadOp.DEF, ParallelInsertSliceOp.DEF, RankOp.DEF, ReshapeOp.DEF, ScatterOp.DEF,
        SplatOp.DEF, UnPackOp.DEF, YieldOp.DEF);
  }

  @Override public List<String> dependentDialects() { return List.of("arith"); }

  /** Folded constants become {@code arith.constant}, as MLIR's TensorDialect::materializeConstant. */
  @Override public Operation materializeConstant(Context ctx, Attribute value, Type type, Location loc) {
    return ConstantOp.isBuildableWith(value, type) ? ConstantOp.create(ctx, loc, value).op() : null;
  }
}

package gvm.dialect.arith.ir;

import gvm.ir.Context;
import gvm.ir.Dialect;
import gvm.ir.Operation;
import gvm.ir.attributes.Location;
import gvm.ir.asm.AsmParser;
import gvm.ir.attributes.Attribute;
import gvm.ir.def.OpDef;
import gvm.ir.types.Type;
import java.util.List;

/**
 * The {@code arith} dialect: integer and floating-point arithmetic, casts, comparisons, select and
 * constants, over scalars, vectors and tensors (MLIR's ArithDialect); attributes {@code
 * #arith.overflow<...>} and {@code #arith.fastmath<...>}.
 */
public final class ArithDialect extends Dialect {
  public ArithDialect() { super("arith"); }

  @Override public List<OpDef> ops() {
    return List.of(
        ConstantOp.DEF,
        IntegerOps.AddIOp.DEF, IntegerOps.SubIOp.DEF, IntegerOps.MulIOp.DEF,
        IntegerOps.DivUIOp.DEF, IntegerOps.DivSIOp.DEF, IntegerOps.CeilDivUIOp.DEF, IntegerOps.CeilDivSIOp.DEF,
        IntegerOps.FloorDivSIOp.DEF, IntegerOps.RemUIOp.DEF, IntegerOps.RemSIOp.DEF,
        IntegerOps.AndIOp.DEF, IntegerOps.OrIOp.DEF, IntegerOps.XOrIOp.DEF,
        IntegerOps.ShLIOp.DEF, IntegerOps.ShRUIOp.DEF, IntegerOps.ShRSIOp.DEF,
        IntegerOps.MaxSIOp.DEF, IntegerOps.MaxUIOp.DEF, IntegerOps.MinSIOp.DEF, IntegerOps.MinUIOp.DEF,
        IntegerOps.AddUIExtendedOp.DEF, IntegerOps.MulSIExtendedOp.DEF, IntegerOps.MulUIExtendedOp.DEF,
        FloatOps.AddFOp.DEF, FloatOps.SubFOp.DEF, FloatOps.MulFOp.DEF, FloatOps.DivFOp.DEF, FloatOps.RemFOp.DEF,
        FloatOps.NegFOp.DEF, FloatOps.MaximumFOp.DEF, FloatOps.MinimumFOp.DEF, FloatOps.MaxNumFOp.DEF, FloatOps.MinNumFOp.DEF,
        CastOps.ExtUIOp.DEF, CastOps.ExtSIOp.DEF, CastOps.ExtFOp.DEF, CastOps.TruncIOp.DEF, CastOps.TruncFOp.DEF,
        CastOps.UIToFPOp.DEF, CastOps.SIToFPOp.DEF, CastOps.FPToUIOp.DEF, CastOps.FPToSIOp.DEF,
        CastOps.IndexCastOp.DEF, CastOps.IndexCastUIOp.DEF, CastOps.BitcastOp.DEF,
        CompareOps.CmpIOp.DEF, CompareOps.CmpFOp.DEF, CompareOps.SelectOp.DEF);
  }

  /** Folded constants become {@code arith.constant} (MLIR's ArithDialect::materializeConstant, less ub.poison). */
  @Override public Operation materializeConstant(Context ctx, Attribute value, Type type, Location loc) {
    if (!ConstantOp.isBuildableWith(value, type)) return null;
    return ConstantOp.create(ctx, loc, value).op();
  }

  /** {@code #arith.overflow<...>} and {@code #arith.fastmath<...>}; the parser stands at the mnemonic. */
  @Override public Attribute parseAttribute(AsmParser p, Type type) {
    int at = p.offset();
    String mnemonic = p.parseOptionalKeyword();
    if (IntegerOverflowFlagsAttr.MNEMONIC.equals(mnemonic)) return IntegerOverflowFlagsAttr.parseParams(p);
    if (FastMathFlagsAttr.MNEMONIC.equals(mnemonic)) return FastMathFlagsAttr.parseParams(p);
    throw p.error(at, "unknown attribute `" + mnemonic + "` in dialect `arith`");
  }
}

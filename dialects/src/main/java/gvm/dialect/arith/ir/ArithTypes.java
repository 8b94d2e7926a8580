package gvm.dialect.arith.ir;

import static gvm.dialect.builtin.ir.CommonTypeConstraints.*;

import gvm.ir.def.TypeConstraint;
import gvm.ir.types.FloatType;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import gvm.ir.types.UnrankedTensorType;

/** The arith-specific type constraints of ArithOps.td, and the type helpers its ops share. */
public final class ArithTypes {
  private ArithTypes() {}

  /** Casts do not accept indices: signless integers, or vectors or tensors of them. */
  public static final TypeConstraint SIGNLESS_FIXED_WIDTH_INTEGER_LIKE =
      TypeConstraint.of("signless-fixed-width-integer-like", t -> isScalarOrVectorOrTensorOf(t, e -> isSignlessInteger(e)));

  /** index_cast also converts memrefs of signless integers and indices. */
  public static final TypeConstraint INDEX_CAST_TYPE = TypeConstraint.of("signless-integer-like or memref of signless-integer",
      t -> SIGNLESS_INTEGER_OR_INDEX_LIKE.test(t) || isMemRefOf(t, e -> isSignlessInteger(e) || e instanceof IndexType));

  /** bitcast also converts memrefs of signless integers and floats. */
  public static final TypeConstraint BITCAST_TYPE = TypeConstraint.of("signless-integer-or-float-like or memref of signless-integer or float",
      t -> SIGNLESS_INTEGER_OR_FLOAT_LIKE.test(t) || isMemRefOf(t, e -> isSignlessInteger(e) || e instanceof FloatType));

  /** The type of the same shape (scalar, vector or tensor) holding i1 (ArithOps.cpp's getI1SameShape). */
  public static Type i1SameShape(Type t) {
    if (t instanceof UnrankedTensorType) return new UnrankedTensorType(IntegerType.I1);
    if (t instanceof ShapedType s) return s.cloneWith(s.shape(), IntegerType.I1);
    return IntegerType.I1;
  }
}

package gvm.dialect.builtin.ir;

import gvm.ir.def.TypeConstraint;
import gvm.ir.types.FloatType;
import gvm.ir.types.FunctionType;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.MemRefType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import gvm.ir.types.UnrankedTensorType;
import gvm.ir.types.VectorType;
import java.util.function.Predicate;

/**
 * Type constraints of MLIR's {@code CommonTypeConstraints.td}, with its descriptions word for word
 * (they appear in messages such as {@code operand #0 must be signless-integer-like, but got 'f32'}).
 */
public final class CommonTypeConstraints {
  private CommonTypeConstraints() {}

  public static final TypeConstraint ANY_TYPE = TypeConstraint.ANY;

  public static final TypeConstraint I1 = new TypeConstraint("1-bit signless integer", CommonTypeConstraints::isI1, IntegerType.I1);

  public static final TypeConstraint INDEX = new TypeConstraint("index", t -> t instanceof IndexType, IndexType.INSTANCE);

  public static final TypeConstraint ANY_SIGNLESS_INTEGER = TypeConstraint.of("signless integer", CommonTypeConstraints::isSignlessInteger);

  public static final TypeConstraint ANY_FLOAT = TypeConstraint.of("floating-point", t -> t instanceof FloatType);

  public static final TypeConstraint FUNCTION_TYPE = TypeConstraint.of("function type", t -> t instanceof FunctionType);

  /** ODS SignlessIntegerOrIndexLike: signless integer or index, or a vector or tensor of them. */
  public static final TypeConstraint SIGNLESS_INTEGER_OR_INDEX_LIKE =
      TypeConstraint.of("signless-integer-like", t -> isScalarOrVectorOrTensorOf(t, CommonTypeConstraints::isSignlessIntegerOrIndex));

  /** ODS FloatLike. */
  public static final TypeConstraint FLOAT_LIKE =
      TypeConstraint.of("floating-point-like", t -> isScalarOrVectorOrTensorOf(t, e -> e instanceof FloatType));

  /** ODS BoolLike: i1, or a vector or tensor of i1. */
  public static final TypeConstraint BOOL_LIKE = TypeConstraint.of("bool-like", t -> isScalarOrVectorOrTensorOf(t, CommonTypeConstraints::isI1));

  /** ODS SignlessIntegerOrFloatLike (index included). */
  public static final TypeConstraint SIGNLESS_INTEGER_OR_FLOAT_LIKE = TypeConstraint.of("signless-integer-or-float-like",
      t -> isScalarOrVectorOrTensorOf(t, e -> isSignlessIntegerOrIndex(e) || e instanceof FloatType));

  public static boolean isI1(Type t) { return t instanceof IntegerType it && it.width() == 1 && it.isSignless(); }

  public static boolean isSignlessInteger(Type t) { return t instanceof IntegerType it && it.isSignless(); }

  public static boolean isSignlessIntegerOrIndex(Type t) { return isSignlessInteger(t) || t instanceof IndexType; }

  /** {@code t} itself, or a vector of any rank, or a ranked or unranked tensor, whose element satisfies {@code p}. */
  public static boolean isScalarOrVectorOrTensorOf(Type t, Predicate<Type> p) {
    return p.test(t) || isVectorOrTensorOf(t, p);
  }

  /** ODS VectorOfAnyRankOf or TensorOf with element predicate {@code p}. */
  public static boolean isVectorOrTensorOf(Type t, Predicate<Type> p) {
    return (t instanceof VectorType || t instanceof RankedTensorType || t instanceof UnrankedTensorType)
        && p.test(((ShapedType) t).elementType());
  }

  /** ODS MemRefOf (ranked memrefs) with element predicate {@code p}. */
  public static boolean isMemRefOf(Type t, Predicate<Type> p) { return t instanceof MemRefType m && p.test(m.elementType()); }

  /** The element type of a shaped type, else the type itself (MLIR's getElementTypeOrSelf). */
  public static Type elementTypeOrSelf(Type t) { return t instanceof ShapedType s ? s.elementType() : t; }
}

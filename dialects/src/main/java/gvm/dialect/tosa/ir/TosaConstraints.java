package gvm.dialect.tosa.ir;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.DenseResourceAttr;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.def.AttrConstraint;
import gvm.ir.def.TypeConstraint;
import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Type;
import gvm.ir.types.UnrankedTensorType;
import java.util.function.Predicate;

/** The type and attribute constraints of TosaTypesBase.td and TosaOps.td, with MLIR's descriptions. */
public final class TosaConstraints {
  private TosaConstraints() {}

  private static TypeConstraint tensorOf(String elements, Predicate<Type> element) {
    return TypeConstraint.of("tensor of " + elements + " values",
        t -> (t instanceof RankedTensorType || t instanceof UnrankedTensorType) && element.test(((gvm.ir.types.ShapedType) t).elementType()));
  }

  /** Tosa_Tensor: integers (signless or unsigned) and floats. */
  public static final TypeConstraint TENSOR = tensorOf("number", t -> t instanceof IntegerType || t instanceof FloatType);

  /** Tosa_I1Tensor. */
  public static final TypeConstraint I1_TENSOR = tensorOf("1-bit signless integer", CommonTypeConstraints::isI1);

  /** Tosa_Int32Tensor. */
  public static final TypeConstraint I32_TENSOR = tensorOf("32-bit signless integer",
      t -> t instanceof IntegerType i && i.isSignless() && i.width() == 32);

  /** Tosa_Int32Or64Tensor: transpose's permutation. */
  public static final TypeConstraint I32_OR_I64_TENSOR = tensorOf("32-bit signless integer or 64-bit signless integer",
      t -> t instanceof IntegerType i && i.isSignless() && (i.width() == 32 || i.width() == 64));

  /** ODS I8Attr (mul's shift). */
  public static final AttrConstraint I8_ATTR = AttrConstraint.of("8-bit signless integer attribute",
      a -> gvm.dialect.builtin.ir.CommonAttrConstraints.isIntegerAttrOf(a, 8));

  /** ODS F32Attr (clamp's bounds). */
  public static final AttrConstraint F32_ATTR = AttrConstraint.of("32-bit float attribute", a -> a instanceof FloatAttr f && f.type().equals(FloatType.F32));

  /** ODS BoolAttr. */
  public static final AttrConstraint BOOL_ATTR = AttrConstraint.of("bool attribute",
      a -> a instanceof gvm.ir.attributes.IntegerAttr i && i.isBool());

  /** ODS ElementsAttr (tosa.const's value). */
  public static final AttrConstraint ELEMENTS_ATTR = AttrConstraint.of("constant vector/tensor attribute", TosaConstraints::isElements);

  private static boolean isElements(Attribute a) { return a instanceof DenseElementsAttr || a instanceof DenseResourceAttr; }
}

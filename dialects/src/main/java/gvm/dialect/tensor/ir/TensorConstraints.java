package gvm.dialect.tensor.ir;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.ir.attributes.ArrayAttr;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.def.AttrAsm;
import gvm.ir.def.AttrConstraint;
import gvm.ir.def.TypeConstraint;
import gvm.ir.types.FloatType;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.UnrankedTensorType;

/** The type and attribute constraints of the tensor ops, with MLIR's descriptions word for word. */
public final class TensorConstraints {
  private TensorConstraints() {}

  /** ODS AnyTensor. */
  public static final TypeConstraint ANY_TENSOR =
      TypeConstraint.of("tensor of any type values", t -> t instanceof RankedTensorType || t instanceof UnrankedTensorType);

  /** ODS AnyRankedTensor. */
  public static final TypeConstraint ANY_RANKED_TENSOR = TypeConstraint.of("ranked tensor of any type values", t -> t instanceof RankedTensorType);

  /** ODS AnyNon0RankedOrUnrankedTensor. */
  public static final TypeConstraint NON_0_RANKED_OR_UNRANKED_TENSOR = TypeConstraint.of("non-0-ranked or unranked tensor",
      t -> t instanceof UnrankedTensorType || (t instanceof RankedTensorType r && r.rank() != 0));

  /** ODS AnyStaticShapeTensor. */
  public static final TypeConstraint STATIC_SHAPE_TENSOR =
      TypeConstraint.of("statically shaped tensor of any type values", t -> t instanceof RankedTensorType r && r.hasStaticShape());

  /** ODS TensorRankOf&lt;[AnySignlessInteger, Index], [1]&gt;: a shape operand. */
  public static final TypeConstraint SHAPE_TENSOR = TypeConstraint.of("1D tensor of signless integer or index values",
      t -> t instanceof RankedTensorType r && r.rank() == 1 && CommonTypeConstraints.isSignlessIntegerOrIndex(r.elementType()));

  /** tensor.splat's operand: AnyTypeOf&lt;[AnySignlessInteger, Index, AnyFloat]&gt;. */
  public static final TypeConstraint SPLAT_ELEMENT = TypeConstraint.of("integer/index/float type",
      t -> CommonTypeConstraints.isSignlessInteger(t) || t instanceof IndexType || t instanceof FloatType);

  /** ODS DenseI64ArrayAttr, written {@code [1, 2]} in formats. */
  public static final AttrConstraint DENSE_I64_ARRAY = AttrConstraint.of("i64 dense array attribute",
      a -> a instanceof DenseArrayAttr d && d.elementType().equals(IntegerType.I64)).withAsm(AttrAsm.DENSE_I64_ARRAY);

  /** ODS I64Attr, written without its type in formats ({@code dim(0)}). */
  public static final AttrConstraint I64_ATTR = CommonAttrConstraints.I64_ATTR.withAsm(AttrAsm.typed(IntegerType.I64));

  /** ODS UnitAttr. */
  public static final AttrConstraint UNIT_ATTR = CommonAttrConstraints.UNIT_ATTR.withAsm(AttrAsm.UNIT);

  /** ODS IndexListArrayAttr: the reassociation {@code [[0, 1], [2]]} of expand_shape and collapse_shape. */
  public static final AttrConstraint INDEX_LIST_ARRAY = AttrConstraint.of("Array of 64-bit integer array attributes", a -> {
    if (!(a instanceof ArrayAttr outer)) return false;
    for (Attribute e : outer.elements()) {
      if (!(e instanceof ArrayAttr inner)) return false;
      for (Attribute i : inner.elements()) if (!CommonAttrConstraints.isIntegerAttrOf(i, 64)) return false;
    }
    return true;
  });
}

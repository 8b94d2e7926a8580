package gvm.dialect.mesh.ir;

import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.AttrAsm;
import gvm.ir.def.AttrConstraint;
import gvm.ir.def.TypeConstraint;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;

/** The type and attribute constraints of MeshOps.td, with MLIR's descriptions word for word. */
public final class MeshConstraints {
  private MeshConstraints() {}

  /** ODS AnyRankedTensor. */
  public static final TypeConstraint ANY_RANKED_TENSOR = TypeConstraint.of("ranked tensor of any type values", t -> t instanceof RankedTensorType);

  /** ODS AnyNon0RankedTensor (MLIR's description really has the stray dot). */
  public static final TypeConstraint ANY_NON_0_RANKED_TENSOR =
      TypeConstraint.of("non-0-ranked.tensor of any type values", t -> t instanceof RankedTensorType r && r.rank() != 0);

  /** Mesh_MeshAxesAttr: a DenseI16ArrayAttr, written {@code [0, 1]} in formats. */
  public static final AttrConstraint MESH_AXES = AttrConstraint.of("i16 dense array attribute",
      a -> a instanceof DenseArrayAttr d && d.elementType().equals(IntegerType.I16)).withAsm(AttrAsm.DENSE_I16_ARRAY);

  /** ODS IndexAttr, written without its type in formats ({@code gather_axis = 1}). */
  public static final AttrConstraint INDEX_ATTR = AttrConstraint.of("index attribute",
      a -> a instanceof IntegerAttr i && i.type() instanceof IndexType).withAsm(AttrAsm.typed(IndexType.INSTANCE));

  /** The default of {@code mesh_axes} and {@code axes}: no axes. */
  public static final DenseArrayAttr NO_AXES = MeshShardingAttr.axes();
}

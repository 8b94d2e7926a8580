package gvm.transforms.mesh;

import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.dialect.mesh.ir.ReductionKind;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.affine.AffineMap;
import java.util.List;

/**
 * MLIR's mesh ShardingInterface: an op described as a loop nest (one iterator type per loop, one
 * indexing map per operand and result) from which sharding propagation derives a
 * {@link ShardingOption} and spmdization its per-device form. Implementations are looked up by op
 * name in {@link ShardingInterfaces}.
 */
public interface ShardingInterface {
  /** utils::IteratorType. */
  enum IteratorType { PARALLEL, REDUCTION }

  List<IteratorType> loopIteratorTypes(Operation op);

  /** One map per operand, then one per result, over the loops. */
  List<AffineMap> indexingMaps(Operation op);

  /** The reduction kind of each reduction loop, in loop order. */
  default List<ReductionKind> reductionLoopKinds(Operation op) {
    int n = 0;
    for (IteratorType t : loopIteratorTypes(op)) if (t == IteratorType.REDUCTION) n++;
    return java.util.Collections.nCopies(n, ReductionKind.SUM);
  }

  /**
   * Whether loop {@code loop} may be split over mesh axes (gvm; MLIR's interface has no such
   * notion). A loop whose elements one device cannot compute alone (the normalized dimension of a
   * norm, the rotated lanes of rope, the keys of a causal attention) stays whole: shardings of the
   * operands along it are ignored when choosing the op's sharding, and spmdization reshards them.
   */
  default boolean isLoopShardable(Operation op, int loop) { return true; }

  /**
   * Whether operands and results that are not ranked tensors (kv caches, scalars, indices) are
   * allowed (gvm); they take part in no loop (their maps have no results) and carry no sharding.
   * MLIR's ops reject them ("invalid sharding interface implementation").
   */
  default boolean allowsNonTensorValues() { return false; }

  /**
   * Emits the per-device form of {@code op} at the spmdizer's insertion point and maps its results;
   * the default clones the op with sharded result types (spmdizeTriviallyShardableOperation).
   */
  default void spmdize(Operation op, List<Value> spmdizedOperands, List<MeshShardingAttr> operandShardings,
      List<MeshShardingAttr> resultShardings, Spmdizer s) {
    s.cloneTriviallySharded(op, resultShardings, s.mapping());
  }
}

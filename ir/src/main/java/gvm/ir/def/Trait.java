package gvm.ir.def;

/** Op traits, as MLIR's OpTrait and the marker interfaces the passes query. */
public enum Trait {
  TERMINATOR, ISOLATED_FROM_ABOVE, SYMBOL_TABLE, SYMBOL, NO_TERMINATOR, SINGLE_BLOCK,
  /** Side-effect free and speculatable (MLIR's Pure). */
  PURE,
  /** No memory effects, but not always speculatable (MLIR's NoMemoryEffect without AlwaysSpeculatable: division). */
  NO_MEMORY_EFFECT,
  COMMUTATIVE, IDEMPOTENT, INVOLUTION, CONSTANT_LIKE, RETURN_LIKE, ELEMENTWISE,
  SAME_OPERANDS_AND_RESULT_TYPE, SAME_OPERANDS_AND_RESULT_SHAPE, SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE, SAME_OPERANDS_AND_RESULT_RANK,
  SAME_TYPE_OPERANDS, SAME_OPERANDS_ELEMENT_TYPE,
  ATTR_SIZED_OPERAND_SEGMENTS, ATTR_SIZED_RESULT_SEGMENTS, AUTOMATIC_ALLOCATION_SCOPE, AFFINE_SCOPE,
  /** Regions' side effects count as the op's (MLIR's RecursiveMemoryEffects). */
  RECURSIVE_MEMORY_EFFECTS, RECURSIVELY_SPECULATABLE, NO_REGION_ARGUMENTS,
  /** Regions are not SSACFG (no dominance inside), as MLIR's RegionKindInterface Graph. */
  GRAPH_REGION, SCALAR_OR_TENSOR_ELEMENTWISE, ZERO_REGIONS_WHEN_EMPTY
}

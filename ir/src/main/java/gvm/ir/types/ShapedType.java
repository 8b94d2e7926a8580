package gvm.ir.types;

/** Tensors, vectors and memrefs: an element type and (maybe) a shape. */
public sealed interface ShapedType extends Type
    permits RankedTensorType, UnrankedTensorType, VectorType, MemRefType, UnrankedMemRefType {
  /** The marker MLIR uses for a dynamic dimension ({@code ShapedType::kDynamic}). */
  long DYNAMIC = Long.MIN_VALUE;

  Type elementType();

  default boolean hasRank() { return true; }

  /** The shape; only valid when {@link #hasRank()}. */
  Shape shape();

  default int rank() { return shape().rank(); }

  default boolean hasStaticShape() { return hasRank() && shape().isStatic(); }

  /** Number of elements of a static shape. */
  default long numElements() { return shape().numElements(); }

  /** The same kind of type with another shape and element type (unranked stays unranked only if shape is null). */
  ShapedType cloneWith(Shape shape, Type elementType);

  static boolean isDynamic(long d) { return d == DYNAMIC; }
}

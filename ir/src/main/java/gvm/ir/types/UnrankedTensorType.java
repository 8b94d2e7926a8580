package gvm.ir.types;

/** {@code tensor<*xf32>}. */
public record UnrankedTensorType(Type elementType) implements ShapedType {
  @Override public boolean hasRank() { return false; }

  @Override public Shape shape() { throw new IllegalStateException("unranked tensor has no shape"); }

  @Override public ShapedType cloneWith(Shape shape, Type elementType) {
    return shape == null ? new UnrankedTensorType(elementType) : RankedTensorType.get(shape, elementType);
  }
}

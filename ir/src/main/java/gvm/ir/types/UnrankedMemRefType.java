package gvm.ir.types;

import gvm.ir.attributes.Attribute;

/** {@code memref<*xf32, memorySpace>}. */
public record UnrankedMemRefType(Type elementType, Attribute memorySpace) implements ShapedType {
  @Override public boolean hasRank() { return false; }

  @Override public Shape shape() { throw new IllegalStateException("unranked memref has no shape"); }

  @Override public ShapedType cloneWith(Shape shape, Type elementType) {
    return shape == null ? new UnrankedMemRefType(elementType, memorySpace) : new MemRefType(shape, elementType, null, memorySpace);
  }
}

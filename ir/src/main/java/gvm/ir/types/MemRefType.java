package gvm.ir.types;

import gvm.ir.attributes.Attribute;

/** {@code memref<4x?xf32, layout, memorySpace>}; layout and memory space are null when absent. */
public record MemRefType(Shape shape, Type elementType, Attribute layout, Attribute memorySpace) implements ShapedType {
  @Override public ShapedType cloneWith(Shape shape, Type elementType) {
    return shape == null ? new UnrankedMemRefType(elementType, memorySpace) : new MemRefType(shape, elementType, layout, memorySpace);
  }
}

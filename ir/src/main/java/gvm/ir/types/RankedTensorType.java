package gvm.ir.types;

import gvm.ir.attributes.Attribute;

/** {@code tensor<4x?xf32>} with an optional encoding attribute. */
public record RankedTensorType(Shape shape, Type elementType, Attribute encoding) implements ShapedType {
  public static RankedTensorType get(Shape shape, Type elementType) { return new RankedTensorType(shape, elementType, null); }

  public static RankedTensorType get(Type elementType, long... dims) { return get(Shape.of(dims), elementType); }

  @Override public ShapedType cloneWith(Shape shape, Type elementType) {
    return shape == null ? new UnrankedTensorType(elementType) : new RankedTensorType(shape, elementType, encoding);
  }
}

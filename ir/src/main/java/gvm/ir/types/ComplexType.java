package gvm.ir.types;

/** {@code complex<T>} with an integer or float element type. */
public record ComplexType(Type elementType) implements Type {}

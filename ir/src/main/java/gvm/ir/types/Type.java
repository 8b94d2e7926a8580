package gvm.ir.types;

/**
 * An MLIR type. Builtin types are records (value equality); dialect types implement {@link
 * DialectType}. Types print themselves through {@code gvm.ir.print.AsmPrinter}.
 */
public sealed interface Type
    permits IntegerType, IndexType, FloatType, NoneType, ComplexType, TupleType, FunctionType,
        ShapedType, OpaqueType, DialectType {}

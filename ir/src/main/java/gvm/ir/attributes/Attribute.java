package gvm.ir.attributes;

/**
 * An MLIR attribute. Builtins are records or small final classes with value equality; dialect
 * attributes implement {@link DialectAttribute}; locations are attributes too, as in MLIR.
 */
public sealed interface Attribute
    permits IntegerAttr, FloatAttr, StringAttr, UnitAttr, ArrayAttr, DenseArrayAttr, DenseElementsAttr,
        DenseResourceAttr, DictionaryAttr, SymbolRefAttr, TypeAttr, AffineMapAttr, IntegerSetAttr, OpaqueAttr,
        StridedLayoutAttr, Location, DialectAttribute {}

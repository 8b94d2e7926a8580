package gvm.ir.attributes;

import gvm.ir.types.Type;

/** A type used as an attribute. */
public record TypeAttr(Type type) implements Attribute {}

package gvm.ir.attributes;

import gvm.ir.types.Type;

/** An attribute of an unregistered dialect, kept as text; {@code type} may be null. */
public record OpaqueAttr(String dialect, String body, Type type) implements Attribute {}

package gvm.ir.attributes;

import gvm.ir.types.Type;

/**
 * A string. MLIR strings are byte strings: each char here holds one byte (0-255), as read from the
 * file in ISO-8859-1, so escapes such as {@code \FF} and UTF-8 text both round-trip exactly.
 * {@code type} is null unless a type was written ({@code "s" : i32}).
 */
public record StringAttr(String value, Type type) implements Attribute {
  public static StringAttr of(String v) { return new StringAttr(v, null); }
}

package gvm.ir.asm;

import gvm.ir.attributes.DictionaryAttr;
import gvm.ir.attributes.Location;
import gvm.ir.types.Type;

/** A region argument as written: {@code %x: i32 {attrs} loc(...)}; type, attrs and loc may be null. */
public record Argument(UnresolvedOperand ssaName, Type type, DictionaryAttr attrs, Location loc) {}

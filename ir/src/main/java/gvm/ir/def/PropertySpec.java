package gvm.ir.def;

import gvm.ir.attributes.Attribute;

/**
 * An inherent attribute: a name, a constraint, and either a default (filled in when absent, as
 * ODS's DefaultValuedAttr) or {@code optional} (may be absent). Otherwise it is required.
 */
public record PropertySpec(String name, AttrConstraint constraint, Attribute defaultValue, boolean optional, int index) {
  public boolean isRequired() { return defaultValue == null && !optional; }
}

package gvm.ir.attributes;

import gvm.ir.affine.IntegerSet;

/** {@code affine_set<(d0) : (d0 - 1 >= 0)>}. */
public record IntegerSetAttr(IntegerSet set) implements Attribute {}

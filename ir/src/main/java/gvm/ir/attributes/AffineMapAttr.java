package gvm.ir.attributes;

import gvm.ir.affine.AffineMap;

/** {@code affine_map<(d0, d1) -> (d1, d0)>}. */
public record AffineMapAttr(AffineMap map) implements Attribute {}

package gvm.ir.def;

/** A region of a definition; {@code variadic} for a list of regions. */
public record RegionSpec(String name, boolean variadic, boolean sizedOneBlock) {}

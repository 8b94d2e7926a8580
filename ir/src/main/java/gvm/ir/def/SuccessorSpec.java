package gvm.ir.def;

/** A successor of a definition; {@code variadic} for a list of successors. */
public record SuccessorSpec(String name, boolean variadic) {}

package gvm.ir.def;

/** An operand or result of a definition: single, optional or variadic, with a type constraint. */
public record ValueSpec(String name, Arity arity, TypeConstraint constraint) {
  public enum Arity { SINGLE, OPTIONAL, VARIADIC }

  public boolean isVariadic() { return arity != Arity.SINGLE; }
}

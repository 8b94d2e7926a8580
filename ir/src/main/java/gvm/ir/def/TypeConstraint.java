package gvm.ir.def;

import gvm.ir.types.Type;
import java.util.function.Predicate;

/**
 * A type constraint with MLIR's description ({@code "signless-integer-like"}), used in messages
 * such as {@code operand #0 must be signless-integer-like, but got 'f32'}. {@code buildable} is the
 * type to use when a format leaves the type out (as ODS's BuildableType), or null.
 */
public record TypeConstraint(String description, Predicate<Type> predicate, Type buildable) {
  public static TypeConstraint of(String description, Predicate<Type> p) { return new TypeConstraint(description, p, null); }

  public boolean test(Type t) { return predicate.test(t); }

  public static final TypeConstraint ANY = of("any type", t -> true);
}

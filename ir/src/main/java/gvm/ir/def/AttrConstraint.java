package gvm.ir.def;

import gvm.ir.attributes.Attribute;
import java.util.function.Predicate;

/** An attribute constraint with MLIR's description ({@code "flat symbol reference attribute"}). */
public record AttrConstraint(String description, Predicate<Attribute> predicate) {
  public static AttrConstraint of(String description, Predicate<Attribute> p) { return new AttrConstraint(description, p); }

  public boolean test(Attribute a) { return predicate.test(a); }

  public static final AttrConstraint ANY = of("any attribute", a -> true);
}

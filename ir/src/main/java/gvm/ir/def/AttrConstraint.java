package gvm.ir.def;

import gvm.ir.attributes.Attribute;
import java.util.function.Predicate;

/**
 * An attribute constraint with MLIR's description ({@code "flat symbol reference attribute"}) and,
 * optionally, the syntax a format uses for it ({@code asm}; null means {@link AttrAsm#ATTRIBUTE}),
 * as an ODS attribute class decides both what it accepts and how {@code $name} reads.
 */
public record AttrConstraint(String description, Predicate<Attribute> predicate, AttrAsm asm) {
  public AttrConstraint(String description, Predicate<Attribute> predicate) { this(description, predicate, null); }

  public static AttrConstraint of(String description, Predicate<Attribute> p) { return new AttrConstraint(description, p); }

  public boolean test(Attribute a) { return predicate.test(a); }

  /** This constraint with the given assembly syntax (see {@link AttrAsm}). */
  public AttrConstraint withAsm(AttrAsm a) { return new AttrConstraint(description, predicate, a); }

  /** The syntax for {@code $name} in a format: {@link #asm} or {@link AttrAsm#ATTRIBUTE}. */
  public AttrAsm asmOrDefault() { return asm != null ? asm : AttrAsm.ATTRIBUTE; }

  public static final AttrConstraint ANY = of("any attribute", a -> true);
}

package gvm.dialect.arith.ir;

import gvm.ir.asm.AsmParser;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DialectAttribute;
import gvm.ir.def.AttrAsm;
import gvm.ir.def.AttrConstraint;
import gvm.ir.print.AsmPrinter;

/** {@code #arith.overflow<nsw, nuw>}: the no-signed-wrap and no-unsigned-wrap flags of integer ops. */
public record IntegerOverflowFlagsAttr(int flags) implements DialectAttribute {
  public static final int NSW = 1;
  public static final int NUW = 2;

  public static final IntegerOverflowFlagsAttr NONE = new IntegerOverflowFlagsAttr(0);

  static final String MNEMONIC = "overflow";

  private static final BitEnumSyntax SYNTAX = new BitEnumSyntax("::mlir::arith::IntegerOverflowFlags", ", ",
      new BitEnumSyntax.Case("none", 0), new BitEnumSyntax.Case("nsw", NSW), new BitEnumSyntax.Case("nuw", NUW));

  /** ODS Arith_IntegerOverflowAttr; a format prints it stripped: {@code overflow<nsw>} after the literal. */
  public static final AttrConstraint CONSTRAINT = AttrConstraint.of("Integer overflow arith flags", a -> a instanceof IntegerOverflowFlagsAttr)
      .withAsm(AttrAsm.stripped("arith", MNEMONIC, IntegerOverflowFlagsAttr::parseParams));

  public boolean has(int flag) { return (flags & flag) == flag; }

  @Override public String dialect() { return "arith"; }

  @Override public void printBody(AsmPrinter p) { SYNTAX.printBody(p, MNEMONIC, flags); }

  /** Parses {@code <nsw, nuw>} (what follows the mnemonic). */
  public static Attribute parseParams(AsmParser p) {
    return new IntegerOverflowFlagsAttr(SYNTAX.parseParams(p));
  }
}

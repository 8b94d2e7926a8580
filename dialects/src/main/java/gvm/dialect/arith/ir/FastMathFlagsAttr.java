package gvm.dialect.arith.ir;

import gvm.ir.asm.AsmParser;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DialectAttribute;
import gvm.ir.def.AttrAsm;
import gvm.ir.def.AttrConstraint;
import gvm.ir.print.AsmPrinter;

/** {@code #arith.fastmath<nnan,ninf>}: LLVM's fast-math flags; all of them print as {@code fast}. */
public record FastMathFlagsAttr(int flags) implements DialectAttribute {
  public static final int REASSOC = 1;
  public static final int NNAN = 2;
  public static final int NINF = 4;
  public static final int NSZ = 8;
  public static final int ARCP = 16;
  public static final int CONTRACT = 32;
  public static final int AFN = 64;
  public static final int FAST = 127;

  public static final FastMathFlagsAttr NONE = new FastMathFlagsAttr(0);

  static final String MNEMONIC = "fastmath";

  private static final BitEnumSyntax SYNTAX = new BitEnumSyntax("::mlir::arith::FastMathFlags", ",",
      new BitEnumSyntax.Case("none", 0), new BitEnumSyntax.Case("reassoc", REASSOC), new BitEnumSyntax.Case("nnan", NNAN),
      new BitEnumSyntax.Case("ninf", NINF), new BitEnumSyntax.Case("nsz", NSZ), new BitEnumSyntax.Case("arcp", ARCP),
      new BitEnumSyntax.Case("contract", CONTRACT), new BitEnumSyntax.Case("afn", AFN), new BitEnumSyntax.Case("fast", FAST));

  /** ODS Arith_FastMathAttr; a format prints it stripped: {@code fastmath<fast>} after the literal. */
  public static final AttrConstraint CONSTRAINT = AttrConstraint.of("Floating point fast math flags", a -> a instanceof FastMathFlagsAttr)
      .withAsm(AttrAsm.stripped("arith", MNEMONIC, FastMathFlagsAttr::parseParams));

  public boolean has(int flag) { return (flags & flag) == flag; }

  @Override public String dialect() { return "arith"; }

  @Override public void printBody(AsmPrinter p) { SYNTAX.printBody(p, MNEMONIC, flags); }

  /** Parses {@code <nnan,ninf>} (what follows the mnemonic). */
  public static Attribute parseParams(AsmParser p) {
    return new FastMathFlagsAttr(SYNTAX.parseParams(p));
  }
}

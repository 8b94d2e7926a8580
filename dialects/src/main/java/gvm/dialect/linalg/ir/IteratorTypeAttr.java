package gvm.dialect.linalg.ir;

import gvm.ir.asm.AsmParser;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DialectAttribute;
import gvm.ir.print.AsmPrinter;

/** {@code #linalg.iterator_type<parallel>}: how linalg.generic iterates one loop dimension. */
public record IteratorTypeAttr(Kind kind) implements DialectAttribute {
  /** The iterator kinds of LLVM 19 (utils::IteratorType). */
  public enum Kind {
    PARALLEL, REDUCTION;

    public String keyword() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** The kind spelled {@code s}, or null. */
    public static Kind of(String s) {
      for (Kind k : values()) if (k.keyword().equals(s)) return k;
      return null;
    }
  }

  static final String MNEMONIC = "iterator_type";

  @Override public String dialect() { return "linalg"; }

  @Override public void printBody(AsmPrinter p) { p.print(MNEMONIC).print('<').print(kind.keyword()).print('>'); }

  /** Parses {@code <parallel>} (what follows the mnemonic). */
  static Attribute parseParams(AsmParser p) {
    p.parsePunct("<");
    int at = p.offset();
    String s = p.parseOptionalKeyword();
    Kind k = s == null ? null : Kind.of(s);
    if (k == null) throw p.error(at, "expected ::mlir::utils::IteratorType to be one of: parallel, reduction");
    p.parsePunct(">");
    return new IteratorTypeAttr(k);
  }
}

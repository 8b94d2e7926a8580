package gvm.dialect.mesh.ir;

import gvm.ir.asm.AsmParser;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DialectAttribute;
import gvm.ir.def.AttrAsm;
import gvm.ir.def.AttrConstraint;
import gvm.ir.print.AsmPrinter;

/**
 * How partial values combine (LLVM 19's Mesh_ReductionKind, an I32 enum): the reduction of {@code
 * mesh.all_reduce} and friends, and the {@code partial = KIND[...]} of {@code #mesh.shard}.
 */
public enum ReductionKind {
  SUM("sum", 1), MAX("max", 2), MIN("min", 3), PRODUCT("product", 4), AVERAGE("average", 5),
  BITWISE_AND("bitwise_and", 6), BITWISE_OR("bitwise_or", 7), BITWISE_XOR("bitwise_xor", 8), GENERIC("generic", 100);

  private final String keyword;
  private final int value;

  ReductionKind(String keyword, int value) {
    this.keyword = keyword;
    this.value = value;
  }

  /** The keyword in IR ({@code bitwise_and}). */
  public String keyword() { return keyword; }

  /** The enum's integer value in LLVM 19. */
  public int value() { return value; }

  /** The case spelled {@code keyword}, or null. */
  public static ReductionKind byKeyword(String keyword) {
    for (ReductionKind k : values()) if (k.keyword.equals(keyword)) return k;
    return null;
  }

  /**
   * Reads a case keyword, failing with MLIR's generated enum-parser message. The message lists the
   * cases in declaration order, as the ODS-generated {@code symbolizeEnum} parser does.
   */
  static ReductionKind parse(AsmParser p) {
    int at = p.offset();
    String kw = p.parseOptionalKeyword();
    if (kw == null) throw p.error(at, "expected valid keyword");
    ReductionKind k = byKeyword(kw);
    if (k != null) return k;
    StringBuilder all = new StringBuilder();
    for (ReductionKind c : values()) all.append(all.length() == 0 ? "" : ", ").append(c.keyword);
    throw p.error(at, "expected ::mlir::mesh::ReductionKind to be one of: " + all);
  }

  /** {@code #mesh.partial<max>}: a ReductionKind as an attribute (Mesh_ReductionKindAttr). */
  public record Attr(ReductionKind kind) implements DialectAttribute {
    static final String MNEMONIC = "partial";

    /** ODS Mesh_ReductionKindAttr; formats print it stripped: {@code reduction = <max>}. */
    public static final AttrConstraint CONSTRAINT = AttrConstraint.of("Reduction of an iterator/mesh dimension.", a -> a instanceof Attr)
        .withAsm(AttrAsm.stripped("mesh", MNEMONIC, Attr::parseParams));

    /** The default reduction of the collectives. */
    public static final Attr SUM = new Attr(ReductionKind.SUM);

    @Override public String dialect() { return "mesh"; }

    @Override public void printBody(AsmPrinter p) { p.print(MNEMONIC).print('<').print(kind.keyword).print('>'); }

    /** Parses {@code <max>} (what follows the mnemonic). */
    public static Attribute parseParams(AsmParser p) {
      p.parsePunct("<");
      ReductionKind k = parse(p);
      p.parsePunct(">");
      return new Attr(k);
    }
  }
}

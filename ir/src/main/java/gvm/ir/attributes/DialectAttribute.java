package gvm.ir.attributes;

/** An attribute defined by a dialect ({@code #arith.overflow<nsw>}); its dialect parses and prints it. */
public non-sealed interface DialectAttribute extends Attribute {
  /** The dialect namespace, e.g. {@code "arith"}. */
  String dialect();

  /** Prints what follows {@code #dialect.} (e.g. {@code overflow<nsw>}). */
  void printBody(gvm.ir.print.AsmPrinter printer);

  /**
   * The attributes nested in this one (MLIR's sub-elements), so that walks see them: symbol-dce
   * finds {@code @mesh} inside {@code #mesh.shard<@mesh, ...>} this way. None by default; an
   * attribute holding symbol references must list them.
   */
  default java.util.List<Attribute> subAttributes() { return java.util.List.of(); }
}

package gvm.ir.attributes;

/** An attribute defined by a dialect ({@code #arith.overflow<nsw>}); its dialect parses and prints it. */
public non-sealed interface DialectAttribute extends Attribute {
  /** The dialect namespace, e.g. {@code "arith"}. */
  String dialect();

  /** Prints what follows {@code #dialect.} (e.g. {@code overflow<nsw>}). */
  void printBody(gvm.ir.print.AsmPrinter printer);
}

package gvm.ir.types;

/** A type defined by a dialect ({@code !kv.cache<...>}); its dialect parses and prints it. */
public non-sealed interface DialectType extends Type {
  /** The dialect namespace, e.g. {@code "kv"}. */
  String dialect();

  /** Prints what follows {@code !dialect.} (e.g. {@code cache<4x8xf16>}). */
  void printBody(gvm.ir.print.AsmPrinter printer);
}

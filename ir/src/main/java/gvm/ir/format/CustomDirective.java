package gvm.ir.format;

import gvm.ir.Operation;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.print.AsmPrinter;
import java.util.List;

/**
 * A named piece of syntax that formats use as {@code custom<Name>(args...)} (MLIR's
 * {@code parseName}/{@code printName} pair), so ops share hand-written syntax without touching the
 * grammar. Register with {@link CustomDirectives#register}.
 *
 * <p>Arguments are the format's elements in order: operands, {@code type($x)}, properties, regions,
 * successors, {@code attr-dict}, and {@code ref(...)} of earlier ones (read-only while parsing).
 */
public interface CustomDirective {
  /** The kind of a directive argument. */
  enum ArgKind { OPERAND, TYPE, ATTRIBUTE, REGION, SUCCESSOR, ATTR_DICT }

  /**
   * Parses the directive, storing what it read through {@code args}. Returns false when nothing of
   * it was there (only asked of a directive that leads an optional group: the group is then absent).
   *
   * @throws gvm.ir.asm.ParseException with MLIR's message on malformed input
   */
  boolean parse(OpAsmParser p, ParseArgs args);

  /** Prints the directive (the format has already printed the space before it, if any). */
  void print(AsmPrinter p, Operation op, PrintArgs args);

  /**
   * Checks the argument kinds a format passes, when the format compiles; returns an error message,
   * or null if they fit. {@code refs} flags {@code ref(...)} arguments.
   */
  default String checkArgs(List<ArgKind> kinds, List<Boolean> refs) { return null; }
}

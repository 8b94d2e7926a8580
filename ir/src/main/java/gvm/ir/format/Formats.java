package gvm.ir.format;

import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.asm.CustomOpParsers;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import java.util.Collection;

/**
 * Entry points tying op definitions' custom forms to the parser and printer: an op prints and
 * parses through its {@link OpDef.CustomAssembly} if it has one, else through its compiled
 * assembly format; with neither it has only the generic form.
 */
public final class Formats {
  private Formats() {}

  /**
   * Installs the custom-form hooks: the printer's ({@link AsmPrinter#installCustomPrinter}) and the
   * parser's ({@link CustomOpParsers#install}). Idempotent.
   */
  public static void install() {
    AsmPrinter.installCustomPrinter(Formats::print);
    CustomOpParsers.install(Formats::parse);
  }

  /**
   * Compiles the formats of {@code defs} now, so that bad definitions fail when their dialect
   * initializes rather than at first use.
   *
   * @throws IllegalArgumentException naming the first op whose format does not compile
   */
  public static void compileAll(Collection<OpDef> defs) {
    for (OpDef d : defs) if (d.customAssembly() == null) FormatProgram.of(d);
  }

  /** True if {@code def} has a custom form (hand-written assembly or a format). */
  public static boolean hasCustomForm(OpDef def) { return def.customAssembly() != null || def.format() != null; }

  /**
   * Parses the custom form of a {@code def} op after its name into {@code st}; called by the parser.
   *
   * @throws gvm.ir.asm.ParseException with MLIR's message, including {@code has no custom assembly
   *     form} for an op with neither assembly nor format
   */
  public static void parse(OpDef def, OpAsmParser p, OperationState st) {
    if (def.customAssembly() != null) {
      def.customAssembly().parse(p, st);
      return;
    }
    FormatProgram fp = FormatProgram.of(def);
    if (fp == null) throw p.error(p.offset(), "has no custom assembly form");
    fp.parse(p, st);
  }

  /**
   * Prints a registered op's custom form: the op name (via {@link AsmPrinter#printOpName}), then
   * what follows it, from the format or from {@link OpDef.CustomAssembly#print} (which, as MLIR's
   * {@code print(OpAsmPrinter &)}, prints only what follows the name). Returns false, having
   * printed nothing, when the op has no custom form or does not fit its format, so that the caller
   * prints the generic form.
   */
  public static boolean print(Operation op, AsmPrinter p) {
    OpDef def = op.def();
    if (def == null) return false;
    if (def.customAssembly() != null) {
      p.printOpName(op);
      def.customAssembly().print(op, p);
      return true;
    }
    FormatProgram fp = FormatProgram.of(def);
    return fp != null && fp.print(op, p);
  }
}

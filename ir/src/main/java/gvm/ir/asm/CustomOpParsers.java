package gvm.ir.asm;

import gvm.ir.OperationState;
import gvm.ir.def.OpDef;

/**
 * The hook through which the parser reaches op assembly formats, which live in {@code gvm.ir.format}
 * (installed by {@code Formats.install()}), keeping the parser free of any per-op code.
 */
public final class CustomOpParsers {
  /** Parses the custom form of one op after its name. */
  @FunctionalInterface public interface Hook { void parse(OpDef def, OpAsmParser p, OperationState st); }

  private static volatile Hook hook;

  private CustomOpParsers() {}

  public static void install(Hook h) { hook = h; }

  /** True if {@code def} has a custom form the parser can use. */
  public static boolean hasCustomForm(OpDef def) { return def.customAssembly() != null || (def.format() != null && hook != null); }

  public static void parse(OpDef def, OpAsmParser p, OperationState st) {
    if (def.customAssembly() != null) def.customAssembly().parse(p, st);
    else hook.parse(def, p, st);
  }
}

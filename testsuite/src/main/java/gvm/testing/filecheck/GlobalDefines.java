package gvm.testing.filecheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Defines the {@code -DNAME=VALUE} and {@code -D#[FMT,]NAME=EXPR} variables
 * ({@code defineCmdlineVariables}). Diagnostics point into a synthetic "Global defines" buffer
 * that lists each definition on its own line, as LLVM's do.
 */
final class GlobalDefines {
  private GlobalDefines() {}

  /**
   * Defines all variables in {@code ctx}.
   *
   * @return true if some definition was invalid (errors are printed, each followed by an empty line)
   */
  static boolean define(List<String> defines, VarContext ctx, DiagnosticPrinter printer) {
    if (defines.isEmpty()) {
      return false;
    }
    StringBuilder diag = new StringBuilder();
    List<int[]> spans = new ArrayList<>();
    int n = 0;
    for (String def : defines) {
      String prefix = "Global define #" + ++n + ": ";
      int eq = def.indexOf('=');
      if (eq < 0) {
        spans.add(new int[] {diag.length(), 0});
        continue;
      }
      if (def.charAt(0) == '#') {
        diag.append(prefix).append(def).append(" (parsed as: [[");
        String subst = def.substring(0, eq) + ':' + def.substring(eq + 1);
        spans.add(new int[] {diag.length(), subst.length()});
        diag.append(subst).append("]])\n");
      } else {
        diag.append(prefix);
        spans.add(new int[] {diag.length(), def.length()});
        diag.append(def).append('\n');
      }
    }
    SourceText buf = new SourceText("Global defines", diag.toString());
    String t = buf.text;
    List<Object> errors = new ArrayList<>();
    for (int[] span : spans) {
      int start = span[0];
      int end = start + span[1];
      if (start == end) {
        errors.add(new LocatedError(buf, start, end, "missing equal sign in global definition"));
        continue;
      }
      try {
        if (t.charAt(start) == '#') {
          defineNumeric(buf, start + 1, end, ctx, errors);
        } else {
          defineString(buf, start, end, ctx, errors);
        }
      } catch (LocatedError.Thrown e) {
        errors.addAll(e.errors);
      }
    }
    for (Object e : errors) {
      if (e instanceof LocatedError located) {
        located.print(printer);
      } else {
        printer.raw((String) e);
      }
      printer.raw("\n");
    }
    return !errors.isEmpty();
  }

  private static void defineNumeric(SourceText buf, int start, int end, VarContext ctx, List<Object> errors)
      throws LocatedError.Thrown {
    NumericParser.Block block = new NumericParser(buf, ctx, -1).parseBlock(start, end, false);
    if (block.ast() == null) {
      // LLVM dereferences the missing expression and crashes; report it instead.
      errors.add(new LocatedError(buf, end, end, "missing numeric expression in global definition"));
      return;
    }
    BigInteger value;
    try {
      value = block.ast().eval();
    } catch (Expr.EvalFailure f) {
      for (Expr.VarUse use : f.undefined) {
        errors.add("undefined variable: " + use.text());
      }
      if (f.overflow) {
        errors.add("overflow error");
      }
      return;
    }
    block.defined().setValue(value);
    ctx.numerics.put(block.defined().name, block.defined());
  }

  private static void defineString(SourceText buf, int start, int end, VarContext ctx, List<Object> errors)
      throws LocatedError.Thrown {
    String def = buf.text.substring(start, end);
    int eq = def.indexOf('=');
    String name = def.substring(0, eq);
    NumericParser.VarName v = NumericParser.parseVariable(buf, start, start + eq);
    if (v.pseudo() || v.end() != start + eq) {
      errors.add(new LocatedError(buf, start, start + eq,
          "invalid name in string variable definition '" + name + "'"));
      return;
    }
    if (ctx.numerics.containsKey(v.name())) {
      errors.add(new LocatedError(buf, v.start(), v.end(),
          "numeric variable with name '" + v.name() + "' already exists"));
      return;
    }
    ctx.strings.putIfAbsent(v.name(), new VarContext.StringValue(def.substring(eq + 1), -1));
    ctx.definedStrings.add(v.name());
  }
}

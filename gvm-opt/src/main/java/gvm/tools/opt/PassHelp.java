package gvm.tools.opt;

import gvm.pass.OptionTypes;
import gvm.pass.Pass;
import gvm.pass.PassOption;
import gvm.pass.PassRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The "Compiler passes to run" part of mlir-opt's {@code --help} (also printed by {@code
 * --list-passes}): each registered pass and pipeline with its description, then its options
 * sorted by name, laid out in LLVM's columns.
 */
final class PassHelp {
  /** The 0-based column of the {@code -} before descriptions in mlir-opt-19's help. */
  private static final int DASH = 61;
  /** The same for the values of an enum option, which LLVM indents less. */
  private static final int ENUM_DASH = 55;

  private PassHelp() {}

  static String render() {
    StringBuilder sb = new StringBuilder("  Compiler passes to run\n    Passes:\n");
    for (PassRegistry.Entry e : PassRegistry.passes()) entry(sb, e);
    List<PassRegistry.Entry> pipelines = PassRegistry.pipelines();
    if (!pipelines.isEmpty()) {
      sb.append("    Pass Pipelines:\n");
      for (PassRegistry.Entry e : pipelines) entry(sb, e);
    }
    return sb.toString();
  }

  private static void entry(StringBuilder sb, PassRegistry.Entry e) {
    line(sb, "      --" + e.argument(), "-   " + e.description());
    Pass p = e.newPass();
    if (p == null) return;
    List<PassOption<?>> options = new ArrayList<>(p.options());
    options.sort(Comparator.comparing(PassOption::argument));
    for (PassOption<?> o : options) {
      String type = o.type().helpName();
      line(sb, "        --" + o.argument() + (type.isEmpty() ? "" : "=<" + type + ">"), "- " + o.description());
      if (o.type() instanceof OptionTypes.EnumType en)
        for (String v : en.spellings()) line(sb, "    =" + v, "-   " + en.help(v), ENUM_DASH);
    }
  }

  private static void line(StringBuilder sb, String left, String right) { line(sb, left, right, DASH); }

  private static void line(StringBuilder sb, String left, String right, int dash) {
    sb.append(left);
    sb.append(" ".repeat(Math.max(1, dash - left.length())));
    sb.append(right).append('\n');
  }
}

package gvm.transforms.opstats;

import gvm.ir.Operation;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import gvm.pass.PassOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code print-op-stats}, as MLIR's PrintOpStatsPass: counts the ops by name (the op it runs on
 * included) and prints the table, or JSON, to the error stream.
 */
public final class PrintOpStatsPass extends Pass {
  final PassOption<Boolean> json = boolOption("json", "print the stats as JSON", false);

  public PrintOpStatsPass() { super("PrintOpStats", "print-op-stats", "Print statistics of operations", null); }

  @Override public void runOnOperation(Operation root, PassContext ctx) {
    Map<String, Integer> counts = new TreeMap<>();
    root.walk(op -> counts.merge(op.name(), 1, Integer::sum));
    ctx.errs().print(json.get() ? json(counts) : table(counts));
    ctx.errs().flush();
  }

  /** Names aligned on the dialect's dot, counts after {@code " , "}. */
  private static String table(Map<String, Integer> counts) {
    int maxDialect = 0, maxOp = 0;
    for (String key : counts.keySet()) {
      String[] dn = split(key);
      maxDialect = Math.max(maxDialect, dn[0].length());
      maxOp = Math.max(maxOp, dn[1].length());
    }
    StringBuilder sb = new StringBuilder("Operations encountered:\n-----------------------\n");
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      String[] dn = split(e.getKey());
      if (dn[0].isEmpty()) sb.append(" ".repeat(maxDialect + 3));
      else sb.append(" ".repeat(maxDialect + 2 - dn[0].length())).append(dn[0]).append('.');
      sb.append(dn[1]).append(" ".repeat(maxOp - dn[1].length())).append(" , ").append(e.getValue()).append('\n');
    }
    return sb.toString();
  }

  /** {dialect, op}: the text before the first dot and the rest, or {"", name} without a dot. */
  private static String[] split(String name) {
    int dot = name.indexOf('.');
    return dot < 0 || dot == name.length() - 1 ? new String[] {"", dot < 0 ? name : name.substring(0, dot)} : new String[] {name.substring(0, dot), name.substring(dot + 1)};
  }

  private static String json(Map<String, Integer> counts) {
    StringBuilder sb = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      sb.append("  \"").append(e.getKey()).append("\" : ").append(e.getValue());
      sb.append(++i == counts.size() ? "\n" : ",\n");
    }
    return sb.append("}\n").toString();
  }
}

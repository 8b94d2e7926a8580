package gvm.transforms.instrument;

import gvm.ir.Operation;
import gvm.pass.OpPassManager;
import gvm.pass.OpToOpPassAdaptor;
import gvm.pass.Pass;
import gvm.pass.PassInstrumentation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --mlir-timing}: MLIR's execution time report (Timing.cpp's text and JSON strategies,
 * list and tree displays). The tool times phases ({@code Parser}, {@code Output}) with {@link
 * #phase}; the pass manager's passes are timed through the instrumentation hooks, nested pipelines
 * as {@code 'func.func' Pipeline} entries. A pass that runs on many ops (or threads) accumulates;
 * with threading on, the report has a user-time column (the sum over threads) as mlir-opt's.
 */
public final class PassTiming implements PassInstrumentation {
  /** One timer: accumulated nanoseconds, children in first-use order. */
  private static final class Timer {
    final String name;
    final Map<Object, Timer> children = new LinkedHashMap<>();
    long wall, user;

    Timer(String name) { this.name = name; }

    synchronized void add(long nanos) {
      user += nanos;
      wall += nanos;
    }

    synchronized Timer child(Object key, String childName) { return children.computeIfAbsent(key, k -> new Timer(childName)); }

    synchronized List<Timer> kids() { return new ArrayList<>(children.values()); }
  }

  private final Timer root = new Timer("root");
  private final long start = System.nanoTime();
  private final boolean threads;
  private final ThreadLocal<ArrayDeque<Long>> starts = ThreadLocal.withInitial(ArrayDeque::new);
  private final Map<Object, Timer> byPass = new IdentityHashMap<>();

  /** @param threads whether passes may run on several threads (adds the user-time column) */
  public PassTiming(boolean threads) { this.threads = threads; }

  /** Adds {@code nanos} to the top-level timer {@code name} (Parser, Output...). */
  public void phase(String name, long nanos) { root.child(name, name).add(nanos); }

  /**
   * Creates the timers of {@code pm}'s passes in pipeline order, under the top level; call once
   * the pipeline is final. Timers are keyed by position and name, so the pass managers of several
   * input chunks share them.
   */
  public synchronized void register(OpPassManager pm) { register(root, pm); }

  private void register(Timer parent, OpPassManager pm) {
    int index = 0;
    for (Pass p : pm.passes()) {
      index++;
      if (p instanceof OpToOpPassAdaptor a) {
        for (OpPassManager m : a.managers()) {
          String name = "'" + m.anchorName() + "' Pipeline";
          Timer t = parent.child(index + name, name);
          byPass.put(m, t);
          register(t, m);
        }
        byPass.put(a, null);
      } else {
        byPass.put(p, parent.child(index + p.name(), p.name()));
      }
    }
  }

  @Override public void runBeforePass(Pass pass, Operation op) { starts.get().push(System.nanoTime()); }

  @Override public void runAfterPass(Pass pass, Operation op) { stop(pass); }

  @Override public void runAfterPassFailed(Pass pass, Operation op) { stop(pass); }

  private void stop(Pass pass) {
    long elapsed = System.nanoTime() - starts.get().pop();
    if (pass instanceof OpToOpPassAdaptor a) {
      // the adaptor's time is the pipeline's: one adaptor may hold several managers, split evenly
      List<OpPassManager> ms = a.managers();
      for (OpPassManager m : ms) {
        Timer t;
        synchronized (byPass) { t = byPass.get(m); }
        if (t != null) t.add(elapsed / ms.size());
      }
      return;
    }
    Timer t;
    synchronized (byPass) { t = byPass.get(pass); }
    if (t != null) t.add(elapsed);
  }

  /** Which display: MLIR's {@code --mlir-timing-display}. */
  public enum Display { LIST, TREE }

  /** The report; {@code json} selects MLIR's JSON output strategy. */
  public String render(Display display, boolean json) {
    long total = System.nanoTime() - start;
    long sumTop = 0, sumTopUser = 0;
    for (Timer t : root.kids()) {
      sumTop += t.wall;
      sumTopUser += t.user;
    }
    long rest = Math.max(0, total - sumTop);
    double totalWall = total / 1e9, totalUser = threads ? (sumTopUser + rest) / 1e9 : totalWall;
    boolean userColumn = threads;
    Format f = new Format(json, userColumn, totalWall, totalUser);
    StringBuilder sb = new StringBuilder();
    f.header(sb);
    if (display == Display.TREE) {
      for (Timer t : orderedTop()) tree(sb, f, t, 0);
    } else {
      Map<String, long[]> merged = new LinkedHashMap<>();
      for (Timer t : root.kids()) flatten(t, merged);
      List<Map.Entry<String, long[]>> entries = new ArrayList<>(merged.entrySet());
      entries.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0]));
      for (Map.Entry<String, long[]> e : entries) f.listEntry(sb, e.getKey(), e.getValue()[0] / 1e9, e.getValue()[1] / 1e9, false);
    }
    f.listEntry(sb, "Rest", rest / 1e9, rest / 1e9, false);
    f.listEntry(sb, "Total", totalWall, totalUser, true);
    f.footer(sb);
    return sb.toString();
  }

  /** Top-level timers with Output moved after the passes, as MLIR reports them. */
  private List<Timer> orderedTop() {
    List<Timer> out = new ArrayList<>();
    Timer output = null;
    for (Timer t : root.kids()) {
      if (t.name.equals("Output")) output = t;
      else out.add(t);
    }
    if (output != null) out.add(output);
    return out;
  }

  private static void flatten(Timer t, Map<String, long[]> merged) {
    long[] acc = merged.computeIfAbsent(t.name, k -> new long[2]);
    acc[0] += t.wall;
    acc[1] += t.user;
    for (Timer k : t.kids()) flatten(k, merged);
  }

  private static void tree(StringBuilder sb, Format f, Timer t, int indent) {
    f.treeEntry(sb, indent, t.name, t.wall / 1e9, t.user / 1e9);
    List<Timer> kids = t.kids();
    for (Timer k : kids) tree(sb, f, k, indent + 2);
    f.treeEntryEnd(sb, indent);
  }

  /** MLIR's OutputTextStrategy / OutputJsonStrategy. */
  private record Format(boolean json, boolean userColumn, double totalWall, double totalUser) {
    void header(StringBuilder sb) {
      if (json) {
        sb.append("[\n");
        return;
      }
      String title = "... Execution time report ...";
      sb.append("===").append("-".repeat(73)).append("===\n");
      sb.append(" ".repeat((80 - title.length()) / 2)).append(title).append('\n');
      sb.append("===").append("-".repeat(73)).append("===\n");
      sb.append(String.format(Locale.ROOT, "  Total Execution Time: %.4f seconds\n\n", totalWall));
      if (userColumn) sb.append("  ----User Time----");
      sb.append("  ----Wall Time----  ----Name----\n");
    }

    void footer(StringBuilder sb) { if (json) sb.append("]\n"); }

    private void time(StringBuilder sb, double wall, double user) {
      if (json) {
        if (userColumn) sb.append("\"user\": {").append(jsonTime(user, totalUser)).append("}, ");
        sb.append("\"wall\": {").append(jsonTime(wall, totalWall)).append('}');
        return;
      }
      if (userColumn) sb.append(String.format(Locale.ROOT, "  %8.4f (%5.1f%%)", user, percent(user, totalUser)));
      sb.append(String.format(Locale.ROOT, "  %8.4f (%5.1f%%)  ", wall, percent(wall, totalWall)));
    }

    private static String jsonTime(double t, double total) {
      return String.format(Locale.ROOT, "\"duration\": %8.4f, \"percentage\": %5.1f", t, percent(t, total));
    }

    private static double percent(double t, double total) { return total == 0 ? 0 : 100.0 * t / total; }

    void listEntry(StringBuilder sb, String name, double wall, double user, boolean last) {
      if (!json) {
        time(sb, wall, user);
        sb.append(name).append('\n');
        return;
      }
      sb.append('{');
      time(sb, wall, user);
      sb.append(", \"name\": \"").append(name).append("\"}");
      if (!last) sb.append(',');
      sb.append('\n');
    }

    void treeEntry(StringBuilder sb, int indent, String name, double wall, double user) {
      if (!json) {
        time(sb, wall, user);
        sb.append(" ".repeat(indent)).append(name).append('\n');
        return;
      }
      sb.append(" ".repeat(indent)).append('{');
      time(sb, wall, user);
      sb.append(", \"name\": \"").append(name).append("\", \"passes\": [\n");
    }

    void treeEntryEnd(StringBuilder sb, int indent) {
      if (json) sb.append(" ".repeat(indent)).append("{}]},\n");
    }
  }
}

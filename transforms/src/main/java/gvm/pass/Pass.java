package gvm.pass;

import gvm.ir.Context;
import gvm.ir.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A pass: MLIR's {@code mlir::Pass}. A pass has a display name ({@code CSE}, shown in IR dump
 * banners and timing reports), a command-line argument ({@code cse}), a one-line description, an
 * anchor op name ({@code func.func}) or none (it runs on any op), typed options with defaults, and
 * statistics.
 *
 * <h2>Writing a pass</h2>
 *
 * <pre>{@code
 * public final class CsePass extends Pass {
 *   final PassOption<Boolean> aggressive = boolOption("aggressive", "Also CSE ops with regions", false);
 *   final Statistic numCse = statistic("num-cse'd", "Number of operations CSE'd");
 *
 *   public CsePass() { super("CSE", "cse", "Eliminate common sub-expressions", null); }
 *
 *   @Override public void runOnOperation(Operation op, PassContext ctx) {
 *     ... numCse.increment(); ...
 *     if (broken) { ctx.emitError(op.loc(), "what went wrong"); ctx.signalPassFailure(); }
 *   }
 * }
 * }</pre>
 *
 * <h2>Registering a pass</h2>
 *
 * Add one line to {@code gvm.transforms.Passes#registerAll} (explicit registration, no
 * classpath scanning): {@code PassRegistry.register(CsePass::new);}. The registry makes a fresh
 * instance for each use in a pipeline, so it becomes usable as {@code --cse}, in {@code
 * -p 'builtin.module(func.func(cse{aggressive=true}))'} and is listed by {@code --help} and
 * {@code --list-passes}. A named pipeline is registered with {@link
 * PassRegistry#registerPipeline}.
 *
 * <h2>Threads</h2>
 *
 * One instance may run on several ops at once (every {@code func.func} of a module on a thread
 * pool), so {@link #runOnOperation} must keep its per-run state in locals; options are only read,
 * statistics are atomic. {@link #initialize} runs once per pass manager run, before any op.
 */
public abstract class Pass {
  private final String name, argument, description, opName;
  private final List<PassOption<?>> options = new ArrayList<>();
  private final List<Statistic> statistics = new ArrayList<>();

  /**
   * @param name display name (MLIR's {@code getName()}: the class-like name, e.g. {@code CSE})
   * @param argument command-line argument ({@code cse})
   * @param description one line of help
   * @param opName the op the pass anchors on ({@code func.func}), or null for any op
   */
  protected Pass(String name, String argument, String description, String opName) {
    this.name = name;
    this.argument = argument;
    this.description = description;
    this.opName = opName;
  }

  /** The display name, e.g. {@code CSE}. */
  public final String name() { return name; }

  /** The command-line argument, e.g. {@code cse}. */
  public final String argument() { return argument; }

  public final String description() { return description; }

  /** The op name the pass is anchored on, or null when it runs on any op. */
  public final String opName() { return opName; }

  /** The declared options, in declaration order. */
  public final List<PassOption<?>> options() { return Collections.unmodifiableList(options); }

  /** The declared statistics, in declaration order. */
  public final List<Statistic> statistics() { return Collections.unmodifiableList(statistics); }

  /** Called once per pass manager run before any {@link #runOnOperation}; may build pattern sets. */
  public void initialize(Context ctx) {}

  /**
   * Whether the pass may run on {@code op} (MLIR's {@code canScheduleOn}); anchor-agnostic passes
   * may restrict themselves, e.g. to symbol tables. Checked when the pipeline is run.
   */
  public boolean canScheduleOn(Operation op) { return true; }

  /**
   * Runs the pass on {@code op}. Failure is signalled with {@link PassContext#signalPassFailure}
   * (after emitting an error), or by throwing {@link gvm.ir.DiagnosticException}; any other
   * exception is reported by the pass manager as an error on {@code op}.
   */
  public abstract void runOnOperation(Operation op, PassContext ctx);

  // ---- declaring options and statistics (call from field initializers) ----

  protected final <T> PassOption<T> option(String arg, String description, PassOption.OptionType<T> type, T defaultValue) {
    PassOption<T> o = new PassOption<>(arg, description, type, defaultValue);
    for (PassOption<?> p : options)
      if (p.argument().equals(arg)) throw new IllegalStateException("pass " + argument + " declares option " + arg + " twice");
    options.add(o);
    return o;
  }

  protected final PassOption<Boolean> boolOption(String arg, String description, boolean defaultValue) {
    return option(arg, description, OptionTypes.BOOL, defaultValue);
  }

  protected final PassOption<Integer> intOption(String arg, String description, int defaultValue) {
    return option(arg, description, OptionTypes.INT, defaultValue);
  }

  protected final PassOption<Long> uintOption(String arg, String description, long defaultValue) {
    return option(arg, description, OptionTypes.UINT, defaultValue);
  }

  protected final PassOption<Long> longOption(String arg, String description, long defaultValue) {
    return option(arg, description, OptionTypes.LONG, defaultValue);
  }

  protected final PassOption<String> stringOption(String arg, String description, String defaultValue) {
    return option(arg, description, OptionTypes.STRING, defaultValue);
  }

  /** A list of strings (MLIR's {@code ListOption<std::string>}), empty by default. */
  protected final PassOption<List<String>> stringListOption(String arg, String description) {
    return option(arg, description, OptionTypes.listOf(OptionTypes.STRING), List.of());
  }

  /** An enum option: {@code values} maps each spelling to its help line, in declaration order. */
  protected final PassOption<String> enumOption(String arg, String description, Map<String, String> values, String defaultValue) {
    return option(arg, description, OptionTypes.enumOf(values), defaultValue);
  }

  protected final Statistic statistic(String name, String description) {
    Statistic s = new Statistic(name, description);
    statistics.add(s);
    return s;
  }

  /** The option named {@code arg}, or null. */
  public final PassOption<?> option(String arg) {
    for (PassOption<?> o : options) if (o.argument().equals(arg)) return o;
    return null;
  }

  /**
   * Parses MLIR's option text ({@code max-iterations=3 top-down=false}, values optionally quoted
   * or in braces) into this pass's options.
   *
   * @throws IllegalArgumentException with MLIR's error text ({@code <Pass-Options-Parser>: no
   *     such option bad} and a newline), or a {@link PassOptionException} for a malformed value
   */
  public final void parseOptions(String text) {
    for (String[] kv : PipelineText.splitOptions(text)) {
      PassOption<?> o = option(kv[0]);
      if (o == null) throw new IllegalArgumentException("<Pass-Options-Parser>: no such option " + kv[0] + "\n");
      o.parse(kv[1]);
    }
  }

  /**
   * The pass as MLIR prints it in a textual pipeline: {@code argument{opt=value ...}} with every
   * option, sorted by name, joined by spaces (an empty list prints as nothing), or just the
   * argument when the pass has no options.
   */
  public String printAsTextualPipeline() {
    if (options.isEmpty()) return argument;
    List<PassOption<?>> sorted = new ArrayList<>(options);
    sorted.sort(Comparator.comparing(PassOption::argument));
    StringBuilder sb = new StringBuilder(argument).append('{');
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) sb.append(' ');
      sb.append(sorted.get(i).print());
    }
    return sb.append('}').toString();
  }

  @Override public String toString() { return printAsTextualPipeline(); }
}

package gvm.transforms.instrument;

import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.attributes.StringAttr;
import gvm.ir.print.AsmPrinter;
import gvm.ir.print.PrintOptions;
import gvm.pass.OpToOpPassAdaptor;
import gvm.pass.Pass;
import gvm.pass.PassInstrumentation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * MLIR's IRPrinterInstrumentation ({@code --mlir-print-ir-before/after...}): prints the IR around
 * passes with the banner {@code // -----// IR Dump After CSE (cse) //----- //}, either to the error
 * stream or, with a tree directory, to one file per dump laid out as MLIR's
 * {@code createTreePrinterOutputPath} does ({@code builtin_module_no-symbol-name/func_func_a/0_1_cse.mlir}).
 * Nested pipelines run on one thread while it is installed, so dumps come in a fixed order.
 */
public final class IRPrinting implements PassInstrumentation {
  /** What to print: MLIR's IRPrinterConfig. */
  public record Config(Predicate<Pass> before, Predicate<Pass> after, boolean afterOnlyOnChange, boolean afterOnlyOnFailure,
      boolean moduleScope, Path treeDir) {}

  private final Config config;
  private final Context ctx;
  private final PrintOptions printing;
  private final PrintStream out;
  private final Map<Operation, String> fingerprints = new IdentityHashMap<>();
  /** Per op, the number of dumps made of it so far minus one (MLIR's tree-printer counters). */
  private final Map<Operation, Integer> counters = new IdentityHashMap<>();

  public IRPrinting(Config config, Context ctx, PrintOptions printing, PrintStream out) {
    this.config = config;
    this.ctx = ctx;
    this.printing = printing;
    this.out = out;
  }

  @Override public boolean requiresSingleThread() { return true; }

  @Override public void runBeforePass(Pass pass, Operation op) {
    if (pass instanceof OpToOpPassAdaptor) return;
    if (config.afterOnlyOnChange) fingerprints.put(op, fingerprint(op));
    if (config.before.test(pass)) dump(op, pass.argument(), "// -----// IR Dump Before " + pass.name() + " (" + pass.argument() + ")");
  }

  @Override public void runAfterPass(Pass pass, Operation op) {
    if (pass instanceof OpToOpPassAdaptor) return;
    String before = config.afterOnlyOnChange ? fingerprints.remove(op) : null;
    if (config.afterOnlyOnFailure || !config.after.test(pass)) return;
    if (before != null && before.equals(fingerprint(op))) return;
    dump(op, pass.argument(), "// -----// IR Dump After " + pass.name() + " (" + pass.argument() + ")");
  }

  @Override public void runAfterPassFailed(Pass pass, Operation op) {
    if (pass instanceof OpToOpPassAdaptor) return;
    fingerprints.remove(op);
    if (!config.after.test(pass) && !config.afterOnlyOnFailure) return;
    dump(op, pass.argument(), "// -----// IR Dump After " + pass.name() + " Failed (" + pass.argument() + ")");
  }

  /** The IR of {@code op} with locations, in generic form: equal strings mean an unchanged op. */
  private String fingerprint(Operation op) {
    return AsmPrinter.printOpWithLocation(ctx, op, PrintOptions.DEFAULT.withGeneric(true).withDebugInfo(true).withLocalScope(true));
  }

  private void dump(Operation op, String argument, String banner) {
    StringBuilder sb = new StringBuilder(banner);
    if (!config.moduleScope) {
      sb.append(" //----- //\n");
      if (op.parentBlock() != null) sb.append(AsmPrinter.printOpWithLocation(ctx, op, printing.withLocalScope(true)));
      else sb.append(printTopLevel(op));
    } else {
      sb.append(" ('").append(op.name()).append("' operation");
      if (op.inherentOrDiscardable("sym_name") instanceof StringAttr s) sb.append(": @").append(s.value());
      sb.append(") //----- //\n");
      Operation top = op;
      while (top.parentOp() != null) top = top.parentOp();
      sb.append(printTopLevel(top));
    }
    sb.append("\n\n");
    if (config.treeDir == null) {
      byte[] b = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
      out.write(b, 0, b.length);
      out.flush();
      return;
    }
    try {
      Path file = treePath(op, argument);
      Files.createDirectories(file.getParent());
      Files.write(file, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String printTopLevel(Operation op) {
    StringWriter w = new StringWriter();
    AsmPrinter.printTopLevel(ctx, op, printing, w);
    return w.toString();
  }

  /** {@code DIR/<op>_<symbol>/.../<counter>_..._<counter>_<argument>.mlir}, one counter per nesting level. */
  private Path treePath(Operation op, String argument) {
    counters.merge(op, 0, (old, one) -> old + 1);
    List<String> dirs = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (Operation it = op; it != null; it = it.parentOp()) {
      counts.add(0, counters.computeIfAbsent(it, k -> 0));
      String sym = it.inherentOrDiscardable("sym_name") instanceof StringAttr s ? s.value() : "no-symbol-name";
      dirs.add(0, it.name().replace('.', '_') + "_" + sym);
    }
    Path p = config.treeDir;
    for (String d : dirs) p = p.resolve(d);
    StringBuilder name = new StringBuilder();
    for (int c : counts) name.append(c).append('_');
    return p.resolve(name + argument + ".mlir");
  }

  /** A predicate true for passes whose argument is in {@code arguments}. */
  public static Predicate<Pass> byArgument(List<String> arguments) {
    Map<String, Boolean> set = new HashMap<>();
    for (String a : arguments) set.put(a, true);
    return p -> set.containsKey(p.argument());
  }
}

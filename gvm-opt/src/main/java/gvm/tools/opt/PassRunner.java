package gvm.tools.opt;

import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.Operation;
import gvm.ir.attributes.Location;
import gvm.ir.print.AsmPrinter;
import gvm.ir.print.PrintOptions;
import gvm.pass.OpPassManager;
import gvm.pass.Pass;
import gvm.pass.PassManager;
import gvm.pass.PassOptionException;
import gvm.pass.PassPipelineException;
import gvm.pass.PassPipelineParser;
import gvm.pass.PassRegistry;
import gvm.transforms.instrument.CrashReproducer;
import gvm.transforms.instrument.IRPrinting;
import gvm.transforms.instrument.PassStatisticsReport;
import gvm.transforms.instrument.PassTiming;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pass-manager half of gvm-opt's performActions: builds the pipeline from {@code -p} or the
 * pass flags (MLIR's PassPipelineCLParser), applies the pass-manager options (verify-each,
 * threading, IR printing, timing, statistics, crash reproducer: MLIR's applyPassManagerCLOptions)
 * and runs it on one parsed chunk.
 */
final class PassRunner {
  private static final Pattern REPRODUCER = Pattern.compile(
      "mlir_reproducer\\s*:\\s*\\{\\s*pipeline\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*disable_threading\\s*:\\s*(true|false)\\s*,\\s*verify_each\\s*:\\s*(true|false)\\s*}");

  private final OptOptions options;
  private final PrintOptions printing;
  private final PrintStream err;
  private final PassTiming timing;

  PassRunner(OptOptions options, PrintOptions printing, PrintStream err, PassTiming timing) {
    this.options = options;
    this.printing = printing;
    this.err = err;
    this.timing = timing;
  }

  /** What --run-reproducer reads from a reproducer: the pipeline and the two flags. */
  record ReproducerConfig(String pipeline, boolean disableThreading, boolean verifyEach) {}

  /** The {@code mlir_reproducer} resource of {@code text}, or null. */
  static ReproducerConfig reproducerConfig(String text) {
    Matcher m = REPRODUCER.matcher(text);
    if (!m.find()) return null;
    String pipeline = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
    return new ReproducerConfig(pipeline, Boolean.parseBoolean(m.group(2)), Boolean.parseBoolean(m.group(3)));
  }

  /**
   * Runs the configured pipeline on {@code top}.
   *
   * @param reproducer the configuration read under {@code --run-reproducer}, or null
   * @return false after reporting any failure
   */
  boolean run(Context ctx, Operation top, ReproducerConfig reproducer, Consumer<Diagnostic> diagnostics) throws IOException {
    String pipelineText = reproducer != null ? reproducer.pipeline() : options.passPipeline;
    boolean disableThreading = reproducer != null ? reproducer.disableThreading() : options.disableThreading;
    boolean verifyEach = reproducer != null ? reproducer.verifyEach() : options.verifyEach;
    PassManager pm = build(pipelineText, top, diagnostics);
    if (pm == null) return false;
    pm.enableVerifier(verifyEach);
    pm.enableThreading(!disableThreading);
    pm.setDiagnosticPrinting(!options.verifyDiagnostics, printing);
    pm.setErrorStream(err);
    if (printsIr()) {
      if (options.printIrModuleScope && !disableThreading) {
        diagnostics.accept(new Diagnostic(Diagnostic.Severity.ERROR, Location.UNKNOWN,
            "IR print for module scope can't be setup on a pass-manager without disabling multi-threading first."));
        return false;
      }
      Predicate<Pass> before = options.printIrBeforeAll ? p -> true : IRPrinting.byArgument(options.printIrBefore);
      Predicate<Pass> after = options.printIrAfterAll || options.printIrAfterFailure ? p -> true : IRPrinting.byArgument(options.printIrAfter);
      pm.addInstrumentation(new IRPrinting(new IRPrinting.Config(before, after, options.printIrAfterChange, options.printIrAfterFailure,
          options.printIrModuleScope, options.printIrTreeDir == null ? null : Path.of(options.printIrTreeDir)), ctx, printing, err));
    }
    CrashReproducer crash = null;
    if (options.crashReproducer != null) {
      StringWriter w = new StringWriter();
      AsmPrinter.printTopLevel(ctx, top, printing, w);
      crash = new CrashReproducer(top, w.toString());
      pm.addInstrumentation(crash);
      pm.enableCrashDiagnostics(false);
    }
    if (options.dumpPassPipeline) write("Pass Manager with " + pm.size() + " passes:\n" + pm.printAsTextualPipeline() + "\n\n");
    if (timing != null) {
      pm.finalizeForRun();
      timing.register(pm);
      pm.addInstrumentation(timing);
    }
    boolean ok = pm.run(top, ctx, diagnostics);
    if (options.passStatistics) write(PassStatisticsReport.render(pm, options.passStatisticsDisplay.equals("list")));
    if (!ok && crash != null && crash.failed()) {
      Files.writeString(Path.of(options.crashReproducer), crash.file(pm, disableThreading, verifyEach), StandardCharsets.ISO_8859_1);
      diagnostics.accept(crash.diagnostic(options.crashReproducer));
    }
    return ok;
  }

  private boolean printsIr() {
    return options.printIrBeforeAll || options.printIrAfterAll || options.printIrAfterFailure
        || !options.printIrBefore.isEmpty() || !options.printIrAfter.isEmpty();
  }

  /** The pass manager of the pipeline text or the pass flags; null after reporting a malformed pipeline. */
  private PassManager build(String pipelineText, Operation top, Consumer<Diagnostic> diagnostics) {
    try {
      if (pipelineText != null) return PassManager.of(PassPipelineParser.parse(pipelineText));
      PassManager pm = new PassManager(top.name(), OpPassManager.Nesting.IMPLICIT);
      for (String[] flag : options.passFlags) {
        try {
          PassRegistry.lookup(flag[0]).addToPipeline(pm, flag[1]);
        } catch (PassOptionException e) {
          throw new PassPipelineException("", e.clMessage());
        } catch (IllegalArgumentException e) {
          throw new PassPipelineException(e.getMessage());
        }
      }
      return pm;
    } catch (PassPipelineException e) {
      if (e.clMessage() != null) write("gvm-opt: " + e.clMessage() + "\n");
      diagnostics.accept(new Diagnostic(Diagnostic.Severity.ERROR, Location.UNKNOWN, e.getMessage()));
      return null;
    }
  }

  private void write(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    err.write(b, 0, b.length);
    err.flush();
  }
}

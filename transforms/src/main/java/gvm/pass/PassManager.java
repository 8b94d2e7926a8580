package gvm.pass;

import gvm.ir.Block;
import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.DiagnosticException;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.def.Trait;
import gvm.ir.print.PrintOptions;
import gvm.ir.verify.Verifier;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The top-level pass manager (MLIR's {@code PassManager}): an {@link OpPassManager} plus how to
 * run it: verification after each pass, multithreading, instrumentations.
 *
 * <p>Nested pass managers run on the immediate children of the op their parent runs on; the
 * children must be isolated from above. When threading is on (the default) and there are several
 * children, they run on a thread pool; diagnostics are buffered per child and reported in the
 * children's order, so the output does not depend on the schedule. A pass that throws fails with
 * an error on the op it ran on; no exception escapes {@link #run}.
 */
public final class PassManager extends OpPassManager {
  private static final long WORKER_STACK_BYTES = 256L << 20;

  private final List<PassInstrumentation> instrumentations = new ArrayList<>();
  private boolean verifyEach = true;
  private boolean threading = true;
  private boolean printOpOnDiagnostic = true;
  private PrintOptions printing = PrintOptions.DEFAULT;
  private ExecutorService pool;
  private final ThreadLocal<Boolean> inWorker = ThreadLocal.withInitial(() -> false);
  private Verifier verifier;
  private PrintStream errs = System.err;
  private boolean crashDiagnostics = true;

  /** A pass manager on {@code opName} ({@code builtin.module}), or on any op when null. */
  public PassManager(String opName) { super(opName); }

  public PassManager(String opName, Nesting nesting) { super(opName, nesting); }

  /** A pass manager running the passes of {@code pm} (e.g. one parsed from text). */
  public static PassManager of(OpPassManager pm) {
    PassManager m = new PassManager(pm.opName(), pm.nesting());
    m.appendAll(pm);
    return m;
  }

  /** Verify the IR after each pass (default on, as mlir-opt's {@code --verify-each}). */
  public PassManager enableVerifier(boolean on) {
    verifyEach = on;
    return this;
  }

  public boolean verifierEnabled() { return verifyEach; }

  /** Run nested pipelines on a thread pool (default on; off under {@code --mlir-disable-threading}). */
  public PassManager enableThreading(boolean on) {
    threading = on;
    return this;
  }

  public boolean threadingEnabled() { return threading; }

  /**
   * How ops are shown in diagnostics: whether {@code see current operation} notes are attached,
   * and the tool's printing flags.
   */
  public PassManager setDiagnosticPrinting(boolean printOp, PrintOptions printing) {
    this.printOpOnDiagnostic = printOp;
    this.printing = printing;
    return this;
  }

  /** Where passes that report (print-op-stats, view-op-graph) write: mlir-opt's {@code llvm::errs()}. */
  public PassManager setErrorStream(PrintStream errs) {
    this.errs = errs;
    return this;
  }

  PrintStream errs() { return errs; }

  /**
   * Whether a pass that throws gets an error on its op (default); a crash reproducer reports the
   * crash itself, as MLIR's crash recovery does, so the tool turns this off then.
   */
  public PassManager enableCrashDiagnostics(boolean on) {
    crashDiagnostics = on;
    return this;
  }

  public PassManager addInstrumentation(PassInstrumentation pi) {
    instrumentations.add(pi);
    return this;
  }

  public List<PassInstrumentation> instrumentations() { return instrumentations; }

  /**
   * Runs the pipeline on {@code op} (which must carry the anchor's name): MLIR's {@code
   * PassManager::run}. Diagnostics go to {@code diagnostics} in a deterministic order.
   *
   * @return true if every pass succeeded (and the IR verified after each, when enabled)
   */
  public boolean run(Operation op, Context ctx, Consumer<Diagnostic> diagnostics) {
    List<Diagnostic> diags = new ArrayList<>();
    try {
      if (opName() != null && !opName().equals(op.name())) {
        diagnostics.accept(new Diagnostic(Diagnostic.Severity.ERROR, op.loc(),
            "can't run '" + opName() + "' pass manager on '" + op.name() + "' op"));
        return false;
      }
      verifier = new Verifier(ctx, printOpOnDiagnostic, printing).parallel(threading);
      finalizePipeline();
      initialize(this, ctx);
      boolean single = !threading;
      for (PassInstrumentation pi : instrumentations) single |= pi.requiresSingleThread();
      if (!single) pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(null, () -> {
          inWorker.set(true);
          r.run();
        }, "gvm-pass-worker", WORKER_STACK_BYTES);
        t.setDaemon(true);
        return t;
      });
      return runPipeline(this, op, ctx, diags);
    } finally {
      if (pool != null) pool.shutdownNow();
      pool = null;
      diags.forEach(diagnostics);
    }
  }

  private static void initialize(OpPassManager pm, Context ctx) {
    for (Pass p : pm.passes()) {
      if (p instanceof OpToOpPassAdaptor a) for (OpPassManager nested : a.managers()) initialize(nested, ctx);
      else p.initialize(ctx);
    }
  }

  /**
   * Merges adjacent nested pass managers now rather than at {@link #run} (idempotent), so
   * instrumentations can be set up over the final structure.
   */
  public void finalizeForRun() { finalizePipeline(); }

  /** Runs a dynamic pipeline from inside a pass (see {@link PassContext#runPipeline}). */
  boolean runNested(OpPassManager pm, Operation op, Context ctx, List<Diagnostic> diags) {
    if (pm.opName() != null && !pm.opName().equals(op.name())) {
      diags.add(new Diagnostic(Diagnostic.Severity.ERROR, op.loc(), "can't run '" + pm.opName() + "' pass manager on '" + op.name() + "' op"));
      return false;
    }
    pm.finalizePipeline();
    initialize(pm, ctx);
    return runPipeline(pm, op, ctx, diags);
  }

  /** The passes of {@code pm} on {@code op}, stopping at the first failure. */
  private boolean runPipeline(OpPassManager pm, Operation op, Context ctx, List<Diagnostic> diags) {
    for (Pass p : pm.passes()) {
      if (p instanceof OpToOpPassAdaptor a) {
        for (PassInstrumentation pi : instrumentations) pi.runBeforePass(a, op);
        boolean ok = runAdaptor(a.managers(), op, ctx, diags);
        for (PassInstrumentation pi : instrumentations) {
          if (ok) pi.runAfterPass(a, op);
          else pi.runAfterPassFailed(a, op);
        }
        if (!ok) return false;
      } else if (!runPass(p, op, ctx, diags)) {
        return false;
      }
    }
    return true;
  }

  private boolean runPass(Pass pass, Operation op, Context ctx, List<Diagnostic> diags) {
    if (!pass.canScheduleOn(op)) {
      diags.add(new Diagnostic(Diagnostic.Severity.ERROR, gvm.ir.attributes.Location.UNKNOWN,
          "unable to schedule pass '" + pass.name() + "' on a PassManager intended to run on '" + op.name() + "'!"));
      return false;
    }
    for (PassInstrumentation pi : instrumentations) pi.runBeforePass(pass, op);
    PassContext pc = new PassContext(ctx, this, diags, printOpOnDiagnostic ? verifier : null);
    boolean failed;
    try {
      pass.runOnOperation(op, pc);
      failed = pc.failed();
    } catch (DiagnosticException e) {
      diags.add(e.diagnostic());
      failed = true;
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      if (crashDiagnostics)
        diags.add(new Diagnostic(Diagnostic.Severity.ERROR, op.loc(), "pass '" + pass.argument() + "' failed with an internal error: " + describe(e)));
      failed = true;
    }
    if (!failed && verifyEach) {
      Diagnostic d = verifier.verify(op);
      if (d != null) {
        diags.add(d);
        failed = true;
      }
    }
    for (PassInstrumentation pi : instrumentations) {
      if (failed) pi.runAfterPassFailed(pass, op);
      else pi.runAfterPass(pass, op);
    }
    return !failed;
  }

  /** An exception in one line: its kind, message and where it was thrown. */
  static String describe(Throwable t) {
    String what = t instanceof StackOverflowError ? "stack overflow"
        : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    StackTraceElement[] st = t.getStackTrace();
    if (st.length > 0 && !(t instanceof StackOverflowError)) what += " (in " + st[0].getClassName() + "." + st[0].getMethodName() + ":" + st[0].getLineNumber() + ")";
    return what.replace('\n', ' ');
  }

  /** One child op and the nested manager that runs on it. */
  private record Work(Operation op, OpPassManager pm) {}

  private boolean runAdaptor(List<OpPassManager> managers, Operation parent, Context ctx, List<Diagnostic> diags) {
    List<Work> work = new ArrayList<>();
    for (Region r : parent.regions())
      for (Block b : r.blocks())
        for (Operation child : b) {
          for (OpPassManager pm : managers) {
            if (pm.opName() == null || pm.opName().equals(child.name())) {
              work.add(new Work(child, pm));
              break;
            }
          }
        }
    for (OpPassManager pm : managers) for (PassInstrumentation pi : instrumentations) pi.runBeforePipeline(pm, parent);
    boolean ok = true;
    if (pool == null || inWorker.get() || work.size() < 2) {
      for (Work w : work) {
        if (!schedulable(w.op, diags) || !runPipeline(w.pm, w.op, ctx, diags)) {
          ok = false;
          break;
        }
      }
    } else {
      ok = runParallel(work, ctx, diags);
    }
    for (OpPassManager pm : managers) for (PassInstrumentation pi : instrumentations) pi.runAfterPipeline(pm, parent);
    return ok;
  }

  /** MLIR's checks before nesting on an op: it must be registered and isolated from above. */
  private static boolean schedulable(Operation op, List<Diagnostic> diags) {
    if (!op.isRegistered()) {
      diags.add(new Diagnostic(Diagnostic.Severity.ERROR, op.loc(), "'" + op.name() + "' op trying to schedule a pass on an unregistered operation"));
      return false;
    }
    if (!op.hasTrait(Trait.ISOLATED_FROM_ABOVE)) {
      diags.add(new Diagnostic(Diagnostic.Severity.ERROR, op.loc(), "'" + op.name() + "' op trying to schedule a pass on an operation not marked as 'IsolatedFromAbove'"));
      return false;
    }
    return true;
  }

  /**
   * Runs each child's pipeline as a task; reports the diagnostics of the children in order, up to
   * and including the first that failed (as a sequential run would stop there).
   */
  private boolean runParallel(List<Work> work, Context ctx, List<Diagnostic> diags) {
    List<Future<Boolean>> results = new ArrayList<>(work.size());
    List<List<Diagnostic>> buffers = new ArrayList<>(work.size());
    for (Work w : work) {
      List<Diagnostic> buf = new ArrayList<>();
      buffers.add(buf);
      results.add(pool.submit(() -> schedulable(w.op, buf) && runPipeline(w.pm, w.op, ctx, buf)));
    }
    boolean ok = true;
    for (int i = 0; i < work.size(); i++) {
      boolean r;
      try {
        r = results.get(i).get();
      } catch (ExecutionException e) {
        buffers.get(i).add(new Diagnostic(Diagnostic.Severity.ERROR, work.get(i).op.loc(), "pass pipeline failed with an internal error: " + describe(e.getCause())));
        r = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running passes", e);
      }
      if (ok) diags.addAll(buffers.get(i));
      ok &= r;
    }
    return ok;
  }
}

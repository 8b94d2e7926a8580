package gvm.pass;

import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.Operation;
import gvm.ir.attributes.Location;
import gvm.ir.verify.Verifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What a running pass sees besides its op (MLIR's pass execution state): the context, diagnostics,
 * failure signalling and dynamic pipelines. One instance per pass run on one op; not shared
 * between threads.
 */
public final class PassContext {
  private final Context context;
  private final PassManager manager;
  private final List<Diagnostic> diagnostics;
  private final Verifier opPrinter;
  private boolean failed;

  PassContext(Context context, PassManager manager, List<Diagnostic> diagnostics, Verifier opPrinter) {
    this.context = context;
    this.manager = manager;
    this.diagnostics = diagnostics;
    this.opPrinter = opPrinter;
  }

  /** The IR context (dialects, op definitions). */
  public Context context() { return context; }

  /**
   * The tool's error stream, for passes that report rather than transform (MLIR's {@code
   * llvm::errs()}); write whole reports with one call, as other threads may write too.
   */
  public java.io.PrintStream errs() { return manager.errs(); }

  /** Marks the pass as failed (MLIR's {@code signalPassFailure}); the pipeline stops after it. */
  public void signalPassFailure() { failed = true; }

  /** Whether {@link #signalPassFailure} was called. */
  public boolean failed() { return failed; }

  /**
   * Emits an error at {@code loc}; the returned diagnostic may get notes until the pass returns.
   * Diagnostics are reported in a deterministic order (that of the ops) even when passes run on
   * several threads. Emitting an error does not fail the pass by itself.
   */
  public Diagnostic emitError(Location loc, String message) { return emit(Diagnostic.Severity.ERROR, loc, message); }

  /**
   * An error located at {@code op} (MLIR's {@code op->emitError}), with a {@code see current
   * operation} note showing the op as it is now, unless mlir-opt would omit it
   * ({@code -verify-diagnostics}).
   */
  public Diagnostic emitError(Operation op, String message) {
    Diagnostic d = emitError(op.loc(), message);
    if (opPrinter != null) d.attachNote(op.loc(), "see current operation: " + opPrinter.describe(op));
    return d;
  }

  /** An error {@code 'NAME' op MESSAGE} at {@code op}, as MLIR's {@code op->emitOpError}. */
  public Diagnostic emitOpError(Operation op, String message) { return emitError(op, "'" + op.name() + "' op " + message); }

  public Diagnostic emitWarning(Location loc, String message) { return emit(Diagnostic.Severity.WARNING, loc, message); }

  public Diagnostic emitRemark(Location loc, String message) { return emit(Diagnostic.Severity.REMARK, loc, message); }

  /** Emits a diagnostic built elsewhere. */
  public void emit(Diagnostic d) { diagnostics.add(d); }

  private Diagnostic emit(Diagnostic.Severity severity, Location loc, String message) {
    Diagnostic d = new Diagnostic(severity, loc, message);
    diagnostics.add(d);
    return d;
  }

  /**
   * Runs {@code pipeline} on {@code op} (which must be the op this pass runs on or nested in it),
   * as MLIR's {@code Pass::runPipeline}: the inliner's per-callable pipelines use it.
   *
   * @return true on success
   */
  public boolean runPipeline(OpPassManager pipeline, Operation op) {
    return manager.runNested(pipeline, op, context, diagnostics);
  }
}

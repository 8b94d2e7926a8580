package gvm.transforms.instrument;

import gvm.ir.Diagnostic;
import gvm.ir.Operation;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.StringAttr;
import gvm.pass.OpPassManager;
import gvm.pass.OpToOpPassAdaptor;
import gvm.pass.Pass;
import gvm.pass.PassInstrumentation;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * {@code --mlir-pass-pipeline-crash-reproducer=FILE}: MLIR's full crash reproducer. The tool gives
 * the IR as it was before the pipeline ran; when a pass fails or throws, {@link #file} is what to
 * write: that IR followed by the {@code mlir_reproducer} external resource (pipeline, threading,
 * verification), which {@code --run-reproducer} reads back; {@link #diagnostic} is the error
 * mlir-opt reports at the failing op.
 */
public final class CrashReproducer implements PassInstrumentation {
  private final String irBefore;
  private final Operation top;
  /** The first failing pass of each op; with threads, several ops may fail at once. */
  private final Map<Operation, Pass> failures = new IdentityHashMap<>();

  /**
   * @param top the op the pipeline runs on
   * @param irBefore {@code top} printed with the tool's flags before any pass ran
   */
  public CrashReproducer(Operation top, String irBefore) {
    this.top = top;
    this.irBefore = irBefore;
  }

  @Override public synchronized void runAfterPassFailed(Pass pass, Operation op) {
    if (!(pass instanceof OpToOpPassAdaptor)) failures.putIfAbsent(op, pass);
  }

  /** Whether a pass failed (there is something to reproduce). */
  public synchronized boolean failed() { return !failures.isEmpty(); }

  /** The reproducer: the IR, then the configuration as MLIR writes it. */
  public String file(OpPassManager pm, boolean disableThreading, boolean verifyEach) {
    StringBuilder pipeline = new StringBuilder(pm.anchorName()).append('(');
    for (int i = 0; i < pm.passes().size(); i++) {
      if (i > 0) pipeline.append(", ");
      pipeline.append(pm.passes().get(i).printAsTextualPipeline());
    }
    pipeline.append(')');
    return irBefore + "\n{-#\n  external_resources: {\n    mlir_reproducer: {\n      pipeline: \"" + escape(pipeline.toString())
        + "\",\n      disable_threading: " + disableThreading + ",\n      verify_each: " + verifyEach + "\n    }\n  }\n#-}\n";
  }

  private static String escape(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\""); }

  /**
   * The error at the failing op, with the note naming the pass and the file. When ops failed on
   * several threads, the first in IR order is named, as a run on one thread would stop there.
   */
  public synchronized Diagnostic diagnostic(String path) {
    Operation[] first = {null};
    top.walkPreOrder(op -> {
      if (first[0] == null && failures.containsKey(op)) first[0] = op;
    });
    Operation op = first[0] != null ? first[0] : failures.keySet().iterator().next();
    Pass failedPass = failures.get(op);
    Location failedLoc = op.loc();
    String failedOn = "'" + op.name() + "' operation" + (op.inherentOrDiscardable("sym_name") instanceof StringAttr s ? ": @" + s.value() : "");
    Diagnostic d = new Diagnostic(Diagnostic.Severity.ERROR, failedLoc, "Failures have been detected while processing an MLIR pass pipeline");
    d.attachNote(failedLoc, "Pipeline failed while executing [`" + failedPass.name() + "` on " + failedOn + "]: reproducer generated at `" + path + "`");
    return d;
  }
}

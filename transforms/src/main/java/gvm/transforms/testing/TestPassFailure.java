package gvm.transforms.testing;

import gvm.ir.Operation;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import gvm.pass.PassOption;

/** MLIR's TestFailurePass: always fails, optionally with an {@code illegal operation} error. */
public final class TestPassFailure extends Pass {
  final PassOption<Boolean> genDiagnostics = boolOption("gen-diagnostics", "Generate a diagnostic message", false);

  public TestPassFailure() { super("TestFailurePass", "test-pass-failure", "Test a pass in the pass manager that always fails", null); }

  @Override public void runOnOperation(Operation op, PassContext ctx) {
    ctx.signalPassFailure();
    if (genDiagnostics.get()) ctx.emitError(op.loc(), "illegal operation");
  }
}

package gvm.transforms.testing;

import gvm.ir.Operation;
import gvm.pass.Pass;
import gvm.pass.PassContext;

/** MLIR's TestFailurePass: always fails, without a diagnostic (the display name is mlir-opt-19's). */
public final class TestPassFailure extends Pass {
  public TestPassFailure() { super("(anonymous namespace)::TestFailurePass", "test-pass-failure", "Test a pass in the pass manager that always fails", null); }

  @Override public void runOnOperation(Operation op, PassContext ctx) {
    ctx.signalPassFailure();
  }
}

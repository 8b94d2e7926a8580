package gvm.transforms.testing;

import gvm.ir.Operation;
import gvm.pass.Pass;
import gvm.pass.PassContext;

/**
 * MLIR's TestCrashPass: throws, to test that the pass manager turns an exception into an error on
 * the op (and a crash reproducer when asked).
 */
public final class TestPassCrash extends Pass {
  public TestPassCrash() { super("(anonymous namespace)::TestCrashRecoveryPass", "test-pass-crash", "Test a pass in the pass manager that always crashes", null); }

  @Override public void runOnOperation(Operation op, PassContext ctx) {
    throw new IllegalStateException("Test failure");
  }
}

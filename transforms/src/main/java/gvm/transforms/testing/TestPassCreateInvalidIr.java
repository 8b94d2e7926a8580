package gvm.transforms.testing;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.attributes.Location;
import gvm.ir.types.IntegerType;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import gvm.pass.PassOption;

/**
 * MLIR's TestInvalidIRPass: puts an op that fails verification at the start of a function body,
 * to test {@code --verify-each}. MLIR uses a test-dialect op; gvm has no test dialect, so the op
 * is an {@code arith.constant} without its {@code value}.
 */
public final class TestPassCreateInvalidIr extends Pass {
  final PassOption<Boolean> emitInvalidIr = boolOption("emit-invalid-ir", "Emit invalid IR", true);
  final PassOption<Boolean> signalFailure = boolOption("signal-pass-failure", "Trigger a pass failure", false);

  public TestPassCreateInvalidIr() {
    super("(anonymous namespace)::TestInvalidIRPass", "test-pass-create-invalid-ir", "Test pass that adds an invalid operation in a function body", "func.func");
  }

  @Override public void runOnOperation(Operation func, PassContext ctx) {
    if (signalFailure.get()) ctx.signalPassFailure();
    if (!emitInvalidIr.get() || func.numRegions() == 0 || func.region(0).isEmpty()) return;
    OperationState s = new OperationState(Location.UNKNOWN, ctx.context().opName("arith.constant"));
    s.resultTypes.add(IntegerType.I32);
    Block body = func.region(0).front();
    body.insertBefore(body.first(), Operation.create(s));
  }
}

package gvm.pass;

import gvm.ir.Operation;

/**
 * The pass that runs a nested pass manager on the immediate children of the op it runs on (MLIR's
 * {@code OpToOpPassAdaptor}). The pass manager drives it itself: children of isolated-from-above
 * kind run on a thread pool.
 */
public final class OpToOpPassAdaptor extends Pass {
  private final OpPassManager nested;

  OpToOpPassAdaptor(OpPassManager nested) {
    super("Pipeline Collection : ['" + nested.anchorName() + "']", nested.anchorName(), "", null);
    this.nested = nested;
  }

  /** The nested pass manager. */
  public OpPassManager nested() { return nested; }

  @Override public void runOnOperation(Operation op, PassContext ctx) {
    throw new IllegalStateException("the pass manager runs adaptors itself");
  }

  @Override public String printAsTextualPipeline() { return nested.printAsTextualPipeline(); }
}

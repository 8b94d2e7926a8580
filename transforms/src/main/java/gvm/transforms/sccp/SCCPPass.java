package gvm.transforms.sccp;

import gvm.ir.Operation;
import gvm.pass.Pass;
import gvm.pass.PassContext;

/** {@code sccp}: sparse conditional constant propagation (see {@link SCCP}). */
public final class SCCPPass extends Pass {
  public SCCPPass() { super("SCCP", "sccp", "Sparse Conditional Constant Propagation", null); }

  @Override public void runOnOperation(Operation op, PassContext ctx) { new SCCP(ctx.context()).run(op); }
}

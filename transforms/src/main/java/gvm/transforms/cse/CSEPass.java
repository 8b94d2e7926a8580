package gvm.transforms.cse;

import gvm.ir.Operation;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import gvm.pass.Statistic;

/** {@code cse}: common subexpression elimination (see {@link CSE}). */
public final class CSEPass extends Pass {
  final Statistic numCSE = statistic("num-cse'd", "Number of operations CSE'd");
  final Statistic numDCE = statistic("num-dce'd", "Number of operations DCE'd");

  public CSEPass() { super("CSE", "cse", "Eliminate common sub-expressions", null); }

  @Override public void runOnOperation(Operation op, PassContext ctx) {
    CSE cse = new CSE();
    cse.run(op);
    numCSE.add(cse.numCSE);
    numDCE.add(cse.numDCE);
  }
}

package gvm.interp.cf;

import gvm.dialect.cf.ir.AssertOp;
import gvm.dialect.cf.ir.BranchOp;
import gvm.dialect.cf.ir.BranchOpInterface;
import gvm.dialect.cf.ir.CondBranchOp;
import gvm.dialect.cf.ir.SwitchOp;
import gvm.interp.BlockEffect;
import gvm.interp.Frame;
import gvm.interp.ImplTable;
import gvm.interp.InterpreterException;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.StringAttr;
import java.util.List;

/** cf: br, cond_br, switch (branches with their successor operands), assert. */
public final class CfImpls {
  private CfImpls() {}

  public static void register(ImplTable t) {
    t.register(BranchOp.DEF, (f, op, a) -> branch(f, op, 0));
    t.register(CondBranchOp.DEF, (f, op, a) -> branch(f, op, (Long) a[0] != 0 ? 0 : 1));
    t.register(SwitchOp.DEF, (f, op, a) -> {
      long flag = (Long) a[0];
      DenseElementsAttr cases = new SwitchOp(op).caseValues();
      if (cases != null)
        for (int i = 0; i < cases.numElements(); i++) if (cases.get(i) == flag) return branch(f, op, i + 1);
      return branch(f, op, 0);
    });
    t.register(AssertOp.DEF, (f, op, a) -> {
      if ((Long) a[0] == 0) throw new InterpreterException(op.loc(), "assertion failed: " + ((StringAttr) op.prop("msg")).value());
      return BlockEffect.NONE;
    });
  }

  private static BlockEffect branch(Frame f, Operation op, int successor) {
    List<Value> operands = op.def().iface(BranchOpInterface.class).successorOperands(op, successor);
    Object[] args = new Object[operands.size()];
    for (int i = 0; i < args.length; i++) args[i] = f.get(operands.get(i));
    return new BlockEffect.Branch(op.successor(successor), args);
  }
}

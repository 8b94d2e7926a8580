package gvm.dialect.arith.ir;

import gvm.dialect.builtin.ir.OpView;
import gvm.ir.OpResult;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;

/** The view shared by arith's binary ops: {@code lhs}, {@code rhs} and one {@code result}. */
public abstract class BinaryOpView extends OpView {
  BinaryOpView(Operation op, OpDef def) { super(op, def); }

  public final Value lhs() { return op.operand(0); }

  public final Value rhs() { return op.operand(1); }

  public final OpResult result() { return op.result(0); }
}

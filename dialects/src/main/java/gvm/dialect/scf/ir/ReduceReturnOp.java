package gvm.dialect.scf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.types.Type;

/** {@code scf.reduce.return}: ends a reduction region of {@code scf.reduce} with the combined value. */
public final class ReduceReturnOp extends OpView {
  public static final OpDef DEF = OpDef.named("scf.reduce.return")
      .summary("terminator for reduce operation")
      .operand("result", CommonTypeConstraints.ANY_TYPE)
      .traits(PURE, TERMINATOR)
      .parents("scf.reduce")
      .format("$result attr-dict `:` type($result)")
      .verifier(ReduceReturnOp::verify);

  public ReduceReturnOp(Operation op) { super(op, DEF); }

  public Value result() { return op.operand(0); }

  /** The value has the type of the reduction's inputs (MLIR's ReduceReturnOp::verify). */
  private static void verify(Operation op) {
    Type expected = op.parentBlock().argument(0).type();
    if (!expected.equals(op.operand(0).type()))
      throw Verify.opError(op, "must have type " + DiagText.quote(expected) + " (the type of the reduction inputs)");
  }
}

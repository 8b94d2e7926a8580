package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;
import java.util.List;
import java.util.function.Function;

/** {@code tensor.insert}: a copy of {@code dest} with one element replaced by {@code scalar}. */
public final class InsertOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.insert")
      .summary("element insertion operation")
      .operand("scalar", CommonTypeConstraints.ANY_TYPE)
      .operand("dest", TensorConstraints.ANY_RANKED_TENSOR)
      .variadicOperand("indices", CommonTypeConstraints.INDEX)
      .result("result", TensorConstraints.ANY_RANKED_TENSOR)
      .traits(PURE)
      .typesMatchWith("result type matches type of dest", "result", "dest", Function.identity())
      .typesMatchWith("scalar type matches element type of dest", "scalar", "dest", TensorVerify::elementType)
      .format("$scalar `into` $dest `[` $indices `]` attr-dict `:` type($dest)")
      .resultNames((op, names) -> names[0] = "inserted")
      .verifier(InsertOp::verify)
      .folder(TensorFolders::insert);

  public InsertOp(Operation op) { super(op, DEF); }

  public Value scalar() { return op.operand(0); }

  public Value dest() { return op.operand(1); }

  public List<Value> indices() { return op.operands().subList(2, op.numOperands()); }

  /** One index per dimension (MLIR's InsertOp::verify). */
  private static void verify(Operation op) {
    if (((RankedTensorType) op.operand(1).type()).rank() != op.numOperands() - 2) throw Verify.opError(op, "incorrect number of indices");
  }
}

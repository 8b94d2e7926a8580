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

/** {@code tensor.extract}: reads one element of a ranked tensor at the given indices. */
public final class ExtractOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.extract")
      .summary("element extraction operation")
      .operand("tensor", TensorConstraints.ANY_RANKED_TENSOR)
      .variadicOperand("indices", CommonTypeConstraints.INDEX)
      .result("result", CommonTypeConstraints.ANY_TYPE)
      .traits(PURE)
      .typesMatchWith("result type matches element type of tensor", "result", "tensor", TensorVerify::elementType)
      .format("$tensor `[` $indices `]` attr-dict `:` type($tensor)")
      .resultNames((op, names) -> names[0] = "extracted")
      .verifier(ExtractOp::verify)
      .folder(TensorFolders::extract);

  public ExtractOp(Operation op) { super(op, DEF); }

  public Value tensor() { return op.operand(0); }

  public List<Value> indices() { return op.operands().subList(1, op.numOperands()); }

  /** One index per dimension (MLIR's ExtractOp::verify). */
  private static void verify(Operation op) {
    if (((RankedTensorType) op.operand(0).type()).rank() != op.numOperands() - 1)
      throw Verify.opError(op, "incorrect number of indices for extract_element");
  }
}

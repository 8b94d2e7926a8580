package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Type;
import java.util.List;

/** {@code tensor.from_elements}: a statically shaped tensor of its operands, in row-major order. */
public final class FromElementsOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.from_elements")
      .summary("tensor from elements operation.")
      .variadicOperand("elements", CommonTypeConstraints.ANY_TYPE)
      .result("result", TensorConstraints.STATIC_SHAPE_TENSOR)
      .traits(PURE)
      // MLIR's transform gives numElements copies of the element type; ours gives each operand the element type.
      .typesMatchWith("elements", "result", TensorVerify::elementType)
      .format("$elements attr-dict `:` type($result)")
      .resultNames((op, names) -> names[0] = "from_elements")
      // The variadic side escapes the generic TypesMatchWith check, so it is checked here, in ODS's words.
      .verifier(op -> {
        if (!elementsMatch(op)) throw Verify.opError(op, "failed to verify that operand types match result element type");
      });

  public FromElementsOp(Operation op) { super(op, DEF); }

  public List<Value> elements() { return op.operands(); }

  /** One operand of the element type per element (a dynamic result fails its own constraint first). */
  private static boolean elementsMatch(Operation op) {
    RankedTensorType t = (RankedTensorType) op.result(0).type();
    if (!t.hasStaticShape()) return true;
    if (op.numOperands() != t.numElements()) return false;
    for (Type ty : op.operandTypes()) if (!ty.equals(t.elementType())) return false;
    return true;
  }
}

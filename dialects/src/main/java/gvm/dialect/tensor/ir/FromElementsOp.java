package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;
import java.util.List;

/** {@code tensor.from_elements}: a statically shaped tensor of its operands, in row-major order. */
public final class FromElementsOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.from_elements")
      .summary("tensor from elements operation.")
      .variadicOperand("elements", CommonTypeConstraints.ANY_TYPE)
      .result("result", TensorConstraints.STATIC_SHAPE_TENSOR)
      .traits(PURE)
      // as ODS: numElements copies of the element type, which the format resolves the operands with
      .typesMatchWithRange("operand types match result element type", "elements", "result",
          t -> java.util.Collections.nCopies((int) ((RankedTensorType) t).numElements(), ((RankedTensorType) t).elementType()))
      .format("$elements attr-dict `:` type($result)")
      .resultNames((op, names) -> names[0] = "from_elements")
      .folder(TensorFolders::fromElements);

  public FromElementsOp(Operation op) { super(op, DEF); }

  public List<Value> elements() { return op.operands(); }
}

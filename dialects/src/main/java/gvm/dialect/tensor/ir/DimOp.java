package gvm.dialect.tensor.ir;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;

/** {@code tensor.dim}: the size of one dimension of a tensor; an index out of range is undefined behavior. */
public final class DimOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.dim")
      .summary("dimension index operation")
      .operand("source", TensorConstraints.NON_0_RANKED_OR_UNRANKED_TENSOR)
      .operand("index", CommonTypeConstraints.INDEX)
      .result("result", CommonTypeConstraints.INDEX)
      .traits(gvm.ir.def.Trait.NO_MEMORY_EFFECT)
      .format("attr-dict $source `,` $index `:` type($source)")
      .resultNames((op, names) -> names[0] = "dim")
      .folder(TensorFolders::dim);

  public DimOp(Operation op) { super(op, DEF); }

  public Value source() { return op.operand(0); }

  public Value index() { return op.operand(1); }
}

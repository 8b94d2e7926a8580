package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import java.util.function.Function;

/** {@code tensor.unpack}: the inverse of {@code tensor.pack}, tiles back into the destination's layout. */
public final class UnPackOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.unpack")
      .summary("tensor unpack operation")
      .operand("source", TensorConstraints.ANY_RANKED_TENSOR)
      .operand("dest", TensorConstraints.ANY_RANKED_TENSOR)
      .optionalProperty("outer_dims_perm", TensorConstraints.DENSE_I64_ARRAY)
      .property("inner_dims_pos", TensorConstraints.DENSE_I64_ARRAY)
      .variadicOperand("inner_tiles", CommonTypeConstraints.INDEX)
      .property("static_inner_tiles", TensorConstraints.DENSE_I64_ARRAY)
      .result("result", TensorConstraints.ANY_RANKED_TENSOR)
      .traits(NO_MEMORY_EFFECT)
      .typesMatchWith("result type matches type of dest", "result", "dest", Function.identity())
      .format("$source (`outer_dims_perm` `=` $outer_dims_perm^)? `inner_dims_pos` `=` $inner_dims_pos `inner_tiles` `=`"
          + " custom<DynamicIndexList>($inner_tiles, $static_inner_tiles) `into` $dest attr-dict `:` type($source) `->` type($dest)")
      .resultNames((op, names) -> names[0] = "unpack")
      .verifier(op -> PackOp.verifyRelayout(op, false));

  public UnPackOp(Operation op) { super(op, DEF); }

  public Value source() { return op.operand(0); }

  public Value dest() { return op.operand(1); }
}

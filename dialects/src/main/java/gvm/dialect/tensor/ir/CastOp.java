package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CastOpInterface;
import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import java.util.List;

/** {@code tensor.cast}: the same tensor at a type with more or less static shape information. */
public final class CastOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.cast").implement(OpPatternKind.Interface.class, OpPatternKind.INJECTIVE.model())
      .summary("tensor cast operation")
      .operand("source", TensorConstraints.ANY_TENSOR)
      .result("dest", TensorConstraints.ANY_TENSOR)
      .traits(PURE)
      .format("$source attr-dict `:` type($source) `to` type($dest)")
      .resultNames((op, names) -> names[0] = "cast")
      .implement(CastOpInterface.class, CastOp::areCastCompatible)
      .verifier(CastOpInterface::verify)
      .folder(TensorFolders::cast);

  public CastOp(Operation op) { super(op, DEF); }

  public Value source() { return op.operand(0); }

  /** Two tensors of the same element type whose shapes agree wherever both are static (MLIR's CastOp::areCastCompatible). */
  static boolean areCastCompatible(List<Type> inputs, List<Type> outputs) {
    if (inputs.size() != 1 || outputs.size() != 1) return false;
    if (!TensorConstraints.ANY_TENSOR.test(inputs.get(0)) || !TensorConstraints.ANY_TENSOR.test(outputs.get(0))) return false;
    ShapedType a = (ShapedType) inputs.get(0), b = (ShapedType) outputs.get(0);
    if (!a.elementType().equals(b.elementType())) return false;
    return TensorVerify.compatibleShapes(a, b);
  }
}

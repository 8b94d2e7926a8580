package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Shape;
import gvm.ir.types.ShapedType;
import java.util.List;

/**
 * {@code tensor.concat}: the inputs joined along dimension {@code dim}; all other dimensions agree.
 *
 * <pre>{@code
 * %0 = tensor.concat dim(0) %a, %b : (tensor<3x6xf32>, tensor<1x6xf32>) -> tensor<4x6xf32>
 * }</pre>
 */
public final class ConcatOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.concat").implement(OpPatternKind.Interface.class, OpPatternKind.INJECTIVE.model())
      .summary("tensor concatenation operation")
      .property("dim", TensorConstraints.I64_ATTR)
      .variadicOperand("inputs", TensorConstraints.ANY_RANKED_TENSOR)
      .result("result", TensorConstraints.ANY_RANKED_TENSOR)
      .traits(PURE)
      .format("`dim` `(` $dim `)` $inputs attr-dict `:` functional-type(operands, results)")
      .resultNames((op, names) -> names[0] = "concat")
      .verifier(ConcatOp::verify);

  public ConcatOp(Operation op) { super(op, DEF); }

  public long dim() { return ((IntegerAttr) op.prop("dim")).value(); }

  public List<Value> inputs() { return op.operands(); }

  /** Inputs of the result's rank and element type, agreeing off the concatenated dimension (MLIR's ConcatOp::verify). */
  private static void verify(Operation op) {
    if (op.numOperands() < 1) throw Verify.opError(op, "requires at least one input");
    RankedTensorType result = (RankedTensorType) op.result(0).type();
    int rank = result.rank();
    for (Value in : op.operands())
      if (((RankedTensorType) in.type()).rank() != rank) throw Verify.opError(op, "rank of concatenated inputs must match result rank");
    for (Value in : op.operands())
      if (!((RankedTensorType) in.type()).elementType().equals(result.elementType()))
        throw Verify.opError(op, "inputs and result element type must match");
    long dim = new ConcatOp(op).dim();
    // MLIR 19 does not guard a negative dim (it crashes); it is out of range all the same.
    if (dim >= rank || dim < 0) throw Verify.opError(op, "concatenation dim must be less than the tensor rank");

    long[] sizes = new long[rank];
    for (int i = 0; i < rank; i++) {
      if (i == dim) continue;
      // As MLIR's SaturatedInteger: the first static size wins, a different static size fails.
      long size = ShapedType.DYNAMIC;
      for (Value in : op.operands()) {
        long d = ((RankedTensorType) in.type()).shape().dim(i);
        if (d == ShapedType.DYNAMIC) continue;
        if (size != ShapedType.DYNAMIC && size != d)
          throw Verify.opError(op, "static concatenation size mismatch along non-concatenated dimension " + i);
        size = d;
      }
      sizes[i] = size;
    }
    long concat = 0;
    for (Value in : op.operands()) {
      long d = ((RankedTensorType) in.type()).shape().dim((int) dim);
      concat = d == ShapedType.DYNAMIC || concat == ShapedType.DYNAMIC ? ShapedType.DYNAMIC : concat + d;
    }
    sizes[(int) dim] = concat;
    RankedTensorType inferred = RankedTensorType.get(Shape.wrap(sizes), ((RankedTensorType) op.operand(0).type()).elementType());
    for (int i = 0; i < rank; i++) {
      long a = inferred.shape().dim(i), b = result.shape().dim(i);
      if (a != ShapedType.DYNAMIC && b != ShapedType.DYNAMIC && a != b)
        throw Verify.opError(op, "result type " + DiagText.quote(result) + "does not match inferred shape " + DiagText.quote(inferred) + " static sizes");
    }
  }
}

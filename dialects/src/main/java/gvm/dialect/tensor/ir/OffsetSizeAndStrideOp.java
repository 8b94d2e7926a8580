package gvm.dialect.tensor.ir;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import java.util.List;

/**
 * A view of an op with mixed static/dynamic offsets, sizes and strides (MLIR's
 * OffsetSizeAndStrideOpInterface): three operand groups of dynamic values and three
 * DenseI64ArrayAttr properties with {@link gvm.ir.types.ShapedType#DYNAMIC} where a value stands.
 */
public abstract class OffsetSizeAndStrideOp extends OpView {
  private final int firstGroup;

  /** {@code firstGroup} is the operand group of the dynamic offsets; sizes and strides follow it. */
  protected OffsetSizeAndStrideOp(Operation op, OpDef def, int firstGroup) {
    super(op, def);
    this.firstGroup = firstGroup;
  }

  /**
   * Adds, after {@code def}'s leading operands, the dynamic offsets, sizes and strides and their
   * {@code static_*} properties, as the ODS arguments of MLIR's slice ops.
   */
  static OpDef withOffsetsSizesAndStrides(OpDef def) {
    return def.variadicOperand("offsets", CommonTypeConstraints.INDEX)
        .variadicOperand("sizes", CommonTypeConstraints.INDEX)
        .variadicOperand("strides", CommonTypeConstraints.INDEX)
        .property("static_offsets", TensorConstraints.DENSE_I64_ARRAY)
        .property("static_sizes", TensorConstraints.DENSE_I64_ARRAY)
        .property("static_strides", TensorConstraints.DENSE_I64_ARRAY);
  }

  public final Value source() { return op.operand(0); }

  public final List<Value> offsets() { return TensorVerify.segment(op, firstGroup); }

  public final List<Value> sizes() { return TensorVerify.segment(op, firstGroup + 1); }

  public final List<Value> strides() { return TensorVerify.segment(op, firstGroup + 2); }

  public final long[] staticOffsets() { return TensorVerify.i64Array(op, "static_offsets"); }

  public final long[] staticSizes() { return TensorVerify.i64Array(op, "static_sizes"); }

  public final long[] staticStrides() { return TensorVerify.i64Array(op, "static_strides"); }
}

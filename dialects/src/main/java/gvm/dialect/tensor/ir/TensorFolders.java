package gvm.dialect.tensor.ir;

import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.rewrite.OpFoldResult;
import gvm.ir.types.FloatType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Type;

/** The folders of the tensor ops (TensorOps.cpp), declared on each op's definition. */
final class TensorFolders {
  private TensorFolders() {}

  static OpFoldResult dim(Operation op, Attribute[] c) {
    if (!(c[1] instanceof IntegerAttr index) || !(op.operand(0).type() instanceof RankedTensorType t)) return null;
    long i = index.value();
    if (i < 0 || i >= t.rank()) return null;
    // dim(x : static dim i, i) -> the extent
    if (!t.shape().isDynamic((int) i)) return OpFoldResult.of(IntegerAttr.index(t.shape().dim((int) i)));
    Operation def = op.operand(0).definingOp();
    if (def == null) return null;
    // dim(empty(sizes), i) -> the size operand of dynamic dimension i
    if (def.isA(EmptyOp.DEF)) return OpFoldResult.of(def.operand(dynamicIndex(t, (int) i)));
    // dim(cast(x), i) -> dim(x, i) when x is ranked, in place (MLIR's foldTensorCast)
    if (def.isA(CastOp.DEF) && def.operand(0).type() instanceof RankedTensorType) {
      op.setOperand(0, def.operand(0));
      return OpFoldResult.of(op.result(0));
    }
    return null;
  }

  /** The position of dynamic dimension {@code i} among the dynamic dimensions of {@code t}. */
  private static int dynamicIndex(RankedTensorType t, int i) {
    int k = 0;
    for (int d = 0; d < i; d++) if (t.shape().isDynamic(d)) k++;
    return k;
  }

  static OpFoldResult cast(Operation op, Attribute[] c) {
    Value src = op.operand(0);
    // cast(x : T) : T -> x
    if (src.type().equals(op.result(0).type())) return OpFoldResult.of(src);
    // cast(cast(x : T)) : T -> x
    Operation inner = src.definingOp();
    if (inner != null && inner.isA(CastOp.DEF) && inner.operand(0).type().equals(op.result(0).type())) return OpFoldResult.of(inner.operand(0));
    return null;
  }

  static OpFoldResult extract(Operation op, Attribute[] c) {
    // extract(splat constant, ...) -> the splat value
    if (c[0] instanceof DenseElementsAttr d && d.isSplat() && !d.isStrings()) return OpFoldResult.of(element(d, 0));
    RankedTensorType t = (RankedTensorType) op.operand(0).type();
    long flat = 0;
    for (int i = 1; i < op.numOperands(); i++) {
      if (!(c[i] instanceof IntegerAttr idx)) return null;
      long dim = t.shape().dim(i - 1);
      if (idx.value() < 0 || (dim != RankedTensorType.DYNAMIC && idx.value() >= dim)) return null;
      flat = flat * (dim == RankedTensorType.DYNAMIC ? 1 : dim) + idx.value();
    }
    // extract(from_elements(e...), i...) -> e[i...]
    Operation def = op.operand(0).definingOp();
    if (def != null && def.isA(FromElementsOp.DEF)) return flat < def.numOperands() ? OpFoldResult.of(def.operand((int) flat)) : null;
    // extract(dense constant, i...) -> element i...
    if (c[0] instanceof DenseElementsAttr d && !d.isStrings() && t.hasStaticShape()) return OpFoldResult.of(element(d, flat));
    return null;
  }

  private static Attribute element(DenseElementsAttr d, long i) {
    Type e = d.type().elementType();
    if (e instanceof FloatType ft) return new FloatAttr(ft, d.get(i));
    if (e instanceof gvm.ir.types.ComplexType) return null;
    return IntegerAttr.of(e, d.get(i));
  }

  static OpFoldResult fromElements(Operation op, Attribute[] c) {
    // from_elements(c...) -> dense<[c...]>
    long[] data = new long[c.length];
    for (int i = 0; i < c.length; i++) {
      if (c[i] instanceof IntegerAttr x && x.wide() == null) data[i] = x.value();
      else if (c[i] instanceof FloatAttr f) data[i] = f.bits();
      else return null;
    }
    return OpFoldResult.of(DenseElementsAttr.of((RankedTensorType) op.result(0).type(), data));
  }

  static OpFoldResult splat(Operation op, Attribute[] c) {
    // splat(c) -> dense<c> for a static shape
    if (!(op.result(0).type() instanceof RankedTensorType t) || !t.hasStaticShape()) return null;
    if (c[0] instanceof IntegerAttr x && x.wide() == null) return OpFoldResult.of(DenseElementsAttr.of(t, new long[] {x.value()}));
    if (c[0] instanceof FloatAttr f) return OpFoldResult.of(DenseElementsAttr.of(t, new long[] {f.bits()}));
    return null;
  }

  static OpFoldResult insert(Operation op, Attribute[] c) {
    // insert(c, splat dense<c>, ...) -> the splat
    if (c[0] != null && c[1] instanceof DenseElementsAttr d && d.isSplat() && !d.isStrings() && c[0].equals(element(d, 0)))
      return OpFoldResult.of(c[1]);
    return null;
  }

  /** True if offsets are all 0, strides all 1 and sizes the whole of {@code t} (static only). */
  private static boolean coversWhole(Operation op, RankedTensorType t) {
    long[] offsets = TensorVerify.i64Array(op, "static_offsets"), sizes = TensorVerify.i64Array(op, "static_sizes"),
        strides = TensorVerify.i64Array(op, "static_strides");
    if (!t.hasStaticShape() || sizes.length != t.rank()) return false;
    for (int i = 0; i < sizes.length; i++)
      if (offsets[i] != 0 || strides[i] != 1 || sizes[i] != t.shape().dim(i)) return false;
    return true;
  }

  private static boolean samePlacement(Operation a, Operation b) {
    for (String p : new String[] {"static_offsets", "static_sizes", "static_strides"})
      if (!java.util.Arrays.equals(TensorVerify.i64Array(a, p), TensorVerify.i64Array(b, p))) return false;
    // Only fully static placements (extract_slice has one operand then, insert_slice two).
    return a.numOperands() == 1 && b.numOperands() == 2;
  }

  static OpFoldResult extractSlice(Operation op, Attribute[] c) {
    RankedTensorType result = (RankedTensorType) op.result(0).type();
    // extract_slice(splat constant) -> splat of the slice type
    if (c[0] instanceof DenseElementsAttr d && d.isSplat() && !d.isStrings() && result.hasStaticShape())
      return OpFoldResult.of(DenseElementsAttr.of(result, new long[] {d.get(0)}));
    // extract_slice(x) of all of x -> x
    if (op.numOperands() == 1 && op.operand(0).type().equals(result) && coversWhole(op, result)) return OpFoldResult.of(op.operand(0));
    return null;
  }

  static OpFoldResult insertSlice(Operation op, Attribute[] c) {
    Value src = op.operand(0), dest = op.operand(1);
    // insert_slice(x into d) covering all of d -> x
    if (op.numOperands() == 2 && src.type().equals(dest.type()) && coversWhole(op, (RankedTensorType) dest.type())) return OpFoldResult.of(src);
    // insert_slice(extract_slice(d at P) into d at P) -> d
    Operation ex = src.definingOp();
    if (ex != null && ex.isA(ExtractSliceOp.DEF) && ex.operand(0) == dest && samePlacement(ex, op)) return OpFoldResult.of(dest);
    return null;
  }

  /** collapse(expand(x)) or expand(collapse(x)) -> x when x has the result type; a constant -> the same elements reshaped. */
  static OpFoldResult reshape(Operation op, Attribute[] c, gvm.ir.def.OpDef inverse) {
    Operation inner = op.operand(0).definingOp();
    if (inner != null && inner.isA(inverse) && inner.operand(0).type().equals(op.result(0).type())) return OpFoldResult.of(inner.operand(0));
    if (c[0] instanceof DenseElementsAttr d && !d.isStrings() && op.result(0).type() instanceof RankedTensorType t && t.hasStaticShape()) {
      if (d.isSplat()) return OpFoldResult.of(DenseElementsAttr.of(t, new long[] {d.get(0)}));
      if (d.type().elementType() instanceof gvm.ir.types.ComplexType) return null;
      long[] data = new long[(int) d.numElements()];
      for (int i = 0; i < data.length; i++) data[i] = d.get(i);
      return OpFoldResult.of(DenseElementsAttr.of(t, data));
    }
    return null;
  }
}

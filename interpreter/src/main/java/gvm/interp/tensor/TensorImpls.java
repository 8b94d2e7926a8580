package gvm.interp.tensor;

import gvm.dialect.tensor.ir.BitcastOp;
import gvm.dialect.tensor.ir.CastOp;
import gvm.dialect.tensor.ir.CollapseShapeOp;
import gvm.dialect.tensor.ir.ConcatOp;
import gvm.dialect.tensor.ir.DimOp;
import gvm.dialect.tensor.ir.EmptyOp;
import gvm.dialect.tensor.ir.ExpandShapeOp;
import gvm.dialect.tensor.ir.ExtractOp;
import gvm.dialect.tensor.ir.ExtractSliceOp;
import gvm.dialect.tensor.ir.FromElementsOp;
import gvm.dialect.tensor.ir.GenerateOp;
import gvm.dialect.tensor.ir.InsertOp;
import gvm.dialect.tensor.ir.InsertSliceOp;
import gvm.dialect.tensor.ir.PadOp;
import gvm.dialect.tensor.ir.ParallelInsertSliceOp;
import gvm.dialect.tensor.ir.RankOp;
import gvm.dialect.tensor.ir.ReshapeOp;
import gvm.dialect.tensor.ir.SplatOp;
import gvm.dialect.tensor.ir.YieldOp;
import gvm.interp.BlockEffect;
import gvm.interp.Frame;
import gvm.interp.ImplTable;
import gvm.interp.Tensor;
import gvm.ir.Operation;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import java.util.Arrays;

/**
 * tensor: construction (empty, splat, from_elements, generate, pad), access (dim, extract,
 * insert), reshaping (cast, reshape, expand_shape, collapse_shape), slices and concat; gather,
 * scatter, pack and unpack in {@link RelayoutImpls}. Dynamic
 * sizes come from the op's index operands in order, as in the IR.
 */
public final class TensorImpls {
  private TensorImpls() {}

  public static void register(ImplTable t) {
    t.register(YieldOp.DEF, (f, op, a) -> new BlockEffect.Return(a));
    t.register(EmptyOp.DEF, (f, op, a) -> BlockEffect.next(Tensor.zeros(type(op).elementType(), shapeOf(type(op), a, 0))));
    t.register(SplatOp.DEF, (f, op, a) -> {
      int[] shape = shapeOf(type(op), a, 1);
      Object[] v = new Object[Tensor.size(shape)];
      Arrays.fill(v, a[0]);
      return BlockEffect.next(Tensor.fromScalars(type(op).elementType(), shape, v));
    });
    t.register(FromElementsOp.DEF, (f, op, a) -> BlockEffect.next(Tensor.fromScalars(type(op).elementType(), shapeOf(type(op), a, a.length), a)));
    t.register(GenerateOp.DEF, (f, op, a) -> BlockEffect.next(generate(f, op, shapeOf(type(op), a, 0), null, null)));
    t.register(PadOp.DEF, TensorImpls::pad);
    t.register(DimOp.DEF, (f, op, a) -> {
      Tensor x = (Tensor) a[0];
      long d = (Long) a[1];
      if (d < 0 || d >= x.rank()) throw new IndexOutOfBoundsException("dimension " + d + " out of range for rank " + x.rank());
      return BlockEffect.next((long) x.dim((int) d));
    });
    t.register(ExtractOp.DEF, (f, op, a) -> {
      Tensor x = (Tensor) a[0];
      return BlockEffect.next(x.get(offset(x.shape(), a, 1)));
    });
    t.register(InsertOp.DEF, (f, op, a) -> {
      Tensor dest = (Tensor) a[1];
      Object[] v = scalars(dest);
      v[offset(dest.shape(), a, 2)] = a[0];
      return BlockEffect.next(Tensor.fromScalars(dest.elementType(), dest.shape(), v));
    });
    t.register(RankOp.DEF, (f, op, a) -> BlockEffect.next((long) ((Tensor) a[0]).rank()));
    t.register(BitcastOp.DEF, (f, op, a) -> {
      gvm.ir.types.Type from = ((ShapedType) op.operand(0).type()).elementType(), to = ((ShapedType) op.result(0).type()).elementType();
      int w = to instanceof gvm.ir.types.FloatType ? 0 : gvm.interp.Elements.width(to);
      return BlockEffect.next(gvm.interp.Elementwise.map(a[0], op.result(0).type(), v -> {
        Object r = gvm.interp.arith.ArithImpls.bitcast(v, from, to);
        return r instanceof Long l ? (Object) gvm.interp.Elements.normalize(l, w) : r;
      }));
    });
    t.register(CastOp.DEF, (f, op, a) -> {
      Tensor x = (Tensor) a[0];
      checkShape(x.shape(), op.result(0).type());
      return BlockEffect.next(x);
    });
    t.register(ReshapeOp.DEF, (f, op, a) -> {
      Tensor shapeT = (Tensor) a[1];
      int[] shape = new int[shapeT.size()];
      for (int i = 0; i < shape.length; i++) shape[i] = Math.toIntExact(shapeT.i(i));
      return BlockEffect.next(((Tensor) a[0]).reshape(shape));
    });
    t.register(CollapseShapeOp.DEF, (f, op, a) -> {
      Tensor x = (Tensor) a[0];
      gvm.ir.attributes.ArrayAttr groups = (gvm.ir.attributes.ArrayAttr) op.prop("reassociation");
      int[] shape = new int[groups.size()];
      for (int g = 0; g < shape.length; g++) {
        gvm.ir.attributes.ArrayAttr dims = (gvm.ir.attributes.ArrayAttr) groups.get(g);
        long n = 1;
        for (int i = 0; i < dims.size(); i++) n *= x.dim((int) ((IntegerAttr) dims.get(i)).value());
        shape[g] = Math.toIntExact(n);
      }
      return BlockEffect.next(x.reshape(shape));
    });
    t.register(ExpandShapeOp.DEF, (f, op, a) -> {
      DenseArrayAttr st = (DenseArrayAttr) op.prop("static_output_shape");
      int[] shape = new int[st.size()];
      int dyn = 1;
      for (int i = 0; i < shape.length; i++) shape[i] = Math.toIntExact(st.get(i) == ShapedType.DYNAMIC ? (Long) a[dyn++] : st.get(i));
      return BlockEffect.next(((Tensor) a[0]).reshape(shape));
    });
    t.register(ConcatOp.DEF, (f, op, a) -> {
      int axis = (int) ((IntegerAttr) op.prop("dim")).value();
      Tensor first = (Tensor) a[0];
      int[] shape = first.shape();
      shape[axis] = 0;
      for (Object o : a) shape[axis] += ((Tensor) o).dim(axis);
      Object[] out = new Object[Tensor.size(shape)];
      int at = 0;
      int[] offsets = new int[shape.length];
      for (Object o : a) {
        Tensor x = (Tensor) o;
        offsets[axis] = at;
        copyBlock(x, shape, out, offsets);
        at += x.dim(axis);
      }
      return BlockEffect.next(Tensor.fromScalars(first.elementType(), shape, out));
    });
    t.register(ExtractSliceOp.DEF, (f, op, a) -> {
      Tensor src = (Tensor) a[0];
      int[][] oss = slice(op, a, 1);
      Object[] out = new Object[Tensor.size(oss[1])];
      int[] srcStrides = Tensor.strides(src.shape());
      int[] idx = new int[oss[1].length];
      for (int k = 0; k < out.length; k++) {
        int s = 0;
        for (int d = 0; d < idx.length; d++) s += (oss[0][d] + idx[d] * oss[2][d]) * srcStrides[d];
        out[k] = src.get(s);
        increment(idx, oss[1]);
      }
      return BlockEffect.next(Tensor.fromScalars(src.elementType(), resultShape(oss[1], type(op)), out));
    });
    t.register(InsertSliceOp.DEF, (f, op, a) -> BlockEffect.next(insertSlice(op, a)));
    t.register(ParallelInsertSliceOp.DEF, (f, op, a) -> {
      throw new IllegalStateException("runs only as part of scf.forall.in_parallel");
    });
    RelayoutImpls.register(t);
  }

  /**
   * tensor.insert_slice and tensor.parallel_insert_slice: {@code a = [source, dest, dynamic offsets,
   * sizes, strides...]}; the dest with the source written over the slice.
   */
  public static Tensor insertSlice(Operation op, Object[] a) {
    Tensor src = (Tensor) a[0], dest = (Tensor) a[1];
    int[][] oss = slice(op, a, 2);
    Object[] out = scalars(dest);
    int[] destStrides = Tensor.strides(dest.shape());
    int[] idx = new int[oss[1].length];
    int n = Tensor.size(oss[1]);
    if (n != src.size()) throw new IllegalArgumentException("source of " + src.size() + " elements does not fill a slice of " + n);
    for (int k = 0; k < n; k++) {
      int s = 0;
      for (int d = 0; d < idx.length; d++) s += (oss[0][d] + idx[d] * oss[2][d]) * destStrides[d];
      out[s] = src.get(k);
      increment(idx, oss[1]);
    }
    return Tensor.fromScalars(dest.elementType(), dest.shape(), out);
  }

  private static RankedTensorType type(Operation op) { return (RankedTensorType) op.result(0).type(); }

  /** The result shape: static sizes of the type, dynamic ones from {@code a[from...]}. */
  static int[] shapeOf(RankedTensorType type, Object[] a, int from) {
    int[] shape = new int[type.rank()];
    int next = from;
    for (int i = 0; i < shape.length; i++) {
      long d = type.shape().dim(i);
      if (d == ShapedType.DYNAMIC) d = (Long) a[next++];
      if (d < 0) throw new IllegalArgumentException("negative dimension size " + d);
      shape[i] = Math.toIntExact(d);
    }
    return shape;
  }

  private static void checkShape(int[] shape, gvm.ir.types.Type t) {
    if (!(t instanceof RankedTensorType rt)) return;
    if (rt.rank() != shape.length) throw new IllegalArgumentException("run-time rank " + shape.length + " does not match " + rt);
    for (int i = 0; i < shape.length; i++)
      if (rt.shape().dim(i) != ShapedType.DYNAMIC && rt.shape().dim(i) != shape[i])
        throw new IllegalArgumentException("run-time shape " + Arrays.toString(shape) + " does not match the result type");
  }

  private static Object[] scalars(Tensor x) {
    Object[] v = new Object[x.size()];
    for (int i = 0; i < v.length; i++) v[i] = x.get(i);
    return v;
  }

  private static int offset(int[] shape, Object[] a, int from) {
    int off = 0;
    for (int d = 0; d < shape.length; d++) {
      long i = (Long) a[from + d];
      if (i < 0 || i >= shape[d]) throw new IndexOutOfBoundsException("index " + i + " out of bounds for dimension " + d + " of size " + shape[d]);
      off = off * shape[d] + (int) i;
    }
    return off;
  }

  static void increment(int[] idx, int[] shape) {
    for (int d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) return;
      idx[d] = 0;
    }
  }

  private static void copyBlock(Tensor x, int[] outShape, Object[] out, int[] offsets) {
    int[] st = Tensor.strides(outShape);
    int[] idx = new int[x.rank()];
    int[] shape = x.shape();
    for (int k = 0; k < x.size(); k++) {
      int o = 0;
      for (int d = 0; d < idx.length; d++) o += (idx[d] + offsets[d]) * st[d];
      out[o] = x.get(k);
      increment(idx, shape);
    }
  }

  /** Offsets, sizes, strides of a slice op, static ones from the properties, dynamic ones from operands. */
  private static int[][] slice(Operation op, Object[] a, int firstDynamic) {
    int[] next = {firstDynamic};
    int[][] r = new int[3][];
    String[] names = {"static_offsets", "static_sizes", "static_strides"};
    for (int k = 0; k < 3; k++) {
      DenseArrayAttr st = (DenseArrayAttr) op.prop(names[k]);
      r[k] = new int[st.size()];
      for (int i = 0; i < st.size(); i++) r[k][i] = Math.toIntExact(st.get(i) == ShapedType.DYNAMIC ? (Long) a[next[0]++] : st.get(i));
    }
    Tensor src = (Tensor) a[0];
    Tensor bounds = firstDynamic == 2 ? (Tensor) a[1] : src;
    for (int d = 0; d < r[0].length; d++) {
      long last = r[0][d] + (long) (r[1][d] - 1) * r[2][d];
      if (r[0][d] < 0 || r[1][d] < 0 || (r[1][d] > 0 && (last >= bounds.dim(d) || last < 0)))
        throw new IndexOutOfBoundsException("slice out of bounds in dimension " + d);
    }
    return r;
  }

  /** The slice's sizes with the unit dimensions a rank-reduced result type drops removed. */
  private static int[] resultShape(int[] sizes, RankedTensorType type) {
    if (type.rank() == sizes.length) return sizes;
    int[] shape = new int[type.rank()];
    int r = 0;
    for (int d = 0; d < sizes.length; d++) {
      boolean mustKeep = sizes.length - d == shape.length - r;
      boolean keep = r < shape.length && (mustKeep || sizes[d] != 1 || type.shape().dim(r) == 1);
      if (keep) shape[r++] = sizes[d];
    }
    return shape;
  }

  /** tensor.generate (and pad's body): the region yields the element at each index. */
  private static Tensor generate(Frame f, Operation op, int[] shape, Tensor inner, int[] low) {
    RankedTensorType type = type(op);
    Object[] out = new Object[Tensor.size(shape)];
    int[] idx = new int[shape.length];
    int[] innerStrides = inner == null ? null : Tensor.strides(inner.shape());
    for (int k = 0; k < out.length; k++) {
      int src = inner == null ? -1 : 0;
      for (int d = 0; inner != null && d < idx.length; d++) {
        int j = idx[d] - low[d];
        if (j < 0 || j >= inner.dim(d)) {
          src = -1;
          break;
        }
        src += j * innerStrides[d];
      }
      if (src >= 0) {
        out[k] = inner.get(src);
      } else {
        Object[] args = new Object[idx.length];
        for (int d = 0; d < idx.length; d++) args[d] = (long) idx[d];
        out[k] = f.runRegion(op.region(0), args)[0];
      }
      increment(idx, shape);
    }
    return Tensor.fromScalars(type.elementType(), shape, out);
  }

  private static BlockEffect pad(Frame f, Operation op, Object[] a) {
    Tensor src = (Tensor) a[0];
    int rank = src.rank();
    int[] next = {1};
    int[] low = padSizes(op, "static_low", a, next, rank), high = padSizes(op, "static_high", a, next, rank);
    int[] shape = new int[rank];
    for (int d = 0; d < rank; d++) shape[d] = low[d] + src.dim(d) + high[d];
    return BlockEffect.next(generate(f, op, shape, src, low));
  }

  private static int[] padSizes(Operation op, String name, Object[] a, int[] next, int rank) {
    DenseArrayAttr st = (DenseArrayAttr) op.prop(name);
    int[] r = new int[rank];
    for (int i = 0; i < rank; i++) r[i] = Math.toIntExact(st.get(i) == ShapedType.DYNAMIC ? (Long) a[next[0]++] : st.get(i));
    return r;
  }
}

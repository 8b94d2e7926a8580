package gvm.interp.tensor;

import gvm.dialect.tensor.ir.GatherOp;
import gvm.dialect.tensor.ir.PackOp;
import gvm.dialect.tensor.ir.ScatterOp;
import gvm.dialect.tensor.ir.UnPackOp;
import gvm.interp.BlockEffect;
import gvm.interp.ImplTable;
import gvm.interp.Tensor;
import gvm.ir.Operation;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;

/**
 * tensor.gather and tensor.scatter (slices at coordinates from an index tensor) and tensor.pack and
 * tensor.unpack (tiled relayout), as LLVM 19 defines them. Coordinates outside the tensor, which
 * MLIR leaves undefined, are run-time errors here.
 */
final class RelayoutImpls {
  private RelayoutImpls() {}

  static void register(ImplTable t) {
    t.register(GatherOp.DEF, (f, op, a) -> {
      Tensor src = (Tensor) a[0], idx = (Tensor) a[1];
      Coordinates c = new Coordinates(src, idx, array(op, "gather_dims"));
      Object[] out = new Object[c.lead * c.sliceSize];
      c.forEach((k, s) -> out[k] = src.get(s));
      return BlockEffect.next(Tensor.fromScalars(src.elementType(), c.resultShape(rank(op)), out));
    });
    t.register(ScatterOp.DEF, (f, op, a) -> {
      Tensor src = (Tensor) a[0], dest = (Tensor) a[1], idx = (Tensor) a[2];
      Coordinates c = new Coordinates(dest, idx, array(op, "scatter_dims"));
      if (c.lead * c.sliceSize != src.size())
        throw new IllegalArgumentException("source of " + src.size() + " elements does not match " + c.lead + " slices of " + c.sliceSize);
      Object[] out = scalars(dest);
      c.forEach((k, s) -> out[s] = src.get(k));
      return BlockEffect.next(Tensor.fromScalars(dest.elementType(), dest.shape(), out));
    });
    t.register(PackOp.DEF, (f, op, a) -> {
      Tensor src = (Tensor) a[0], dest = (Tensor) a[1];
      DenseArrayAttr segments = (DenseArrayAttr) op.prop("operandSegmentSizes");
      Object pad = segments.get(2) > 0 ? a[2] : null;
      Tiling tl = new Tiling(op, a, 2 + (int) segments.get(2), src.rank());
      Object[] out = new Object[dest.size()];
      int[] p = new int[dest.rank()];
      for (int k = 0; k < out.length; k++) {
        int s = tl.unpackedOffset(p, src.shape());
        if (s < 0 && pad == null) throw new IllegalArgumentException("a partial tile needs a padding_value");
        out[k] = s < 0 ? pad : src.get(s);
        TensorImpls.increment(p, dest.shape());
      }
      return BlockEffect.next(Tensor.fromScalars(dest.elementType(), dest.shape(), out));
    });
    t.register(UnPackOp.DEF, (f, op, a) -> {
      Tensor src = (Tensor) a[0], dest = (Tensor) a[1];
      Tiling tl = new Tiling(op, a, 2, dest.rank());
      Object[] out = new Object[dest.size()];
      int[] u = new int[dest.rank()];
      int[] st = Tensor.strides(src.shape());
      for (int k = 0; k < out.length; k++) {
        int[] p = tl.packedIndex(u);
        int s = 0;
        for (int d = 0; d < p.length; d++) {
          if (p[d] >= src.dim(d)) throw new IndexOutOfBoundsException("the packed source has no element for result index " + java.util.Arrays.toString(u));
          s += p[d] * st[d];
        }
        out[k] = src.get(s);
        TensorImpls.increment(u, dest.shape());
      }
      return BlockEffect.next(Tensor.fromScalars(dest.elementType(), dest.shape(), out));
    });
  }

  private static int rank(Operation op) { return ((RankedTensorType) op.result(0).type()).rank(); }

  private static long[] array(Operation op, String name) { return ((DenseArrayAttr) op.prop(name)).toArray(); }

  private static Object[] scalars(Tensor x) {
    Object[] v = new Object[x.size()];
    for (int i = 0; i < v.length; i++) v[i] = x.get(i);
    return v;
  }

  /**
   * The coordinates of a gather/scatter: the leading positions of the index tensor {@code [...,
   * G]}, and per position the slice of {@code full} with the {@code G} listed dims fixed by the
   * indices.
   */
  private static final class Coordinates {
    final Tensor full, idx;
    final long[] dims;
    final int lead, sliceSize, coords;
    final int[] slice;

    Coordinates(Tensor full, Tensor idx, long[] dims) {
      this.full = full;
      this.idx = idx;
      this.dims = dims;
      this.coords = idx.dim(idx.rank() - 1);
      if (coords < dims.length) throw new IllegalArgumentException("indices hold " + coords + " coordinates, the op names " + dims.length + " dims");
      this.lead = coords == 0 ? 0 : idx.size() / coords;
      this.slice = full.shape();
      for (long d : dims) slice[(int) d] = 1;
      this.sliceSize = Tensor.size(slice);
    }

    /** Calls {@code body(k, s)} for element {@code k} of the gathered order and its offset {@code s} in {@code full}. */
    void forEach(java.util.function.BiConsumer<Integer, Integer> body) {
      int[] st = Tensor.strides(full.shape());
      int k = 0;
      for (int l = 0; l < lead; l++) {
        int base = 0;
        for (int g = 0; g < dims.length; g++) {
          long i = idx.i(l * coords + g);
          int d = (int) dims[g];
          if (i < 0 || i >= full.dim(d)) throw new IndexOutOfBoundsException("index " + i + " out of bounds for dimension " + d + " of size " + full.dim(d));
          base += (int) i * st[d];
        }
        int[] j = new int[slice.length];
        for (int e = 0; e < sliceSize; e++, k++) {
          int s = base;
          for (int d = 0; d < j.length; d++) s += j[d] * st[d];
          body.accept(k, s);
          TensorImpls.increment(j, slice);
        }
      }
    }

    /** The index tensor's leading dims, then the slice with the gathered dims kept as 1 or dropped (rank-reduced). */
    int[] resultShape(int rank) {
      int leadRank = idx.rank() - 1;
      boolean dropped = rank < leadRank + slice.length;
      int[] shape = new int[rank];
      for (int d = 0; d < leadRank; d++) shape[d] = idx.dim(d);
      int r = leadRank;
      java.util.Set<Long> gathered = new java.util.HashSet<>();
      for (long d : dims) gathered.add(d);
      for (int d = 0; d < slice.length; d++)
        if (!dropped || !gathered.contains((long) d)) shape[r++] = slice[d];
      return shape;
    }
  }

  /** The tiling of a pack/unpack: outer-dim permutation, tiled dims and tile sizes (dynamic ones from the operands). */
  private static final class Tiling {
    final int rank;
    final long[] perm, pos;
    final int[] tiles;

    Tiling(Operation op, Object[] a, int firstTile, int rank) {
      this.rank = rank;
      Attribute p = op.prop("outer_dims_perm");
      long[] identity = new long[rank];
      for (int i = 0; i < rank; i++) identity[i] = i;
      this.perm = p instanceof DenseArrayAttr d && d.size() > 0 ? d.toArray() : identity;
      this.pos = array(op, "inner_dims_pos");
      long[] statics = array(op, "static_inner_tiles");
      this.tiles = new int[statics.length];
      int next = firstTile;
      for (int i = 0; i < statics.length; i++) {
        long v = statics[i] == ShapedType.DYNAMIC ? (Long) a[next++] : statics[i];
        if (v <= 0) throw new IllegalArgumentException("inner tile " + v + " is not positive");
        tiles[i] = Math.toIntExact(v);
      }
    }

    /** The offset in the unpacked tensor of the packed index {@code p}, or -1 in a partial tile's padding. */
    int unpackedOffset(int[] p, int[] unpackedShape) {
      int[] u = new int[rank];
      for (int i = 0; i < rank; i++) u[(int) perm[i]] = p[i];
      for (int j = 0; j < pos.length; j++) u[(int) pos[j]] = u[(int) pos[j]] * tiles[j] + p[rank + j];
      int s = 0;
      for (int d = 0; d < rank; d++) {
        if (u[d] >= unpackedShape[d]) return -1;
        s = s * unpackedShape[d] + u[d];
      }
      return s;
    }

    /** The packed index of the unpacked index {@code u}. */
    int[] packedIndex(int[] u) {
      int[] outer = u.clone();
      int[] p = new int[rank + pos.length];
      for (int j = 0; j < pos.length; j++) {
        outer[(int) pos[j]] = u[(int) pos[j]] / tiles[j];
        p[rank + j] = u[(int) pos[j]] % tiles[j];
      }
      for (int i = 0; i < rank; i++) p[i] = outer[(int) perm[i]];
      return p;
    }
  }
}

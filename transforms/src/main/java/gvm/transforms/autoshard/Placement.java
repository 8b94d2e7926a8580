package gvm.transforms.autoshard;

import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where one tensor lives on the mesh: for each mesh axis, the tensor dimension split along it, or
 * {@link #REPLICATED}. Axes splitting the same dimension split it in increasing axis order, so this
 * array says everything a non-partial {@code #mesh.shard} says.
 */
final class Placement {
  static final int REPLICATED = -1;

  private final int[] dimOfAxis;

  Placement(int[] dimOfAxis) { this.dimOfAxis = dimOfAxis.clone(); }

  static Placement replicated(int meshRank) {
    int[] d = new int[meshRank];
    Arrays.fill(d, REPLICATED);
    return new Placement(d);
  }

  int dimOf(int axis) { return dimOfAxis[axis]; }

  int meshRank() { return dimOfAxis.length; }

  boolean isReplicated() {
    for (int d : dimOfAxis) if (d != REPLICATED) return false;
    return true;
  }

  /** The number of shards of tensor dimension {@code dim}. */
  long shards(int dim, long[] meshShape) {
    long n = 1;
    for (int a = 0; a < dimOfAxis.length; a++) if (dimOfAxis[a] == dim) n *= meshShape[a];
    return n;
  }

  /** The number of distinct shards (devices holding different data). */
  long shards(long[] meshShape) {
    long n = 1;
    for (int a = 0; a < dimOfAxis.length; a++) if (dimOfAxis[a] != REPLICATED) n *= meshShape[a];
    return n;
  }

  /** Bytes of one device's shard of {@code t}, dynamic dimensions counted as {@code dynamicSize}. */
  double deviceBytes(RankedTensorType t, long[] meshShape, long dynamicSize) {
    return Costs.bytes(t, dynamicSize) / shards(meshShape);
  }

  /** {@code #mesh.shard<@mesh, [[...], ...]>} for a tensor of rank {@code rank}, trailing empty entries dropped (at least one kept). */
  MeshShardingAttr toAttr(SymbolRefAttr mesh, int rank) {
    List<DenseArrayAttr> split = new ArrayList<>();
    for (int d = 0; d < rank; d++) {
      List<Long> axes = new ArrayList<>();
      for (int a = 0; a < dimOfAxis.length; a++) if (dimOfAxis[a] == d) axes.add((long) a);
      split.add(MeshShardingAttr.axes(axes.stream().mapToLong(Long::longValue).toArray()));
    }
    while (split.size() > 1 && split.get(split.size() - 1).size() == 0) split.remove(split.size() - 1);
    if (split.isEmpty()) split.add(MeshShardingAttr.axes());
    return new MeshShardingAttr(mesh, split, null, null);
  }

  /** The JSON/report form: {@code [[0], [], [1]]} per tensor dimension. */
  String describe(int rank) {
    StringBuilder b = new StringBuilder("[");
    for (int d = 0; d < rank; d++) {
      if (d > 0) b.append(", ");
      b.append('[');
      boolean first = true;
      for (int a = 0; a < dimOfAxis.length; a++)
        if (dimOfAxis[a] == d) {
          if (!first) b.append(", ");
          b.append(a);
          first = false;
        }
      b.append(']');
    }
    return b.append(']').toString();
  }

  /** Whether a dimension of static size {@code size} (or dynamic) divides evenly. */
  static boolean divides(long size, long shards, long dynamicSize) {
    long s = size == ShapedType.DYNAMIC ? dynamicSize : size;
    return s % shards == 0 && s >= shards;
  }

  @Override public boolean equals(Object o) { return o instanceof Placement p && Arrays.equals(dimOfAxis, p.dimOfAxis); }

  @Override public int hashCode() { return Arrays.hashCode(dimOfAxis); }

  @Override public String toString() { return Arrays.toString(dimOfAxis); }
}

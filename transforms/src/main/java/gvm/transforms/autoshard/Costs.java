package gvm.transforms.autoshard;

import gvm.ir.types.FloatType;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost model's prices: tensor sizes and the resharding between two placements, by the
 * alpha-beta model of {@link MachineModel} per mesh axis. Along each axis a placement either keeps
 * the split (free), splits a replicated tensor (a local slice, free), unsplits (all-gather) or moves
 * the split to another dimension (all-to-all).
 */
record Costs(MachineModel machine, long[] meshShape, long dynamicSize) {
  /** Bytes of one element (index as 8, i1 as 1). */
  static int elementBytes(Type t) {
    if (t instanceof FloatType f) return Math.max(1, f.width() / 8);
    if (t instanceof IntegerType i) return Math.max(1, (i.width() + 7) / 8);
    if (t instanceof IndexType) return 8;
    return 4;
  }

  /** Bytes of a whole tensor, dynamic dimensions counted as {@code dynamicSize}. */
  static double bytes(RankedTensorType t, long dynamicSize) {
    double n = elementBytes(t.elementType());
    for (long d : t.shape().toArray()) n *= d == ShapedType.DYNAMIC ? dynamicSize : d;
    return n;
  }

  /** Seconds to turn {@code from} into {@code to} for a tensor of type {@code t}. */
  double reshard(RankedTensorType t, Placement from, Placement to) {
    if (from.equals(to)) return 0;
    double target = to.deviceBytes(t, meshShape, dynamicSize);
    double s = 0;
    for (int a = 0; a < meshShape.length; a++) {
      int f = from.dimOf(a), g = to.dimOf(a);
      if (f == g || f == Placement.REPLICATED) continue;
      long[] axis = {a};
      s += g == Placement.REPLICATED ? machine.allGather(target, meshShape, axis) : machine.allToAll(target, meshShape, axis);
    }
    return s;
  }

  /** The collectives of {@link #reshard}, for the report: e.g. {@code all_gather(axis 1)}. */
  List<String> reshardCollectives(Placement from, Placement to) {
    List<String> l = new ArrayList<>();
    for (int a = 0; a < meshShape.length; a++) {
      int f = from.dimOf(a), g = to.dimOf(a);
      if (f == g) continue;
      if (f == Placement.REPLICATED) l.add("all_slice(axis " + a + ")");
      else l.add((g == Placement.REPLICATED ? "all_gather" : "all_to_all") + "(axis " + a + ")");
    }
    return l;
  }
}

package gvm.transforms.autoshard;

import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.affine.AffineExpr;
import gvm.ir.affine.AffineMap;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import gvm.transforms.mesh.ShardingInterface;
import gvm.transforms.mesh.ShardingInterface.IteratorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One way to run an op on the mesh: the loop each mesh axis splits (Alpa's "sharding spec" of the
 * op), the placements it needs of its operands and gives its results (null for values that are not
 * ranked tensors), the mesh axes along which its partial results are all-reduced, and its costs.
 */
record Strategy(int[] loopOfAxis, Placement[] operands, Placement[] results, long[] allReduceAxes, double compute, double comm, long memory) {
  /** Ops whose reduction loops are sums of products: splitting one leaves partial sums (MLIR's ReductionKind::Sum). */
  private static final Set<String> CONTRACTIONS = Set.of("gptvm.linear", "gptvm.matmul", "gptvm.batch_matmul", "tosa.matmul",
      "linalg.matmul", "linalg.matmul_transpose_b", "linalg.batch_matmul");

  /** The weight of the storage tie-break against the plan's time. */
  static final double STORAGE_TIE_BREAK = 1e-3;

  /** The strategies of a value with no producer to follow (a gptvm.param weight, a function argument): every placement. */
  static List<Strategy> forSource(RankedTensorType t, Costs c) {
    int rank = t.shape().rank();
    List<Strategy> out = new ArrayList<>();
    for (int[] assign : assignments(c.meshShape(), rank)) {
      Placement p = new Placement(assign);
      if (!fits(t, p, c)) continue;
      long bytes = (long) p.deviceBytes(t, c.meshShape(), c.dynamicSize());
      // Memory is a constraint, not a cost; to break the ties it leaves (a weight stored whole and
      // sliced, or stored split) the plan pays one thousandth of the time to read what it stores.
      double storage = STORAGE_TIE_BREAK * bytes / c.machine().memoryBandwidth();
      out.add(new Strategy(assign, new Placement[0], new Placement[] {p}, new long[0], storage, 0, bytes));
    }
    return out;
  }

  /** The one strategy of an op the cost model knows nothing about: everything replicated, no cost. */
  static Strategy replicated(Operation op, Costs c) {
    int rank = c.meshShape().length;
    Placement[] ins = new Placement[op.numOperands()], outs = new Placement[op.numResults()];
    for (int i = 0; i < ins.length; i++) ins[i] = op.operand(i).type() instanceof RankedTensorType ? Placement.replicated(rank) : null;
    for (int i = 0; i < outs.length; i++) outs[i] = op.result(i).type() instanceof RankedTensorType ? Placement.replicated(rank) : null;
    int[] none = new int[rank];
    Arrays.fill(none, Placement.REPLICATED);
    return new Strategy(none, ins, outs, new long[0], 0, 0, 0);
  }

  /**
   * The strategies of an op with a {@link ShardingInterface}: each mesh axis splits one loop or none
   * (two axes on one loop split it over the axis pair); a loop is split only where its size divides
   * and every map indexes it by a plain dimension; a reduction loop only in a contraction, whose
   * partial sums are then all-reduced. Compute is the roofline time of the device's share; memory the
   * device's share of the results.
   */
  static List<Strategy> forOp(Operation op, ShardingInterface si, Costs c) {
    List<IteratorType> iters = si.loopIteratorTypes(op);
    List<AffineMap> maps = si.indexingMaps(op);
    int loops = iters.size();
    if (maps.size() != op.numOperands() + op.numResults()) return List.of(replicated(op, c));
    long[] size = new long[loops];
    boolean[] splittable = new boolean[loops];
    Arrays.fill(splittable, true);
    for (int v = 0; v < maps.size(); v++) {
      Type t = v < op.numOperands() ? op.operand(v).type() : op.result(v - op.numOperands()).type();
      AffineMap m = maps.get(v);
      for (int d = 0; d < m.results().size(); d++) {
        AffineExpr e = m.results().get(d);
        if (e instanceof AffineExpr.Dim dim) {
          if (t instanceof RankedTensorType r && d < r.shape().rank() && size[dim.position()] == 0) size[dim.position()] = r.shape().dim(d);
        } else {
          for (int l = 0; l < loops; l++) if (mentions(e, l)) splittable[l] = false;
        }
      }
    }
    boolean contraction = CONTRACTIONS.contains(op.name()) || op.name().startsWith("linalg.") && si.reductionLoopKinds(op).stream()
        .allMatch(k -> k == gvm.dialect.mesh.ir.ReductionKind.SUM);
    for (int l = 0; l < loops; l++) {
      if (size[l] == 0 || !si.isLoopShardable(op, l)) splittable[l] = false;
      if (iters.get(l) == IteratorType.REDUCTION && !contraction) splittable[l] = false;
    }
    boolean gather = op.name().equals("gptvm.embedding");
    double iterations = 1;
    for (int l = 0; l < loops; l++) if (!(gather && l == loops - 1)) iterations *= size[l] == ShapedType.DYNAMIC ? c.dynamicSize() : Math.max(1, size[l]);
    double flopsPerIteration = iters.contains(IteratorType.REDUCTION) ? 2 : 1;
    Type elementType = op.numResults() > 0 && op.result(0).type() instanceof ShapedType s ? s.elementType() : gvm.ir.types.FloatType.F32;

    List<Strategy> out = new ArrayList<>();
    long[] mesh = c.meshShape();
    next:
    for (int[] assign : assignments(mesh, loops)) {
      long devicesWorking = 1;
      for (int l = 0; l < loops; l++) {
        long shards = 1;
        for (int a = 0; a < mesh.length; a++) if (assign[a] == l) shards *= mesh[a];
        if (shards > 1 && (!splittable[l] || !Placement.divides(size[l], shards, c.dynamicSize()))) continue next;
        devicesWorking *= shards;
      }
      Placement[] ins = new Placement[op.numOperands()], outs = new Placement[op.numResults()];
      double bytes = 0;
      for (int i = 0; i < ins.length; i++) {
        if (!(op.operand(i).type() instanceof RankedTensorType r)) continue;
        ins[i] = place(maps.get(i), assign);
        // An embedding reads the rows of its ids, not its table: counted as the result's bytes below.
        if (!(gather && i == 0)) bytes += ins[i].deviceBytes(r, mesh, c.dynamicSize());
      }
      List<Long> partial = new ArrayList<>();
      for (int a = 0; a < mesh.length; a++) if (assign[a] >= 0 && iters.get(assign[a]) == IteratorType.REDUCTION) partial.add((long) a);
      long[] partialAxes = partial.stream().mapToLong(Long::longValue).toArray();
      double comm = 0, memory = 0;
      for (int i = 0; i < outs.length; i++) {
        if (!(op.result(i).type() instanceof RankedTensorType r)) continue;
        outs[i] = place(maps.get(op.numOperands() + i), assign);
        double b = outs[i].deviceBytes(r, mesh, c.dynamicSize());
        bytes += b;
        memory += b;
        if (partialAxes.length > 0) comm += c.machine().allReduce(b, mesh, partialAxes);
      }
      if (gather) bytes *= 2;
      double compute = c.machine().computeSeconds(iterations * flopsPerIteration / devicesWorking, bytes, elementType);
      out.add(new Strategy(assign, ins, outs, partialAxes, compute, comm, (long) memory));
    }
    return out;
  }

  /** The placement of a value indexed by {@code map} when mesh axis a splits loop {@code assign[a]}. */
  private static Placement place(AffineMap map, int[] assign) {
    int[] dims = new int[assign.length];
    for (int a = 0; a < assign.length; a++) {
      dims[a] = Placement.REPLICATED;
      for (int d = 0; d < map.results().size() && assign[a] >= 0; d++)
        if (map.results().get(d) instanceof AffineExpr.Dim dim && dim.position() == assign[a]) dims[a] = d;
    }
    return new Placement(dims);
  }

  private static boolean fits(RankedTensorType t, Placement p, Costs c) {
    for (int d = 0; d < t.shape().rank(); d++) {
      long n = p.shards(d, c.meshShape());
      if (n > 1 && !Placement.divides(t.shape().dim(d), n, c.dynamicSize())) return false;
    }
    return true;
  }

  private static boolean mentions(AffineExpr e, int loop) {
    if (e instanceof AffineExpr.Dim d) return d.position() == loop;
    if (e instanceof AffineExpr.Binary b) return mentions(b.lhs(), loop) || mentions(b.rhs(), loop);
    return false;
  }

  /** Every map from mesh axes to a loop in [0, loops) or none; axes of size 1 split nothing. */
  static List<int[]> assignments(long[] mesh, int loops) {
    List<int[]> out = new ArrayList<>();
    int[] cur = new int[mesh.length];
    fill(mesh, loops, 0, cur, out);
    return out;
  }

  private static void fill(long[] mesh, int loops, int axis, int[] cur, List<int[]> out) {
    if (axis == mesh.length) {
      out.add(cur.clone());
      return;
    }
    for (int l = -1; l < (mesh[axis] > 1 ? loops : 0); l++) {
      cur[axis] = l;
      fill(mesh, loops, axis + 1, cur, out);
    }
  }

  /** Human-readable: the placement of each tensor operand and result. */
  String describe(Operation op) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < operands.length; i++) {
      if (operands[i] == null) continue;
      if (b.length() > 0) b.append(", ");
      b.append(operands[i].describe(rank(op.operand(i))));
    }
    b.append(" -> ");
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) continue;
      if (i > 0) b.append(", ");
      b.append(results[i].describe(rank(op.result(i))));
    }
    return b.toString();
  }

  static int rank(Value v) { return v.type() instanceof RankedTensorType r ? r.shape().rank() : 0; }
}

package gvm.transforms.mesh;

import gvm.dialect.gptvm.ir.AttentionOp;
import gvm.dialect.gptvm.ir.ShapeOps;
import gvm.dialect.mesh.ir.CollectiveOps;
import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.affine.AffineExpr;
import gvm.ir.affine.AffineMap;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.transforms.mesh.ShardingInterface.IteratorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The sharding models of the gptvm and kv ops (gvm; MLIR has no such ops): each op as a loop nest
 * with parallel and reduction loops, one indexing map per operand and result, and the loops one
 * device cannot split (a norm's normalized dimension, rope's rotated lanes, the keys of causal
 * attention, the vocabulary of argmax). Non-tensor operands and results (kv caches, seeds) take part
 * in no loop. Spmdization clones the op with per-device types and all-reduces the partial sums of
 * split reduction loops that the result's sharding does not keep partial.
 */
final class GptvmSharding {
  private GptvmSharding() {}

  /** The loop nest of one op: iterator types, which loops may be split, one map per operand then result. */
  record Nest(List<IteratorType> types, boolean[] shardable, List<AffineMap> maps) {}

  /** The models by op name. */
  private static final Map<String, Function<Operation, Nest>> NESTS = Map.ofEntries(
      Map.entry("gptvm.param", op -> elementwise(op, -1)),
      Map.entry("gptvm.silu", op -> elementwise(op, -1)),
      Map.entry("gptvm.gelu", op -> elementwise(op, -1)),
      Map.entry("gptvm.add", op -> elementwise(op, -1)),
      Map.entry("gptvm.mul", op -> elementwise(op, -1)),
      Map.entry("gptvm.softmax", op -> elementwise(op, softmaxAxis(op))),
      Map.entry("gptvm.rms_norm", GptvmSharding::norm),
      Map.entry("gptvm.layer_norm", GptvmSharding::norm),
      Map.entry("gptvm.embedding", GptvmSharding::embedding),
      Map.entry("gptvm.linear", GptvmSharding::linear),
      Map.entry("gptvm.matmul", op -> matmul(op, 0)),
      Map.entry("gptvm.batch_matmul", op -> matmul(op, 1)),
      Map.entry("gptvm.rope", GptvmSharding::rope),
      Map.entry("gptvm.attention", GptvmSharding::attention),
      Map.entry("gptvm.reshape", GptvmSharding::reshape),
      Map.entry("gptvm.transpose", GptvmSharding::transpose),
      Map.entry("gptvm.split", GptvmSharding::split),
      Map.entry("gptvm.argmax", op -> rows(op, true)),
      Map.entry("gptvm.sample", op -> rows(op, false)),
      Map.entry("kv.attend", GptvmSharding::kvStep),
      Map.entry("kv.append", GptvmSharding::kvStep),
      Map.entry("tensor.generate", GptvmSharding::replicated),
      Map.entry("tensor.from_elements", GptvmSharding::replicated),
      Map.entry("tensor.dim", GptvmSharding::replicated),
      Map.entry("tensor.splat", GptvmSharding::replicated),
      Map.entry("kv.begin_forward", GptvmSharding::replicated),
      Map.entry("kv.positions", GptvmSharding::replicated));

  /** The model of {@code op}, or null. */
  static ShardingInterface lookup(Operation op) { return NESTS.containsKey(op.name()) ? MODEL : null; }

  static final ShardingInterface MODEL = new ShardingInterface() {
    @Override public List<IteratorType> loopIteratorTypes(Operation op) { return nest(op).types(); }

    @Override public List<AffineMap> indexingMaps(Operation op) { return nest(op).maps(); }

    @Override public boolean isLoopShardable(Operation op, int loop) { return nest(op).shardable()[loop]; }

    @Override public boolean allowsNonTensorValues() { return true; }

    @Override public void spmdize(Operation op, List<Value> spmdizedOperands, List<MeshShardingAttr> operandShardings,
        List<MeshShardingAttr> resultShardings, Spmdizer s) {
      spmdizeNest(op, nest(op), operandShardings, resultShardings, s);
    }
  };

  private static Nest nest(Operation op) { return NESTS.get(op.name()).apply(op); }

  private static int rank(Value v) { return v.type() instanceof RankedTensorType t ? t.shape().rank() : -1; }

  /** A map over {@code dims} loops with the given loop positions as results. */
  private static AffineMap map(int dims, int... loops) { return ShardingInterfaces.map(dims, loops); }

  private static int[] range(int from, int to) {
    int[] r = new int[Math.max(0, to - from)];
    for (int i = 0; i < r.length; i++) r[i] = from + i;
    return r;
  }

  private static int[] concat(int[] a, int... b) {
    int[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static Nest nest(int loops, int[] reductions, int[] fixed, AffineMap... maps) {
    List<IteratorType> types = new ArrayList<>();
    for (int i = 0; i < loops; i++) types.add(IteratorType.PARALLEL);
    for (int r : reductions) types.set(r, IteratorType.REDUCTION);
    boolean[] shardable = new boolean[loops];
    Arrays.fill(shardable, true);
    for (int f : fixed) shardable[f] = false;
    return new Nest(types, shardable, List.of(maps));
  }

  private static final int[] NONE = {};

  /** Identity maps over the result's dimensions, for every operand and result; {@code fixed} (if >= 0) stays whole. */
  private static Nest elementwise(Operation op, int fixed) {
    int r = rank(op.result(0));
    AffineMap[] maps = new AffineMap[op.numOperands() + 1];
    Arrays.fill(maps, AffineMap.identity(r));
    return nest(r, NONE, fixed >= 0 ? new int[] {fixed} : NONE, maps);
  }

  private static int softmaxAxis(Operation op) { return new gvm.dialect.gptvm.ir.ElementwiseOps.SoftmaxOp(op).axis(); }

  /** rms_norm, layer_norm: {@code [..., hidden]}; the normalized (last) dimension is a reduction inside the op and stays whole. */
  private static Nest norm(Operation op) {
    int r = rank(op.operand(0));
    AffineMap[] maps = new AffineMap[op.numOperands() + 1];
    Arrays.fill(maps, AffineMap.identity(r));
    for (int i = 1; i < op.numOperands(); i++) maps[i] = map(r, r - 1);
    return nest(r, NONE, new int[] {r - 1}, maps);
  }

  /** embedding: loops (ids dims..., hidden, vocab); a row lookup cannot split the vocabulary. */
  private static Nest embedding(Operation op) {
    int k = rank(op.operand(1)), n = k + 2;
    return nest(n, NONE, new int[] {k + 1}, map(n, k + 1, k), map(n, range(0, k)), map(n, range(0, k + 1)));
  }

  /** linear: loops (batch..., out, in); {@code in} is a sum, so splitting it leaves partial sums (Megatron's row-parallel layer). */
  private static Nest linear(Operation op) {
    int r = rank(op.operand(0)), out = r - 1, in = r, n = r + 1;
    int[] batch = range(0, r - 1);
    List<AffineMap> maps = new ArrayList<>(List.of(map(n, concat(batch, in)), map(n, out, in)));
    if (op.numOperands() > 2) maps.add(map(n, out));
    maps.add(map(n, concat(batch, out)));
    return nest(n, new int[] {in}, NONE, maps.toArray(AffineMap[]::new));
  }

  /** matmul (m, n, k), batch_matmul (b, m, n, k). */
  private static Nest matmul(Operation op, int batch) {
    int n = 3 + batch, m = batch, c = batch + 1, k = batch + 2;
    int[] b = range(0, batch);
    return nest(n, new int[] {k}, NONE, map(n, concat(b, m, k)), map(n, concat(b, k, c)), map(n, concat(b, m, c)));
  }

  /** rope: loops (seq, heads, head_dim); the lanes of a head rotate in pairs and stay whole. */
  private static Nest rope(Operation op) {
    return nest(3, NONE, new int[] {2}, map(3, 0, 1, 2), map(3, 0), map(3, 0, 1, 2));
  }

  /**
   * attention: loops (q, heads, head_dim, kv). Query and kv heads share the heads loop: splitting it
   * in N parts gives part i the query heads {@code [i·H/N, (i+1)·H/N)} and the kv heads {@code
   * [i·KH/N, (i+1)·KH/N)} they read (grouped-query heads split together). The keys are a softmax,
   * not a sum, and stay whole; so do the queries of a causal or windowed attention (their positions
   * depend on the query count).
   */
  private static Nest attention(Operation op) {
    AttentionOp a = new AttentionOp(op);
    boolean masked = a.causal() || a.window() >= 0;
    return nest(4, new int[] {3}, masked ? new int[] {0, 2, 3} : new int[] {2, 3},
        map(4, 0, 1, 2), map(4, 3, 1, 2), map(4, 3, 1, 2), map(4, 0, 1, 2));
  }

  /** kv.attend (cache, q, k, v) -> out and kv.append (cache, k, v) -> cache: loops (new tokens, heads, head_dim); only heads split. */
  private static Nest kvStep(Operation op) {
    AffineMap id = AffineMap.identity(3), none = new AffineMap(3, 0, List.of());
    AffineMap[] maps = new AffineMap[op.numOperands() + op.numResults()];
    for (int i = 0; i < maps.length; i++) {
      Value v = i < op.numOperands() ? op.operand(i) : op.result(i - op.numOperands());
      maps[i] = v.type() instanceof RankedTensorType ? id : none;
    }
    return nest(3, NONE, new int[] {0, 2}, maps);
  }

  /**
   * reshape: dimensions grouped into runs of equal element count; in a group the merged dimension
   * maps to the outermost of the split ones, so splitting {@code hidden = heads·head_dim} over N
   * devices splits the heads (N must divide them). The inner dimensions of a group stay whole; a
   * reshape whose groups cannot be found from static sizes stays whole.
   */
  private static Nest reshape(Operation op) {
    long[] in = ((RankedTensorType) op.operand(0).type()).shape().toArray();
    long[] out = ((RankedTensorType) op.result(0).type()).shape().toArray();
    boolean splitting = out.length >= in.length;
    long[] fine = splitting ? out : in, coarse = splitting ? in : out;
    int n = Math.max(1, fine.length);
    boolean[] shardable = new boolean[n];
    int[] coarseLoops = new int[coarse.length];
    int f = 0, c = 0;
    for (; c < coarse.length && f < fine.length; c++) {
      coarseLoops[c] = f;
      if (coarse[c] == ShapedType.DYNAMIC || fine[f] == ShapedType.DYNAMIC) {
        if (coarse[c] != fine[f]) break;
        f++;
      } else {
        long prod = fine[f++];
        while (prod < coarse[c] && f < fine.length && fine[f] != ShapedType.DYNAMIC) prod *= fine[f++];
        if (prod != coarse[c]) break;
      }
      shardable[coarseLoops[c]] = true;
    }
    while (f < fine.length && fine[f] == 1) f++;
    if (c != coarse.length || f != fine.length) {
      // No grouping: nothing splits; the coarse side maps to the leading loops.
      Arrays.fill(shardable, false);
      coarseLoops = range(0, coarse.length);
    }
    int[] fixed = java.util.stream.IntStream.range(0, n).filter(i -> !shardable[i]).toArray();
    AffineMap coarseMap = map(n, coarseLoops), fineMap = map(n, range(0, fine.length));
    return splitting ? nest(n, NONE, fixed, coarseMap, fineMap) : nest(n, NONE, fixed, fineMap, coarseMap);
  }

  /** transpose: loops are the result's dimensions; input dimension {@code perm[d]} is loop d. */
  private static Nest transpose(Operation op) {
    long[] perm = new ShapeOps.TransposeOp(op).permutation();
    int[] inverse = new int[perm.length];
    for (int d = 0; d < perm.length; d++) inverse[(int) perm[d]] = d;
    return nest(perm.length, NONE, NONE, map(perm.length, inverse), AffineMap.identity(perm.length));
  }

  /** split: identity maps over the input's dimensions; the split axis stays whole. */
  private static Nest split(Operation op) {
    int r = rank(op.operand(0));
    AffineMap[] maps = new AffineMap[1 + op.numResults()];
    Arrays.fill(maps, AffineMap.identity(r));
    return nest(r, NONE, new int[] {new ShapeOps.SplitOp(op).axis()}, maps);
  }

  /** argmax (rows split, the vocabulary whole) and sample (whole: one random stream runs through the rows in order). */
  private static Nest rows(Operation op, boolean rowsSplit) {
    int r = rank(op.operand(0));
    AffineMap none = new AffineMap(r, 0, List.of());
    List<AffineMap> maps = new ArrayList<>(List.of(AffineMap.identity(r)));
    for (int i = 1; i < op.numOperands(); i++) maps.add(none);
    maps.add(map(r, range(0, r - 1)));
    for (int i = 1; i < op.numResults(); i++) maps.add(none);
    return nest(r, NONE, rowsSplit ? new int[] {r - 1} : range(0, r), maps.toArray(AffineMap[]::new));
  }

  /**
   * Ops whose tensors a device computes whole from indices (tensor.generate, from_elements, dim,
   * splat; the batch bookkeeping of kv.begin_forward and kv.positions):
   * one loop per dimension of every tensor value, none of them split, so their operands are
   * gathered and their results replicated.
   */
  private static Nest replicated(Operation op) {
    List<Value> values = new ArrayList<>(op.operands());
    values.addAll(op.results());
    int n = 1;
    for (Value v : values) n += Math.max(0, rank(v));
    AffineMap[] maps = new AffineMap[values.size()];
    int next = 1;
    for (int i = 0; i < maps.length; i++) {
      int r = Math.max(0, rank(values.get(i)));
      maps[i] = map(n, range(next, next + r));
      next += r;
    }
    return nest(n, NONE, range(0, n), maps);
  }

  /**
   * Clones {@code op} with per-device result types, after checking that the split dimensions of its
   * operands divide evenly; a split reduction loop leaves partial sums, all-reduced unless the
   * result's sharding keeps them partial.
   */
  private static void spmdizeNest(Operation op, Nest nest, List<MeshShardingAttr> operandShardings, List<MeshShardingAttr> resultShardings,
      Spmdizer s) {
    List<Long> reductionAxes = new ArrayList<>();
    MeshShardingAttr any = null;
    for (int i = 0; i < operandShardings.size(); i++) {
      MeshShardingAttr sh = operandShardings.get(i);
      if (sh == null) continue;
      any = sh;
      checkDivisible(op, op.operand(i), sh, s);
      List<AffineExpr> exprs = nest.maps().get(i).results();
      for (int d = 0; d < Math.min(exprs.size(), sh.splitAxes().size()); d++) {
        int loop = ((AffineExpr.Dim) exprs.get(d)).position();
        if (nest.types().get(loop) == IteratorType.REDUCTION)
          for (long a : sh.splitAxes().get(d).toArray()) if (!reductionAxes.contains(a)) reductionAxes.add(a);
      }
    }
    for (int r = 0; r < op.numResults(); r++) if (resultShardings.get(r) != null) checkDivisible(op, op.result(r), resultShardings.get(r), s);
    s.cloneTriviallySharded(op, resultShardings, s.mapping());
    Operation clone = s.mapping().lookup(op.result(0)).definingOp();
    KvSharding.followCacheTypes(clone);
    if (op.name().equals("gptvm.param") && resultShardings.get(0) != null && !Shardings.isReplicated(resultShardings.get(0)))
      clone.setAttr(KvSharding.SHARDING_ATTR, resultShardings.get(0));
    if (reductionAxes.isEmpty()) return;
    for (int r = 0; r < op.numResults(); r++) {
      if (!(op.result(r).type() instanceof RankedTensorType)) continue;
      MeshShardingAttr sh = resultShardings.get(r);
      List<Long> axes = new ArrayList<>(reductionAxes);
      if (sh != null) axes.removeAll(Shardings.list(sh.partialAxes()));
      if (axes.isEmpty()) continue;
      Value v = s.mapping().lookup(op.result(r));
      List<NamedAttribute> props = List.of(new NamedAttribute("mesh", (sh != null ? sh : any).mesh()),
          new NamedAttribute("mesh_axes", MeshShardingAttr.axes(Shardings.axes(axes))));
      s.mapping().map(op.result(r), s.rewriter().create(CollectiveOps.ALL_REDUCE, op.loc(), List.of(v), List.of(v.type()), props).result(0));
    }
  }

  /** A static dimension split over N devices must be a multiple of N. */
  static void checkDivisible(Operation op, Value v, MeshShardingAttr sh, Spmdizer s) {
    if (!(v.type() instanceof RankedTensorType t)) return;
    long[] meshShape = s.meshShape(op, sh);
    for (int d = 0; d < Math.min(sh.splitAxes().size(), t.shape().rank()); d++) {
      long n = Shardings.groupSize(meshShape, sh.splitAxes().get(d)), size = t.shape().dim(d);
      if (n != ShapedType.DYNAMIC && size != ShapedType.DYNAMIC && n > 1 && size % n != 0)
        throw s.error(op, "cannot split dimension " + d + " of size " + size + " over " + n + " devices");
    }
  }
}

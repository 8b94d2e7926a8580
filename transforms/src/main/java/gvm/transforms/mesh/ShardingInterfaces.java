package gvm.transforms.mesh;

import gvm.dialect.linalg.ir.GenericOp;
import gvm.dialect.linalg.ir.IteratorTypeAttr;
import gvm.dialect.mesh.ir.ReductionKind;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.affine.AffineExpr;
import gvm.ir.affine.AffineMap;
import gvm.ir.attributes.AffineMapAttr;
import gvm.ir.attributes.ArrayAttr;
import gvm.ir.attributes.Attribute;
import gvm.ir.def.Trait;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.transforms.mesh.ShardingInterface.IteratorType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Which ops implement the {@link ShardingInterface}, as LLVM 19 registers the external models: the
 * linalg structured ops, tosa's element-wise ops and tosa.matmul; gvm adds arith's element-wise ops
 * on ranked tensors (LLVM 19 has no model for them), and the gptvm and kv ops ({@link GptvmSharding}).
 */
public final class ShardingInterfaces {
  private ShardingInterfaces() {}

  /** The tosa ops LLVM 19's TosaShardingInterfaceImpl registers as element-wise. */
  private static final Set<String> TOSA_ELEMENTWISE = Set.of("clamp", "sigmoid", "tanh", "add", "arithmetic_right_shift", "bitwise_and",
      "bitwise_or", "bitwise_xor", "int_div", "logical_and", "logical_left_shift", "logical_right_shift", "logical_or", "logical_xor",
      "maximum", "minimum", "mul", "pow", "sub", "abs", "bitwise_not", "ceil", "clz", "exp", "floor", "log", "logical_not", "negate",
      "reciprocal", "rsqrt", "select", "equal", "greater", "greater_equal");

  /** The structured ops without operand segments (their inputs and inits are told apart by their kind). */
  private static final Set<String> LINALG_OTHERS = Set.of("linalg.map", "linalg.reduce", "linalg.transpose", "linalg.broadcast");

  private static final Set<String> MATMUL_FAMILY = Set.of("linalg.matmul", "linalg.matmul_transpose_b", "linalg.batch_matmul");

  /** The implementation for {@code op}, or null. */
  public static ShardingInterface lookup(Operation op) {
    String name = op.name();
    ShardingInterface gvmModel = GptvmSharding.lookup(op);
    if (gvmModel != null) return gvmModel;
    if (name.startsWith("tosa.")) {
      if (TOSA_ELEMENTWISE.contains(name.substring(5))) return ELEMENTWISE;
      if (name.equals("tosa.matmul")) return TOSA_MATMUL;
      return null;
    }
    if (name.startsWith("linalg.") && op.numRegions() == 1 && (op.prop("operandSegmentSizes") != null || LINALG_OTHERS.contains(name)))
      return LinalgSharding.INSTANCE;
    if (name.startsWith("arith.") && op.hasTrait(Trait.ELEMENTWISE) && op.numOperands() > 0
        && op.operand(0).type() instanceof RankedTensorType) return ELEMENTWISE;
    return null;
  }

  /** ElementwiseShardingInterface: parallel loops over the first operand's rank, identity maps. */
  static final ShardingInterface ELEMENTWISE = new ShardingInterface() {
    @Override public List<IteratorType> loopIteratorTypes(Operation op) {
      if (!(op.operand(0).type() instanceof RankedTensorType t)) return List.of();
      return Collections.nCopies(t.shape().rank(), IteratorType.PARALLEL);
    }

    @Override public List<AffineMap> indexingMaps(Operation op) {
      if (!(op.operand(0).type() instanceof RankedTensorType t)) return List.of();
      return Collections.nCopies(op.numOperands() + op.numResults(), AffineMap.identity(t.shape().rank()));
    }
  };

  static AffineMap map(int dims, int... targets) {
    List<AffineExpr> exprs = new ArrayList<>();
    for (int d : targets) exprs.add(new AffineExpr.Dim(d));
    return new AffineMap(dims, 0, exprs);
  }

  /** tosa.matmul: (batch, m, n) parallel, k reduction. */
  static final ShardingInterface TOSA_MATMUL = new ShardingInterface() {
    @Override public List<IteratorType> loopIteratorTypes(Operation op) {
      if (!(op.result(0).type() instanceof RankedTensorType t)) return List.of();
      List<IteratorType> l = new ArrayList<>(Collections.nCopies(t.shape().rank() + 1, IteratorType.PARALLEL));
      l.set(t.shape().rank(), IteratorType.REDUCTION);
      return l;
    }

    @Override public List<AffineMap> indexingMaps(Operation op) {
      if (!(op.result(0).type() instanceof RankedTensorType)) return List.of();
      return List.of(map(4, 0, 1, 3), map(4, 0, 3, 2), map(4, 0, 1, 2));
    }

    @Override public List<ReductionKind> reductionLoopKinds(Operation op) { return List.of(ReductionKind.SUM); }

    @Override public void spmdize(Operation op, List<Value> spmdizedOperands, List<gvm.dialect.mesh.ir.MeshShardingAttr> operandShardings,
        List<gvm.dialect.mesh.ir.MeshShardingAttr> resultShardings, Spmdizer s) {
      // LLVM 19 gives tosa.matmul no spmdize method and clones it with its global result type (a
      // 32x1000x8192 result of 8x1000x512 and 8x512x8192 operands in seeds/002): we give the local
      // result its per-device type, partial over the split contraction as its sharding says.
      s.cloneTriviallySharded(op, resultShardings, s.mapping());
    }
  };

  /** LinalgOp's iterator types and indexing maps (plus one map per result: its init's), as the structured op interface gives them. */
  static final class LinalgSharding implements ShardingInterface {
    static final LinalgSharding INSTANCE = new LinalgSharding();

    /** The number of inputs and of inits (DPS operands). */
    static int[] segments(Operation op) {
      int n = op.numOperands();
      return switch (op.name()) {
        case "linalg.map" -> new int[] {n - 1, 1};
        case "linalg.reduce" -> new int[] {n / 2, n / 2};
        case "linalg.transpose", "linalg.broadcast" -> new int[] {1, 1};
        default -> {
          gvm.ir.attributes.DenseArrayAttr d = (gvm.ir.attributes.DenseArrayAttr) op.prop("operandSegmentSizes");
          yield new int[] {(int) d.get(0), (int) d.get(1)};
        }
      };
    }

    private static long[] dims(Operation op, String name) { return ((gvm.ir.attributes.DenseArrayAttr) op.prop(name)).toArray(); }

    /** The identity map over {@code rank} loops without the results at {@code drop}. */
    private static AffineMap identityDropping(int rank, long[] drop) {
      List<AffineExpr> exprs = new ArrayList<>();
      for (int d = 0; d < rank; d++) {
        boolean dropped = false;
        for (long x : drop) dropped |= x == d;
        if (!dropped) exprs.add(new AffineExpr.Dim(d));
      }
      return new AffineMap(rank, 0, exprs);
    }

    private static int rankOf(Value v) { return v.type() instanceof ShapedType s && s.hasRank() ? s.shape().rank() : 0; }

    private static int outputRank(Operation op) {
      int[] seg = segments(op);
      if (seg[1] == 0) return 0;
      return op.operand(seg[0]).type() instanceof ShapedType s && s.hasRank() ? s.shape().rank() : 0;
    }

    @Override public List<IteratorType> loopIteratorTypes(Operation op) {
      if (op.isA(GenericOp.DEF)) {
        List<IteratorType> l = new ArrayList<>();
        for (Attribute a : ((ArrayAttr) op.prop("iterator_types")).elements())
          l.add(((IteratorTypeAttr) a).kind() == IteratorTypeAttr.Kind.REDUCTION ? IteratorType.REDUCTION : IteratorType.PARALLEL);
        return l;
      }
      if (op.name().equals("linalg.reduce")) {
        List<IteratorType> l = new ArrayList<>(Collections.nCopies(rankOf(op.operand(0)), IteratorType.PARALLEL));
        for (long d : dims(op, "dimensions")) if (d >= 0 && d < l.size()) l.set((int) d, IteratorType.REDUCTION);
        return l;
      }
      if (MATMUL_FAMILY.contains(op.name())) {
        List<IteratorType> l = new ArrayList<>(Collections.nCopies(op.name().equals("linalg.batch_matmul") ? 3 : 2, IteratorType.PARALLEL));
        l.add(IteratorType.REDUCTION);
        return l;
      }
      return Collections.nCopies(outputRank(op), IteratorType.PARALLEL);
    }

    /** The maps of the operands (LinalgOp::getIndexingMapsArray). */
    static List<AffineMap> operandMaps(Operation op) {
      List<AffineMap> maps = new ArrayList<>();
      if (op.isA(GenericOp.DEF)) {
        for (Attribute a : ((ArrayAttr) op.prop("indexing_maps")).elements()) maps.add(((AffineMapAttr) a).map());
        return maps;
      }
      switch (op.name()) {
        case "linalg.matmul" -> { return List.of(map(3, 0, 2), map(3, 2, 1), map(3, 0, 1)); }
        case "linalg.matmul_transpose_b" -> { return List.of(map(3, 0, 2), map(3, 1, 2), map(3, 0, 1)); }
        case "linalg.batch_matmul" -> { return List.of(map(4, 0, 1, 3), map(4, 0, 3, 2), map(4, 0, 1, 2)); }
        case "linalg.transpose" -> {
          long[] perm = dims(op, "permutation");
          int[] inverse = new int[perm.length];
          for (int i = 0; i < perm.length; i++) inverse[(int) perm[i]] = i;
          return List.of(map(perm.length, inverse), AffineMap.identity(perm.length));
        }
        case "linalg.broadcast" -> {
          int rank = rankOf(op.operand(1));
          return List.of(identityDropping(rank, dims(op, "dimensions")), AffineMap.identity(rank));
        }
        case "linalg.reduce" -> {
          int rank = rankOf(op.operand(0));
          for (int i = 0; i < op.numOperands(); i++)
            maps.add(i < op.numOperands() / 2 ? AffineMap.identity(rank) : identityDropping(rank, dims(op, "dimensions")));
          return maps;
        }
        default -> { }
      }
      // The rank-polymorphic named ops: identity maps, scalars (and rank-0 operands) map to ().
      int rank = outputRank(op);
      for (Value v : op.operands())
        maps.add(v.type() instanceof ShapedType s && s.hasRank() && s.shape().rank() > 0 ? AffineMap.identity(rank) : new AffineMap(rank, 0, List.of()));
      return maps;
    }

    @Override public List<AffineMap> indexingMaps(Operation op) {
      List<AffineMap> maps = new ArrayList<>(operandMaps(op));
      int[] seg = segments(op);
      for (int i = 0; i < seg[1]; i++) maps.add(maps.get(seg[0] + i));
      return maps;
    }

    @Override public List<ReductionKind> reductionLoopKinds(Operation op) {
      int n = 0;
      for (IteratorType t : loopIteratorTypes(op)) if (t == IteratorType.REDUCTION) n++;
      return Collections.nCopies(n, reductionKind(op));
    }

    /** matchReduction on the first output: the single op combining the output block argument into the yielded value; null if none. */
    static Operation combiner(Operation op) {
      int[] seg = segments(op);
      if (seg[1] == 0) return null;
      if (op.region(0).blocks().isEmpty()) return null;
      Block body = op.region(0).blocks().get(0);
      // linalg.map's body has no argument for its init.
      if (body.numArguments() <= seg[0]) return null;
      Value outArg = body.argument(seg[0]);
      Operation yield = body.terminator();
      if (yield == null || yield.numOperands() == 0) return null;
      Operation comb = yield.operand(0).definingOp();
      if (comb == null || comb.numOperands() != 2 || comb.numResults() != 1 || comb.parentBlock() != body) return null;
      if (comb.operand(0) != outArg && comb.operand(1) != outArg) return null;
      if (!outArg.hasOneUse() || !yield.operand(0).hasOneUse()) return null;
      return comb;
    }

    static ReductionKind reductionKind(Operation op) {
      Operation c = combiner(op);
      if (c == null) return ReductionKind.GENERIC;
      return switch (c.name()) {
        case "arith.addf", "arith.addi", "arith.andi" -> ReductionKind.SUM;
        case "arith.mulf", "arith.muli" -> ReductionKind.PRODUCT;
        case "arith.maximumf", "arith.maxui", "arith.maxsi" -> ReductionKind.MAX;
        case "arith.minimumf", "arith.minui", "arith.minsi" -> ReductionKind.MIN;
        case "arith.ori" -> ReductionKind.BITWISE_OR;
        case "arith.xori" -> ReductionKind.BITWISE_XOR;
        default -> ReductionKind.GENERIC;
      };
    }

    @Override public void spmdize(Operation op, List<Value> spmdizedOperands, List<gvm.dialect.mesh.ir.MeshShardingAttr> operandShardings,
        List<gvm.dialect.mesh.ir.MeshShardingAttr> resultShardings, Spmdizer s) {
      LinalgSpmdization.spmdize(op, this, spmdizedOperands, operandShardings, resultShardings, s);
    }
  }

}

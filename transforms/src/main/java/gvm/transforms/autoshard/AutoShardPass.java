package gvm.transforms.autoshard;

import gvm.dialect.mesh.ir.MeshOp;
import gvm.dialect.mesh.ir.ShardOp;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.attributes.StringAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.def.Trait;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import gvm.pass.PassOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * {@code gptvm-auto-shard}: chooses how to split every tensor of a module's functions over a device
 * mesh by solving {@link ShardingIlp} over the {@link ShardingGraph} of its ops, priced by
 * {@link MachineModel}, and states the plan as {@code mesh.shard} annotations (on function arguments,
 * on op results, and on operands where a consumer needs another sharding), which
 * {@code sharding-propagation} and {@code mesh-spmdization} turn into the per-device program.
 *
 * <p>The mesh is {@code mesh=@name}, or {@code mesh-shape=4} / {@code mesh-shape=2x4} (declared as
 * {@code mesh.mesh @mesh0} unless the module has one of that name), or the module's only mesh.
 */
public final class AutoShardPass extends Pass {
  /** The report file named by gvm-opt's {@code --gptvm-shard-report} (as MLIR's cl::opt globals), used when the pass option is unset. */
  private static volatile String defaultReport = "";

  final PassOption<String> mesh = stringOption("mesh", "The mesh.mesh symbol to shard over (@name)", "");
  final PassOption<String> meshShape = stringOption("mesh-shape", "Declare mesh.mesh @mesh0 of this shape (4, 2x4) when the module has none", "");
  final PassOption<String> memoryLimitGib = stringOption("memory-limit-gib", "Memory per device in GiB (default: the machine's)", "");
  final PassOption<String> objective = enumOption("objective", "What the plan minimises", objectives(), "latency");
  final PassOption<Long> dynamicSize = uintOption("dynamic-size", "Size assumed for dynamic dimensions (tokens of a prefill)", 1);
  final PassOption<String> machine = stringOption("machine", "JSON machine description (default: 8x H100 NVLink)", "");
  final PassOption<String> timeLimit = stringOption("time-limit", "Solver time limit in seconds", "60");
  final PassOption<Integer> seed = intOption("seed", "Solver random seed", 0);
  final PassOption<Integer> workers = intOption("workers", "Solver threads (1 is deterministic)", 1);
  final PassOption<String> report = stringOption("report", "Write the plan as JSON to this file", "");

  public AutoShardPass() {
    super("GptvmAutoShard", "gptvm-auto-shard", "Choose a sharding of every tensor over a device mesh by integer linear programming", "builtin.module");
  }

  private static java.util.Map<String, String> objectives() {
    java.util.Map<String, String> m = new LinkedHashMap<>();
    m.put("latency", "the time of one call of each function");
    m.put("throughput", "the time per token: each function's time over the tokens it processes");
    return m;
  }

  /** Sets the report file used when the pass has no {@code report} option (gvm-opt's {@code --gptvm-shard-report}). */
  public static void setDefaultReport(String file) { defaultReport = file == null ? "" : file; }

  @Override public void runOnOperation(Operation module, PassContext ctx) {
    try {
      run(module, ctx);
    } catch (Failure f) {
      ctx.emitError(f.at.loc(), f.getMessage());
      ctx.signalPassFailure();
    }
  }

  /** A located user error. */
  static final class Failure extends RuntimeException {
    final transient Operation at;

    Failure(Operation at, String message) {
      super(message, null, false, false);
      this.at = at;
    }
  }

  private void run(Operation module, PassContext ctx) {
    MachineModel m;
    try {
      m = machine.get().isEmpty() ? MachineModel.defaultModel() : MachineModel.read(Path.of(machine.get()));
    } catch (IllegalArgumentException e) {
      throw new Failure(module, e.getMessage());
    }
    Operation meshOp = findOrDeclareMesh(module, ctx);
    long[] shape = new MeshOp(meshOp).shape();
    String meshName = new MeshOp(meshOp).symName();
    long devices = 1;
    for (long d : shape) {
      if (d == ShapedType.DYNAMIC) throw new Failure(meshOp, "mesh @" + meshName + " has an axis of dynamic size; gptvm-auto-shard needs a static mesh");
      devices *= d;
    }
    if (devices < 2) throw new Failure(meshOp, "mesh @" + meshName + " is too small: it has " + devices + " device; auto-sharding needs at least 2");
    if (devices > m.devices())
      throw new Failure(meshOp, "mesh @" + meshName + " has " + devices + " devices but the machine (" + m.name() + ") has " + m.devices());
    double limitGib = m.memoryGib();
    if (!memoryLimitGib.get().isEmpty()) limitGib = positive(module, "memory-limit-gib", memoryLimitGib.get());
    double seconds = positive(module, "time-limit", timeLimit.get());

    Costs costs = new Costs(m, shape, dynamicSize.get());
    ShardingGraph g = new ShardingGraph(costs);
    List<Operation> funcs = new ArrayList<>();
    for (Operation op : module.region(0).blocks().get(0).operations()) {
      if (!op.name().equals("func.func") || op.region(0).blocks().isEmpty()) continue;
      if (op.region(0).blocks().size() != 1) throw new Failure(op, "gptvm-auto-shard supports functions of one block");
      funcs.add(op);
      g.addFunction(op, weight(op));
    }
    g.formClasses();
    ShardingProblem problem = g.problem();
    long limit = (long) Math.min(Long.MAX_VALUE / 2.0, limitGib * (1L << 30));
    ShardingIlp.Options options = new ShardingIlp.Options(seconds, seed.get(), Math.max(1, workers.get()));
    ShardingIlp.Solution sol = ShardingIlp.solve(problem, limit, options);
    if (!sol.found()) {
      long least = ShardingIlp.minimumMemory(problem, options);
      if (sol.status() == ShardingIlp.Status.INFEASIBLE && least > limit)
        throw new Failure(module, String.format(Locale.ROOT, "the model needs at least %.3g GiB per device under any plan (memory-limit-gib=%s)",
            least / (double) (1L << 30), memoryLimitGib.get().isEmpty() ? trim(limitGib) : memoryLimitGib.get()));
      throw new Failure(module, "gptvm-auto-shard found no plan (solver status " + sol.status() + " after " + trim(seconds) + " s)");
    }
    SymbolRefAttr ref = SymbolRefAttr.flat(meshName);
    new PlanEmitter(module, g, sol.choice(), ref, ctx).emit();
    String file = report.get().isEmpty() ? defaultReport : report.get();
    if (!file.isEmpty()) {
      try {
        ShardReport.write(Path.of(file), g, problem, sol, costs, meshName, limit, objective.get());
      } catch (java.io.IOException e) {
        throw new Failure(module, "cannot write the shard report " + file + ": " + e.getMessage());
      }
    }
  }

  /** Latency weighs each function once; throughput by one over its tokens (the leading size of its first tensor argument). */
  private double weight(Operation func) {
    if (objective.get().equals("latency")) return 1;
    for (gvm.ir.BlockArgument a : func.region(0).blocks().get(0).arguments())
      if (a.type() instanceof RankedTensorType t && t.shape().rank() > 0) {
        long n = t.shape().dim(0);
        return 1.0 / (n == ShapedType.DYNAMIC ? dynamicSize.get() : Math.max(1, n));
      }
    return 1;
  }

  private static double positive(Operation at, String option, String text) {
    try {
      double v = Double.parseDouble(text);
      if (v > 0 && !Double.isInfinite(v)) return v;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new Failure(at, "gptvm-auto-shard option " + option + "=" + text + " is not a positive number");
  }

  static String trim(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** mesh=@name, else mesh-shape (declaring @mesh0 when absent), else the module's only mesh. */
  private Operation findOrDeclareMesh(Operation module, PassContext ctx) {
    Block top = module.region(0).blocks().get(0);
    List<Operation> meshes = new ArrayList<>();
    for (Operation op : top.operations()) if (op.isA(MeshOp.DEF)) meshes.add(op);
    if (!mesh.get().isEmpty()) {
      String name = mesh.get().startsWith("@") ? mesh.get().substring(1) : mesh.get();
      for (Operation op : meshes) if (new MeshOp(op).symName().equals(name)) return op;
      throw new Failure(module, "gptvm-auto-shard: no mesh.mesh named @" + name + " in the module");
    }
    if (!meshShape.get().isEmpty()) {
      long[] shape = parseShape(module, meshShape.get());
      for (Operation op : meshes)
        if (new MeshOp(op).symName().equals("mesh0")) {
          if (!java.util.Arrays.equals(new MeshOp(op).shape(), shape))
            throw new Failure(op, "gptvm-auto-shard: mesh-shape=" + meshShape.get() + " differs from the module's mesh @mesh0");
          return op;
        }
      PatternRewriter b = new PatternRewriter(ctx.context());
      b.setInsertionPointToStart(top);
      List<NamedAttribute> props = List.of(new NamedAttribute("sym_name", StringAttr.of("mesh0")),
          new NamedAttribute("shape", new DenseArrayAttr(IntegerType.I64, shape)));
      return b.create(MeshOp.DEF, module.loc(), List.of(), List.of(), props);
    }
    if (meshes.size() == 1) return meshes.get(0);
    if (meshes.isEmpty())
      throw new Failure(module, "gptvm-auto-shard needs a mesh: the module declares no mesh.mesh; give mesh-shape=N (or NxM) or mesh=@name");
    throw new Failure(module, "gptvm-auto-shard: the module declares " + meshes.size() + " meshes; choose one with mesh=@name");
  }

  private static long[] parseShape(Operation at, String text) {
    String[] parts = text.split("x", -1);
    long[] shape = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        shape[i] = Long.parseLong(parts[i].trim());
      } catch (NumberFormatException e) {
        shape[i] = -1;
      }
      if (shape[i] < 1) throw new Failure(at, "gptvm-auto-shard: mesh-shape=" + text + " is not a list of positive sizes such as 4 or 2x4");
    }
    return shape;
  }

  /** Inserts the plan's mesh.shard ops. */
  private static final class PlanEmitter {
    private final Operation module;
    private final ShardingGraph g;
    private final int[] choice;
    private final SymbolRefAttr mesh;
    private final PatternRewriter b;

    PlanEmitter(Operation module, ShardingGraph g, int[] choice, SymbolRefAttr mesh, PassContext ctx) {
      this.module = module;
      this.g = g;
      this.choice = choice;
      this.mesh = mesh;
      this.b = new PatternRewriter(ctx.context());
    }

    Strategy strategy(ShardingGraph.Item it) { return it.strategies.get(it.strategyFor(choice[it.klass])); }

    void emit() {
      // Results first (each value gets one annotation for its definition), then the operands that need another sharding.
      java.util.Map<gvm.ir.Value, gvm.ir.Value> annotated = new java.util.IdentityHashMap<>();
      gvm.ir.Value lastArgument = null;
      for (ShardingGraph.Item it : g.items) {
        if (it.op == null) {
          // Argument annotations open the block, in argument order.
          if (lastArgument != null && lastArgument.parentBlock() == it.arg.parentBlock()) b.setInsertionPointAfter(((gvm.ir.OpResult) lastArgument).owner());
          else b.setInsertionPointToStart(it.arg.parentBlock());
          lastArgument = annotate(it.arg, strategy(it).results()[0], new long[0]);
          annotated.put(it.arg, lastArgument);
          continue;
        }
        if (it.op.hasTrait(Trait.RETURN_LIKE)) continue;
        for (int i = 0; i < it.op.numResults(); i++) {
          Placement p = strategy(it).results()[i];
          if (p == null) continue;
          b.setInsertionPointAfter(it.op);
          annotated.put(it.op.result(i), annotate(it.op.result(i), p, strategy(it).allReduceAxes()));
        }
      }
      for (ShardingGraph.Item it : g.items) {
        if (it.op == null) continue;
        Strategy s = strategy(it);
        for (int j = 0; j < it.op.numOperands(); j++) {
          gvm.ir.Value v = it.op.operand(j);
          ShardingGraph.Item prod = findProducer(v, annotated);
          if (prod == null || s.operands()[j] == null) continue;
          gvm.ir.Value orig = ((gvm.ir.OpResult) v).owner().operand(0);
          int ri = orig instanceof gvm.ir.OpResult r ? r.index() : 0;
          Placement from = strategy(prod).results()[ri];
          // A partial result is all-reduced where its users take it whole (the annotation pair sharding-propagation writes).
          if (from.equals(s.operands()[j]) && strategy(prod).allReduceAxes().length == 0) continue;
          // One annotation per value and sharding, right after the value's own: it serves every user.
          Placement to = s.operands()[j];
          gvm.ir.Value forUsers = forUsersOf.computeIfAbsent(v, k -> new java.util.HashMap<>()).get(to);
          if (forUsers == null) {
            b.setInsertionPointAfter(((gvm.ir.OpResult) v).owner());
            forUsers = shard(v, to, new long[0], true);
            forUsersOf.get(v).put(to, forUsers);
          }
          it.op.setOperand(j, forUsers);
        }
      }
      shardCaches();
    }

    private final java.util.Map<gvm.ir.Value, java.util.Map<Placement, gvm.ir.Value>> forUsersOf = new java.util.IdentityHashMap<>();

    /**
     * A kv cache is no tensor: its sharding (that of its logical tensor [layers, capacity, kv_heads,
     * head_dim]) follows the keys its kv.append ops take. kv.create ops get it as their mesh.sharding
     * attribute, which spmdization reads in functions without kv ops (@create_cache).
     */
    private void shardCaches() {
      java.util.Set<String> heads = new java.util.LinkedHashSet<>();
      for (ShardingGraph.Item it : g.items) {
        if (it.op == null || !it.op.isA(gvm.dialect.kv.ir.CacheOps.AppendOp.DEF)) continue;
        Placement k = strategy(it).operands()[1];
        if (k == null) continue;
        int[] dims = new int[k.meshRank()];
        for (int a = 0; a < dims.length; a++) dims[a] = k.dimOf(a) == 1 ? 2 : Placement.REPLICATED;
        heads.add(new Placement(dims).toString());
        cacheSharding = new Placement(dims);
      }
      // One cache serves every layer and function: its kv heads must split one way (the layers share
      // variables, so they do in practice); a plan that differs would fail in spmdization.
      if (heads.size() > 1)
        throw new Failure(module, "gptvm-auto-shard: the plan splits the kv cache's heads in " + heads.size() + " ways " + heads + "; a cache takes one");
      if (heads.isEmpty() || cacheSharding.isReplicated()) return;
      module.walk(op -> {
        if (op.isA(gvm.dialect.kv.ir.CacheOps.CreateOp.DEF) && op.attr("mesh.sharding") == null)
          op.setAttr("mesh.sharding", cacheSharding.toAttr(mesh, 4));
      });
    }

    private Placement cacheSharding;

    /** The item producing the annotated value {@code v} (the result of one of our mesh.shard ops), or null. */
    private ShardingGraph.Item findProducer(gvm.ir.Value v, java.util.Map<gvm.ir.Value, gvm.ir.Value> annotated) {
      if (!(v instanceof gvm.ir.OpResult r) || !r.owner().isA(ShardOp.DEF)) return null;
      gvm.ir.Value orig = r.owner().operand(0);
      return annotated.get(orig) == v ? g.producer.get(orig) : null;
    }

    /** {@code %s = mesh.shard %v to <p, partial = sum[partial]>} with every other use of {@code v} moved to {@code %s}. */
    private gvm.ir.Value annotate(gvm.ir.Value v, Placement p, long[] partial) {
      List<gvm.ir.OpOperand> uses = new ArrayList<>(v.uses());
      gvm.ir.Value s = shard(v, p, partial, false);
      for (gvm.ir.OpOperand u : uses) u.set(s);
      return s;
    }

    private gvm.ir.Value shard(gvm.ir.Value v, Placement p, long[] partial, boolean forUsers) {
      RankedTensorType t = (RankedTensorType) v.type();
      List<NamedAttribute> props = new ArrayList<>();
      gvm.dialect.mesh.ir.MeshShardingAttr a = p.toAttr(mesh, t.shape().rank());
      if (partial.length > 0) a = new gvm.dialect.mesh.ir.MeshShardingAttr(mesh, a.splitAxes(), gvm.dialect.mesh.ir.MeshShardingAttr.axes(partial), null);
      props.add(new NamedAttribute("shard", a));
      if (forUsers) props.add(new NamedAttribute("annotate_for_users", gvm.ir.attributes.UnitAttr.INSTANCE));
      gvm.ir.attributes.Location loc = v instanceof gvm.ir.OpResult r ? r.owner().loc() : ((gvm.ir.BlockArgument) v).loc();
      return b.create(ShardOp.DEF, loc, List.of(v), List.of(v.type()), props).result(0);
    }
  }
}

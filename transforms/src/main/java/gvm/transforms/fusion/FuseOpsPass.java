package gvm.transforms.fusion;

import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.func.ir.FuncOp;
import gvm.dialect.gptvm.ir.FusionOps;
import gvm.ir.Block;
import gvm.ir.OpOperand;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.Location;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import gvm.pass.PassOption;
import gvm.pass.PassRegistry;
import gvm.pass.Statistic;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gptvm-fuse}, TVM's FuseOps on gptvm: partitions each function's dataflow graph by the
 * ops' pattern kinds and post-dominators ({@link GraphPartitioner}) and outlines every group of
 * two or more ops into a {@code gptvm.fused} op, whose block arguments are the group's inputs and
 * whose {@code kind} is the least fusable kind of its ops. Model-agnostic: it reads only the
 * {@link OpPatternKind} interface.
 */
public final class FuseOpsPass extends Pass {
  final PassOption<Integer> maxGroupSize = intOption("max-group-size", "Most ops in one fused group", 256);
  final Statistic groups = statistic("fused-groups", "Number of gptvm.fused groups created");
  final Statistic fusedOps = statistic("fused-ops", "Number of ops moved into fused groups");
  final Statistic layerOpsBefore = statistic("ops-per-layer-before", "Top-level ops of the largest layer before fusion");
  final Statistic layerOps = statistic("ops-per-layer", "Top-level ops of the largest layer after fusion");

  /** Registers the fusion passes and the {@code gptvm-optimize} pipeline (from {@code Passes.registerAll}). */
  public static void registerAll() {
    PassRegistry.register(FuseParallelLinearsPass::new);
    PassRegistry.register(FuseOpsPass::new);
    PassRegistry.registerPipeline("gptvm-optimize", "Optimize a gptvm program: canonicalize, cse, combine parallel linears, fuse (gptvm-fuse)",
        "canonicalize,cse,gptvm-fuse-parallel-linears,gptvm-fuse");
  }

  public FuseOpsPass() { super("GptvmFuse", "gptvm-fuse", "Fuse ops into gptvm.fused groups by pattern kind (TVM FuseOps)", "builtin.module"); }

  @Override public void runOnOperation(Operation module, PassContext ctx) {
    layerOpsBefore.add(LayerStats.maxOpsPerLayer(module));
    for (Operation fn : module.region(0).front())
      if (fn.isA(FuncOp.DEF)) for (Block b : fn.region(0).blocks()) fuseBlock(b, ctx);
    layerOps.add(LayerStats.maxOpsPerLayer(module));
  }

  private void fuseBlock(Block block, PassContext ctx) {
    FusionGraph graph = new FusionGraph(block);
    GraphPartitioner partitioner = new GraphPartitioner(graph, Math.max(1, maxGroupSize.get()));
    int[] roots = partitioner.run();
    Map<Integer, List<Operation>> members = new LinkedHashMap<>();
    for (int i = 0; i < roots.length; i++) members.computeIfAbsent(roots[i], k -> new ArrayList<>()).add(graph.ops.get(i));
    for (List<Operation> group : members.values())
      if (group.size() > 1 && outline(group, ctx)) {
        groups.increment();
        fusedOps.add(group.size());
      }
  }

  /**
   * Moves {@code group} (in block order; its last op is the only one used outside) into a new
   * {@code gptvm.fused} op in place of the last. Returns false, changing nothing, when another
   * member is used outside (the partitioner never makes such a group).
   */
  private static boolean outline(List<Operation> group, PassContext ctx) {
    Map<Operation, Boolean> inGroup = new IdentityHashMap<>();
    for (Operation op : group) inGroup.put(op, true);
    Operation last = group.get(group.size() - 1);
    for (Operation op : group)
      if (op != last) for (Value r : op.results()) for (OpOperand u : r.uses()) if (!inGroup.containsKey(ancestorIn(u.owner(), last.parentBlock()))) return false;
    List<Value> inputs = new ArrayList<>();
    Map<Value, Integer> inputIndex = new IdentityHashMap<>();
    OpPatternKind kind = OpPatternKind.ELEMENTWISE;
    for (Operation op : group) {
      kind = OpPatternKind.combine(kind, FusionGraph.kindOf(op));
      for (Value v : op.operands()) {
        Operation def = v.definingOp();
        if ((def == null || !inGroup.containsKey(def)) && !inputIndex.containsKey(v)) {
          inputIndex.put(v, inputs.size());
          inputs.add(v);
        }
      }
    }
    OperationState st = new OperationState(groupLoc(group), ctx.context().opName(FusionOps.FusedOp.DEF.name()));
    st.operands.addAll(inputs);
    st.resultTypes.addAll(last.resultTypes());
    st.addProperty("kind", FusionOps.FusedOp.kindAttr(kind));
    Region region = OperationState.newDetachedRegion();
    Block body = new Block();
    region.addBlock(body);
    st.addRegion(region);
    for (Value v : inputs) body.addArgument(v.type(), groupLoc(group));
    Operation fused = Operation.create(st);
    last.parentBlock().insertBefore(last, fused);
    last.replaceAllUsesWith(fused.results());
    for (Operation op : group) {
      op.remove();
      body.append(op);
      for (int k = 0; k < op.numOperands(); k++) {
        Integer arg = inputIndex.get(op.operand(k));
        if (arg != null) op.setOperand(k, body.argument(arg));
      }
    }
    OperationState y = new OperationState(last.loc(), ctx.context().opName(FusionOps.YieldOp.DEF.name()));
    y.operands.addAll(last.results());
    body.append(Operation.create(y));
    return true;
  }

  private static Operation ancestorIn(Operation op, Block block) {
    while (op != null && op.parentBlock() != block) op = op.parentOp();
    return op;
  }

  /** The longest dotted prefix the members' location names share ({@code model.layers.0.mlp}), else the last op's location. */
  static Location groupLoc(List<Operation> group) {
    String prefix = null;
    for (Operation op : group) {
      String name = LayerStats.locName(op.loc());
      if (name == null) continue;
      prefix = prefix == null ? name : commonDottedPrefix(prefix, name);
    }
    return prefix == null || prefix.isEmpty() ? group.get(group.size() - 1).loc() : new Location.Name(prefix, Location.UNKNOWN);
  }

  static String commonDottedPrefix(String a, String b) {
    String[] x = a.split("\\."), y = b.split("\\.");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) sb.append(i == 0 ? "" : ".").append(x[i]);
    return sb.toString();
  }
}

package gvm.transforms.mesh;

import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.dialect.mesh.ir.ShardOp;
import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.TypeAttr;
import gvm.ir.def.Trait;
import gvm.ir.types.FunctionType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Type;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code mesh-spmdization}, as LLVM 19's Spmdization pass: rewrites a function annotated with
 * {@code mesh.shard} ops into the program one device runs. Block arguments take their sharded
 * types, each op is replaced by its per-device form ({@link ShardingInterface#spmdize}, or a plain
 * clone for ops without the interface), chained {@code mesh.shard} pairs become collectives
 * ({@link Resharding}), and the function type follows the new arguments and returned values.
 */
public final class SpmdizationPass extends Pass {
  public SpmdizationPass() {
    super("Spmdization", "mesh-spmdization", "Partition a function into SPMD form.", null);
  }

  /** An interface pass on FunctionOpInterface in MLIR: not nested implicitly, only scheduled on functions. */
  @Override public boolean canScheduleOn(Operation op) { return op.name().equals("func.func"); }

  @Override public void runOnOperation(Operation func, PassContext ctx) {
    if (func.numRegions() == 0 || func.region(0).blocks().isEmpty()) return;
    Spmdizer s = new Spmdizer(ctx);
    Region region = func.region(0);
    List<Block> original = new ArrayList<>(region.blocks());
    try {
      for (Block block : original) for (Operation op : block.operations()) checkShard(op, s);
      for (Block block : original) spmdizeBlock(block, region, s);
    } catch (Spmdizer.SpmdizationException e) {
      ctx.signalPassFailure();
      return;
    }
    for (Block block : original) for (Operation op : block.operations()) op.dropAllReferences();
    for (Block block : original) block.erase();
    Operation ret = null;
    for (Block block : region.blocks())
      if (!block.isEmpty() && block.last().hasTrait(Trait.RETURN_LIKE)) {
        ret = block.last();
        break;
      }
    List<Type> inputs = new ArrayList<>();
    for (BlockArgument a : region.blocks().get(0).arguments()) inputs.add(a.type());
    List<Type> results = ret != null ? ret.operandTypes()
        : ((FunctionType) ((TypeAttr) func.prop("function_type")).type()).results();
    func.setProp("function_type", new TypeAttr(new FunctionType(inputs, results)));
  }

  /**
   * Rejects the shardings spmdization cannot apply (MLIR 19 reads past the mesh shape or the tensor
   * shape on them): a mesh axis outside the mesh, more split-axes entries than the tensor has dimensions.
   */
  private static void checkShard(Operation op, Spmdizer s) {
    ShardOp shard = Shardings.shardOp(op);
    if (shard == null) return;
    MeshShardingAttr sh = shard.shard();
    long[] meshShape = s.meshShape(op, sh);
    List<gvm.ir.attributes.DenseArrayAttr> all = new ArrayList<>(sh.splitAxes());
    all.add(sh.partialAxes());
    for (gvm.ir.attributes.DenseArrayAttr axes : all)
      for (long a : axes.toArray())
        if (a >= meshShape.length)
          throw s.error(op, "0-based mesh axis index " + a + " is out of bounds. The referenced mesh \"" + sh.mesh().root() + "\" is of rank "
              + meshShape.length + ".");
    int rank = ((RankedTensorType) op.operand(0).type()).shape().rank();
    if (sh.splitAxes().size() > rank)
      throw s.error(op, "sharding has " + sh.splitAxes().size() + " split-axes entries for a tensor of rank " + rank);
  }

  private static void spmdizeBlock(Block block, Region region, Spmdizer s) {
    Block newBlock = new Block();
    region.addBlock(newBlock);
    Map<Value, Type> cacheTypes = KvSharding.rootTypes(block, s);
    for (BlockArgument arg : block.arguments()) {
      Type t = cacheTypes.getOrDefault(arg, arg.type());
      // MLIR expects exactly one use, by a mesh.shard; with more it takes the first on the use list.
      if (t instanceof RankedTensorType && arg.hasUses()) {
        ShardOp shard = Shardings.shardOp(arg.firstUse().owner());
        if (shard != null) t = Shardings.shardType(t, s.meshShape(shard.op(), shard.shard()), shard.shard());
      }
      s.mapping().map(arg, newBlock.addArgument(t, arg.loc()));
    }
    s.rewriter().setInsertionPointToEnd(newBlock);
    for (Operation op : new ArrayList<>(block.operations())) spmdizeOperation(op, s, cacheTypes);
  }

  private static void spmdizeOperation(Operation op, Spmdizer s, Map<Value, Type> cacheTypes) {
    ShardOp shard = Shardings.shardOp(op);
    if (shard != null) {
      Operation src = op.operand(0).definingOp();
      Value target = Shardings.shardOp(src) == null ? s.mapping().lookupOrDefault(op.operand(0))
          : Resharding.reshard(s, src, op, s.mapping().lookupOrDefault(src.result(0)));
      s.mapping().map(op.result(0), target);
      return;
    }
    List<Value> operands = new ArrayList<>();
    List<MeshShardingAttr> operandShardings = new ArrayList<>(), resultShardings = new ArrayList<>();
    for (Value v : op.operands()) {
      operands.add(s.mapping().lookupOrDefault(v));
      ShardOp def = v.type() instanceof RankedTensorType ? Shardings.shardOp(v.definingOp()) : null;
      operandShardings.add(def == null ? null : def.shard());
    }
    for (Value r : op.results()) {
      // MLIR expects one use, by a mesh.shard; with more it takes the first on the use list.
      ShardOp user = r.type() instanceof RankedTensorType && r.hasUses() ? Shardings.shardOp(r.firstUse().owner()) : null;
      resultShardings.add(user == null ? null : user.shard());
    }
    ShardingInterface iface = ShardingInterfaces.lookup(op);
    if (iface == null) {
      Operation clone = s.rewriter().clone(op, s.mapping());
      // kv.create, kv.advance (gvm): caches take their per-device types (see KvSharding).
      KvSharding.followCacheTypes(clone);
      if (op.numResults() == 1 && cacheTypes.containsKey(op.result(0))) {
        clone.result(0).setType(cacheTypes.get(op.result(0)));
        clone.setAttr(KvSharding.SHARDING_ATTR, null);
      }
    } else iface.spmdize(op, operands, operandShardings, resultShardings, s);
  }
}

package gvm.transforms.mesh;

import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.dialect.mesh.ir.ShardOp;
import gvm.ir.Block;
import gvm.ir.OpOperand;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.types.RankedTensorType;
import gvm.ir.def.Trait;
import gvm.ir.rewrite.PatternRewriter;
import gvm.pass.Pass;
import gvm.pass.PassOption;
import gvm.pass.PassContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sharding-propagation}, as LLVM 19's ShardingPropagation: visits the ops of a function's
 * single block backwards, then forwards; for each {@link ShardingInterface} op it picks the sharding
 * option that best agrees with the existing {@code mesh.shard} annotations of its operands and
 * results, and annotates the rest of them accordingly.
 */
public final class ShardingPropagationPass extends Pass {
  public ShardingPropagationPass() {
    super("ShardingPropagation", "sharding-propagation", "sharding propagation", null);
  }

  /** An interface pass on FunctionOpInterface in MLIR: not nested implicitly, only scheduled on functions. */
  @Override public boolean canScheduleOn(Operation op) { return op.name().equals("func.func"); }

  /** The order of the visits (LLVM 20's option; LLVM 19 always runs backward, then forward). */
  private final PassOption<String> traversal = enumOption("traversal", "Traversal order to use for sharding propagation:",
      orderedMap("forward", "Forward only traversal.", "backward", "backward only traversal.", "forward-backward", "forward-backward traversal.",
          "backward-forward", "backward-forward traversal."), "backward-forward");

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  @Override public void runOnOperation(Operation func, PassContext ctx) {
    if (func.numRegions() == 0 || func.region(0).blocks().size() != 1) {
      ctx.emitOpError(func, "only one block is supported!");
      ctx.signalPassFailure();
      return;
    }
    Block block = func.region(0).blocks().get(0);
    PatternRewriter b = new PatternRewriter(ctx.context());
    String order = traversal.get();
    for (String direction : order.split("-"))
      if (!visitAll(block, direction.equals("backward"), b, ctx)) {
        ctx.signalPassFailure();
        return;
      }
  }

  /** One sweep over the block's ops, in order or in reverse; false after an error. */
  private static boolean visitAll(Block block, boolean backward, PatternRewriter b, PassContext ctx) {
    List<Operation> ops = new ArrayList<>(block.operations());
    if (backward) Collections.reverse(ops);
    for (Operation op : ops) if (!visit(op, b, ctx)) return false;
    return true;
  }

  /** A sharding found for a value, and whether it is one the op must respect (MLIR's pair<bool, attr>). */
  private record Found(boolean first, MeshShardingAttr sharding) {}

  /** getMeshShardingAttr(OpResult). */
  private static Found resultSharding(Value v) {
    boolean forDef = false, forUsers = false;
    for (OpOperand u : v.uses()) {
      ShardOp s = Shardings.shardOp(u.owner());
      if (s != null && !s.annotateForUsers()) forDef = true;
      if (s != null && s.annotateForUsers()) forUsers = true;
    }
    if (forDef) {
      if (!v.hasOneUse()) return null;
      return new Found(false, new ShardOp(v.firstUse().owner()).shard());
    }
    if (forUsers)
      for (OpOperand u : v.uses()) {
        ShardOp s = Shardings.shardOp(u.owner());
        if (s != null) return new Found(true, s.shard());
      }
    return null;
  }

  /** getMeshShardingAttr(OpOperand). */
  private static Found operandSharding(Value v) {
    ShardOp s = Shardings.shardOp(v.definingOp());
    return s == null ? null : new Found(s.annotateForUsers(), s.shard());
  }

  /** getOrderedPossibleShardingAttrs: must shardings fixed, optional ones tried with and without. */
  private static List<List<MeshShardingAttr>> combinations(MeshShardingAttr[] must, MeshShardingAttr[] optional) {
    List<List<MeshShardingAttr>> all = new ArrayList<>();
    dfs(0, must, optional, new ArrayList<>(), all);
    return all;
  }

  private static void dfs(int i, MeshShardingAttr[] must, MeshShardingAttr[] optional, List<MeshShardingAttr> cur, List<List<MeshShardingAttr>> all) {
    if (i == must.length) {
      all.add(new ArrayList<>(cur));
      return;
    }
    if (must[i] != null) {
      cur.add(must[i]);
      dfs(i + 1, must, optional, cur, all);
      cur.remove(cur.size() - 1);
      return;
    }
    if (optional[i] != null) {
      cur.add(optional[i]);
      dfs(i + 1, must, optional, cur, all);
      cur.remove(cur.size() - 1);
    }
    cur.add(null);
    dfs(i + 1, must, optional, cur, all);
    cur.remove(cur.size() - 1);
  }

  /** 0: no resharding; 1: resharding only of annotations not aimed at this op; 2: resharding of this op's own annotations. */
  private static int reshardingRequirement(Operation op, List<MeshShardingAttr> shardings) {
    int res = 0;
    for (int i = 0; i < op.numOperands(); i++) {
      ShardOp s = Shardings.shardOp(op.operand(i).definingOp());
      if (s == null || Shardings.same(shardings.get(i), s.shard())) continue;
      if (s.annotateForUsers()) return 2;
      res = 1;
    }
    for (int r = 0; r < op.numResults(); r++)
      for (OpOperand u : op.result(r).uses()) {
        ShardOp s = Shardings.shardOp(u.owner());
        if (s == null || Shardings.same(shardings.get(op.numOperands() + r), s.shard())) continue;
        if (!s.annotateForUsers()) return 2;
        res = 1;
      }
    return res;
  }

  private static final Object FAILED = new Object();

  /** selectShardingOption: the first option needing no resharding, else the first with the least; FAILED on failure. */
  private static Object select(Operation op, ShardingInterface iface, List<List<MeshShardingAttr>> operandCombos,
      List<List<MeshShardingAttr>> resultCombos, PassContext ctx) {
    ShardingOption best = null;
    int bestReq = Integer.MAX_VALUE;
    for (List<MeshShardingAttr> results : resultCombos)
      for (List<MeshShardingAttr> operands : operandCombos) {
        ShardingOption option = ShardingOptions.getShardingOption(op, iface, operands, results, ctx::emitOpError);
        if (option == null || option.empty) continue;
        List<MeshShardingAttr> annotations = ShardingOptions.annotations(op, iface, option);
        if (annotations == null) return FAILED;
        int req = reshardingRequirement(op, annotations);
        if (req == 0) return option;
        if (req < bestReq) {
          best = option;
          bestReq = req;
        }
      }
    return best == null ? ShardingOption.makeEmpty() : best;
  }

  private static boolean hasTensorValue(Operation op) {
    for (Value v : op.operands()) if (v.type() instanceof RankedTensorType) return true;
    for (Value v : op.results()) if (v.type() instanceof RankedTensorType) return true;
    return false;
  }

  private static boolean visit(Operation op, PatternRewriter b, PassContext ctx) {
    if (op.hasTrait(Trait.TERMINATOR) || op.isA(ShardOp.DEF)) return true;
    // gvm: an op without tensor operands or results (index arithmetic, kv.seq_len, kv.advance)
    // carries no sharding and is passed over; mlir-opt-19 stops at it.
    if (!hasTensorValue(op)) return true;
    ShardingInterface iface = ShardingInterfaces.lookup(op);
    if (iface == null) {
      ctx.emitOpError(op, "sharding interface is not implemented.");
      return false;
    }
    MeshShardingAttr[] resultMust = new MeshShardingAttr[op.numResults()], resultOptional = new MeshShardingAttr[op.numResults()];
    for (int r = 0; r < op.numResults(); r++) {
      Found f = resultSharding(op.result(r));
      if (f == null) continue;
      if (!f.first()) resultMust[r] = f.sharding(); else resultOptional[r] = f.sharding();
    }
    MeshShardingAttr[] operandMust = new MeshShardingAttr[op.numOperands()], operandOptional = new MeshShardingAttr[op.numOperands()];
    for (int i = 0; i < op.numOperands(); i++) {
      Found f = operandSharding(op.operand(i));
      if (f == null) continue;
      if (f.first()) operandMust[i] = f.sharding(); else operandOptional[i] = f.sharding();
    }
    Object selected = select(op, iface, combinations(operandMust, operandOptional), combinations(resultMust, resultOptional), ctx);
    if (selected == FAILED) {
      ctx.emitOpError(op, "fail to get sharding option.");
      return false;
    }
    ShardingOption option = (ShardingOption) selected;
    if (option.empty) return true;
    if (!ShardingOptions.addAnnotations(op, iface, option, b)) {
      ctx.emitOpError(op, "fail to set sharding annotations.");
      return false;
    }
    return true;
  }

}

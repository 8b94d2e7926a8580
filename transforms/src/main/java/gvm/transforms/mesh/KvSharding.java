package gvm.transforms.mesh;

import gvm.dialect.kv.ir.CacheOps;
import gvm.dialect.kv.ir.KvCacheType;
import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.dialect.mesh.ir.ShardOp;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.types.Type;
import java.util.HashMap;
import java.util.Map;

/**
 * Sharded kv caches (gvm). A {@code !kv.cache} is no tensor, so no {@code mesh.shard} annotates it;
 * its sharding is that of its logical tensor {@code [layers, capacity, kv_heads, head_dim]}, of
 * which only {@code kv_heads} may be split. Spmdization finds it from the keys the function's
 * {@code kv.attend}/{@code kv.append} ops give the cache (their kv heads split over N devices make
 * every cache value they reach, back to a function argument or a {@code kv.create}, a per-device
 * cache of {@code kv_heads / N}), or, for a {@code kv.create} no such op uses (a function that only
 * creates the cache), from its discardable {@code mesh.sharding} attribute.
 */
final class KvSharding {
  private KvSharding() {}

  /**
   * The discardable attribute naming the sharding of a value that no {@code mesh.shard} can
   * annotate: on {@code kv.create} (the cache's logical tensor), and on a spmdized {@code
   * gptvm.param} (the slice of the checkpoint weight each device reads).
   */
  static final String SHARDING_ATTR = "mesh.sharding";

  /** The per-device cache type of each root cache value (function argument or kv.create result) of {@code block}. */
  static Map<Value, Type> rootTypes(Block block, Spmdizer s) {
    Map<Value, Type> types = new HashMap<>();
    for (Operation op : block.operations()) {
      if (op.isA(CacheOps.CreateOp.DEF) && op.attr(SHARDING_ATTR) instanceof MeshShardingAttr sh)
        put(types, op, op.result(0), localType(op, (KvCacheType) op.result(0).type(), sh, 2, s), s);
      Value key = op.isA(CacheOps.AttendOp.DEF) ? op.operand(2) : op.isA(CacheOps.AppendOp.DEF) ? op.operand(1) : null;
      if (key == null) continue;
      ShardOp shard = Shardings.shardOp(key.definingOp());
      if (shard == null) continue;
      Value root = root(op.operand(0));
      if (root.type() instanceof KvCacheType t) put(types, op, root, localType(op, t, shard.shard(), 1, s), s);
    }
    return types;
  }

  private static void put(Map<Value, Type> types, Operation at, Value root, Type t, Spmdizer s) {
    Type old = types.put(root, t);
    if (old != null && !old.equals(t)) throw s.error(at, "uses a kv cache sharded as " + t + " and as " + old);
  }

  /** The cache value {@code v} derives from through kv ops that take a cache and give one (append, advance, begin_forward). */
  private static Value root(Value v) {
    Operation def = v.definingOp();
    while (def != null && def.numOperands() > 0 && def.operand(0).type() instanceof KvCacheType && v.type() instanceof KvCacheType) {
      v = def.operand(0);
      def = v.definingOp();
    }
    return v;
  }

  /** The cache type with its kv heads split as dimension {@code headsDim} of {@code sh}; other split dimensions are errors. */
  private static KvCacheType localType(Operation at, KvCacheType t, MeshShardingAttr sh, int headsDim, Spmdizer s) {
    long n = 1;
    for (int d = 0; d < sh.splitAxes().size(); d++) {
      if (sh.splitAxes().get(d).size() == 0) continue;
      if (d != headsDim) throw s.error(at, "a kv cache can only be split along its kv heads");
      n = Shardings.groupSize(s.meshShape(at, sh), sh.splitAxes().get(d));
    }
    if (n <= 0 || t.kvHeads() % n != 0) throw s.error(at, "cannot split " + t.kvHeads() + " kv heads over " + n + " devices");
    return new KvCacheType(t.layers(), t.kvHeads() / n, t.headDim(), t.capacity(), t.dtype());
  }

  /** A spmdized kv op's cache results take the per-device type of its cache operand. */
  static void followCacheTypes(Operation clone) {
    if (clone.numOperands() == 0 || !(clone.operand(0).type() instanceof KvCacheType t)) return;
    for (int r = 0; r < clone.numResults(); r++) if (clone.result(r).type() instanceof KvCacheType) clone.result(r).setType(t);
  }
}

package gvm.transforms.mesh;

import gvm.dialect.mesh.ir.CollectiveOps;
import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.dialect.mesh.ir.ReductionKind;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Shape;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Resharding between two shardings of a value on a 1-D mesh, as LLVM 19's Spmdization.cpp: partial
 * axes are all-reduced first, then one of: moving the last split axis of a tensor dimension to
 * another (all_to_all), splitting a dimension further (all_slice), or unsplitting it (all_gather).
 */
final class Resharding {
  private final Spmdizer s;
  private final PatternRewriter b;
  private final Operation at;
  private final Location loc;
  private final long[] meshShape;

  private Resharding(Spmdizer s, Operation at, long[] meshShape) {
    this.s = s;
    this.b = s.rewriter();
    this.at = at;
    this.loc = at.loc();
    this.meshShape = meshShape;
  }

  /** The value {@code target} sees: {@code sourceShard} (sharded as {@code source}'s sharding) resharded. */
  static Value reshard(Spmdizer s, Operation source, Operation target, Value sourceShard) {
    MeshShardingAttr from = Shardings.shardOp(source).shard(), to = Shardings.shardOp(target).shard();
    if (Shardings.same(from, to)) return sourceShard;
    long[] meshShape = s.meshShape(target, to);
    Resharding r = new Resharding(s, target, meshShape);
    PatternRewriter.InsertPoint saved = s.rewriter().save();
    try {
      return r.on1DMesh(from, to, source.operand(0).type(), sourceShard);
    } finally {
      s.rewriter().restore(saved);
    }
  }

  private Value on1DMesh(MeshShardingAttr from, MeshShardingAttr to, Type unsharded, Value shard) {
    if (meshShape.length != 1) throw s.error(at, "resharding is only supported on 1-D meshes (as in MLIR 19)");
    if (to.partialAxes().size() > 0 && !Shardings.same(from, to)) throw s.error(at, "resharding to a sharding with partial axes is not supported");
    if (from.partialAxes().size() > 0) {
      List<Long> reduce = new ArrayList<>();
      for (long a : from.partialAxes().toArray()) if (!Shardings.list(to.partialAxes()).contains(a)) reduce.add(a);
      if (!reduce.isEmpty()) {
        setAfter(shard);
        List<NamedAttribute> props = new ArrayList<>(meshProps(from, Shardings.axes(reduce)));
        if (from.partialType() != ReductionKind.SUM) props.add(new NamedAttribute("reduction", new ReductionKind.Attr(from.partialType())));
        shard = b.create(CollectiveOps.ALL_REDUCE, loc, List.of(shard), List.of(shard.type()), props).result(0);
        from = new MeshShardingAttr(from.mesh(), from.splitAxes(), MeshShardingAttr.axes(), from.partialType());
      }
    }
    if (Shardings.same(from, to)) return shard;
    List<List<Long>> src = Shardings.splitLists(from), dst = Shardings.splitLists(to);
    // [[0]] -> [[], [0]]: move the last split axis of one dimension to another.
    for (int si = 0; si < src.size(); si++)
      for (int ti = 0; ti < dst.size(); ti++) {
        if (si == ti || src.get(si).isEmpty() || dst.get(ti).isEmpty()) continue;
        List<Long> a = src.get(si), c = dst.get(ti);
        if (!a.get(a.size() - 1).equals(c.get(c.size() - 1)) || !a.subList(0, a.size() - 1).equals(c.subList(0, c.size() - 1))) continue;
        return moveLastSplitAxis(from, unsharded, shard, si, ti, a.get(a.size() - 1));
      }
    // [[0, 1]] -> [[0, 1, 2]]: split a dimension further.
    for (int ti = 0; ti < dst.size(); ti++) {
      List<Long> c = dst.get(ti);
      if (ti < src.size()) {
        List<Long> a = src.get(ti);
        if (a.size() + 1 != c.size() || !a.equals(c.subList(0, c.size() - 1))) continue;
      } else if (c.size() != 1) continue;
      long axis = c.get(c.size() - 1);
      List<NamedAttribute> props = new ArrayList<>(meshProps(from, axis));
      props.add(new NamedAttribute("slice_axis", IntegerAttr.index(ti)));
      RankedTensorType t = (RankedTensorType) shard.type();
      long[] dims = t.shape().toArray();
      dims[ti] = Shardings.shardDimension(dims[ti], meshShape[(int) axis]);
      return b.create(CollectiveOps.ALL_SLICE, loc, List.of(shard), List.of(t.cloneWith(Shape.of(dims), t.elementType())), props).result(0);
    }
    // [[0, 1, 2]] -> [[0, 1]]: unsplit the last axis of a dimension.
    for (int si = 0; si < src.size(); si++) {
      List<Long> a = src.get(si);
      if (si < dst.size()) {
        List<Long> c = dst.get(si);
        if (a.size() != c.size() + 1 || !a.subList(0, a.size() - 1).equals(c)) continue;
      } else if (a.size() != 1) continue;
      long axis = a.get(a.size() - 1);
      setAfter(shard);
      List<List<Long>> targetSplit = new ArrayList<>(src);
      targetSplit.set(si, new ArrayList<>(a.subList(0, a.size() - 1)));
      MeshShardingAttr target = Shardings.make(from.mesh(), targetSplit, Shardings.list(from.partialAxes()), from.partialType());
      RankedTensorType t = (RankedTensorType) shard.type();
      long[] dims = t.shape().toArray();
      dims[si] = Shardings.gatherDimension(dims[si], meshShape[(int) axis]);
      List<NamedAttribute> props = new ArrayList<>(meshProps(from, axis));
      props.add(new NamedAttribute("gather_axis", IntegerAttr.index(si)));
      Value gathered = b.create(CollectiveOps.ALL_GATHER, loc, List.of(shard), List.of(t.cloneWith(Shape.of(dims), t.elementType())), props).result(0);
      return cast(gathered, Shardings.shardType(unsharded, meshShape, target));
    }
    throw s.error(at, "no resharding pattern applies between these shardings");
  }

  private Value moveLastSplitAxis(MeshShardingAttr from, Type unsharded, Value shard, int si, int ti, long axis) {
    setAfter(shard);
    List<List<Long>> split = Shardings.splitLists(from);
    while (split.size() <= ti) split.add(new ArrayList<>());
    List<Long> a = new ArrayList<>(split.get(si));
    a.remove(a.size() - 1);
    split.set(si, a);
    List<Long> c = new ArrayList<>(split.get(ti));
    c.add(axis);
    split.set(ti, c);
    MeshShardingAttr target = Shardings.make(from.mesh(), split, Shardings.list(from.partialAxes()), from.partialType());
    RankedTensorType t = (RankedTensorType) shard.type();
    long[] dims = t.shape().toArray();
    long n = meshShape[(int) axis];
    dims[si] = Shardings.gatherDimension(dims[si], n);
    dims[ti] = Shardings.shardDimension(dims[ti], n);
    List<NamedAttribute> props = new ArrayList<>(meshProps(from, axis));
    props.add(new NamedAttribute("split_axis", IntegerAttr.index(ti)));
    props.add(new NamedAttribute("concat_axis", IntegerAttr.index(si)));
    Value moved = b.create(CollectiveOps.ALL_TO_ALL, loc, List.of(shard), List.of(t.cloneWith(Shape.of(dims), t.elementType())), props).result(0);
    return cast(moved, Shardings.shardType(unsharded, meshShape, target));
  }

  private Value cast(Value v, Type to) {
    return b.create(s.context().context().lookupOp("tensor.cast"), loc, List.of(v), List.of(to), List.of()).result(0);
  }

  private void setAfter(Value v) {
    Operation def = v.definingOp();
    if (def != null) b.setInsertionPointAfter(def); else b.setInsertionPointToStart(v.parentBlock());
  }

  private static List<NamedAttribute> meshProps(MeshShardingAttr sharding, long... axes) {
    return List.of(new NamedAttribute("mesh", sharding.mesh()), new NamedAttribute("mesh_axes", MeshShardingAttr.axes(axes)));
  }

}

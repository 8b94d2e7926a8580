package gvm.transforms.mesh;

import gvm.dialect.builtin.ir.SymbolTable;
import gvm.dialect.mesh.ir.MeshOp;
import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.dialect.mesh.ir.ReductionKind;
import gvm.dialect.mesh.ir.ShardOp;
import gvm.ir.OpOperand;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.attributes.UnitAttr;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Shape;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/** Helpers on {@link MeshShardingAttr} and {@code mesh.shard} ops shared by the mesh passes (MLIR's MeshOps.cpp utilities). */
final class Shardings {
  private Shardings() {}

  /** MeshShardingAttr::operator==: trailing empty split-axes entries do not count; the partial type only with partial axes. */
  static boolean same(MeshShardingAttr a, MeshShardingAttr b) {
    if (a == null || b == null) return a == b;
    if (!a.mesh().equals(b.mesh()) || !a.partialAxes().equals(b.partialAxes())) return false;
    if (a.partialAxes().size() > 0 && a.partialType() != b.partialType()) return false;
    List<DenseArrayAttr> x = a.splitAxes(), y = b.splitAxes();
    int min = Math.min(x.size(), y.size());
    for (int i = 0; i < min; i++) if (!x.get(i).equals(y.get(i))) return false;
    for (int i = min; i < x.size(); i++) if (x.get(i).size() != 0) return false;
    for (int i = min; i < y.size(); i++) if (y.get(i).size() != 0) return false;
    return true;
  }

  static long[] axes(List<Long> l) {
    long[] r = new long[l.size()];
    for (int i = 0; i < r.length; i++) r[i] = l.get(i);
    return r;
  }

  static List<Long> list(DenseArrayAttr a) {
    List<Long> l = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) l.add(a.get(i));
    return l;
  }

  static MeshShardingAttr make(SymbolRefAttr mesh, List<List<Long>> split, List<Long> partial, ReductionKind kind) {
    List<DenseArrayAttr> s = new ArrayList<>();
    for (List<Long> l : split) s.add(MeshShardingAttr.axes(axes(l)));
    return new MeshShardingAttr(mesh, s, MeshShardingAttr.axes(axes(partial)), kind);
  }

  static List<List<Long>> splitLists(MeshShardingAttr a) {
    List<List<Long>> r = new ArrayList<>();
    for (DenseArrayAttr d : a.splitAxes()) r.add(list(d));
    return r;
  }

  /** Whether {@code a} splits no dimension and has no partial axes. */
  static boolean isReplicated(MeshShardingAttr a) {
    if (a.partialAxes().size() > 0) return false;
    for (DenseArrayAttr d : a.splitAxes()) if (d.size() > 0) return false;
    return true;
  }

  static <T extends List<?>> void removeTrailingEmpty(List<T> l) {
    while (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) l.remove(l.size() - 1);
  }

  static ShardOp shardOp(Operation op) { return op != null && op.isA(ShardOp.DEF) ? new ShardOp(op) : null; }

  /** Creates {@code mesh.shard value to sharding} at the rewriter's insertion point. */
  static Operation createShard(PatternRewriter b, Value value, MeshShardingAttr sharding, boolean forUsers) {
    List<NamedAttribute> props = new ArrayList<>();
    props.add(new NamedAttribute("shard", sharding));
    if (forUsers) props.add(new NamedAttribute("annotate_for_users", UnitAttr.INSTANCE));
    Operation def = value.definingOp();
    return b.create(ShardOp.DEF, def != null ? def.loc() : ((gvm.ir.BlockArgument) value).loc(), List.of(value), List.of(value.type()), props);
  }

  /** Points the operands of {@code owner} that are {@code from} at {@code to}. */
  static void replaceUsesIn(Value from, Value to, Operation owner) {
    for (OpOperand u : new ArrayList<>(from.uses())) if (u.owner() == owner) u.set(to);
  }

  /** maybeInsertTargetShardingAnnotation for one use of an op result. */
  static void insertTargetAnnotation(PatternRewriter b, MeshShardingAttr sharding, OpOperand use) {
    Value value = use.get();
    Operation user = use.owner();
    PatternRewriter.InsertPoint saved = b.save();
    try {
      Operation def = value.definingOp();
      if (def != null) b.setInsertionPointAfter(def); else b.setInsertionPointToStart(value.parentBlock());
      ShardOp shard = shardOp(user);
      if (shard != null && same(shard.shard(), sharding) && !shard.annotateForUsers()) return;
      Operation newShard = createShard(b, value, sharding, false);
      replaceUsesIn(value, newShard.result(0), user);
      if (shard == null || shard.annotateForUsers()) return;
      Operation newShard2 = createShard(b, newShard.result(0), sharding, true);
      for (OpOperand u : new ArrayList<>(newShard.result(0).uses())) if (u.owner() != newShard2) u.set(newShard2.result(0));
    } finally {
      b.restore(saved);
    }
  }

  static void insertTargetAnnotations(PatternRewriter b, MeshShardingAttr sharding, Value result) {
    for (OpOperand use : new ArrayList<>(result.uses())) insertTargetAnnotation(b, sharding, use);
  }

  /** maybeInsertSourceShardingAnnotation for an operand. */
  static void insertSourceAnnotation(PatternRewriter b, MeshShardingAttr sharding, OpOperand operand) {
    Value value = operand.get();
    Operation owner = operand.owner();
    Operation src = value.definingOp();
    ShardOp shard = shardOp(src);
    if (shard != null && same(shard.shard(), sharding) && shard.annotateForUsers()) return;
    PatternRewriter.InsertPoint saved = b.save();
    try {
      b.setInsertionPoint(owner);
      Operation newShard = createShard(b, value, sharding, true);
      replaceUsesIn(value, newShard.result(0), owner);
      if (src == null || shard == null || !shard.annotateForUsers()) return;
      b.setInsertionPoint(newShard);
      Operation preceding = createShard(b, value, sharding, false);
      newShard.setOperand(0, preceding.result(0));
    } finally {
      b.restore(saved);
    }
  }

  /** The {@code mesh.mesh} op {@code ref} names, looked up from {@code from}; null if none. */
  static Operation lookupMesh(Operation from, SymbolRefAttr ref) {
    Operation found = SymbolTable.lookupNearestSymbolFrom(from, ref);
    return found != null && found.isA(MeshOp.DEF) ? found : null;
  }

  static long[] meshShape(Operation mesh) { return ((DenseArrayAttr) mesh.prop("shape")).toArray(); }

  /** collectiveProcessGroupSize: the number of devices along {@code axes}, or dynamic. */
  static long groupSize(long[] meshShape, DenseArrayAttr axes) {
    long n = 1;
    for (int i = 0; i < axes.size(); i++) {
      long d = meshShape[(int) axes.get(i)];
      if (d == ShapedType.DYNAMIC) return ShapedType.DYNAMIC;
      n *= d;
    }
    return n;
  }

  static long shardDimension(long dim, long count) {
    if (dim == ShapedType.DYNAMIC || count == ShapedType.DYNAMIC) return ShapedType.DYNAMIC;
    return dim / count;
  }

  static long gatherDimension(long dim, long count) {
    if (dim == ShapedType.DYNAMIC || count == ShapedType.DYNAMIC) return ShapedType.DYNAMIC;
    return dim * count;
  }

  /** shardShapedType: the per-device type of a ranked tensor sharded as {@code sharding}; other types as they are. */
  static Type shardType(Type t, long[] meshShape, MeshShardingAttr sharding) {
    if (!(t instanceof RankedTensorType r) || sharding == null) return t;
    long[] dims = r.shape().toArray();
    for (int i = 0; i < sharding.splitAxes().size() && i < dims.length; i++)
      dims[i] = shardDimension(dims[i], groupSize(meshShape, sharding.splitAxes().get(i)));
    return r.cloneWith(Shape.of(dims), r.elementType());
  }
}

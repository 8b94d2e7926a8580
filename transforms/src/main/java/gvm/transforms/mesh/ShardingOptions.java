package gvm.transforms.mesh;

import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.dialect.mesh.ir.ReductionKind;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.affine.AffineExpr;
import gvm.ir.affine.AffineMap;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.types.RankedTensorType;
import gvm.transforms.mesh.ShardingInterface.IteratorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The default ShardingInterface methods of MLIR 19 (ShardingInterface.cpp): deriving a sharding
 * option from the annotated operands and results, the annotations a sharding option implies, and
 * inserting them.
 */
final class ShardingOptions {
  private ShardingOptions() {}

  /** verifyShardingInterfaceImpl. */
  static boolean verifyImpl(Operation op, ShardingInterface iface) {
    if (!iface.allowsNonTensorValues()) {
      for (Value v : op.operands()) if (!(v.type() instanceof RankedTensorType)) return false;
      for (Value v : op.results()) if (!(v.type() instanceof RankedTensorType)) return false;
    }
    if (iface.loopIteratorTypes(op).isEmpty()) return false;
    List<AffineMap> maps = iface.indexingMaps(op);
    if (maps.isEmpty() || maps.size() != op.numOperands() + op.numResults()) return false;
    for (int i = 0; i < op.numResults(); i++) if (!isProjectedPermutation(maps.get(op.numOperands() + i))) return false;
    return true;
  }

  static boolean isProjectedPermutation(AffineMap map) {
    if (map.numSymbols() > 0 || map.results().size() > map.numDims()) return false;
    Set<Integer> seen = new java.util.HashSet<>();
    for (AffineExpr e : map.results()) if (!(e instanceof AffineExpr.Dim d) || !seen.add(d.position())) return false;
    return true;
  }

  /** checkOperandAffineExpr: the loops of {@code const * dim + dim + ...}, or null for any other form. */
  static Set<Integer> operandLoops(AffineExpr expr, int numDims) {
    boolean[] seen = new boolean[numDims];
    if (!collectLoops(expr, seen)) return null;
    Set<Integer> r = new TreeSet<>();
    for (int i = 0; i < numDims; i++) if (seen[i]) r.add(i);
    return r;
  }

  private static boolean collectLoops(AffineExpr expr, boolean[] seen) {
    if (expr instanceof AffineExpr.Binary b && b.kind() == AffineExpr.Kind.ADD) return collectLoops(b.lhs(), seen) && collectLoops(b.rhs(), seen);
    if (expr instanceof AffineExpr.Binary b && b.kind() == AffineExpr.Kind.MUL) {
      AffineExpr dim;
      if (b.lhs() instanceof AffineExpr.Dim && b.rhs() instanceof AffineExpr.Constant) dim = b.lhs();
      else if (b.rhs() instanceof AffineExpr.Dim && b.lhs() instanceof AffineExpr.Constant) dim = b.rhs();
      else return false;
      return markLoop((AffineExpr.Dim) dim, seen);
    }
    if (expr instanceof AffineExpr.Dim d) return markLoop(d, seen);
    return false;
  }

  private static boolean markLoop(AffineExpr.Dim d, boolean[] seen) {
    if (d.position() >= seen.length || seen[d.position()]) return false;
    seen[d.position()] = true;
    return true;
  }

  /** fillShardingOption for an annotation; a loop the op cannot split is left unsharded (gvm). */
  private static boolean fillFrom(Operation op, ShardingInterface iface, ShardingOption option, SymbolRefAttr mesh, List<Long> meshAxes, int loop) {
    if (!iface.isLoopShardable(op, loop)) {
      if (mesh != null && option.mesh == null) option.mesh = mesh;
      return true;
    }
    return fill(option, mesh, meshAxes, loop);
  }

  /** fillShardingOption; false on a conflict. */
  private static boolean fill(ShardingOption option, SymbolRefAttr mesh, List<Long> meshAxes, int loop) {
    if ((option.mesh != null && mesh != null && !option.mesh.equals(mesh))
        || (!option.shardingArray.get(loop).isEmpty() && !option.shardingArray.get(loop).equals(meshAxes))) return false;
    for (int i = 0; i < option.shardingArray.size(); i++) {
      if (i == loop) continue;
      for (Long axis : meshAxes) if (option.shardingArray.get(i).contains(axis)) return false;
    }
    if (mesh != null) option.mesh = mesh;
    if (option.shardingArray.get(loop).isEmpty()) option.shardingArray.get(loop).addAll(meshAxes);
    return true;
  }

  /** defaultGetShardingOption; null (after reporting through {@code error} where MLIR does) on failure. */
  static ShardingOption getShardingOption(Operation op, ShardingInterface iface, List<MeshShardingAttr> operandShardings,
      List<MeshShardingAttr> resultShardings, BiConsumer<Operation, String> error) {
    if (!verifyImpl(op, iface)) {
      error.accept(op, "invalid sharding interface implementation");
      return null;
    }
    List<IteratorType> loopTypes = iface.loopIteratorTypes(op);
    List<AffineMap> maps = iface.indexingMaps(op);
    int numOperands = op.numOperands();
    ShardingOption option = new ShardingOption(loopTypes.size());
    List<Long> partialMeshAxes = new ArrayList<>();
    Set<Integer> visited = new java.util.HashSet<>();
    boolean any = false;
    for (int r = 0; r < resultShardings.size(); r++) {
      MeshShardingAttr attr = resultShardings.get(r);
      if (attr == null) continue;
      AffineMap map = maps.get(numOperands + r);
      any = true;
      for (int i = 0; i < Math.min(map.results().size(), attr.splitAxes().size()); i++) {
        int loop = ((AffineExpr.Dim) map.results().get(i)).position();
        visited.add(loop);
        if (!fillFrom(op, iface, option, attr.mesh(), Shardings.list(attr.splitAxes().get(i)), loop)) return null;
      }
      if (attr.partialAxes().size() > 0) {
        if (!partialMeshAxes.isEmpty()) {
          error.accept(op, "at most one result with partial axes is supported at present");
          return null;
        }
        partialMeshAxes.addAll(Shardings.list(attr.partialAxes()));
        for (int l = 0; l < loopTypes.size(); l++) if (loopTypes.get(l) == IteratorType.REDUCTION) visited.add(l);
      }
    }
    for (int o = 0; o < operandShardings.size(); o++) {
      MeshShardingAttr attr = operandShardings.get(o);
      if (attr == null) continue;
      any = true;
      AffineMap map = maps.get(o);
      for (int i = 0; i < Math.min(map.results().size(), attr.splitAxes().size()); i++) {
        Set<Integer> loops = operandLoops(map.results().get(i), map.numDims());
        if (loops == null) {
          error.accept(op, "operand's affine expression is restricted to const_i * dim_i + const_j + dim_j + ...");
          return null;
        }
        if (loops.isEmpty()) continue;
        if (loops.size() == 1) {
          int loop = loops.iterator().next();
          visited.add(loop);
          if (!fillFrom(op, iface, option, attr.mesh(), Shardings.list(attr.splitAxes().get(i)), loop)) return null;
        } else if (loops.stream().noneMatch(visited::contains)) {
          error.accept(op, "the operand " + o + " has multiple loop indices in a dimension, but none of them could be found in the exactly "
              + "specified annotation of op results or operands.");
          return null;
        }
      }
    }
    if (!partialMeshAxes.isEmpty()) {
      boolean anyReductionSharded = false;
      for (int l = 0; l < loopTypes.size(); l++)
        if (loopTypes.get(l) == IteratorType.REDUCTION && !option.shardingArray.get(l).isEmpty()) anyReductionSharded = true;
      if (!anyReductionSharded) {
        boolean filled = false;
        for (int l = 0; l < loopTypes.size(); l++)
          if (loopTypes.get(l) == IteratorType.REDUCTION && iface.isLoopShardable(op, l)) {
            fill(option, null, partialMeshAxes, l);
            filled = true;
            break;
          }
        if (!filled) {
          error.accept(op, "no matched reduction loop found for the result's partial type");
          return null;
        }
      }
    }
    Shardings.removeTrailingEmpty(option.shardingArray);
    if (!any) option.empty = true;
    // Only partial or fully replicated annotations fill no loop, so the mesh stays unset (MLIR 19 then
    // crashes building annotations on a null mesh): take it from the first annotation instead.
    if (option.mesh == null) {
      for (MeshShardingAttr a : resultShardings) if (option.mesh == null && a != null) option.mesh = a.mesh();
      for (MeshShardingAttr a : operandShardings) if (option.mesh == null && a != null) option.mesh = a.mesh();
    }
    return option;
  }

  /** The sharding a result gets under {@code option}. */
  static MeshShardingAttr resultSharding(Operation op, int r, ShardingOption option, AffineMap map, List<IteratorType> loopTypes,
      List<ReductionKind> reductionKinds) {
    int rank = ((RankedTensorType) op.result(r).type()).shape().rank();
    List<List<Long>> split = new ArrayList<>();
    for (int i = 0; i < rank; i++) split.add(new ArrayList<>());
    for (int i = 0; i < map.results().size(); i++) {
      int loop = ((AffineExpr.Dim) map.results().get(i)).position();
      if (loop < option.shardingArray.size()) split.get(i).addAll(option.shardingArray.get(loop));
    }
    ReductionKind partialType = ReductionKind.SUM;
    List<Long> partial = new ArrayList<>();
    int k = 0;
    for (int l = 0; l < Math.min(loopTypes.size(), option.shardingArray.size()); l++) {
      if (loopTypes.get(l) != IteratorType.REDUCTION) continue;
      partialType = reductionKinds.get(k++);
      partial.addAll(option.shardingArray.get(l));
    }
    Shardings.removeTrailingEmpty(split);
    return Shardings.make(option.mesh, split, partial, partialType);
  }

  /** The sharding an operand gets under {@code option}; null when a dimension would be split by two loops. */
  static MeshShardingAttr operandSharding(Value operand, ShardingOption option, AffineMap map) {
    int rank = ((RankedTensorType) operand.type()).shape().rank();
    List<List<Long>> split = new ArrayList<>();
    for (int i = 0; i < rank; i++) split.add(new ArrayList<>());
    for (int i = 0; i < map.results().size(); i++) {
      Set<Integer> loops = operandLoops(map.results().get(i), map.numDims());
      if (loops == null) return null;
      List<Integer> sharded = new ArrayList<>();
      for (int loop : loops) if (loop < option.shardingArray.size() && !option.shardingArray.get(loop).isEmpty()) sharded.add(loop);
      if (sharded.size() > 1) return null;
      if (sharded.size() == 1) split.get(i).addAll(option.shardingArray.get(sharded.get(0)));
    }
    Shardings.removeTrailingEmpty(split);
    return Shardings.make(option.mesh, split, List.of(), ReductionKind.SUM);
  }

  /** defaultGetShardingAnnotations: operands' shardings then results'; null on failure. */
  static List<MeshShardingAttr> annotations(Operation op, ShardingInterface iface, ShardingOption option) {
    List<IteratorType> loopTypes = iface.loopIteratorTypes(op);
    List<ReductionKind> kinds = iface.reductionLoopKinds(op);
    List<AffineMap> maps = iface.indexingMaps(op);
    List<MeshShardingAttr> res = new ArrayList<>();
    for (int i = 0; i < op.numOperands(); i++) {
      if (!(op.operand(i).type() instanceof RankedTensorType)) {
        res.add(null);
        continue;
      }
      MeshShardingAttr a = operandSharding(op.operand(i), option, maps.get(i));
      if (a == null) return null;
      res.add(a);
    }
    for (int r = 0; r < op.numResults(); r++)
      res.add(op.result(r).type() instanceof RankedTensorType ? resultSharding(op, r, option, maps.get(op.numOperands() + r), loopTypes, kinds) : null);
    return res;
  }

  /** defaultAddShardingAnnotations: results first, then operands; false on failure. */
  static boolean addAnnotations(Operation op, ShardingInterface iface, ShardingOption option, PatternRewriter b) {
    List<IteratorType> loopTypes = iface.loopIteratorTypes(op);
    List<ReductionKind> kinds = iface.reductionLoopKinds(op);
    List<AffineMap> maps = iface.indexingMaps(op);
    for (int r = 0; r < op.numResults(); r++)
      if (op.result(r).type() instanceof RankedTensorType)
        Shardings.insertTargetAnnotations(b, resultSharding(op, r, option, maps.get(op.numOperands() + r), loopTypes, kinds), op.result(r));
    for (int i = 0; i < op.numOperands(); i++) {
      if (!(op.operand(i).type() instanceof RankedTensorType)) continue;
      MeshShardingAttr a = operandSharding(op.operand(i), option, maps.get(i));
      if (a == null) return false;
      Shardings.insertSourceAnnotation(b, a, op.operandSlot(i));
    }
    return true;
  }

}

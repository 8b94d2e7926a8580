package gvm.transforms.mesh;

import gvm.dialect.linalg.ir.NamedStructuredOps;
import gvm.dialect.mesh.ir.CollectiveOps;
import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.dialect.mesh.ir.QueryOps;
import gvm.dialect.mesh.ir.ReductionKind;
import gvm.ir.Block;
import gvm.ir.IRMapping;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.affine.AffineExpr;
import gvm.ir.affine.AffineMap;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.types.FloatType;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Type;
import gvm.transforms.mesh.ShardingInterface.IteratorType;
import gvm.transforms.mesh.ShardingInterfaces.LinalgSharding;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * LLVM 19's LinalgShardingInterfaceImpl spmdize: a linalg op whose loops are all split along
 * parallel iterators is cloned with sharded types; one with a split reduction loop starts its
 * accumulator from the init on the group's first device and from the reduction's neutral element
 * elsewhere, then all-reduces the results that are not left partial.
 */
final class LinalgSpmdization {
  private LinalgSpmdization() {}

  static void spmdize(Operation op, LinalgSharding iface, List<Value> spmdizedOperands, List<MeshShardingAttr> operandShardings,
      List<MeshShardingAttr> resultShardings, Spmdizer s) {
    List<AffineMap> maps = LinalgSharding.operandMaps(op);
    for (AffineMap m : maps)
      if (!ShardingOptions.isProjectedPermutation(m)) throw s.error(op, "supports indexing maps that are only projected permutation.");
    List<IteratorType> loopTypes = iface.loopIteratorTypes(op);
    List<List<Long>> assignment = new ArrayList<>();
    List<Boolean> assigned = new ArrayList<>();
    for (int i = 0; i < loopTypes.size(); i++) {
      assignment.add(new ArrayList<>());
      assigned.add(false);
    }
    for (int i = 0; i < Math.min(operandShardings.size(), maps.size()); i++) {
      MeshShardingAttr sh = operandShardings.get(i);
      if (sh == null) continue;
      List<AffineExpr> exprs = maps.get(i).results();
      for (int d = 0; d < exprs.size(); d++) {
        int loop = ((AffineExpr.Dim) exprs.get(d)).position();
        if (assigned.get(loop)) continue;
        assigned.set(loop, true);
        if (d < sh.splitAxes().size()) assignment.get(loop).addAll(Shardings.list(sh.splitAxes().get(d)));
      }
    }
    List<Long> reductionAxes = new ArrayList<>();
    for (int l = 0; l < loopTypes.size(); l++) if (loopTypes.get(l) == IteratorType.REDUCTION) reductionAxes.addAll(assignment.get(l));
    if (reductionAxes.isEmpty()) {
      s.cloneTriviallySharded(op, resultShardings, s.mapping());
      return;
    }
    MeshShardingAttr any = null;
    for (MeshShardingAttr a : operandShardings) if (any == null && a != null) any = a;
    for (MeshShardingAttr a : resultShardings) if (any == null && a != null) any = a;
    int[] seg = LinalgSharding.segments(op);
    int initIdx = seg[0];
    List<Value> operands = new ArrayList<>(spmdizedOperands);
    operands.set(initIdx, initOperand(op, s.mapping().lookup(op.operand(initIdx)), reductionAxes, any, s));
    IRMapping internal = new IRMapping();
    for (int i = 0; i < op.numOperands(); i++) internal.map(op.operand(i), operands.get(i));
    s.cloneTriviallySharded(op, resultShardings, internal);
    for (Value r : op.results()) s.mapping().map(r, internal.lookup(r));
    ReductionKind kind = LinalgSharding.reductionKind(op);
    for (int r = 0; r < op.numResults(); r++) {
      MeshShardingAttr sh = resultShardings.get(r);
      if (sh == null) continue;
      List<Long> axes = new ArrayList<>();
      for (long a : reductionAxes) if (!Shardings.list(sh.partialAxes()).contains(a)) axes.add(a);
      if (axes.isEmpty()) continue;
      Value v = s.mapping().lookup(op.result(r));
      List<NamedAttribute> props = new ArrayList<>(List.of(new NamedAttribute("mesh", sh.mesh()),
          new NamedAttribute("mesh_axes", MeshShardingAttr.axes(Shardings.axes(axes)))));
      if (kind != ReductionKind.SUM) props.add(new NamedAttribute("reduction", new ReductionKind.Attr(kind)));
      s.mapping().map(op.result(r), s.rewriter().create(CollectiveOps.ALL_REDUCE, op.loc(), List.of(v), List.of(v.type()), props).result(0));
    }
  }

  /** createDestinationPassingStyleInitOperand: {@code scf.if} on the process index in the reduction group. */
  private static Value initOperand(Operation op, Value init, List<Long> reductionAxes, MeshShardingAttr sharding, Spmdizer s) {
    PatternRewriter b = s.rewriter();
    Location loc = op.loc();
    if (reductionAxes.size() != 1) throw s.error(op, "a reduction split over more than one mesh axis is not supported yet");
    if (!(init.type() instanceof RankedTensorType initType) || !initType.shape().isStatic())
      throw s.error(op, "a split reduction needs a statically shaped init operand");
    Operation combiner = LinalgSharding.combiner(op);
    Attribute neutral = combiner == null ? null : neutralElement(combiner);
    if (neutral == null) throw s.error(op, "Failed to get an identity value for the reduction operation.");
    List<NamedAttribute> axes = List.of(new NamedAttribute("mesh", sharding.mesh()),
        new NamedAttribute("axes", MeshShardingAttr.axes(Shardings.axes(reductionAxes))));
    Value index = b.create(QueryOps.ProcessMultiIndexOp.DEF, loc, List.of(), List.of(IndexType.INSTANCE), axes).result(0);
    b.create(QueryOps.MeshShapeOp.DEF, loc, List.of(), List.of(IndexType.INSTANCE), axes);
    Value zero = constant(b, loc, IntegerAttr.index(0), IndexType.INSTANCE);
    Value isLead = b.create(s.context().context().lookupOp("arith.cmpi"), loc, List.of(index, zero), List.of(IntegerType.I1),
        List.of(new NamedAttribute("predicate", gvm.dialect.arith.ir.ArithEnums.CmpIPredicate.EQ.attr()))).result(0);
    OperationState st = new OperationState(loc, s.context().context().opName("scf.if"));
    st.operands.add(isLead);
    st.resultTypes.add(init.type());
    Block thenBlock = new Block(), elseBlock = new Block();
    Region thenRegion = OperationState.newDetachedRegion(), elseRegion = OperationState.newDetachedRegion();
    thenRegion.addBlock(thenBlock);
    elseRegion.addBlock(elseBlock);
    st.addRegion(thenRegion);
    st.addRegion(elseRegion);
    Operation ifOp = b.create(st);
    PatternRewriter.InsertPoint saved = b.save();
    try {
      b.setInsertionPointToEnd(thenBlock);
      createYield(b, loc, init, s);
      b.setInsertionPointToEnd(elseBlock);
      Value empty = b.create(s.context().context().lookupOp("tensor.empty"), loc, List.of(), List.of(init.type()), List.of()).result(0);
      Type elem = initType.elementType();
      Value cst = constant(b, loc, neutral, elem);
      Operation fill = b.insert(NamedStructuredOps.create(s.context().context(), NamedStructuredOps.FILL, loc, List.of(cst), List.of(empty)));
      createYield(b, loc, fill.result(0), s);
    } finally {
      b.restore(saved);
    }
    return ifOp.result(0);
  }

  private static void createYield(PatternRewriter b, Location loc, Value v, Spmdizer s) {
    b.create(s.context().context().lookupOp("scf.yield"), loc, List.of(v), List.of(), List.of());
  }

  private static Value constant(PatternRewriter b, Location loc, Attribute value, Type type) {
    return b.create(b.context().lookupOp("arith.constant"), loc, List.of(), List.of(type), List.of(new NamedAttribute("value", value))).result(0);
  }

  /** arith::getNeutralElement of the combining op, in its result type; null when it has none. */
  static Attribute neutralElement(Operation combiner) {
    Type t = combiner.result(0).type();
    if (t instanceof FloatType f) {
      return switch (combiner.name()) {
        case "arith.addf" -> FloatAttr.of(f, 0.0);
        case "arith.mulf" -> FloatAttr.of(f, 1.0);
        case "arith.maximumf" -> FloatAttr.of(f, Double.NEGATIVE_INFINITY);
        case "arith.minimumf" -> FloatAttr.of(f, Double.POSITIVE_INFINITY);
        default -> null;
      };
    }
    if (t instanceof IntegerType i) {
      int w = IntegerAttr.width(i);
      BigInteger one = BigInteger.ONE;
      return switch (combiner.name()) {
        case "arith.addi", "arith.ori", "arith.xori", "arith.maxui" -> IntegerAttr.of(i, 0);
        case "arith.muli" -> IntegerAttr.of(i, 1);
        case "arith.andi", "arith.minui" -> IntegerAttr.of(i, -1);
        case "arith.maxsi" -> IntegerAttr.of(i, one.shiftLeft(w - 1).negate());
        case "arith.minsi" -> IntegerAttr.of(i, one.shiftLeft(w - 1).subtract(one));
        default -> null;
      };
    }
    return null;
  }
}

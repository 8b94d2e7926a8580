package gvm.transforms.fusion;

import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.ir.Block;
import gvm.ir.OpOperand;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.Trait;
import gvm.ir.rewrite.SideEffects;
import gvm.ir.types.RankedTensorType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dataflow graph of one block as TVM's IndexedForwardGraph: one node per op (block order is a
 * topological order), each with its pattern kind and its consumer edges. An edge carries the
 * consumer's kind, a broadcast consumer reading a same-shaped operand counting as elementwise. A
 * node whose value leaves the block (the terminator, another block) is {@code external}.
 */
final class FusionGraph {
  record Edge(int node, OpPatternKind pattern) {}

  final List<Operation> ops = new ArrayList<>();
  final List<OpPatternKind> kinds = new ArrayList<>();
  final List<List<Edge>> outputs = new ArrayList<>();
  final List<Boolean> external = new ArrayList<>();
  private final Map<Operation, Integer> index = new IdentityHashMap<>();

  FusionGraph(Block block) {
    for (Operation op : block) {
      if (op == block.last() && op.hasTrait(Trait.TERMINATOR)) break;
      index.put(op, ops.size());
      ops.add(op);
      kinds.add(kindOf(op));
    }
    for (Operation op : ops) {
      List<Edge> out = new ArrayList<>();
      boolean ext = false;
      for (Value r : op.results())
        for (OpOperand use : r.uses()) {
          Integer consumer = nodeOf(use.owner(), block);
          if (consumer == null) {
            ext = true;
            continue;
          }
          OpPatternKind p = kinds.get(consumer);
          if (p == OpPatternKind.BROADCAST && r.type().equals(ops.get(consumer).result(0).type())) p = OpPatternKind.ELEMENTWISE;
          out.add(new Edge(consumer, p));
        }
      outputs.add(out);
      external.add(ext);
    }
  }

  int size() { return ops.size(); }

  /** The node of the op in {@code block} that holds {@code user} (itself or an ancestor), or null. */
  private Integer nodeOf(Operation user, Block block) {
    Operation o = user;
    while (o != null && o.parentBlock() != block) o = o.parentOp();
    return o == null ? null : index.get(o);
  }

  /**
   * The op's kind, or opaque where fusing would be wrong whatever it declares: ops with regions or
   * side effects, and ops with a result that is not a ranked tensor (indices, kv caches).
   */
  static OpPatternKind kindOf(Operation op) {
    if (op.numRegions() > 0 || op.numResults() == 0 || !SideEffects.isMemoryEffectFree(op)) return OpPatternKind.OPAQUE;
    for (Value r : op.results()) if (!(r.type() instanceof RankedTensorType)) return OpPatternKind.OPAQUE;
    return OpPatternKind.of(op);
  }
}

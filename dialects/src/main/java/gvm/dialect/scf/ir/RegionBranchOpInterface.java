package gvm.dialect.scf.ir;

import gvm.dialect.builtin.ir.DiagText;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Where control goes between an op and its regions (MLIR's RegionBranchOpInterface). A point is a
 * region index or {@link #PARENT}: the op itself on entry, or its results on exit. Ops register it
 * with {@code OpDef.implement(RegionBranchOpInterface.class, ...)} and add {@link #verifyTypes} as a
 * region verifier; their terminators register {@link Terminator}.
 */
public interface RegionBranchOpInterface {
  /** The op: entering it (as a source) or leaving to its results (as a successor). */
  int PARENT = -1;

  /** The successors of {@code point}: region indices, or {@link #PARENT} for the op's results. */
  int[] successors(Operation op, int point);

  /** The operands the op passes when it enters {@code successor} (MLIR's getEntrySuccessorOperands). */
  default List<Value> entrySuccessorOperands(Operation op, int successor) { return List.of(); }

  /**
   * The values {@code successor} receives (MLIR's RegionSuccessor inputs): by default a region's
   * entry arguments, or the op's results.
   */
  default List<? extends Value> successorInputs(Operation op, int successor) {
    if (successor == PARENT) return op.results();
    Region r = op.region(successor);
    return r.isEmpty() ? List.of() : r.front().arguments();
  }

  /** The operands a region terminator forwards to a successor (MLIR's RegionBranchTerminatorOpInterface). */
  @FunctionalInterface
  interface Terminator {
    List<Value> successorOperands(Operation terminator, int successor);
  }

  /**
   * MLIR's verifyTypesAlongControlFlowEdges: along every edge, from the op and from each region's
   * terminators, the forwarded values match the successor's inputs in number and type.
   */
  static void verifyTypes(Operation op) {
    RegionBranchOpInterface iface = op.def().iface(RegionBranchOpInterface.class);
    for (int succ : iface.successors(op, PARENT)) verifyEdge(op, PARENT, succ, types(iface.entrySuccessorOperands(op, succ)));
    for (int r = 0; r < op.numRegions(); r++) {
      List<Operation> terminators = new ArrayList<>();
      for (Block b : op.region(r).blocks()) {
        Operation last = b.last();
        if (last != null && last.isRegistered() && last.def().iface(Terminator.class) != null) terminators.add(last);
      }
      // Without a region terminator the op itself keeps its types consistent.
      if (terminators.isEmpty()) continue;
      for (int succ : iface.successors(op, r)) {
        List<Type> sourceTypes = null;
        for (Operation t : terminators) {
          List<Type> ts = types(t.def().iface(Terminator.class).successorOperands(t, succ));
          if (sourceTypes == null) sourceTypes = ts;
          else if (!sourceTypes.equals(ts))
            throw Verify.opError(op, " along control flow edge" + edgeName(r, succ) + " operands mismatch between return-like terminators");
        }
        verifyEdge(op, r, succ, sourceTypes);
      }
    }
  }

  private static void verifyEdge(Operation op, int from, int to, List<Type> sourceTypes) {
    List<Type> inputs = types(op.def().iface(RegionBranchOpInterface.class).successorInputs(op, to));
    if (sourceTypes.size() != inputs.size())
      throw Verify.opError(op, " region control flow edge " + edgeName(from, to) + ": source has " + sourceTypes.size()
          + " operands, but target successor needs " + inputs.size());
    for (int i = 0; i < inputs.size(); i++)
      if (!sourceTypes.get(i).equals(inputs.get(i)))
        throw Verify.opError(op, " along control flow edge " + edgeName(from, to) + ": source type #" + i + " " + DiagText.quote(sourceTypes.get(i))
            + " should match input type #" + i + " " + DiagText.quote(inputs.get(i)));
  }

  /** {@code from Region #0 to parent results}, as MLIR's printRegionEdgeName. */
  private static String edgeName(int from, int to) {
    return "from " + (from == PARENT ? "parent operands" : "Region #" + from) + " to " + (to == PARENT ? "parent results" : "Region #" + to);
  }

  private static List<Type> types(List<? extends Value> values) {
    List<Type> ts = new ArrayList<>(values.size());
    for (Value v : values) ts.add(v.type());
    return ts;
  }
}

package gvm.transforms.sccp;

import gvm.dialect.cf.ir.BranchOpInterface;
import gvm.dialect.cf.ir.CondBranchOp;
import gvm.dialect.scf.ir.IfOp;
import gvm.dialect.scf.ir.RegionBranchOpInterface;
import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Context;
import gvm.ir.Dialect;
import gvm.ir.OpOperand;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.Trait;
import gvm.ir.rewrite.Folding;
import gvm.ir.rewrite.OpFoldResult;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.rewrite.SideEffects;
import gvm.rewrite.OperationFolder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Sparse conditional constant propagation (MLIR's SCCP pass): a forward dataflow over the values
 * of executable blocks, with a lattice per value (unknown yet, one constant, overdefined), where a
 * cf.cond_br on a constant and an scf.if on a constant only reach one successor. Ops are simulated
 * by folding on their operands' constants (in-place folds are undone and give overdefined).
 * Afterwards every value with a constant is replaced by a uniqued constant at the front of its
 * isolated region, and ops left trivially dead are erased. Function arguments are overdefined (no
 * interprocedural propagation).
 */
public final class SCCP {
  /** A lattice value: {@code attr == null} with {@code over} false is "not yet known". */
  private static final class Lattice {
    Attribute attr;
    String dialect;
    boolean over;

    boolean join(Attribute a, String d) {
      if (over) return false;
      if (attr == null) {
        attr = a;
        dialect = d;
        return true;
      }
      if (attr.equals(a) && Objects.equals(dialect, d)) return false;
      return setOver();
    }

    boolean join(Lattice o) {
      if (o.over) return setOver();
      return o.attr == null ? false : join(o.attr, o.dialect);
    }

    boolean setOver() {
      if (over) return false;
      over = true;
      attr = null;
      return true;
    }

    boolean known() { return over || attr != null; }
  }

  private final Context ctx;
  private final IdentityHashMap<Value, Lattice> lattices = new IdentityHashMap<>();
  private final IdentityHashMap<Block, Boolean> executable = new IdentityHashMap<>();
  private final ArrayDeque<Operation> opWork = new ArrayDeque<>();
  private final ArrayDeque<Block> blockWork = new ArrayDeque<>();
  public long numReplaced, numErased;

  public SCCP(Context ctx) { this.ctx = ctx; }

  /** Runs on the regions of {@code root}; true if anything changed. */
  public boolean run(Operation root) {
    for (int i = 0; i < root.numRegions(); i++) markEntry(root.region(i));
    while (!opWork.isEmpty() || !blockWork.isEmpty()) {
      while (!blockWork.isEmpty()) for (Operation op = blockWork.pop().first(); op != null; op = op.nextOp()) opWork.add(op);
      if (!opWork.isEmpty()) visit(opWork.pop());
    }
    return rewrite(root);
  }

  private Lattice lattice(Value v) { return lattices.computeIfAbsent(v, k -> new Lattice()); }

  /** Marks the entry block of {@code r} executable, its arguments overdefined (unknown inputs). */
  private void markEntry(Region r) {
    if (r.isEmpty()) return;
    for (BlockArgument a : r.front().arguments()) changed(a, lattice(a).setOver());
    markExecutable(r.front());
  }

  private void markExecutable(Block b) {
    if (executable.put(b, true) == null) blockWork.add(b);
  }

  private boolean isExecutable(Block b) { return executable.containsKey(b); }

  private void changed(Value v, boolean changed) {
    if (!changed) return;
    for (OpOperand u = v.firstUse(); u != null; u = u.nextUse()) {
      Operation user = u.owner();
      if (isExecutable(user.parentBlock())) opWork.add(user);
    }
  }

  private void visit(Operation op) {
    if (op.hasTrait(Trait.TERMINATOR)) {
      visitTerminator(op);
      return;
    }
    RegionBranchOpInterface rb = op.def() == null ? null : op.def().iface(RegionBranchOpInterface.class);
    if (rb != null) {
      visitRegionBranch(op, rb);
      return;
    }
    if (op.numRegions() > 0 || op.def() == null) {
      for (int i = 0; i < op.numRegions(); i++) markEntry(op.region(i));
      allOver(op);
      return;
    }
    Attribute[] operands = new Attribute[op.numOperands()];
    for (int i = 0; i < operands.length; i++) {
      Lattice l = lattice(op.operand(i));
      if (!l.known()) return; // wait for the operand
      operands[i] = l.attr;
    }
    if (op.numResults() == 0) return;
    // Simulate by folding; in-place folds are undone (the constants may not be the run-time values).
    List<Value> savedOperands = op.operands();
    Attribute[] savedProps = new Attribute[op.def().properties().size()];
    for (int i = 0; i < savedProps.length; i++) savedProps[i] = op.prop(i);
    List<OpFoldResult> results = new ArrayList<>();
    if (!Folding.fold(op, operands, results) || results.isEmpty()) {
      for (int i = 0; i < savedOperands.size(); i++) if (op.operand(i) != savedOperands.get(i)) op.setOperand(i, savedOperands.get(i));
      for (int i = 0; i < savedProps.length; i++) op.setProp(i, savedProps[i]);
      allOver(op);
      return;
    }
    for (int i = 0; i < results.size(); i++) {
      OpFoldResult r = results.get(i);
      Value res = op.result(i);
      if (r.isAttribute()) changed(res, lattice(res).join(r.attribute(), op.opName().dialect()));
      else changed(res, lattice(res).join(lattice(r.value())));
    }
  }

  private void allOver(Operation op) {
    for (int i = 0; i < op.numResults(); i++) changed(op.result(i), lattice(op.result(i)).setOver());
  }

  private void visitTerminator(Operation op) {
    BranchOpInterface br = op.def() == null ? null : op.def().iface(BranchOpInterface.class);
    if (br != null) {
      int only = -1;
      if (op.isA(CondBranchOp.DEF)) {
        Lattice c = lattice(op.operand(0));
        if (!c.known()) return;
        if (c.attr instanceof IntegerAttr b) only = b.value() != 0 ? 0 : 1;
      }
      for (int s = 0; s < op.numSuccessors(); s++) {
        if (only >= 0 && s != only) continue;
        List<Value> fwd = br.successorOperands(op, s);
        Block dest = op.successor(s);
        for (int i = 0; i < fwd.size() && i < dest.numArguments(); i++) changed(dest.argument(i), lattice(dest.argument(i)).join(lattice(fwd.get(i))));
        markExecutable(dest);
      }
      return;
    }
    Operation parent = op.parentOp();
    RegionBranchOpInterface rb = parent == null || parent.def() == null ? null : parent.def().iface(RegionBranchOpInterface.class);
    RegionBranchOpInterface.Terminator term = op.def() == null ? null : op.def().iface(RegionBranchOpInterface.Terminator.class);
    if (rb != null && term != null) {
      int from = op.parentRegion().index();
      for (int s : rb.successors(parent, from)) flow(parent, rb, s, term.successorOperands(op, s));
      return;
    }
    // Other terminators (func.return, unknown ones): successors get unknown values.
    for (int s = 0; s < op.numSuccessors(); s++) {
      Block dest = op.successor(s);
      for (BlockArgument a : dest.arguments()) changed(a, lattice(a).setOver());
      markExecutable(dest);
    }
  }

  private void visitRegionBranch(Operation op, RegionBranchOpInterface rb) {
    int[] succ = rb.successors(op, RegionBranchOpInterface.PARENT);
    if (op.isA(IfOp.DEF)) {
      Lattice c = lattice(op.operand(0));
      if (!c.known()) return;
      if (c.attr instanceof IntegerAttr b) {
        int region = b.value() != 0 ? 0 : 1;
        succ = op.region(region).isEmpty() ? new int[] {RegionBranchOpInterface.PARENT} : new int[] {region};
      }
    }
    for (int s : succ) flow(op, rb, s, rb.entrySuccessorOperands(op, s));
  }

  /** Control reaches successor {@code s} of {@code op} carrying {@code operands}: inputs not covered are overdefined. */
  private void flow(Operation op, RegionBranchOpInterface rb, int s, List<Value> operands) {
    List<? extends Value> inputs = rb.successorInputs(op, s);
    int skip = inputs.size() - operands.size();
    for (int i = 0; i < inputs.size(); i++) {
      Value in = inputs.get(i);
      changed(in, i < skip ? lattice(in).setOver() : lattice(in).join(lattice(operands.get(i - skip))));
    }
    if (s != RegionBranchOpInterface.PARENT && !op.region(s).isEmpty()) markExecutable(op.region(s).front());
  }

  // ---- rewrite

  private boolean rewrite(Operation root) {
    PatternRewriter rewriter = new PatternRewriter(ctx);
    OperationFolder folder = new OperationFolder(rewriter);
    ArrayDeque<Block> work = new ArrayDeque<>();
    for (int i = 0; i < root.numRegions(); i++) pushBlocks(root.region(i), work);
    while (!work.isEmpty()) {
      Block block = work.pop();
      for (Operation op = block.first(); op != null; ) {
        Operation next = op.nextOp();
        boolean replacedAll = op.numResults() != 0;
        for (int i = 0; i < op.numResults(); i++) replacedAll &= replace(op.result(i), block, folder);
        if (replacedAll && SideEffects.wouldOpBeTriviallyDead(op) && op.useEmpty()) {
          op.erase();
          numErased++;
        } else {
          for (int i = 0; i < op.numRegions(); i++) pushBlocks(op.region(i), work);
        }
        op = next;
      }
      for (BlockArgument a : block.arguments()) replace(a, block, folder);
    }
    return numReplaced + numErased > 0;
  }

  private static void pushBlocks(Region r, ArrayDeque<Block> work) {
    List<Block> bs = r.blocks();
    for (int i = bs.size() - 1; i >= 0; i--) work.push(bs.get(i));
  }

  private boolean replace(Value v, Block block, OperationFolder folder) {
    Lattice l = lattices.get(v);
    if (l == null || l.attr == null) return false;
    Dialect d = ctx.dialect(l.dialect);
    if (d == null) return false;
    Value c = folder.getOrCreateConstant(block, d, l.attr, v.type());
    if (c == null) return false;
    if (c != v) {
      v.replaceAllUsesWith(c);
      numReplaced++;
    }
    return true;
  }
}

package gvm.transforms.cse;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.attributes.Location;
import gvm.ir.def.Trait;
import gvm.ir.rewrite.SideEffects;
import java.util.ArrayList;
import java.util.List;

/**
 * Common subexpression elimination (MLIR's CSE pass): walks each region's dominator tree with a
 * scoped table of the side-effect-free ops seen on the path from the entry, replaces an op
 * equivalent to a dominating one by it, and erases trivially dead ops. Ops isolated from above
 * start an empty table; graph regions are handled only when they have one block.
 */
public final class CSE {
  /** Counters reported as pass statistics. */
  public long numCSE, numDCE;

  private final ScopedOpTable known = new ScopedOpTable();
  private final List<Operation> toErase = new ArrayList<>();

  /** Runs CSE on the regions of {@code root}; returns whether the IR changed. */
  public boolean run(Operation root) {
    for (int i = 0; i < root.numRegions(); i++) {
      int mark = known.mark();
      simplifyRegion(root.region(i));
      known.popTo(mark);
    }
    for (Operation op : toErase) {
      op.remove();
      op.dropAllReferences();
    }
    boolean changed = !toErase.isEmpty();
    toErase.clear();
    return changed;
  }

  private void simplifyRegion(Region region) {
    if (region.isEmpty()) return;
    boolean ssa = region.parentOp() == null || !region.parentOp().hasTrait(Trait.GRAPH_REGION);
    if (region.blocks().size() == 1) {
      int mark = known.mark();
      simplifyBlock(region.front(), ssa);
      known.popTo(mark);
      return;
    }
    if (!ssa) return;
    DomTree tree = new DomTree(region);
    walkDomTree(tree, region.front());
  }

  private void walkDomTree(DomTree tree, Block root) {
    // Iterative pre-order over the dominator tree; each node's scope spans its subtree.
    ArrayList<Object[]> stack = new ArrayList<>();
    stack.add(new Object[] {root, 0, -1});
    while (!stack.isEmpty()) {
      Object[] top = stack.get(stack.size() - 1);
      Block b = (Block) top[0];
      if ((int) top[2] < 0) {
        top[2] = known.mark();
        simplifyBlock(b, true);
      }
      List<Block> kids = tree.children(b);
      int k = (int) top[1];
      if (k < kids.size()) {
        top[1] = k + 1;
        stack.add(new Object[] {kids.get(k), 0, -1});
      } else {
        known.popTo((int) top[2]);
        stack.remove(stack.size() - 1);
      }
    }
  }

  private void simplifyBlock(Block b, boolean ssa) {
    for (Operation op = b.first(); op != null; op = op.nextOp()) {
      if (op.numRegions() != 0) {
        if (op.hasTrait(Trait.ISOLATED_FROM_ABOVE) || !op.isRegistered()) {
          // A fresh table: values from above must not be captured by isolated regions.
          int mark = known.mark();
          for (int i = 0; i < op.numRegions(); i++) new CSE.Nested(this).simplify(op.region(i));
          known.popTo(mark);
        } else {
          for (int i = 0; i < op.numRegions(); i++) simplifyRegion(op.region(i));
        }
      }
      simplifyOperation(op, ssa);
    }
  }

  /** Runs on an isolated region with its own table, sharing the erase list and counters. */
  private static final class Nested {
    private final CSE outer;

    Nested(CSE outer) { this.outer = outer; }

    void simplify(Region r) {
      CSE inner = new CSE();
      inner.simplifyRegion(r);
      outer.toErase.addAll(inner.toErase);
      outer.numCSE += inner.numCSE;
      outer.numDCE += inner.numDCE;
    }
  }

  private void simplifyOperation(Operation op, boolean ssa) {
    if (op.hasTrait(Trait.TERMINATOR)) return;
    if (SideEffects.isOpTriviallyDead(op)) {
      toErase.add(op);
      numDCE++;
      return;
    }
    for (int i = 0; i < op.numRegions(); i++) if (op.region(i).blocks().size() > 1) return;
    if (!SideEffects.isMemoryEffectFree(op)) return;
    int hash = OperationEquivalence.hash(op);
    Operation existing = known.lookup(op, hash);
    if (existing != null) {
      if (!ssa) return; // uses may precede the op in a graph region: keep it
      op.replaceAllUsesWith(existing.results());
      toErase.add(op);
      if (existing.loc() == Location.UNKNOWN && op.loc() != Location.UNKNOWN) existing.setLoc(op.loc());
      numCSE++;
      return;
    }
    known.insert(op, hash);
  }
}

package gvm.rewrite;

import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.def.Trait;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.rewrite.SideEffects;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Control-flow simplification of regions (MLIR's RegionUtils simplifyRegions): unreachable blocks
 * are erased, then a liveness fixpoint (runRegionDCE) erases ops whose results nothing live uses,
 * dead cycles included. Block arguments are all treated as live (MLIR also drops dead successor
 * operands and arguments: not done yet). Op liveness lives in {@link Operation#scratch()} bit 1.
 */
public final class RegionSimplify {
  private static final int LIVE = 2;

  private RegionSimplify() {}

  /** @return whether anything changed */
  public static boolean simplifyRegions(PatternRewriter rewriter, List<Region> regions, boolean mergeBlocks) {
    boolean erasedBlocks = eraseUnreachableBlocks(rewriter, regions);
    boolean erasedOps = runRegionDCE(rewriter, regions);
    return erasedBlocks || erasedOps;
  }

  /** Erases blocks not reachable from their region's entry, in all nested regions. */
  public static boolean eraseUnreachableBlocks(PatternRewriter rewriter, List<Region> regions) {
    boolean changed = false;
    ArrayDeque<Region> work = new ArrayDeque<>(regions);
    while (!work.isEmpty()) {
      Region region = work.pop();
      if (region.isEmpty()) continue;
      if (region.blocks().size() == 1) {
        pushNested(region.front(), work);
        continue;
      }
      IdentityHashMap<Block, Boolean> reachable = new IdentityHashMap<>();
      ArrayDeque<Block> dfs = new ArrayDeque<>();
      dfs.push(region.front());
      reachable.put(region.front(), true);
      while (!dfs.isEmpty()) {
        Block b = dfs.pop();
        Operation t = b.last();
        if (t == null) continue;
        for (int i = 0; i < t.numSuccessors(); i++) if (reachable.put(t.successor(i), true) == null) dfs.push(t.successor(i));
      }
      for (Block b : new ArrayList<>(region.blocks())) {
        if (reachable.containsKey(b)) {
          pushNested(b, work);
          continue;
        }
        dropDefinedValueUses(b);
        rewriter.eraseBlock(b);
        changed = true;
      }
    }
    return changed;
  }

  private static void pushNested(Block b, ArrayDeque<Region> work) {
    for (Operation op = b.first(); op != null; op = op.nextOp()) for (int i = 0; i < op.numRegions(); i++) work.push(op.region(i));
  }

  /** Drops every use of values defined in {@code b} (its arguments and nested results), as MLIR's dropAllDefinedValueUses. */
  private static void dropDefinedValueUses(Block b) {
    for (BlockArgument a : b.arguments()) dropUses(a);
    for (Operation op = b.first(); op != null; op = op.nextOp()) op.walk(o -> {
      for (int i = 0; i < o.numResults(); i++) dropUses(o.result(i));
      for (int r = 0; r < o.numRegions(); r++) for (Block nb : o.region(r).blocks()) for (BlockArgument a : nb.arguments()) dropUses(a);
    });
  }

  private static void dropUses(Value v) {
    while (v.firstUse() != null) v.firstUse().owner().setOperand(v.firstUse().index(), null);
  }

  // ---- region DCE

  private static final class Liveness {
    boolean changed;

    boolean live(Operation op) { return (op.scratch() & LIVE) != 0; }

    void setLive(Operation op) {
      if (!live(op)) {
        changed = true;
        op.setScratch(op.scratch() | LIVE);
      }
    }
  }

  /** Erases ops not proven live (MLIR's runRegionDCE, less block-argument removal). */
  public static boolean runRegionDCE(PatternRewriter rewriter, List<Region> regions) {
    Liveness lv = new Liveness();
    do {
      lv.changed = false;
      for (Region r : regions) propagate(r, lv);
    } while (lv.changed);
    boolean erased = false;
    for (Region r : regions) erased |= deleteDead(rewriter, r, lv);
    return erased;
  }

  private static void propagate(Region region, Liveness lv) {
    if (region.isEmpty()) return;
    for (Block b : postOrder(region))
      for (Operation op = b.last(); op != null; op = op.prevOp()) propagate(op, lv);
  }

  private static void propagate(Operation op, Liveness lv) {
    for (int i = 0; i < op.numRegions(); i++) propagate(op.region(i), lv);
    if (op.hasTrait(Trait.TERMINATOR)) {
      lv.setLive(op);
      return;
    }
    if (lv.live(op)) return;
    if (!SideEffects.wouldOpBeTriviallyDead(op)) {
      lv.setLive(op);
      return;
    }
    for (int r = 0; r < op.numResults(); r++)
      for (var u = op.result(r).firstUse(); u != null; u = u.nextUse())
        if (lv.live(u.owner())) {
          lv.setLive(op);
          return;
        }
  }

  private static boolean deleteDead(PatternRewriter rewriter, Region region, Liveness lv) {
    if (region.isEmpty()) return false;
    boolean erased = false;
    for (Block b : postOrder(region)) {
      for (Operation op = b.last(); op != null; ) {
        Operation prev = op.prevOp();
        if (!lv.live(op)) {
          for (int r = 0; r < op.numResults(); r++) dropUses(op.result(r));
          rewriter.eraseOp(op);
          erased = true;
        } else {
          op.setScratch(op.scratch() & ~LIVE);
          for (int i = 0; i < op.numRegions(); i++) erased |= deleteDead(rewriter, op.region(i), lv);
        }
        op = prev;
      }
    }
    return erased;
  }

  /** Blocks reachable from the entry, in post-order of the successor graph. */
  private static List<Block> postOrder(Region region) {
    if (region.blocks().size() == 1) return region.blocks();
    List<Block> out = new ArrayList<>();
    IdentityHashMap<Block, Boolean> seen = new IdentityHashMap<>();
    ArrayDeque<Object[]> stack = new ArrayDeque<>();
    seen.put(region.front(), true);
    stack.push(new Object[] {region.front(), 0});
    while (!stack.isEmpty()) {
      Object[] top = stack.peek();
      Block b = (Block) top[0];
      int i = (Integer) top[1];
      Operation t = b.last();
      if (t != null && i < t.numSuccessors()) {
        top[1] = i + 1;
        Block s = t.successor(i);
        if (seen.put(s, true) == null) stack.push(new Object[] {s, 0});
      } else {
        stack.pop();
        out.add(b);
      }
    }
    return out;
  }
}

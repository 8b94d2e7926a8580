package gvm.ir.verify;

import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.def.Trait;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Dominance queries over the regions of an op tree, as MLIR's {@code DominanceInfo}: ops in one
 * block are ordered, blocks of one region are ordered by a dominator tree built on first use, and
 * a region kind without SSA dominance (an op with {@link Trait#GRAPH_REGION}) orders nothing.
 * One instance serves one verification; it caches trees and is not thread-safe.
 */
final class DominanceInfo {
  private final IdentityHashMap<Region, DomTree> trees = new IdentityHashMap<>();

  /** False for blocks of a registered op's graph region, where uses may precede definitions. */
  static boolean hasSSADominance(Block block) {
    Operation parent = block.parentOp();
    return parent == null || !parent.hasTrait(Trait.GRAPH_REGION);
  }

  /** The entry block is reachable; other blocks when a path of successors leads to them. */
  boolean isReachableFromEntry(Block b) {
    Region r = b.parent();
    if (r == null || r.front() == b) return true;
    return tree(r).reachable(b);
  }

  /** MLIR's {@code properlyDominates(Value, Operation*)}: may {@code user} use {@code v}? */
  boolean properlyDominates(Value v, Operation user) {
    if (v instanceof BlockArgument arg) return dominates(arg.owner(), user.parentBlock());
    return properlyDominates(v.definingOp(), user, false);
  }

  /** A block dominates itself; otherwise see {@link #properlyDominates(Block, Block)}. */
  boolean dominates(Block a, Block b) { return a == b || properlyDominates(a, b); }

  /** {@code a} properly dominates {@code b}, or an op of {@code a} encloses {@code b}. */
  boolean properlyDominates(Block a, Block b) {
    if (a == b) return !hasSSADominance(a);
    Region ra = a.parent();
    if (ra != b.parent()) {
      b = ra == null ? null : findAncestorBlockInRegion(ra, b);
      if (b == null) return false;
      if (a == b) return true;
    }
    return tree(ra).properlyDominates(a, b);
  }

  private boolean properlyDominates(Operation a, Operation b, boolean enclosingOpOk) {
    Block aBlock = a.parentBlock(), bBlock = b.parentBlock();
    if (a == b) return !hasSSADominance(aBlock);
    Region ra = aBlock.parent();
    if (ra != bBlock.parent()) {
      b = ra == null ? null : findAncestorOpInRegion(ra, b);
      if (b == null) return false;
      bBlock = b.parentBlock();
      if (a == b && enclosingOpOk) return true;
    }
    if (aBlock == bBlock) return !hasSSADominance(aBlock) || a.isBeforeInBlock(b);
    return tree(ra).properlyDominates(aBlock, bBlock);
  }

  /** The op of {@code region} that is or encloses {@code op}, or null. */
  static Operation findAncestorOpInRegion(Region region, Operation op) {
    for (Operation o = op; o != null; o = o.parentOp()) if (o.parentRegion() == region) return o;
    return null;
  }

  /** The block of {@code region} that is or encloses {@code block}, or null. */
  static Block findAncestorBlockInRegion(Region region, Block block) {
    for (Block b = block; b != null; ) {
      if (b.parent() == region) return b;
      Operation op = b.parentOp();
      b = op == null ? null : op.parentBlock();
    }
    return null;
  }

  private DomTree tree(Region r) { return trees.computeIfAbsent(r, DomTree::new); }

  /**
   * The dominator tree of one region's CFG (Cooper, Harvey and Kennedy's iterative algorithm over
   * reverse post-order), numbered by a DFS of the tree so that a query is two comparisons. Like
   * LLVM's tree, every block dominates an unreachable one and an unreachable one dominates nothing.
   */
  private static final class DomTree {
    private final IdentityHashMap<Block, Integer> rpoIndex = new IdentityHashMap<>();
    private final int[] pre, post;

    DomTree(Region region) {
      List<Block> rpo = reversePostOrder(region);
      int n = rpo.size();
      for (int i = 0; i < n; i++) rpoIndex.put(rpo.get(i), i);
      List<List<Integer>> preds = new ArrayList<>(n);
      for (int i = 0; i < n; i++) preds.add(new ArrayList<>(2));
      for (int i = 0; i < n; i++)
        for (Block s : successors(rpo.get(i))) {
          Integer j = rpoIndex.get(s);
          if (j != null) preds.get(j).add(i);
        }
      int[] idom = new int[n];
      java.util.Arrays.fill(idom, -1);
      if (n > 0) idom[0] = 0;
      for (boolean changed = true; changed; ) {
        changed = false;
        for (int i = 1; i < n; i++) {
          int d = -1;
          for (int p : preds.get(i)) {
            if (idom[p] < 0) continue;
            d = d < 0 ? p : intersect(idom, p, d);
          }
          if (d != idom[i]) {
            idom[i] = d;
            changed = true;
          }
        }
      }
      pre = new int[n];
      post = new int[n];
      numberTree(idom);
    }

    private static int intersect(int[] idom, int a, int b) {
      while (a != b) {
        while (a > b) a = idom[a];
        while (b > a) b = idom[b];
      }
      return a;
    }

    /** Pre- and post-order numbers of an iterative DFS of the dominator tree. */
    private void numberTree(int[] idom) {
      int n = idom.length;
      if (n == 0) return;
      int[] childCount = new int[n + 1];
      for (int i = 1; i < n; i++) childCount[idom[i] + 1]++;
      for (int i = 0; i < n; i++) childCount[i + 1] += childCount[i];
      int[] children = new int[Math.max(n - 1, 0)];
      int[] fill = childCount.clone();
      for (int i = 1; i < n; i++) children[fill[idom[i]]++] = i;
      int[] stack = new int[n], next = new int[n];
      int sp = 0, clock = 0;
      stack[sp++] = 0;
      pre[0] = clock++;
      next[0] = childCount[0];
      while (sp > 0) {
        int top = stack[sp - 1];
        if (next[top] < childCount[top + 1]) {
          int c = children[next[top]++];
          pre[c] = clock++;
          next[c] = childCount[c];
          stack[sp++] = c;
        } else {
          post[top] = clock++;
          sp--;
        }
      }
    }

    boolean reachable(Block b) { return rpoIndex.containsKey(b); }

    boolean properlyDominates(Block a, Block b) {
      if (a == b) return false;
      Integer ib = rpoIndex.get(b);
      if (ib == null) return true;
      Integer ia = rpoIndex.get(a);
      if (ia == null) return false;
      return pre[ia] <= pre[ib] && post[ib] <= post[ia];
    }

    private static List<Block> reversePostOrder(Region region) {
      List<Block> postOrder = new ArrayList<>();
      Block entry = region.front();
      if (entry == null) return postOrder;
      IdentityHashMap<Block, Boolean> seen = new IdentityHashMap<>();
      ArrayList<Block> stack = new ArrayList<>();
      ArrayList<Integer> nextSucc = new ArrayList<>();
      ArrayList<List<Block>> succs = new ArrayList<>();
      seen.put(entry, true);
      stack.add(entry);
      nextSucc.add(0);
      succs.add(successors(entry));
      while (!stack.isEmpty()) {
        int top = stack.size() - 1;
        List<Block> ss = succs.get(top);
        int k = nextSucc.get(top);
        if (k < ss.size()) {
          nextSucc.set(top, k + 1);
          Block s = ss.get(k);
          if (s != null && s.parent() == region && seen.put(s, true) == null) {
            stack.add(s);
            nextSucc.add(0);
            succs.add(successors(s));
          }
        } else {
          postOrder.add(stack.remove(top));
          nextSucc.remove(top);
          succs.remove(top);
        }
      }
      java.util.Collections.reverse(postOrder);
      return postOrder;
    }

    /** MLIR's Block::getSuccessors: the last op's successors, none in a single-block region. */
    private static List<Block> successors(Block b) {
      Operation last = b.last();
      if (last == null || b.parent().blocks().size() == 1) return List.of();
      return last.successors();
    }
  }
}

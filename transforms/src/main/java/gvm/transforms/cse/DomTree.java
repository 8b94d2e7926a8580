package gvm.transforms.cse;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/** The dominator tree of a region's reachable blocks (Cooper, Harvey and Kennedy's iterative algorithm). */
final class DomTree {
  private final IdentityHashMap<Block, Integer> rpoIndex = new IdentityHashMap<>();
  private final List<Block> rpo = new ArrayList<>();
  private final IdentityHashMap<Block, List<Block>> children = new IdentityHashMap<>();

  DomTree(Region region) {
    List<Block> post = new ArrayList<>();
    IdentityHashMap<Block, Boolean> seen = new IdentityHashMap<>();
    dfs(region.front(), seen, post);
    for (int i = post.size() - 1; i >= 0; i--) {
      rpoIndex.put(post.get(i), rpo.size());
      rpo.add(post.get(i));
    }
    int n = rpo.size();
    List<List<Integer>> preds = new ArrayList<>();
    for (int i = 0; i < n; i++) preds.add(new ArrayList<>());
    for (int i = 0; i < n; i++) {
      Operation t = rpo.get(i).last();
      if (t == null) continue;
      for (int s = 0; s < t.numSuccessors(); s++) {
        Integer j = rpoIndex.get(t.successor(s));
        if (j != null) preds.get(j).add(i);
      }
    }
    int[] idom = new int[n];
    java.util.Arrays.fill(idom, -1);
    idom[0] = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int b = 1; b < n; b++) {
        int newIdom = -1;
        for (int p : preds.get(b)) {
          if (idom[p] < 0) continue;
          newIdom = newIdom < 0 ? p : intersect(idom, p, newIdom);
        }
        if (newIdom >= 0 && idom[b] != newIdom) {
          idom[b] = newIdom;
          changed = true;
        }
      }
    }
    for (int b = 1; b < n; b++) if (idom[b] >= 0) children.computeIfAbsent(rpo.get(idom[b]), k -> new ArrayList<>()).add(rpo.get(b));
  }

  private static int intersect(int[] idom, int a, int b) {
    while (a != b) {
      while (a > b) a = idom[a];
      while (b > a) b = idom[b];
    }
    return a;
  }

  private static void dfs(Block b, IdentityHashMap<Block, Boolean> seen, List<Block> post) {
    // Iterative to survive long block chains.
    ArrayList<Object[]> stack = new ArrayList<>();
    seen.put(b, true);
    stack.add(new Object[] {b, 0});
    while (!stack.isEmpty()) {
      Object[] top = stack.get(stack.size() - 1);
      Block x = (Block) top[0];
      int i = (int) top[1];
      Operation t = x.last();
      if (t != null && i < t.numSuccessors()) {
        top[1] = i + 1;
        Block s = t.successor(i);
        if (seen.put(s, true) == null) stack.add(new Object[] {s, 0});
      } else {
        post.add(x);
        stack.remove(stack.size() - 1);
      }
    }
  }

  List<Block> children(Block b) { return children.getOrDefault(b, List.of()); }
}

package gvm.transforms.fusion;

import static gvm.dialect.builtin.ir.OpPatternKind.*;

import gvm.dialect.builtin.ir.OpPatternKind;
import java.util.BitSet;
import java.util.function.BiPredicate;

/**
 * TVM FuseOps' partitioning of a {@link FusionGraph}: the post-dominator tree of the graph, then
 * groups grown towards each node's immediate post-dominator when every path to it passes the
 * rule of the node's kind:
 * <ul>
 *   <li>out_elementwise_fusable (linear, matmul): absorbs its consumers when they are elementwise
 *       up to the post-dominator and everything on the way is at most broadcast;
 *   <li>elementwise/broadcast: fuses into an injective or reduction post-dominator when the way
 *       there is at most injective (the post-dominator may also be a contraction's group);
 *   <li>injective: in a second phase (so contractions finish first), into an injective way;
 *   <li>a reduction never starts a group; opaque ops (parameters, constants, attention, control
 *       flow) never fuse.
 * </ul>
 * A group has one anchor (a contraction); groups stay within {@code maxSize} ops. Because a node
 * joins only its post-dominator's group and everything between, every value but the group's last
 * is used inside the group: nothing is recomputed.
 */
final class GraphPartitioner {
  private final FusionGraph g;
  private final int maxSize;
  // post-dominator tree: parent (-1: the exit), depth, and the combined pattern of the way there
  private final int[] pdom, depth;
  private final OpPatternKind[] pdomPattern;
  // union-find groups: parent link, size, pattern and anchor of each root
  private final int[] group, size;
  private final OpPatternKind[] pattern;
  private final boolean[] anchored;

  GraphPartitioner(FusionGraph g, int maxSize) {
    this.g = g;
    this.maxSize = maxSize;
    int n = g.size();
    pdom = new int[n];
    depth = new int[n];
    pdomPattern = new OpPatternKind[n];
    group = new int[n];
    size = new int[n];
    pattern = new OpPatternKind[n];
    anchored = new boolean[n];
    for (int i = 0; i < n; i++) {
      group[i] = i;
      size[i] = 1;
      pattern[i] = g.kinds.get(i);
      anchored[i] = pattern[i] == OUT_ELEMENTWISE_FUSABLE;
    }
    postDominators();
  }

  /** The group (its root node) of each node after partitioning. */
  int[] run() {
    for (int phase = 0; phase < 2; phase++)
      for (int i = 0; i < g.size(); i++) tryFuse(i, phase);
    int[] roots = new int[g.size()];
    for (int i = 0; i < roots.length; i++) roots[i] = find(i);
    return roots;
  }

  /** The less fusable pattern of each group root (its kind for the fused op). */
  OpPatternKind pattern(int root) { return pattern[root]; }

  private void postDominators() {
    for (int i = g.size() - 1; i >= 0; i--) {
      if (g.external.get(i) || g.outputs.get(i).isEmpty()) {
        pdom[i] = -1;
        depth[i] = 1;
        pdomPattern[i] = OPAQUE;
        continue;
      }
      OpPatternKind[] p = {ELEMENTWISE};
      int parent = -2;
      for (FusionGraph.Edge e : g.outputs.get(i)) {
        parent = parent == -2 ? e.node() : lca(parent, e.node(), p);
        p[0] = combine(p[0], e.pattern());
      }
      pdom[i] = parent;
      depth[i] = parent < 0 ? 1 : depth[parent] + 1;
      pdomPattern[i] = p[0];
    }
  }

  /** TVM's LeastCommonAncestor: walks both up the tree, combining the patterns passed. */
  private int lca(int a, int b, OpPatternKind[] p) {
    while (a != b) {
      if (a < 0 || b < 0) return -1;
      if (depth[a] < depth[b]) {
        p[0] = combine(p[0], pdomPattern[b]);
        b = pdom[b];
      } else if (depth[b] < depth[a]) {
        p[0] = combine(p[0], pdomPattern[a]);
        a = pdom[a];
      } else {
        p[0] = combine(combine(p[0], pdomPattern[a]), pdomPattern[b]);
        a = pdom[a];
        b = pdom[b];
      }
    }
    return a;
  }

  private void tryFuse(int i, int phase) {
    int root = find(i);
    OpPatternKind kind = pattern[root];
    int dom = pdom[i];
    if (kind == OPAQUE || dom < 0) return;
    int sinkRoot = find(dom);
    if (sinkRoot == root || size[root] + size[sinkRoot] > maxSize) return;
    if (kind == OUT_ELEMENTWISE_FUSABLE) {
      if (phase == 0 && pdomPattern[i] == ELEMENTWISE && checkPath(i, dom, (k, sink) -> k.compareTo(BROADCAST) <= 0)) commit(i, dom);
    } else if (kind.compareTo(BROADCAST) <= 0) {
      OpPatternKind way = pdomPattern[i];
      if ((way.compareTo(INJECTIVE) <= 0 || way == REDUCTION)
          && checkPath(i, dom, (k, sink) -> sink ? k != OPAQUE : k.compareTo(INJECTIVE) <= 0)) commit(i, dom);
    } else if (kind == INJECTIVE) {
      if (phase == 1 && checkPath(i, dom, (k, sink) -> k.compareTo(INJECTIVE) <= 0)) commit(i, dom);
    }
    // a reduction does not start a group
  }

  /** Whether every node from {@code src}'s consumers up to {@code sink} satisfies {@code ok(group pattern, isSink)}. */
  private boolean checkPath(int src, int sink, BiPredicate<OpPatternKind, Boolean> ok) {
    BitSet seen = new BitSet();
    boolean[] result = {true};
    for (FusionGraph.Edge e : g.outputs.get(src)) visit(e.node(), sink, ok, seen, result);
    return result[0] && !(anchored[find(src)] && anchoredOnPath(src, sink));
  }

  private void visit(int n, int sink, BiPredicate<OpPatternKind, Boolean> ok, BitSet seen, boolean[] result) {
    if (!result[0] || seen.get(n)) return;
    seen.set(n);
    if (!ok.test(pattern[find(n)], n == sink)) {
      result[0] = false;
      return;
    }
    if (n == sink) return;
    for (FusionGraph.Edge e : g.outputs.get(n)) visit(e.node(), sink, ok, seen, result);
  }

  /** Whether a group between {@code src} and {@code sink} (inclusive) already has an anchor: two never share one. */
  private boolean anchoredOnPath(int src, int sink) {
    BitSet seen = new BitSet();
    boolean[] found = {false};
    for (FusionGraph.Edge e : g.outputs.get(src)) visit(e.node(), sink, (k, s) -> true, seen, new boolean[] {true});
    for (int n = seen.nextSetBit(0); n >= 0; n = seen.nextSetBit(n + 1)) found[0] |= anchored[find(n)];
    return found[0];
  }

  /** Merges every node from {@code src} up to {@code sink} into the sink's group (TVM's CommitFuse). */
  private void commit(int src, int sink) {
    int target = find(sink);
    BitSet seen = new BitSet();
    mergePath(src, sink, target, seen);
  }

  private void mergePath(int n, int sink, int target, BitSet seen) {
    if (n == sink || seen.get(n)) return;
    seen.set(n);
    merge(n, target);
    for (FusionGraph.Edge e : g.outputs.get(n)) mergePath(e.node(), sink, target, seen);
  }

  private void merge(int child, int parent) {
    child = find(child);
    parent = find(parent);
    if (child == parent) return;
    size[parent] += size[child];
    group[child] = parent;
    if (anchored[child]) {
      anchored[parent] = true;
      pattern[parent] = combine(pattern[child], pattern[parent]);
    }
  }

  private int find(int i) {
    while (group[i] != i) {
      group[i] = group[group[i]];
      i = group[i];
    }
    return i;
  }
}

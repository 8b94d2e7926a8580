package gvm.rewrite;

import gvm.ir.Context;
import gvm.ir.Dialect;
import gvm.ir.def.OpDef;
import gvm.ir.rewrite.RewritePattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Patterns indexed by root op, each list sorted by decreasing benefit (stable, so equal benefits
 * keep the order they were added in), with the any-op patterns merged in (MLIR's
 * FrozenRewritePatternSet with a PatternApplicator's order).
 */
public final class FrozenPatternSet {
  private final IdentityHashMap<OpDef, RewritePattern[]> byRoot = new IdentityHashMap<>();
  private final RewritePattern[] anyOp;
  private final int size;

  /**
   * @param disabled names of patterns to drop
   * @param enabled if non-empty, only patterns with these names are kept
   */
  public FrozenPatternSet(Collection<RewritePattern> patterns, Set<String> disabled, Set<String> enabled) {
    IdentityHashMap<OpDef, List<RewritePattern>> lists = new IdentityHashMap<>();
    List<RewritePattern> any = new ArrayList<>();
    int n = 0;
    for (RewritePattern p : patterns) {
      if (disabled.contains(p.name()) || (!enabled.isEmpty() && !enabled.contains(p.name()))) continue;
      n++;
      if (p.root() == null) any.add(p);
      else lists.computeIfAbsent(p.root(), k -> new ArrayList<>()).add(p);
    }
    Comparator<RewritePattern> byBenefit = Comparator.comparingInt(RewritePattern::benefit).reversed();
    any.sort(byBenefit);
    for (var e : lists.entrySet()) {
      List<RewritePattern> l = e.getValue();
      l.addAll(any);
      l.sort(byBenefit);
      byRoot.put(e.getKey(), l.toArray(new RewritePattern[0]));
    }
    anyOp = any.toArray(new RewritePattern[0]);
    size = n;
  }

  public FrozenPatternSet(Collection<RewritePattern> patterns) { this(patterns, Set.of(), Set.of()); }

  /** Every canonicalization pattern of every op registered in {@code ctx} (MLIR's canonicalizer population). */
  public static List<RewritePattern> canonicalizationPatterns(Context ctx) {
    List<RewritePattern> l = new ArrayList<>();
    for (Dialect d : ctx.dialects()) for (OpDef def : d.ops()) l.addAll(def.canonicalizers());
    return l;
  }

  /** The patterns to try on an op of {@code def} (null: unregistered), best first. */
  public RewritePattern[] patternsFor(OpDef def) {
    RewritePattern[] p = def == null ? null : byRoot.get(def);
    return p != null ? p : anyOp;
  }

  public int size() { return size; }
}

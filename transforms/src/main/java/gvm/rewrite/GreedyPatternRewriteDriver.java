package gvm.rewrite;

import gvm.ir.Block;
import gvm.ir.Context;
import gvm.ir.Dialect;
import gvm.ir.OpOperand;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.Attribute;
import gvm.ir.def.Trait;
import gvm.ir.rewrite.Folding;
import gvm.ir.rewrite.OpFoldResult;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.rewrite.RewritePattern;
import gvm.ir.rewrite.SideEffects;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies patterns and folders until nothing changes, as MLIR's GreedyPatternRewriteDriver: each
 * iteration seeds a worklist with every op (pre-order, constants uniqued and hoisted first), pops
 * ops erasing dead ones, folding, then trying patterns; the rewriter's notifications put changed
 * ops, their users and ancestors back on the worklist. Between iterations the regions' control
 * flow is simplified. Worklist membership lives in {@link Operation#scratch()} bit 0, so adding and
 * removing an op costs no hashing.
 */
public final class GreedyPatternRewriteDriver implements PatternRewriter.Listener {
  static final int IN_WORKLIST = 1;

  private final Context ctx;
  private final FrozenPatternSet patterns;
  private final GreedyRewriteConfig config;
  private final PatternRewriter rewriter;
  private final ArrayList<Operation> worklist = new ArrayList<>();
  private final List<OpFoldResult> foldResults = new ArrayList<>(4);
  private Region scope;
  private OperationFolder folder;
  private final Statistics stats;

  /** Counters a pass reports (MLIR's pass statistics). */
  public static final class Statistics {
    public long numRewrites, numFolds, numErased, numIterations;
  }

  public GreedyPatternRewriteDriver(Context ctx, FrozenPatternSet patterns, GreedyRewriteConfig config, Statistics stats) {
    this.ctx = ctx;
    this.patterns = patterns;
    this.config = config;
    this.stats = stats == null ? new Statistics() : stats;
    this.rewriter = new PatternRewriter(ctx);
    rewriter.setListener(this);
  }

  /**
   * Rewrites the regions of {@code op} greedily (MLIR's applyPatternsAndFoldGreedily on an op).
   *
   * @return whether it converged within the iteration limit
   */
  public static boolean applyPatternsAndFoldGreedily(Context ctx, Operation op, FrozenPatternSet patterns, GreedyRewriteConfig config,
      Statistics stats) {
    boolean converged = true;
    for (int i = 0; i < op.numRegions(); i++)
      converged &= new GreedyPatternRewriteDriver(ctx, patterns, config, stats).simplify(op.region(i));
    return converged;
  }

  /** Runs to a fixpoint on {@code region}; true if it converged. */
  public boolean simplify(Region region) {
    scope = region;
    boolean continueRewrites = false;
    long iteration = 0;
    do {
      if (++iteration > config.maxIterations && config.maxIterations != GreedyRewriteConfig.NO_LIMIT) break;
      stats.numIterations++;
      clearWorklist();
      folder = new OperationFolder(rewriter);
      if (config.useTopDownTraversal) {
        seedPreOrder(region);
        java.util.Collections.reverse(worklist);
      } else {
        seedPostOrder(region);
      }
      continueRewrites = processWorklist();
      clearWorklist();
      if (config.regionSimplification != GreedyRewriteConfig.RegionSimplification.DISABLED)
        continueRewrites |= RegionSimplify.simplifyRegions(rewriter, List.of(region),
            config.regionSimplification == GreedyRewriteConfig.RegionSimplification.AGGRESSIVE);
    } while (continueRewrites);
    return !continueRewrites;
  }

  /** True if {@code op} is a constant that was merged into an earlier equal one (and so erased). */
  private boolean erasedAsKnownConstant(Operation op) {
    if (!config.cseConstants) return false;
    Attribute c = Folding.constantOf(op);
    return c != null && !folder.insertKnownConstant(op, c);
  }

  private void seedPreOrder(Region region) {
    for (Block b : region.blocks())
      for (Operation op = b.first(); op != null; ) {
        Operation next = op.nextOp();
        if (!erasedAsKnownConstant(op)) {
          addToWorklist(op);
          for (int i = 0; i < op.numRegions(); i++) seedPreOrder(op.region(i));
        }
        op = next;
      }
  }

  private void seedPostOrder(Region region) {
    for (Block b : region.blocks())
      for (Operation op = b.first(); op != null; ) {
        Operation next = op.nextOp();
        for (int i = 0; i < op.numRegions(); i++) seedPostOrder(op.region(i));
        if (!erasedAsKnownConstant(op)) addToWorklist(op);
        op = next;
      }
  }

  private boolean processWorklist() {
    boolean changed = false;
    long numRewrites = 0;
    while (!worklist.isEmpty() && (config.maxNumRewrites == GreedyRewriteConfig.NO_LIMIT || numRewrites < config.maxNumRewrites)) {
      Operation op = worklist.remove(worklist.size() - 1);
      if ((op.scratch() & IN_WORKLIST) == 0) continue; // erased while queued
      op.setScratch(op.scratch() & ~IN_WORKLIST);

      if (SideEffects.isOpTriviallyDead(op)) {
        rewriter.eraseOp(op);
        stats.numErased++;
        changed = true;
        continue;
      }
      if (config.fold && !op.hasTrait(Trait.CONSTANT_LIKE) && tryFold(op)) {
        changed = true;
        continue;
      }
      RewritePattern[] ps = patterns.patternsFor(op.def());
      for (RewritePattern p : ps) {
        rewriter.setInsertionPoint(op);
        if (p.matchAndRewrite(op, rewriter)) {
          changed = true;
          numRewrites++;
          stats.numRewrites++;
          break;
        }
      }
    }
    return changed;
  }

  /** Folds {@code op}, materializing constant results before it; true if the IR changed. */
  private boolean tryFold(Operation op) {
    foldResults.clear();
    if (!Folding.fold(op, foldResults)) return false;
    stats.numFolds++;
    if (foldResults.isEmpty()) {
      notifyOperationModified(op);
      return true;
    }
    rewriter.setInsertionPoint(op);
    List<Value> replacements = new ArrayList<>(foldResults.size());
    Dialect dialect = null;
    for (int i = 0; i < foldResults.size(); i++) {
      OpFoldResult r = foldResults.get(i);
      if (r.value() != null) {
        replacements.add(r.value());
        continue;
      }
      if (dialect == null) dialect = ctx.dialect(op.opName().dialect());
      Operation c = dialect == null ? null : dialect.materializeConstant(ctx, r.attribute(), op.result(i).type(), op.loc());
      if (c == null) {
        // As MLIR: undo the constants made for earlier results and report the fold as a change.
        for (Value v : replacements) if (v.definingOp() != null && v.definingOp().parentBlock() != null && !v.hasUses()) rewriter.eraseOp(v.definingOp());
        return true;
      }
      rewriter.insert(c);
      replacements.add(c.result(0));
    }
    rewriter.replaceOp(op, replacements);
    return true;
  }

  // ---- worklist

  /** Adds {@code op} and its ancestors up to the driver's scope (MLIR's addToWorklist). */
  private void addToWorklist(Operation op) {
    Operation o = op;
    int depth = 0;
    while (true) {
      Region r = o.parentRegion();
      if (r == scope) break;
      if (r == null) return; // outside the scope: ignore
      o = r.parentOp();
      if (o == null) return;
      depth++;
    }
    // Enqueue op first, then its ancestors, as MLIR does.
    o = op;
    for (int i = 0; i <= depth; i++) {
      addSingle(o);
      o = o.parentOp();
    }
  }

  private void addSingle(Operation op) {
    int s = op.scratch();
    if ((s & IN_WORKLIST) != 0) return;
    op.setScratch(s | IN_WORKLIST);
    worklist.add(op);
  }

  private void clearWorklist() {
    for (Operation op : worklist) op.setScratch(op.scratch() & ~IN_WORKLIST);
    worklist.clear();
  }

  // ---- listener

  @Override public void notifyOperationInserted(Operation op) { addToWorklist(op); }

  @Override public void notifyOperationModified(Operation op) { addToWorklist(op); }

  @Override public void notifyOperationErased(Operation op) {
    addOperandsToWorklist(op);
    op.setScratch(op.scratch() & ~IN_WORKLIST);
    if (folder != null) folder.notifyRemoval(op);
  }

  /** Definers of operands that will have at most one other user left may become dead or simpler. */
  private void addOperandsToWorklist(Operation op) {
    for (int i = 0; i < op.numOperands(); i++) {
      Value v = op.operand(i);
      if (v == null) continue;
      Operation def = v.definingOp();
      if (def == null) continue;
      Operation other = null;
      boolean moreThanTwo = false;
      for (OpOperand u = v.firstUse(); u != null; u = u.nextUse()) {
        Operation user = u.owner();
        if (user == op || user == other) continue;
        if (other == null) {
          other = user;
          continue;
        }
        moreThanTwo = true;
        break;
      }
      if (!moreThanTwo) addToWorklist(def);
    }
  }
}

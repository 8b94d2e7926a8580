package gvm.rewrite.conversion;

import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.DiagnosticException;
import gvm.ir.Operation;
import gvm.ir.rewrite.RewritePattern;
import gvm.rewrite.FrozenPatternSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies conversion patterns until the ops are legal for a {@link ConversionTarget} (MLIR's
 * applyPartialConversion / applyFullConversion). Ops are legalized in pre-order; a pattern's new
 * ops are legalized in turn, and a pattern whose result cannot be legalized is undone and the next
 * one tried. If an op stays illegal the whole conversion is rolled back and an error names it.
 */
public final class DialectConversion {
  private enum Mode { PARTIAL, FULL }

  private static final int MAX_DEPTH = 32;

  private final ConversionTarget target;
  private final FrozenPatternSet patterns;
  private final ConversionPatternRewriter rewriter;
  private final Mode mode;

  private DialectConversion(Context ctx, ConversionTarget target, List<? extends RewritePattern> patterns, Mode mode) {
    this.target = target;
    this.patterns = new FrozenPatternSet(new ArrayList<>(patterns));
    this.rewriter = new ConversionPatternRewriter(ctx);
    this.mode = mode;
  }

  /**
   * Converts the ops nested in {@code root}; ops of unknown legality may stay.
   *
   * @throws DiagnosticException (after rolling back) if an op explicitly marked illegal remains
   */
  public static void applyPartialConversion(Context ctx, Operation root, ConversionTarget target, List<? extends RewritePattern> patterns) {
    new DialectConversion(ctx, target, patterns, Mode.PARTIAL).run(root);
  }

  /**
   * Converts the ops nested in {@code root}; every op must end legal.
   *
   * @throws DiagnosticException (after rolling back) if one does not
   */
  public static void applyFullConversion(Context ctx, Operation root, ConversionTarget target, List<? extends RewritePattern> patterns) {
    new DialectConversion(ctx, target, patterns, Mode.FULL).run(root);
  }

  private void run(Operation root) {
    List<Operation> ops = new ArrayList<>();
    root.walkPreOrder(ops::add);
    ops.remove(0);
    for (Operation op : ops) {
      if (rewriter.isDead(op)) continue;
      if (legalize(op, 0)) continue;
      if (mode == Mode.FULL || target.legality(op) == ConversionTarget.Legality.ILLEGAL) {
        rewriter.rollback(0);
        String why = mode == Mode.PARTIAL ? " that was explicitly marked illegal" : "";
        throw new DiagnosticException(new Diagnostic(Diagnostic.Severity.ERROR, op.loc(), "failed to legalize operation '" + op.name() + "'" + why), op);
      }
    }
    rewriter.commit();
  }

  /** True if {@code op} is legal or a pattern made it so (with all the ops it created legalized too). */
  private boolean legalize(Operation op, int depth) {
    ConversionTarget.Legality l = target.legality(op);
    if (l == ConversionTarget.Legality.LEGAL) return true;
    if (depth > MAX_DEPTH) return false;
    for (RewritePattern p : patterns.patternsFor(op.def())) {
      int mark = rewriter.mark();
      int createdMark = rewriter.createdCount();
      rewriter.setInsertionPoint(op);
      if (p.matchAndRewrite(op, rewriter) && newOpsLegal(createdMark, depth)
          && (rewriter.isDead(op) || target.legality(op) == ConversionTarget.Legality.LEGAL)) return true;
      rewriter.rollback(mark);
    }
    return false;
  }

  private boolean newOpsLegal(int createdMark, int depth) {
    for (Operation n : rewriter.createdSince(createdMark)) {
      if (legalize(n, depth + 1)) continue;
      boolean acceptable = mode == Mode.PARTIAL ? target.legality(n) != ConversionTarget.Legality.ILLEGAL : false;
      if (!acceptable) return false;
    }
    return true;
  }
}

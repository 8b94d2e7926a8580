package gvm.ir.rewrite;

import gvm.ir.Operation;
import gvm.ir.def.OpDef;

/**
 * A rewrite rooted at ops of one definition (or at any op when the root is null), as MLIR's
 * RewritePattern. Patterns with a higher benefit are tried first. All IR changes go through the
 * {@link PatternRewriter} so that the driver sees them.
 */
public abstract class RewritePattern {
  private final OpDef root;
  private final int benefit;

  protected RewritePattern(OpDef root) { this(root, 1); }

  protected RewritePattern(OpDef root, int benefit) {
    this.root = root;
    this.benefit = benefit;
  }

  /** The definition of the ops this pattern matches, or null for any op. */
  public final OpDef root() { return root; }

  public final int benefit() { return benefit; }

  /** The pattern's label for enable/disable filters: its class name, as MLIR's debug name. */
  public String name() { return getClass().getSimpleName(); }

  /**
   * Matches {@code op} and rewrites it. On failure it must not have changed the IR.
   *
   * @return whether the pattern applied
   */
  public abstract boolean matchAndRewrite(Operation op, PatternRewriter rewriter);

  /** A pattern from a lambda, for short rewrites declared next to an op. */
  public static RewritePattern of(OpDef root, String name, Matcher m) {
    return new RewritePattern(root) {
      @Override public boolean matchAndRewrite(Operation op, PatternRewriter rewriter) { return m.matchAndRewrite(op, rewriter); }

      @Override public String name() { return name; }
    };
  }

  /** The body of a pattern built by {@link #of}. */
  @FunctionalInterface
  public interface Matcher {
    boolean matchAndRewrite(Operation op, PatternRewriter rewriter);
  }
}

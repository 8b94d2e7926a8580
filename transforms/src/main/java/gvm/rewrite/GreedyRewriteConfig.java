package gvm.rewrite;

/** Settings of the greedy pattern driver, with MLIR's defaults (GreedyRewriteConfig). */
public final class GreedyRewriteConfig {
  /** No limit on iterations or rewrites. */
  public static final long NO_LIMIT = -1;

  /** How much control flow the driver simplifies between iterations (MLIR's GreedySimplifyRegionLevel). */
  public enum RegionSimplification { DISABLED, NORMAL, AGGRESSIVE }

  /** Seed the worklist in pre-order and process it front to back (else post-order). */
  public boolean useTopDownTraversal = true;
  public long maxIterations = 10;
  /** Rewrites per iteration. */
  public long maxNumRewrites = NO_LIMIT;
  public RegionSimplification regionSimplification = RegionSimplification.NORMAL;
  /** Run op folders. */
  public boolean fold = true;
  /** Unique equal constants and hoist them to the entry of their isolated region. */
  public boolean cseConstants = true;
}

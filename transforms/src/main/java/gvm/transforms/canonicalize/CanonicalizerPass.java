package gvm.transforms.canonicalize;

import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import gvm.pass.PassOption;
import gvm.rewrite.FrozenPatternSet;
import gvm.rewrite.GreedyPatternRewriteDriver;
import gvm.rewrite.GreedyRewriteConfig;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code canonicalize}: every registered op's folder and canonicalization patterns, applied by the
 * greedy driver, with MLIR's options.
 */
public final class CanonicalizerPass extends Pass {
  private static final Map<String, String> REGION_LEVELS = new LinkedHashMap<>();

  static {
    REGION_LEVELS.put("disabled", "Don't run any control-flow simplification.");
    REGION_LEVELS.put("normal", "Perform simple control-flow simplifications (e.g. dead args elimination).");
    REGION_LEVELS.put("aggressive", "Perform aggressive control-flow simplification (e.g. block merging).");
  }

  final PassOption<Boolean> topDown = boolOption("top-down", "Seed the worklist in general top-down order", true);
  final PassOption<String> regionSimplify = enumOption("region-simplify", "Perform control flow optimizations to the region tree",
      REGION_LEVELS, "normal");
  final PassOption<Long> maxIterations = longOption("max-iterations", "Max. iterations between applying patterns / simplifying regions", 10);
  final PassOption<Long> maxNumRewrites = longOption("max-num-rewrites", "Max. number of pattern rewrites within an iteration", -1);
  final PassOption<Boolean> testConvergence = boolOption("test-convergence", "Test only: Fail pass on non-convergence to detect cyclic pattern", false);
  final PassOption<List<String>> disabledPatterns = stringListOption("disable-patterns", "Labels of patterns that should be filtered out during application");
  final PassOption<List<String>> enabledPatterns = stringListOption("enable-patterns",
      "Labels of patterns that should be used during application, all other patterns are filtered out");

  private FrozenPatternSet patterns;

  public CanonicalizerPass() { super("Canonicalizer", "canonicalize", "Canonicalize operations", null); }

  @Override public void initialize(Context ctx) {
    patterns = new FrozenPatternSet(FrozenPatternSet.canonicalizationPatterns(ctx), new HashSet<>(disabledPatterns.get()),
        new HashSet<>(enabledPatterns.get()));
  }

  @Override public void runOnOperation(Operation op, PassContext ctx) {
    GreedyRewriteConfig config = new GreedyRewriteConfig();
    config.useTopDownTraversal = topDown.get();
    config.maxIterations = maxIterations.get();
    config.maxNumRewrites = maxNumRewrites.get();
    config.regionSimplification = GreedyRewriteConfig.RegionSimplification.valueOf(regionSimplify.get().toUpperCase());
    FrozenPatternSet ps = patterns != null ? patterns : new FrozenPatternSet(FrozenPatternSet.canonicalizationPatterns(ctx.context()));
    boolean converged = GreedyPatternRewriteDriver.applyPatternsAndFoldGreedily(ctx.context(), op, ps, config, null);
    if (testConvergence.get() && !converged) ctx.signalPassFailure();
  }
}

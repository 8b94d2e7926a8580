package gvm.transforms.inline;

import gvm.ir.Operation;
import gvm.ir.def.Trait;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import gvm.pass.PassOption;
import gvm.pass.Statistic;
import gvm.rewrite.FrozenPatternSet;
import gvm.rewrite.GreedyPatternRewriteDriver;
import gvm.rewrite.GreedyRewriteConfig;

/**
 * {@code inline}: inlines calls (see {@link Inliner}), then simplifies each function with the
 * default pipeline. Only {@code canonicalize} (MLIR's default) or an empty pipeline are supported.
 */
public final class InlinerPass extends Pass {
  final PassOption<String> defaultPipeline = stringOption("default-pipeline",
      "The optimizer pipeline used for callables that do not have a dedicated optimizer pipeline in opPipelineList", "canonicalize");
  final PassOption<Long> threshold = uintOption("inlining-threshold",
      "If the ratio between the number of the operations in the callee and the number of the operations in the caller exceeds this value"
          + " (in percentage), then the callee is not inlined even if it is legal to inline it", 4294967295L);
  final PassOption<Long> maxIterations = uintOption("max-iterations", "Maximum number of iterations when inlining within an SCC", 4);
  final Statistic numInlined = statistic("num-inlined-calls", "Number of inlined calls");

  public InlinerPass() { super("Inliner", "inline", "Inline function calls", null); }

  @Override public boolean canScheduleOn(Operation op) { return op.hasTrait(Trait.SYMBOL_TABLE); }

  @Override public void runOnOperation(Operation op, PassContext ctx) {
    String pipeline = defaultPipeline.get().trim();
    if (!pipeline.isEmpty() && !pipeline.equals("canonicalize")) {
      ctx.emitError(op.loc(), "inline: only 'canonicalize' or an empty default-pipeline is supported, got '" + pipeline + "'");
      ctx.signalPassFailure();
      return;
    }
    FrozenPatternSet patterns = pipeline.isEmpty() ? null : new FrozenPatternSet(FrozenPatternSet.canonicalizationPatterns(ctx.context()));
    long limit = threshold.get() == 4294967295L ? -1 : threshold.get();
    Inliner inliner = new Inliner(ctx.context(), limit, patterns == null ? null
        : f -> GreedyPatternRewriteDriver.applyPatternsAndFoldGreedily(ctx.context(), f, patterns, new GreedyRewriteConfig(), null));
    inliner.run(op);
    numInlined.add(inliner.numInlined);
  }
}

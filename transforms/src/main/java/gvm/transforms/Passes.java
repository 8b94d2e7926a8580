package gvm.transforms;

import gvm.pass.PassRegistry;
import gvm.transforms.debuginfo.StripDebugInfoPass;
import gvm.transforms.opgraph.ViewOpGraphPass;
import gvm.transforms.opstats.PrintOpStatsPass;
import gvm.transforms.symboldce.SymbolDcePass;
import gvm.transforms.testing.TestPassCrash;
import gvm.transforms.testing.TestPassCreateInvalidIr;
import gvm.transforms.testing.TestPassFailure;

/**
 * Registers gvm's passes and named pipelines in the {@link PassRegistry} (explicitly, one line
 * per pass, as {@code gvm.dialect.Dialects} lists dialects). To add a pass, write a class
 * extending {@link gvm.pass.Pass} and add {@code PassRegistry.register(MyPass::new);} below.
 */
public final class Passes {
  private static boolean registered;

  private Passes() {}

  /** Registers every pass; idempotent and thread-safe. */
  public static synchronized void registerAll() {
    if (registered) return;
    registered = true;
    PassRegistry.register(SymbolDcePass::new);
    PassRegistry.register(StripDebugInfoPass::new);
    PassRegistry.register(PrintOpStatsPass::new);
    PassRegistry.register(ViewOpGraphPass::new);
    PassRegistry.register(gvm.transforms.canonicalize.CanonicalizerPass::new);
    PassRegistry.register(gvm.transforms.cse.CSEPass::new);
    // Fusion (issue 7): gptvm-fuse-parallel-linears, gptvm-fuse and the gptvm-optimize pipeline.
    gvm.transforms.fusion.FuseOpsPass.registerAll();
    PassRegistry.register(gvm.transforms.inline.InlinerPass::new);
    PassRegistry.register(gvm.transforms.sccp.SCCPPass::new);
    PassRegistry.register(gvm.transforms.mesh.ShardingPropagationPass::new);
    PassRegistry.register(gvm.transforms.mesh.SpmdizationPass::new);
    PassRegistry.register(gvm.transforms.autoshard.AutoShardPass::new);
    PassRegistry.register(gvm.transforms.kv.LowerToPagedPass::new);
    // Test passes (as MLIR's test/lib/Pass): deliberately failing passes for the pass manager's tests.
    PassRegistry.register(TestPassFailure::new);
    PassRegistry.register(TestPassCrash::new);
    PassRegistry.register(TestPassCreateInvalidIr::new);
  }
}

package gvm.llama2c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.dialect.Dialects;
import gvm.interp.Interpreter;
import gvm.interp.Programs;
import gvm.ir.Diagnostic;
import gvm.ir.Operation;
import gvm.model.LlamaImporter;
import gvm.pass.OpPassManager;
import gvm.pass.PassManager;
import gvm.pass.PassPipelineParser;
import gvm.transforms.Passes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 2 of the fusion work: on the tiny and small reference shapes, generation after
 * {@code gptvm-optimize} gives the greedy tokens of the unoptimised program, and logits within 1e-5
 * relative L2 of it.
 */
class FusionNumericsTest {
  @TempDir Path dir;

  private static List<Integer> generate(Operation module, Llama2cCheckpoint cp, int[] prompt, int steps, List<float[]> logits) {
    Interpreter in = Interpreter.of(module, cp);
    return Generation.run(in, prompt, steps, cp.config().capacity(), 0, 0, new Generation.Listener() {
      @Override public void logits(int pos, float[] row) { logits.add(row.clone()); }
    });
  }

  private static void optimize(Operation module) throws gvm.pass.PassPipelineException {
    Passes.registerAll();
    OpPassManager parsed = PassPipelineParser.parse("builtin.module(gptvm-optimize)");
    PassManager pm = PassManager.of(parsed);
    List<Diagnostic> diags = new ArrayList<>();
    assertTrue(pm.run(module, Dialects.newContext(), diags::add), diags.toString());
  }

  private static int count(Operation module, String name) {
    int[] n = {0};
    module.walk(op -> { if (op.name().equals(name)) n[0]++; });
    return n[0];
  }

  private void sameAsUnoptimised(Path ckpt, int[] prompt, int steps) throws gvm.pass.PassPipelineException {
    Llama2cCheckpoint cp = Llama2cCheckpoint.open(ckpt);
    String text = LlamaImporter.importModel(cp);
    List<float[]> plain = new ArrayList<>(), fused = new ArrayList<>();
    List<Integer> plainIds = generate(Programs.parse("model.mlir", text), cp, prompt, steps, plain);
    Operation optimised = Programs.parse("model.mlir", text);
    optimize(optimised);
    int layers = cp.config().layers();
    // in every function that runs the layers: one QKV and one gate/up linear per layer, fused groups
    int functions = count(optimised, "func.func") - 1; // all but @create_cache
    assertEquals(functions * 2 * layers, count(optimised, "gptvm.concat_params"));
    assertTrue(count(optimised, "gptvm.fused") >= functions * 3 * layers, "fused groups: " + count(optimised, "gptvm.fused"));
    List<Integer> fusedIds = generate(optimised, cp, prompt, steps, fused);
    assertEquals(plainIds, fusedIds);
    assertEquals(plain.size(), fused.size());
    double num = 0, den = 0;
    for (int p = 0; p < plain.size(); p++)
      for (int i = 0; i < plain.get(p).length; i++) {
        double d = fused.get(p)[i] - plain.get(p)[i];
        num += d * d;
        den += (double) plain.get(p)[i] * plain.get(p)[i];
      }
    assertTrue(Math.sqrt(num / den) < 1e-5, "relative L2 " + Math.sqrt(num / den));
  }

  @Test void tinyGivesTheUnoptimisedTokensAndLogits() throws Exception {
    // make_llama2c_model.py's "tiny": dim 64, hidden 172, 5 layers, 8 heads, 4 kv heads, vocab 512, seq 512
    Path ckpt = RandomCheckpoint.write(dir.resolve("tiny.bin"), 64, 172, 5, 8, 4, 512, 512, true, 42);
    sameAsUnoptimised(ckpt, new int[] {1, 17, 300}, 48);
  }

  @Test void smallGivesTheUnoptimisedTokensAndLogits() throws Exception {
    // make_llama2c_model.py's "small" (stories15M's shape): dim 288, hidden 768, 6 layers, 6 heads, vocab 32000, seq 256
    Path ckpt = RandomCheckpoint.write(dir.resolve("small.bin"), 288, 768, 6, 6, 6, 32000, 256, true, 7);
    sameAsUnoptimised(ckpt, new int[] {1, 450, 20}, 24);
  }
}

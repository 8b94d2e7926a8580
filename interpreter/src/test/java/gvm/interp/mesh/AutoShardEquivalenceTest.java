package gvm.interp.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.interp.Interpreter;
import gvm.interp.Parallel;
import gvm.interp.Programs;
import gvm.interp.SpmdInterpreter;
import gvm.ir.Operation;
import gvm.llama2c.Generation;
import gvm.llama2c.Llama2cCheckpoint;
import gvm.llama2c.RandomCheckpoint;
import gvm.model.LlamaImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 9, acceptance 5: the plan of gptvm-auto-shard, spmdized, runs on 2 and 4 simulated devices
 * and generates the unsharded run's greedy tokens with logits within 1e-5 relative L2, for the
 * tiny and small reference configurations (make_llama2c_model.py's shapes, random weights). At
 * these sizes the 8xH100 cost model keeps a plan replicated (a collective costs more than reading
 * the weights), so a memory limit of 60% of the replicated weights forces the ILP to split them.
 */
class AutoShardEquivalenceTest {
  @TempDir Path dir;

  private static List<Integer> generate(Generation.Program program, int[] prompt, int steps, int vocab, List<float[]> logits) {
    return Generation.run(program, prompt, steps, vocab, 0, 0, 1, new Generation.Listener() {
      @Override public void logits(int pos, float[] row) { logits.add(row.clone()); }
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"tiny, 64, 172, 5, 8, 4, 512, 512, 16", "small, 288, 768, 6, 6, 6, 32000, 256, 6"})
  void autoShardedModelMatchesTheUnshardedRun(String name, int dim, int hidden, int layers, int heads, int kvHeads, int vocab, int seq, int steps)
      throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve(name + ".bin"), dim, hidden, layers, heads, kvHeads, vocab, seq, true, 7);
    Llama2cCheckpoint cp = Llama2cCheckpoint.open(ckpt);
    String text = LlamaImporter.importModel(cp);
    int[] prompt = {1, 42, 7, 300};
    List<float[]> expectedLogits = new ArrayList<>();
    List<Integer> expected = generate(Interpreter.of(Programs.parse(name + ".mlir", text), cp)::call, prompt, steps, vocab, expectedLogits);
    double limitGib = 0.6 * java.nio.file.Files.size(ckpt) / (1L << 30);
    for (int devices : new int[] {2, 4}) {
      String pipeline = String.format(Locale.ROOT, "builtin.module(gptvm-auto-shard{mesh-shape=%d memory-limit-gib=%.6f},%s)", devices, limitGib,
          SpmdPrograms.PIPELINE.substring("builtin.module(".length(), SpmdPrograms.PIPELINE.length() - 1));
      Operation sharded = Programs.parse(name + ".mlir", text.getBytes(StandardCharsets.ISO_8859_1), pipeline);
      int[] collectives = {0};
      sharded.walk(op -> {
        if (op.name().startsWith("mesh.all_")) collectives[0]++;
      });
      assertTrue(collectives[0] > 0, devices + " devices: the plan splits weights, so the program has collectives");
      Parallel team = new Parallel(1);
      SpmdInterpreter spmd = new SpmdInterpreter(sharded, new long[] {devices}, cp, in -> in.provide(Parallel.class, team));
      List<float[]> logits = new ArrayList<>();
      List<Integer> ids = generate(spmd::callReplicated, prompt, steps, vocab, logits);
      team.shutdown();
      assertEquals(expected, ids, devices + " devices: greedy tokens");
      assertEquals(expectedLogits.size(), logits.size());
      double rel = Logits.relativeL2(expectedLogits, logits);
      assertTrue(rel < 1e-5, devices + " devices: relative L2 error of the logits " + rel);
    }
  }
}

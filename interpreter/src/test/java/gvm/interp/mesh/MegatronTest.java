package gvm.interp.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.interp.Interpreter;
import gvm.interp.Parallel;
import gvm.interp.Programs;
import gvm.interp.SpmdInterpreter;
import gvm.llama2c.Generation;
import gvm.llama2c.Llama2cCheckpoint;
import gvm.llama2c.RandomCheckpoint;
import gvm.model.LlamaImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the tiny llama2.c configuration, imported, Megatron-annotated, spmdized and run on 2
 * and 4 simulated devices, generates the greedy tokens of the unsharded run, with logits within
 * 1e-5 relative L2; each layer of the spmdized program all-reduces twice.
 */
class MegatronTest {
  @TempDir Path dir;

  private static List<Integer> generate(Generation.Program program, int[] prompt, int steps, List<float[]> logits) {
    return Generation.run(program, prompt, steps, 512, 0, 0, 1, new Generation.Listener() {
      @Override public void logits(int pos, float[] row) { logits.add(row.clone()); }
    });
  }

  @Test void tinyModelShardedOverTwoAndFourDevicesMatchesTheUnshardedRun() throws IOException {
    // llama2.c "tiny": dim 64, hidden 172, 5 layers, 8 heads, 4 kv heads, vocab 512, seq 512
    Path ckpt = RandomCheckpoint.write(dir.resolve("tiny.bin"), 64, 172, 5, 8, 4, 512, 512, true, 42);
    Llama2cCheckpoint cp = Llama2cCheckpoint.open(ckpt);
    String text = LlamaImporter.importModel(cp);
    int[] prompt = {1, 42, 7, 300};
    int steps = 24;
    List<float[]> expectedLogits = new ArrayList<>();
    List<Integer> expected = generate(Interpreter.of(Programs.parse("tiny.mlir", text), cp)::call, prompt, steps, expectedLogits);
    for (int devices : new int[] {2, 4}) {
      String sharded = SpmdPrograms.spmdize("tiny-tp.mlir", SpmdPrograms.megatron(text, devices));
      int allReduces = sharded.split("mesh.all_reduce", -1).length - 1;
      int functions = sharded.split("gptvm.embedding", -1).length - 1;
      assertEquals(2 * 5 * functions, allReduces, "two all_reduce per layer in each of the " + functions + " model functions");
      Parallel team = new Parallel(1);
      SpmdInterpreter spmd = new SpmdInterpreter(Programs.parse("tiny-tp.mlir", sharded), new long[] {devices}, cp,
          in -> in.provide(Parallel.class, team));
      List<float[]> logits = new ArrayList<>();
      List<Integer> ids = generate(spmd::callReplicated, prompt, steps, logits);
      team.shutdown();
      assertEquals(expected, ids, devices + " devices: greedy tokens");
      assertEquals(expectedLogits.size(), logits.size());
      double rel = Logits.relativeL2(expectedLogits, logits);
      assertTrue(rel < 1e-5, devices + " devices: relative L2 error of the logits " + rel);
    }
  }
}

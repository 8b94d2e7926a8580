package gvm.llama2c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.interp.Interpreter;
import gvm.interp.InterpreterException;
import gvm.interp.Programs;
import gvm.ir.Operation;
import gvm.model.LlamaImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a llama2.c checkpoint imported to gptvm/kv IR and run by the interpreter (prefill,
 * then decode steps) gives the reference's greedy ids and logits to a relative L2 error below 1e-4.
 */
class Llama2cTest {
  @TempDir Path dir;

  /** Imports and runs; returns ids and fills logits rows. */
  private static List<Integer> runImported(Path ckpt, int[] prompt, int steps, List<float[]> logits) {
    Llama2cCheckpoint cp = Llama2cCheckpoint.open(ckpt);
    String text = LlamaImporter.importModel(cp);
    Operation module = Programs.parse("model.mlir", text);
    Interpreter in = Interpreter.of(module, cp);
    return Generation.run(in, prompt, steps, cp.config().capacity(), 0, 0, new Generation.Listener() {
      @Override public void logits(int pos, float[] row) { logits.add(row.clone()); }
    });
  }

  private static double relL2(List<double[]> ref, List<float[]> got) { return ReferenceModelAccess.relL2(ref, got); }

  private void checkAgainstReference(Path ckpt, int[] prompt, int steps) throws IOException {
    List<double[]> refLogits = new ArrayList<>();
    List<Integer> refIds = new ReferenceModel(ckpt).generate(prompt, steps, refLogits);
    List<float[]> logits = new ArrayList<>();
    List<Integer> ids = runImported(ckpt, prompt, steps, logits);
    assertEquals(refIds, ids);
    assertEquals(refLogits.size(), logits.size());
    double rel = relL2(refLogits, logits);
    assertTrue(rel < 1e-4, "relative L2 error " + rel);
  }

  @Test void tinyConfigGroupedKvHeadsMatchesReference() throws IOException {
    // llama2.c "tiny": dim 64, hidden 172, 5 layers, 8 heads, 4 kv heads, vocab 512, seq 512
    Path ckpt = RandomCheckpoint.write(dir.resolve("tiny.bin"), 64, 172, 5, 8, 4, 512, 512, true, 42);
    checkAgainstReference(ckpt, new int[] {1}, 64);
  }

  @Test void separateClassifierMultiTokenPromptAndMultiQuery() throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve("unshared.bin"), 48, 96, 3, 6, 1, 300, 48, false, 5);
    checkAgainstReference(ckpt, new int[] {1, 17, 250, 3, 99}, 40);
    // steps beyond the capacity run to the capacity, as llama2.c
    checkAgainstReference(ckpt, new int[] {1, 2}, 1000);
  }

  @Test void promptLongerThanOnePrefillChunk() throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve("long.bin"), 32, 64, 2, 4, 2, 100, 200, true, 8);
    int[] prompt = new int[Generation.PREFILL_CHUNK + 22];
    prompt[0] = 1;
    for (int i = 1; i < prompt.length; i++) prompt[i] = 2 + (i * 37) % 98;
    checkAgainstReference(ckpt, prompt, 180);
  }

  @Test void goldenDataFromNumpyReference() throws IOException {
    Path ckpt = dir.resolve("mini.bin");
    Files.write(ckpt, resource("mini.bin"));
    List<float[]> logits = new ArrayList<>();
    List<Integer> ids = runImported(ckpt, new int[] {1, 7, 9}, 32, logits);
    assertEquals(new String(resource("mini.ids")).trim(), ReferenceModelAccess.ids(ids));
    List<double[]> ref = ReferenceModelAccess.logits("mini.logits.f32", 64);
    assertEquals(ref.size(), logits.size());
    assertTrue(relL2(ref, logits) < 1e-4, "relative L2 error " + relL2(ref, logits));
  }

  private static byte[] resource(String name) throws IOException { return ReferenceModelAccess.resource(name); }

  @Test void importedModuleNamesWeightsAndLayers() {
    Llama2cCheckpoint.Config c = new Llama2cCheckpoint.Config(16, 40, 2, 4, 2, 64, 32, false);
    String text = LlamaImporter.importModel(c.model(), "m.bin");
    Programs.parse("m.mlir", text); // parses and verifies
    assertTrue(text.contains("!kv.cache<layers = 2, kv_heads = 2, head_dim = 4, capacity = 32, dtype = f32>"));
    assertTrue(text.contains("gptvm.param \"model.layers.1.self_attn.k_proj.weight\" : tensor<8x16xf32> loc(\"model.layers.1.self_attn.k_proj\")"));
    assertTrue(text.contains("gptvm.param \"lm_head.weight\" : tensor<64x16xf32>"));
    assertTrue(text.contains("func.func @prefill(%ids: tensor<?xi32>, %cache: !cache) -> (tensor<?x64xf32>, !cache)"));
    assertTrue(text.contains("func.func @decode(%token: tensor<1xi32>, %cache: !cache) -> (tensor<1x64xf32>, tensor<1xi32>, !cache)"));
  }

  @Test void badCheckpointsAndPromptsFailWithOneLine() throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve("ok.bin"), 16, 40, 2, 4, 2, 64, 32, true, 1);
    byte[] all = Files.readAllBytes(ckpt);
    Path cut = dir.resolve("cut.bin");
    Files.write(cut, Arrays.copyOf(all, all.length - 10));
    var e = assertThrows(Llama2cCheckpoint.CheckpointException.class, () -> Llama2cCheckpoint.open(cut));
    assertEquals(cut + ": truncated checkpoint: the header (dim 16, hidden 40, layers 2, heads 4, kv heads 2, vocab 64, seq 32) needs " + all.length
        + " bytes, the file has " + (all.length - 10), e.getMessage());
    Path bad = dir.resolve("bad.bin");
    byte[] b = all.clone();
    b[12] = 3; // n_heads = 3 does not divide dim 16
    Files.write(bad, b);
    e = assertThrows(Llama2cCheckpoint.CheckpointException.class, () -> Llama2cCheckpoint.open(bad));
    assertTrue(e.getMessage().startsWith(bad + ": inconsistent checkpoint header "), e.getMessage());
    assertTrue(e.getMessage().endsWith(": dim is not a multiple of n_heads"), e.getMessage());
    Path longer = dir.resolve("long.bin");
    Files.write(longer, Arrays.copyOf(all, all.length + 8));
    e = assertThrows(Llama2cCheckpoint.CheckpointException.class, () -> Llama2cCheckpoint.open(longer));
    assertTrue(e.getMessage().endsWith("the file has " + (all.length + 8) + " (8 extra)"), e.getMessage());
    InterpreterException ie = assertThrows(InterpreterException.class, () -> runImported(ckpt, new int[] {1, 64}, 4, new ArrayList<>()));
    assertEquals("<unknown>:0: error: loc(\"model.embed_tokens\"): 'gptvm.embedding' op token id 64 is out of the vocabulary [0, 64)", ie.render());
  }
}

package gvm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.interp.Interpreter;
import gvm.interp.Programs;
import gvm.ir.types.FloatType;
import gvm.llama2c.Generation;
import gvm.llama2c.Llama2cCheckpoint;
import gvm.llama2c.RandomCheckpoint;
import gvm.llama2c.ReferenceModelAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 2: a Hugging Face checkpoint (config.json + safetensors, q/k rows permuted as
 * convert_llama_weights_to_hf does) written from a random llama2.c model, imported with rotate_half
 * rope and run, gives the float64 reference's greedy ids over 64 steps and logits within 1e-4
 * relative L2; for bf16 and f16 the reference runs on the rounded weights.
 */
class HfCheckpointTest {
  @TempDir Path dir;

  /** A random llama2.c model (rounded to {@code dtype}) and its HF export; returns the .bin. */
  private Path model(String name, FloatType dtype, int shards, boolean shared, int kvHeads, long seed) throws IOException {
    Path bin = RandomCheckpoint.write(dir.resolve(name + ".bin"), 64, 172, 3, 8, kvHeads, 512, 128, shared, seed);
    if (!dtype.equals(FloatType.F32)) HfWriter.roundLlama2c(bin, dtype);
    HfWriter.write(Llama2cCheckpoint.open(bin), dir.resolve(name), dtype, shards);
    return bin;
  }

  private static List<Integer> run(WeightSource w, int[] prompt, int steps, List<float[]> logits) {
    Interpreter in = Interpreter.of(Programs.parse("model.mlir", LlamaImporter.importModel(w)), w);
    return Generation.run(in, prompt, steps, w.config().capacity(), 0, 0, w.config().eosId(), new Generation.Listener() {
      @Override public void logits(int pos, float[] row) { logits.add(row.clone()); }
    });
  }

  private void matchesReference(String name, FloatType dtype, int shards, boolean shared, int kvHeads, long seed, int[] prompt) throws IOException {
    Path bin = model(name, dtype, shards, shared, kvHeads, seed);
    HfCheckpoint hf = HfCheckpoint.open(dir.resolve(name));
    assertEquals(dtype, hf.config().weightDtype());
    List<double[]> ref = new ArrayList<>();
    List<Integer> refIds = ReferenceModelAccess.generate(bin, prompt, 64, ref);
    List<float[]> logits = new ArrayList<>();
    List<Integer> ids = run(hf, prompt, 64, logits);
    assertEquals(refIds, ids);
    assertEquals(65, ids.size()); // the first token and one per position: no early stop
    double rel = ReferenceModelAccess.relL2(ref, logits);
    assertTrue(rel < 1e-4, "relative L2 error " + rel);
  }

  @Test void f32TiedGroupedQueryMatchesReference() throws IOException {
    matchesReference("f32", FloatType.F32, 1, true, 4, 42, new int[] {1});
  }

  @Test void bf16ShardedSeparateClassifierMatchesReference() throws IOException {
    matchesReference("bf16", FloatType.BF16, 3, false, 2, 7, new int[] {1, 20, 300});
  }

  @Test void f16MultiQueryMatchesReference() throws IOException {
    matchesReference("f16", FloatType.F16, 1, true, 1, 9, new int[] {1, 5});
  }

  @Test void bf16ExportOfNumpyGoldenModelMatchesNumpyReference() throws IOException {
    Path bin = dir.resolve("mini.bin");
    Files.write(bin, ReferenceModelAccess.resource("mini.bin"));
    HfWriter.write(Llama2cCheckpoint.open(bin), dir.resolve("mini"), FloatType.BF16, 1);
    List<float[]> logits = new ArrayList<>();
    List<Integer> ids = run(HfCheckpoint.open(dir.resolve("mini")), new int[] {1, 7, 9}, 32, logits);
    assertEquals(new String(ReferenceModelAccess.resource("mini-bf16.ids")).trim(), ReferenceModelAccess.ids(ids));
    List<double[]> ref = ReferenceModelAccess.logits("mini-bf16.logits.f32", 64);
    assertEquals(ref.size(), logits.size());
    double rel = ReferenceModelAccess.relL2(ref, logits);
    assertTrue(rel < 1e-4, "relative L2 error " + rel);
  }

  @Test void importedModuleKeepsWeightTypeAndRopeLayout() throws IOException {
    model("m", FloatType.BF16, 1, false, 4, 3);
    String text = LlamaImporter.importModel(HfCheckpoint.open(dir.resolve("m")));
    assertTrue(text.startsWith("// Imported from the Hugging Face checkpoint m: dim 64, hidden 172, 3 layers, 8 heads, 4 kv heads, vocab 512, 128 positions"),
        text.substring(0, 200));
    assertTrue(text.contains("gptvm.param \"model.layers.2.self_attn.k_proj.weight\" : tensor<32x64xbf16> loc(\"model.layers.2.self_attn.k_proj\")"));
    assertTrue(text.contains("gptvm.rope %qh_0, %pos theta(10000.0) layout(rotate_half) : tensor<?x8x8xf32>, tensor<?xindex>"));
    assertTrue(text.contains("gptvm.linear %hn, %lm_head : (tensor<1x64xf32>, tensor<512x64xbf16>) -> tensor<1x512xf32> loc(\"lm_head\")"));
  }

  @Test void eosFromTheConfigStopsGeneration() throws IOException {
    model("eos", FloatType.F32, 1, true, 4, 42);
    HfCheckpoint hf = HfCheckpoint.open(dir.resolve("eos"));
    List<Integer> free = run(hf, new int[] {1}, 64, new ArrayList<>());
    int eos = free.get(5);
    Path cfg = dir.resolve("eos/config.json");
    Files.writeString(cfg, Files.readString(cfg).replaceFirst("\"eos_token_id\" : 1", "\"eos_token_id\" : " + eos));
    assertEquals(free.subList(0, free.indexOf(eos)), run(HfCheckpoint.open(dir.resolve("eos")), new int[] {1}, 64, new ArrayList<>()));
  }

  /** A safetensors file of one tensor with the given header fields and {@code data} bytes of data. */
  private Path oneTensorFile(Path file, String name, String fields, int data) throws IOException {
    byte[] h = ("{\"" + name + "\": {" + fields + "}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + h.length + data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h);
    Files.write(file, b.array());
    return file;
  }

  @Test void tensorsOfOtherTypesAreIgnoredUnlessTheModelNeedsThem() throws IOException {
    model("extra", FloatType.F32, 1, true, 4, 1);
    Path ok = dir.resolve("extra");
    oneTensorFile(ok.resolve("buffers.safetensors"), "model.rotary_emb.inv_freq", "\"dtype\": \"I64\", \"shape\": [2], \"data_offsets\": [0, 16]", 16);
    assertEquals(FloatType.F32, HfCheckpoint.open(ok).config().weightDtype());
    Path norm = oneTensorFile(ok.resolve("norm.safetensors"), "model.norm.weight", "\"dtype\": \"F64\", \"shape\": [64], \"data_offsets\": [0, 512]", 512);
    Files.move(ok.resolve("model.safetensors"), ok.resolve("zz.safetensors")); // norm.safetensors now serves model.norm.weight
    ModelException e = assertThrows(ModelException.class, () -> HfCheckpoint.open(ok));
    assertEquals(norm + ": tensor 'model.norm.weight' has dtype F64 (F32, F16 and BF16 are supported)", e.getMessage());
    oneTensorFile(norm, "model.norm.weight", "\"dtype\": \"F32\", \"shape\": [100000, 100000], \"data_offsets\": [0, 8]", 8);
    e = assertThrows(ModelException.class, () -> HfCheckpoint.open(ok));
    assertEquals(norm + ": malformed safetensors header: tensor 'model.norm.weight' of shape [100000,100000] and dtype F32 needs 40000000000 bytes,"
        + " its data_offsets [0,8] hold 8", e.getMessage());
  }

  @Test void badCheckpointsFailWithOneLineNamingTheFile() throws IOException {
    model("ok", FloatType.F32, 1, true, 4, 1);
    Path ok = dir.resolve("ok"), st = ok.resolve("model.safetensors"), cfg = ok.resolve("config.json");
    byte[] all = Files.readAllBytes(st);
    String config = Files.readString(cfg);
    Files.write(st, java.util.Arrays.copyOf(all, all.length - 3));
    ModelException e = assertThrows(ModelException.class, () -> HfCheckpoint.open(ok));
    assertTrue(e.getMessage().startsWith(st + ": truncated safetensors file: tensor 'model.norm.weight' ends at byte " + all.length + ", the file has "
        + (all.length - 3)), e.getMessage());
    Files.write(st, java.util.Arrays.copyOf(all, 20));
    e = assertThrows(ModelException.class, () -> HfCheckpoint.open(ok));
    assertTrue(e.getMessage().startsWith(st + ": truncated safetensors file: a header of "), e.getMessage());
    Files.write(st, all);
    Files.writeString(cfg, config.replace("\"num_attention_heads\" : 8", "\"num_attention_heads\" : 6"));
    e = assertThrows(ModelException.class, () -> HfCheckpoint.open(ok));
    assertEquals(cfg + ": inconsistent config: dim 64 is not a multiple of the 6 heads", e.getMessage());
    Files.writeString(cfg, config.replace("\"intermediate_size\" : 172", "\"intermediate_size\" : 170"));
    e = assertThrows(ModelException.class, () -> HfCheckpoint.open(ok));
    assertEquals(st + ": tensor 'model.layers.0.mlp.gate_proj.weight' has shape [172, 64], but the config implies [170, 64]", e.getMessage());
    Files.writeString(cfg, config.replace("\"num_hidden_layers\" : 3", "\"num_hidden_layers\" : 4"));
    e = assertThrows(ModelException.class, () -> HfCheckpoint.open(ok));
    assertEquals(st + ": missing tensor 'model.layers.3.input_layernorm.weight' (the model needs shape [64])", e.getMessage());
    Files.writeString(cfg, config.replace("\"vocab_size\"", "\"vocab\""));
    e = assertThrows(ModelException.class, () -> HfCheckpoint.open(ok));
    assertEquals(cfg + ": config has no vocab_size", e.getMessage());
    Files.writeString(cfg, config.replace("\"hidden_act\" : \"silu\"", "\"hidden_act\" : \"gelu\""));
    e = assertThrows(ModelException.class, () -> HfCheckpoint.open(ok));
    assertEquals(cfg + ": hidden_act gelu is not supported (silu is)", e.getMessage());
    Files.writeString(cfg, config.replace("\"hidden_act\"", "\"attention_bias\" : true, \"hidden_act\""));
    e = assertThrows(ModelException.class, () -> HfCheckpoint.open(ok));
    assertEquals(cfg + ": attention_bias is not supported (Llama's projections have no bias)", e.getMessage());
    Files.writeString(cfg, "{\"hidden_size\": 64,");
    e = assertThrows(ModelException.class, () -> HfCheckpoint.open(ok));
    assertTrue(e.getMessage().startsWith(cfg + ": malformed JSON: ") && !e.getMessage().contains("\n"), e.getMessage());
    Files.delete(cfg);
    e = assertThrows(ModelException.class, () -> HfCheckpoint.open(ok));
    assertEquals(ok + ": not a Hugging Face checkpoint: no config.json", e.getMessage());
  }
}

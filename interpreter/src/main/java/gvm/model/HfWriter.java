package gvm.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gvm.interp.Elements;
import gvm.ir.types.FloatType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Hugging Face Llama checkpoint (config.json and safetensors) holding the model of a
 * {@link WeightSource} in float32, float16 or bfloat16, as transformers' convert_llama_weights_to_hf
 * does: q/k rows of each head permuted from interleaved to rotate_half order. For tests and for
 * trying the HF path on llama2.c models.
 */
public final class HfWriter {
  private HfWriter() {}

  /**
   * Writes the checkpoint into {@code dir} (created), in {@code shards} safetensors files (more than
   * one adds model.safetensors.index.json).
   */
  public static void write(WeightSource src, Path dir, FloatType dtype, int shards) throws IOException {
    ModelConfig c = src.config();
    if (c.ropeLayout() != ModelConfig.RopeLayout.INTERLEAVED) throw new IllegalArgumentException("the source must have interleaved q/k rows");
    Files.createDirectories(dir);
    Map<String, int[]> shapes = c.weightShapes();
    List<String> names = new ArrayList<>(shapes.keySet());
    Map<String, String> index = new LinkedHashMap<>();
    for (int s = 0; s < shards; s++) {
      String file = shards == 1 ? "model.safetensors" : String.format("model-%05d-of-%05d.safetensors", s + 1, shards);
      List<String> part = names.subList(s * names.size() / shards, (s + 1) * names.size() / shards);
      Map<String, float[]> data = new LinkedHashMap<>();
      for (String n : part) {
        float[] w = src.get(n).floatArray();
        if (n.endsWith("q_proj.weight")) w = permute(w, c.heads(), c.dim());
        if (n.endsWith("k_proj.weight")) w = permute(w, c.kvHeads(), c.dim());
        data.put(n, w);
        index.put(n, file);
      }
      writeSafetensors(dir.resolve(file), data, shapes, dtype);
    }
    ObjectMapper json = new ObjectMapper();
    if (shards > 1) {
      ObjectNode idx = json.createObjectNode();
      idx.putObject("metadata");
      ObjectNode map = idx.putObject("weight_map");
      index.forEach(map::put);
      Files.writeString(dir.resolve("model.safetensors.index.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(idx));
    }
    Files.writeString(dir.resolve("config.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(config(json, c, dtype)));
  }

  /** config.json of a LlamaForCausalLM with the model's sizes. */
  public static ObjectNode config(ObjectMapper json, ModelConfig c, FloatType dtype) {
    ObjectNode o = json.createObjectNode();
    o.putArray("architectures").add("LlamaForCausalLM");
    o.put("model_type", "llama");
    o.put("hidden_size", c.dim());
    o.put("intermediate_size", c.hidden());
    o.put("num_hidden_layers", c.layers());
    o.put("num_attention_heads", c.heads());
    o.put("num_key_value_heads", c.kvHeads());
    o.put("vocab_size", c.vocab());
    o.put("max_position_embeddings", c.capacity());
    o.put("rope_theta", c.ropeTheta());
    o.put("rms_norm_eps", c.rmsNormEps());
    o.put("tie_word_embeddings", c.tiedEmbeddings());
    o.put("torch_dtype", dtype.equals(FloatType.BF16) ? "bfloat16" : dtype.equals(FloatType.F16) ? "float16" : "float32");
    o.put("bos_token_id", c.bosId());
    o.put("eos_token_id", c.eosId());
    o.put("hidden_act", "silu");
    return o;
  }

  /** convert_llama_weights_to_hf's permute: within each head, row {@code 2i + j} moves to {@code j·half + i}. */
  static float[] permute(float[] w, int heads, int cols) {
    int rows = w.length / cols, hs = rows / heads, half = hs / 2;
    float[] out = new float[w.length];
    for (int h = 0; h < heads; h++)
      for (int i = 0; i < half; i++)
        for (int j = 0; j < 2; j++) System.arraycopy(w, (h * hs + 2 * i + j) * cols, out, (h * hs + j * half + i) * cols, cols);
    return out;
  }

  /** A safetensors file of the given tensors in {@code dtype} (rounded to nearest even). */
  public static void writeSafetensors(Path file, Map<String, float[]> tensors, Map<String, int[]> shapes, FloatType dtype) throws IOException {
    int size = dtype.equals(FloatType.F32) ? 4 : 2;
    ObjectMapper json = new ObjectMapper();
    ObjectNode header = json.createObjectNode();
    header.putObject("__metadata__").put("format", "pt");
    long at = 0;
    for (Map.Entry<String, float[]> e : tensors.entrySet()) {
      ObjectNode t = header.putObject(e.getKey());
      t.put("dtype", size == 4 ? "F32" : dtype.equals(FloatType.BF16) ? "BF16" : "F16");
      var shape = t.putArray("shape");
      for (int d : shapes.get(e.getKey())) shape.add(d);
      t.putArray("data_offsets").add(at).add(at + (long) size * e.getValue().length);
      at += (long) size * e.getValue().length;
    }
    byte[] h = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    int pad = (8 - h.length % 8) % 8;
    ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(8 + h.length + pad + at)).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length + pad).put(h);
    for (int i = 0; i < pad; i++) b.put((byte) ' ');
    for (float[] a : tensors.values())
      for (float f : a) {
        if (size == 4) b.putFloat(f);
        else b.putShort((short) Elements.toBits(f, dtype));
      }
    Files.write(file, b.array());
  }

  /** Rewrites a llama2.c checkpoint with every float rounded to {@code dtype} (the reference model of a bf16/f16 export). */
  public static void roundLlama2c(Path bin, FloatType dtype) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(bin)).order(ByteOrder.LITTLE_ENDIAN);
    for (int at = 28; at + 4 <= b.capacity(); at += 4) b.putFloat(at, (float) Elements.round(b.getFloat(at), dtype));
    Files.write(bin, b.array());
  }
}

package gvm.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gvm.ir.types.FloatType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Hugging Face Llama checkpoint directory: {@code config.json} (LlamaForCausalLM; read with
 * Jackson) and the weights in {@code *.safetensors} files, listed by {@code
 * model.safetensors.index.json} when the checkpoint is sharded. HF's q/k rows are permuted for
 * rotate_half rope (convert_llama_weights_to_hf), so the model's rope layout is {@code
 * rotate_half}; generation ends at the config's eos id. Opening checks the config's sizes and that
 * every weight they imply is stored with its shape.
 */
public final class HfCheckpoint extends MappedWeights {
  private final Path dir;
  private final ModelConfig config;
  private final Map<String, Safetensors> fileOf = new LinkedHashMap<>();

  private HfCheckpoint(Path dir, ModelConfig config) {
    this.dir = dir;
    this.config = config;
  }

  @Override public ModelConfig config() { return config; }

  @Override public String describe() { return "the checkpoint " + dir; }

  @Override public String summary() {
    ModelConfig c = config;
    return "the Hugging Face checkpoint " + dir.getFileName() + ": dim " + c.dim() + ", hidden " + c.hidden() + ", " + c.layers() + " layers, " + c.heads()
        + " heads, " + c.kvHeads() + " kv heads, vocab " + c.vocab() + ", " + c.capacity() + " positions, rope_theta " + c.ropeTheta() + ", rms_norm_eps "
        + c.rmsNormEps() + ", " + c.weightTypeName() + " weights, " + (c.tiedEmbeddings() ? "classifier tied to the embedding" : "separate classifier")
        + ", eos " + c.eosId();
  }

  @Override public TensorInfo info(String name) {
    Safetensors f = fileOf.get(name);
    return f == null ? null : f.info(name);
  }

  @Override public ByteBuffer bytes(String name) { return fileOf.get(name).bytes(name); }

  /** Opens and checks the checkpoint in {@code dir}. */
  public static HfCheckpoint open(Path dir) {
    Path cfg = dir.resolve("config.json");
    if (!Files.isRegularFile(cfg)) throw new ModelException(dir + ": not a Hugging Face checkpoint: no config.json");
    JsonNode j = readJson(cfg);
    List<Path> files = files(dir);
    Map<String, Safetensors> byName = new LinkedHashMap<>();
    Map<Path, Safetensors> opened = new HashMap<>();
    for (Path p : files) {
      Safetensors s = opened.computeIfAbsent(p, Safetensors::open);
      for (String n : s.names()) byName.putIfAbsent(n, s);
    }
    Path index = dir.resolve("model.safetensors.index.json");
    if (Files.isRegularFile(index)) byName = indexed(index, byName);
    Safetensors embed = byName.get("model.embed_tokens.weight");
    FloatType dtype = embed != null ? embed.info("model.embed_tokens.weight").dtype() : torchDtype(cfg, j);
    HfCheckpoint c = new HfCheckpoint(dir, config(cfg, j, dtype));
    c.fileOf.putAll(byName);
    String where = files.size() == 1 ? files.get(0).toString() : dir.toString();
    WeightSource.checkWeights(c, where, n -> c.fileOf.get(n).path().toString());
    return c;
  }

  /** With an index, each weight is served by the file the index names (which must hold it). */
  private static Map<String, Safetensors> indexed(Path index, Map<String, Safetensors> stored) {
    JsonNode map = readJson(index).get("weight_map");
    if (map == null || !map.isObject()) throw new ModelException(index + ": malformed index: no weight_map object");
    Map<String, Safetensors> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      Safetensors s = stored.get(e.getKey());
      String file = e.getValue().asText();
      if (s == null || !s.path().getFileName().toString().equals(file))
        throw new ModelException(index + ": the index puts tensor '" + e.getKey() + "' in " + file + ", which does not hold it");
      out.put(e.getKey(), s);
    }
    return out;
  }

  private static List<Path> files(Path dir) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new ModelException(dir + ": cannot list the checkpoint: " + e.getMessage());
    }
    if (files.isEmpty()) throw new ModelException(dir + ": no *.safetensors file in the checkpoint");
    return files;
  }

  static JsonNode readJson(Path p) {
    try {
      JsonNode n = new ObjectMapper().readTree(Files.readAllBytes(p));
      if (n == null || !n.isObject()) throw new ModelException(p + ": malformed JSON: not an object");
      return n;
    } catch (IOException e) {
      throw new ModelException(p + ": malformed JSON: " + Safetensors.firstLine(e.getMessage()));
    }
  }

  private static ModelConfig config(Path cfg, JsonNode j, FloatType dtype) {
    JsonNode arch = j.get("architectures");
    if (arch != null && arch.isArray() && arch.size() > 0 && !"LlamaForCausalLM".equals(arch.get(0).asText()))
      throw new ModelException(cfg + ": unsupported architecture " + arch.get(0).asText() + " (LlamaForCausalLM is supported)");
    JsonNode scaling = j.get("rope_scaling");
    if (scaling != null && !scaling.isNull()) throw new ModelException(cfg + ": rope_scaling " + scaling + " is not supported");
    for (String bias : new String[] {"attention_bias", "mlp_bias"})
      if (j.path(bias).asBoolean(false)) throw new ModelException(cfg + ": " + bias + " is not supported (Llama's projections have no bias)");
    String act = j.path("hidden_act").asText("silu");
    if (!act.equals("silu")) throw new ModelException(cfg + ": hidden_act " + act + " is not supported (silu is)");
    int dim = integer(cfg, j, "hidden_size", null), heads = integer(cfg, j, "num_attention_heads", null);
    ModelConfig c = new ModelConfig(dim, integer(cfg, j, "intermediate_size", null), integer(cfg, j, "num_hidden_layers", null), heads,
        integer(cfg, j, "num_key_value_heads", heads), integer(cfg, j, "vocab_size", null), integer(cfg, j, "max_position_embeddings", 2048),
        number(cfg, j, "rope_theta", 10000.0), number(cfg, j, "rms_norm_eps", 1e-6), j.path("tie_word_embeddings").asBoolean(false), dtype,
        integer(cfg, j, "bos_token_id", 1), integer(cfg, j, "eos_token_id", 2), ModelConfig.RopeLayout.ROTATE_HALF);
    String bad = c.inconsistency();
    JsonNode headDim = j.get("head_dim");
    if (bad == null && headDim != null && !headDim.isNull() && heads > 0 && headDim.asInt() != dim / heads)
      bad = "head_dim " + headDim.asInt() + " differs from hidden_size / num_attention_heads = " + dim / heads;
    if (bad != null) throw new ModelException(cfg + ": inconsistent config: " + bad);
    return c;
  }

  /** An integer field ({@code dflt} when absent; a list, as eos_token_id may be, gives its first element). */
  private static int integer(Path cfg, JsonNode j, String key, Integer dflt) {
    JsonNode n = j.get(key);
    if (n != null && n.isArray() && n.size() > 0) n = n.get(0);
    if (n == null || n.isNull()) {
      if (dflt == null) throw new ModelException(cfg + ": config has no " + key);
      return dflt;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber()) throw new ModelException(cfg + ": " + key + " must be an integer, not " + n);
    return n.asInt();
  }

  private static double number(Path cfg, JsonNode j, String key, double dflt) {
    JsonNode n = j.get(key);
    if (n == null || n.isNull()) return dflt;
    if (!n.isNumber()) throw new ModelException(cfg + ": " + key + " must be a number, not " + n);
    return n.asDouble();
  }

  private static FloatType torchDtype(Path cfg, JsonNode j) {
    return switch (j.path("torch_dtype").asText("float32")) {
      case "float16" -> FloatType.F16;
      case "bfloat16" -> FloatType.BF16;
      case "float32" -> FloatType.F32;
      default -> throw new ModelException(cfg + ": torch_dtype " + j.get("torch_dtype") + " is not supported (float32, float16, bfloat16)");
    };
  }
}

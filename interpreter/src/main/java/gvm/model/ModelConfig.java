package gvm.model;

import gvm.ir.types.FloatType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of a Llama-family decoder, whatever checkpoint format it came from: sizes, rope and
 * norm constants, whether the classifier shares the embedding, the weights' element type, the
 * special token ids and how q/k lanes pair under rope.
 *
 * @param capacity positions the kv cache holds (llama2.c's seq_len, HF's max_position_embeddings)
 * @param eosId the id that ends generation (llama2.c: 1, BOS, as run.c; HF: the config's eos_token_id)
 */
public record ModelConfig(int dim, int hidden, int layers, int heads, int kvHeads, int vocab, int capacity, double ropeTheta, double rmsNormEps,
    boolean tiedEmbeddings, FloatType weightDtype, int bosId, int eosId, RopeLayout ropeLayout) {

  /** How rope pairs the lanes of a head (see gptvm.rope's {@code layout}). */
  public enum RopeLayout {
    /** (x[2i], x[2i+1]): llama2.c and Meta's original checkpoints. */
    INTERLEAVED("interleaved"),
    /** (x[i], x[i + d/2]): Hugging Face Llama, whose converter permutes the q/k rows. */
    ROTATE_HALF("rotate_half");

    public final String keyword;

    RopeLayout(String keyword) { this.keyword = keyword; }
  }

  /** The weights' element type as IR spells it: {@code f32}, {@code f16}, {@code bf16}. */
  public String weightTypeName() {
    return weightDtype.equals(FloatType.BF16) ? "bf16" : weightDtype.equals(FloatType.F16) ? "f16" : weightDtype.equals(FloatType.F32) ? "f32" : "f64";
  }

  /** The same model with a kv cache of {@code capacity} positions. */
  public ModelConfig withCapacity(int capacity) {
    return new ModelConfig(dim, hidden, layers, heads, kvHeads, vocab, capacity, ropeTheta, rmsNormEps, tiedEmbeddings, weightDtype, bosId, eosId, ropeLayout);
  }

  public int headSize() { return dim / heads; }

  public int kvDim() { return kvHeads * headSize(); }

  /** The first inconsistency among the sizes, or null when they fit together. */
  public String inconsistency() {
    if (dim <= 0 || hidden <= 0 || layers <= 0 || heads <= 0 || kvHeads <= 0 || vocab <= 0 || capacity <= 0) return "sizes must be positive";
    if (dim % heads != 0) return "dim " + dim + " is not a multiple of the " + heads + " heads";
    if (heads % kvHeads != 0) return "the " + heads + " heads are not a multiple of the " + kvHeads + " kv heads";
    if (headSize() % 2 != 0) return "the head size " + headSize() + " is odd";
    if (!(ropeTheta > 0)) return "rope_theta must be positive";
    if (!(rmsNormEps > 0)) return "rms_norm_eps must be positive";
    if (bosId < 0 || bosId >= vocab) return "the bos id " + bosId + " is out of the vocabulary [0, " + vocab + ")";
    if (eosId < 0 || eosId >= vocab) return "the eos id " + eosId + " is out of the vocabulary [0, " + vocab + ")";
    return null;
  }

  /** The weights this model reads, by their Hugging Face names, with their shapes, layer by layer. */
  public Map<String, int[]> weightShapes() {
    Map<String, int[]> m = new LinkedHashMap<>();
    int d = dim, kv = kvDim(), h = hidden;
    m.put("model.embed_tokens.weight", new int[] {vocab, d});
    for (int l = 0; l < layers; l++) {
      String p = "model.layers." + l + ".";
      m.put(p + "input_layernorm.weight", new int[] {d});
      m.put(p + "self_attn.q_proj.weight", new int[] {d, d});
      m.put(p + "self_attn.k_proj.weight", new int[] {kv, d});
      m.put(p + "self_attn.v_proj.weight", new int[] {kv, d});
      m.put(p + "self_attn.o_proj.weight", new int[] {d, d});
      m.put(p + "post_attention_layernorm.weight", new int[] {d});
      m.put(p + "mlp.gate_proj.weight", new int[] {h, d});
      m.put(p + "mlp.up_proj.weight", new int[] {h, d});
      m.put(p + "mlp.down_proj.weight", new int[] {d, h});
    }
    m.put("model.norm.weight", new int[] {d});
    if (!tiedEmbeddings) m.put("lm_head.weight", new int[] {vocab, d});
    return m;
  }
}

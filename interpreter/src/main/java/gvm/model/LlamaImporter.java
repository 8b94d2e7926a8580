package gvm.model;

import java.util.Locale;

/**
 * Writes the gptvm/kv program of a Llama-family model ({@link ModelConfig}, from a llama2.c or a
 * Hugging Face checkpoint): {@code @create_cache}, {@code @prefill} (prompt tokens at positions
 * {@code len ..}, logits for each) and {@code @decode} (one token: its logits and the greedy next
 * token) of one sequence, and {@code @prefill_batch}/{@code @decode_batch} of a ragged batch of
 * sequences (see {@code gvm.llama2c.Generation} and {@code gvm.llama2c.Batch}), shapes fixed from the config, weights as {@code gptvm.param} by their Hugging Face names
 * in their stored element type (activations are f32), rope in the checkpoint's lane layout,
 * locations naming the layer and module of each op. The form follows {@code
 * examples/llama_tiny_layer.mlir}.
 */
public final class LlamaImporter {
  private final ModelConfig c;
  private final String wt, rope, eps;
  private final StringBuilder out = new StringBuilder();
  /** With {@code --embed-weights}: the checkpoint whose tensors become {@code dense_resource} blobs, else null. */
  private WeightSource embedded;
  private final java.util.Set<String> blobs = new java.util.LinkedHashSet<>();

  private LlamaImporter(ModelConfig c) {
    this.c = c;
    this.wt = c.weightTypeName();
    this.rope = " theta(" + literal(c.ropeTheta()) + ") layout(" + c.ropeLayout().keyword + ") : ";
    this.eps = " eps(" + literal(c.rmsNormEps()) + ") : ";
  }

  /** A float literal MLIR reads back to {@code v}: {@code 1.0e-5}, {@code 10000.0}. */
  private static String literal(double v) { return Double.toString(v).replace('E', 'e'); }

  /** The module text for a model of configuration {@code c}; {@code summary} says what it was imported from. */
  public static String importModel(ModelConfig c, String summary) {
    LlamaImporter im = new LlamaImporter(c);
    im.module(summary);
    return im.out.toString();
  }

  /** The module text for the model of {@code source}. */
  public static String importModel(WeightSource source) { return importModel(source.config(), source.summary()); }

  /**
   * The module text for the model of {@code source} with a kv cache of {@code c.capacity()}; with
   * {@code embedWeights} the weights are {@code arith.constant dense_resource<name>} of blobs in the
   * module's {@code dialect_resources} section (hex, as MLIR writes them) instead of {@code gptvm.param}.
   */
  public static String importModel(WeightSource source, ModelConfig c, boolean embedWeights) {
    LlamaImporter im = new LlamaImporter(c);
    im.embedded = embedWeights ? source : null;
    im.module(source.summary());
    if (embedWeights) {
      // without a checkpoint the runner learns the token that ends generation from the program
      im.line("");
      im.line("func.func @stop_token() -> i32 {");
      im.line("  %eos = arith.constant " + c.eosId() + " : i32");
      im.line("  return %eos : i32");
      im.line("}");
      im.resources();
    }
    return im.out.toString();
  }

  /** {@code {-# dialect_resources: { builtin: { name: "0x<alignment><bytes>" } } #-}}. */
  private void resources() {
    line("");
    line("{-#");
    line("  dialect_resources: {");
    line("    builtin: {");
    int n = 0;
    for (String name : blobs) {
      WeightSource.TensorInfo info = embedded.info(name);
      if (!info.dtype().equals(c.weightDtype()))
        throw new ModelException(embedded.describe() + ": cannot embed '" + name + "' of " + info.dtype().semantics() + " among " + wt + " weights");
      java.nio.ByteBuffer b = embedded.bytes(name);
      int align = wt.equals("f32") ? 4 : 2;
      out.append("      ").append(name).append(": \"0x").append(String.format(Locale.ROOT, "%02X000000", align));
      for (int i = b.position(); i < b.limit(); i++) out.append(HEX[(b.get(i) >> 4) & 15]).append(HEX[b.get(i) & 15]);
      out.append(++n < blobs.size() ? "\",\n" : "\"\n");
    }
    line("    }");
    line("  }");
    line("#-}");
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private void module(String summary) {
    int hs = c.headSize();
    line("// Imported from " + summary + ".");
    line("!cache = !kv.cache<layers = " + c.layers() + ", kv_heads = " + c.kvHeads() + ", head_dim = " + hs + ", capacity = " + c.capacity() + ", dtype = f32>");
    line("");
    line("func.func @create_cache() -> !cache {");
    line("  %cache = kv.create : !cache");
    line("  return %cache : !cache");
    line("}");
    line("");
    String v = "x" + c.vocab() + "xf32";
    line("func.func @prefill(%ids: tensor<?xi32>, %cache: !cache) -> (tensor<?" + v + ">, !cache) {");
    line("  %c0 = arith.constant 0 : index");
    line("  %n = tensor.dim %ids, %c0 : tensor<?xi32>");
    line("  %len = kv.seq_len %cache : !cache");
    line("  %pos = tensor.generate %n {");
    line("  ^bb0(%i: index):");
    line("    %p = arith.addi %len, %i : index");
    line("    tensor.yield %p : index");
    line("  } : tensor<?xindex>");
    body("?", "%ids", "%n");
    line("  return %logits, %cache_out : tensor<?" + v + ">, !cache");
    line("}");
    line("");
    line("func.func @decode(%token: tensor<1xi32>, %cache: !cache) -> (tensor<1" + v + ">, tensor<1xi32>, !cache) {");
    line("  %c1 = arith.constant 1 : index");
    line("  %len = kv.seq_len %cache : !cache");
    line("  %pos = tensor.from_elements %len : tensor<1xindex>");
    body("1", "%token", "%c1");
    line("  %next = gptvm.argmax %logits : tensor<1" + v + "> -> tensor<1xi32> loc(\"sampler\")");
    line("  return %logits, %next, %cache_out : tensor<1" + v + ">, tensor<1xi32>, !cache");
    line("}");
    batched(v);
  }

  /**
   * {@code @prefill_batch} and {@code @decode_batch}: one step over a ragged batch of sequences
   * (TVM's {@code begin_forward(seq_ids, append_lens)}), their new tokens concatenated in the order
   * of {@code seq_ids}; decode appends one token to each sequence.
   */
  private void batched(String v) {
    line("");
    line("func.func @prefill_batch(%ids: tensor<?xi32>, %seq_ids: tensor<?xi64>, %append_lens: tensor<?xi64>, %cache: !cache) -> (tensor<?" + v + ">, !cache) {");
    line("  %c0 = arith.constant 0 : index");
    line("  %n = tensor.dim %ids, %c0 : tensor<?xi32>");
    line("  %step = kv.begin_forward %cache, %seq_ids, %append_lens : !cache, tensor<?xi64>, tensor<?xi64>");
    line("  %pos = kv.positions %step : !cache -> tensor<?xindex>");
    body("?", "%ids", "%n", "%step");
    line("  return %logits, %cache_out : tensor<?" + v + ">, !cache");
    line("}");
    line("");
    line("func.func @decode_batch(%tokens: tensor<?xi32>, %seq_ids: tensor<?xi64>, %cache: !cache) -> (tensor<?" + v + ">, tensor<?xi32>, !cache) {");
    line("  %c0 = arith.constant 0 : index");
    line("  %one = arith.constant 1 : i64");
    line("  %n = tensor.dim %tokens, %c0 : tensor<?xi32>");
    line("  %ones = tensor.splat %one[%n] : tensor<?xi64>");
    line("  %step = kv.begin_forward %cache, %seq_ids, %ones : !cache, tensor<?xi64>, tensor<?xi64>");
    line("  %pos = kv.positions %step : !cache -> tensor<?xindex>");
    body("?", "%tokens", "%n", "%step");
    line("  %next = gptvm.argmax %logits : tensor<?" + v + "> -> tensor<?xi32> loc(\"sampler\")");
    line("  return %logits, %next, %cache_out : tensor<?" + v + ">, tensor<?xi32>, !cache");
    line("}");
  }

  private void body(String s, String ids, String count) { body(s, ids, count, "%cache"); }

  /** Embedding, the layers (kv ops on {@code cache0} and its successors), the final norm and the classifier over {@code s} tokens. */
  private void body(String s, String ids, String count, String cache0) {
    int d = c.dim(), kv = c.kvDim(), hs = c.headSize(), h = c.hidden();
    String act = "tensor<" + s + "x" + d + "xf32>";
    param("%embed", "model.embed_tokens.weight", "model.embed_tokens", c.vocab(), d);
    line("  %x0 = gptvm.embedding %embed, " + ids + " : (tensor<" + c.vocab() + "x" + d + "x" + wt + ">, tensor<" + s + "xi32>) -> " + act
        + " loc(\"model.embed_tokens\")");
    String cache = cache0;
    for (int l = 0; l < c.layers(); l++) {
      String p = "model.layers." + l + ".", x = "%x" + l, L = "_" + l;
      String qType = "tensor<" + s + "x" + c.heads() + "x" + hs + "xf32>", kType = "tensor<" + s + "x" + c.kvHeads() + "x" + hs + "xf32>";
      String kvAct = "tensor<" + s + "x" + kv + "xf32>";
      param("%w_in" + L, p + "input_layernorm.weight", p + "input_layernorm", d);
      op("%h" + L, "gptvm.rms_norm " + x + ", %w_in" + L + eps + act + ", tensor<" + d + "x" + wt + ">", p + "input_layernorm");
      param("%wq" + L, p + "self_attn.q_proj.weight", p + "self_attn.q_proj", d, d);
      param("%wk" + L, p + "self_attn.k_proj.weight", p + "self_attn.k_proj", kv, d);
      param("%wv" + L, p + "self_attn.v_proj.weight", p + "self_attn.v_proj", kv, d);
      param("%wo" + L, p + "self_attn.o_proj.weight", p + "self_attn.o_proj", d, d);
      linear("%q" + L, "%h" + L, "%wq" + L, act, d, d, act, p + "self_attn.q_proj");
      linear("%k" + L, "%h" + L, "%wk" + L, act, kv, d, kvAct, p + "self_attn.k_proj");
      linear("%v" + L, "%h" + L, "%wv" + L, act, kv, d, kvAct, p + "self_attn.v_proj");
      op("%qh" + L, "gptvm.reshape %q" + L + " : " + act + " -> " + qType, p + "self_attn");
      op("%kh" + L, "gptvm.reshape %k" + L + " : " + kvAct + " -> " + kType, p + "self_attn");
      op("%vh" + L, "gptvm.reshape %v" + L + " : " + kvAct + " -> " + kType, p + "self_attn");
      op("%qr" + L, "gptvm.rope %qh" + L + ", %pos" + rope + qType + ", tensor<" + s + "xindex>", p + "self_attn.rotary_emb");
      op("%kr" + L, "gptvm.rope %kh" + L + ", %pos" + rope + kType + ", tensor<" + s + "xindex>", p + "self_attn.rotary_emb");
      op("%attn" + L, "kv.attend " + cache + "[" + l + "], %qr" + L + ", %kr" + L + ", %vh" + L + " : !cache, " + qType + ", " + kType, p + "self_attn");
      op("%cache" + L, "kv.append " + cache + "[" + l + "], %kr" + L + ", %vh" + L + " : !cache, " + kType, p + "self_attn");
      cache = "%cache" + L;
      op("%attn2" + L, "gptvm.reshape %attn" + L + " : " + qType + " -> " + act, p + "self_attn");
      linear("%o" + L, "%attn2" + L, "%wo" + L, act, d, d, act, p + "self_attn.o_proj");
      op("%x1" + L, "gptvm.add " + x + ", %o" + L + " : " + act, p.substring(0, p.length() - 1));
      param("%w_post" + L, p + "post_attention_layernorm.weight", p + "post_attention_layernorm", d);
      op("%h2" + L, "gptvm.rms_norm %x1" + L + ", %w_post" + L + eps + act + ", tensor<" + d + "x" + wt + ">", p + "post_attention_layernorm");
      param("%w_gate" + L, p + "mlp.gate_proj.weight", p + "mlp.gate_proj", h, d);
      param("%w_up" + L, p + "mlp.up_proj.weight", p + "mlp.up_proj", h, d);
      param("%w_down" + L, p + "mlp.down_proj.weight", p + "mlp.down_proj", d, h);
      String hid = "tensor<" + s + "x" + h + "xf32>";
      linear("%gate" + L, "%h2" + L, "%w_gate" + L, act, h, d, hid, p + "mlp.gate_proj");
      linear("%up" + L, "%h2" + L, "%w_up" + L, act, h, d, hid, p + "mlp.up_proj");
      op("%act" + L, "gptvm.silu %gate" + L + " : " + hid, p + "mlp.act_fn");
      op("%prod" + L, "gptvm.mul %act" + L + ", %up" + L + " : " + hid, p + "mlp");
      linear("%down" + L, "%prod" + L, "%w_down" + L, hid, d, h, act, p + "mlp.down_proj");
      op("%x" + (l + 1), "gptvm.add %x1" + L + ", %down" + L + " : " + act, p.substring(0, p.length() - 1));
    }
    line("  %cache_out = kv.advance " + cache + ", " + count + " : !cache");
    param("%w_norm", "model.norm.weight", "model.norm", d);
    op("%hn", "gptvm.rms_norm %x" + c.layers() + ", %w_norm" + eps + act + ", tensor<" + d + "x" + wt + ">", "model.norm");
    String cls = "%embed";
    if (!c.tiedEmbeddings()) {
      param("%lm_head", "lm_head.weight", "lm_head", c.vocab(), d);
      cls = "%lm_head";
    }
    linear("%logits", "%hn", cls, act, c.vocab(), d, "tensor<" + s + "x" + c.vocab() + "xf32>", "lm_head");
  }

  private void param(String result, String name, String loc, int... shape) {
    StringBuilder t = new StringBuilder("tensor<");
    for (int s : shape) t.append(s).append('x');
    if (embedded == null) {
      op(result, "gptvm.param \"" + name + "\" : " + t + wt + ">", loc);
    } else {
      blobs.add(name);
      op(result, "arith.constant dense_resource<" + name + "> : " + t + wt + ">", loc);
    }
  }

  private void linear(String result, String input, String weight, String inType, int out, int in, String outType, String loc) {
    op(result, String.format(Locale.ROOT, "gptvm.linear %s, %s : (%s, tensor<%dx%dx%s>) -> %s", input, weight, inType, out, in, wt, outType), loc);
  }

  private void op(String result, String text, String loc) { line("  " + result + " = " + text + " loc(\"" + loc + "\")"); }

  private void line(String s) { out.append(s).append('\n'); }
}

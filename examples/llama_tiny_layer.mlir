// A Llama decoder layer in the gptvm and kv dialects: the llama2.c "tiny" shape (dim 64, hidden 172,
// 8 heads of 8, 4 kv heads, vocab 512, 512 positions) with one layer, written as prefill and decode
// steps over a kv cache. Weights are gptvm.param references named as in a Hugging Face Llama
// checkpoint (llama2.c: wq = q_proj, w1 = gate_proj, w3 = up_proj, w2 = down_proj, rms_att =
// input_layernorm, rms_ffn = post_attention_layernorm); the classifier is tied to the token
// embedding (a separate one would be gptvm.param "lm_head.weight"). llama2.c keeps Meta's
// interleaved q/k lanes, hence layout(interleaved); an HF checkpoint uses layout(rotate_half).
// Locations name the module each op belongs to.
//
//   bin/gvm-opt examples/llama_tiny_layer.mlir --mlir-print-debuginfo

!cache = !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>

// An empty cache for one sequence.
func.func @create_cache() -> !cache {
  %cache = kv.create : !cache
  return %cache : !cache
}

// Prefill: all prompt tokens at positions len .. len+n-1; logits for every position.
func.func @prefill(%ids: tensor<?xi32>, %cache: !cache) -> (tensor<?x512xf32>, !cache) {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %ids, %c0 : tensor<?xi32>
  %len = kv.seq_len %cache : !cache
  %pos = tensor.generate %n {
  ^bb0(%i: index):
    %p = arith.addi %len, %i : index
    tensor.yield %p : index
  } : tensor<?xindex>

  %embed = gptvm.param "model.embed_tokens.weight" : tensor<512x64xf32> loc("model.embed_tokens")
  %x = gptvm.embedding %embed, %ids : (tensor<512x64xf32>, tensor<?xi32>) -> tensor<?x64xf32> loc("model.embed_tokens")

  // model.layers.0: x = x + self_attn(input_layernorm(x)); x = x + mlp(post_attention_layernorm(x))
  %w_in = gptvm.param "model.layers.0.input_layernorm.weight" : tensor<64xf32> loc("model.layers.0.input_layernorm")
  %h = gptvm.rms_norm %x, %w_in eps(1.0e-5) : tensor<?x64xf32>, tensor<64xf32> loc("model.layers.0.input_layernorm")
  %wq = gptvm.param "model.layers.0.self_attn.q_proj.weight" : tensor<64x64xf32> loc("model.layers.0.self_attn.q_proj")
  %wk = gptvm.param "model.layers.0.self_attn.k_proj.weight" : tensor<32x64xf32> loc("model.layers.0.self_attn.k_proj")
  %wv = gptvm.param "model.layers.0.self_attn.v_proj.weight" : tensor<32x64xf32> loc("model.layers.0.self_attn.v_proj")
  %wo = gptvm.param "model.layers.0.self_attn.o_proj.weight" : tensor<64x64xf32> loc("model.layers.0.self_attn.o_proj")
  %q = gptvm.linear %h, %wq : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32> loc("model.layers.0.self_attn.q_proj")
  %k = gptvm.linear %h, %wk : (tensor<?x64xf32>, tensor<32x64xf32>) -> tensor<?x32xf32> loc("model.layers.0.self_attn.k_proj")
  %v = gptvm.linear %h, %wv : (tensor<?x64xf32>, tensor<32x64xf32>) -> tensor<?x32xf32> loc("model.layers.0.self_attn.v_proj")
  %qh = gptvm.reshape %q : tensor<?x64xf32> -> tensor<?x8x8xf32> loc("model.layers.0.self_attn")
  %kh = gptvm.reshape %k : tensor<?x32xf32> -> tensor<?x4x8xf32> loc("model.layers.0.self_attn")
  %vh = gptvm.reshape %v : tensor<?x32xf32> -> tensor<?x4x8xf32> loc("model.layers.0.self_attn")
  %qr = gptvm.rope %qh, %pos theta(10000.0) layout(interleaved) : tensor<?x8x8xf32>, tensor<?xindex> loc("model.layers.0.self_attn.rotary_emb")
  %kr = gptvm.rope %kh, %pos theta(10000.0) layout(interleaved) : tensor<?x4x8xf32>, tensor<?xindex> loc("model.layers.0.self_attn.rotary_emb")
  %attn = kv.attend %cache[0], %qr, %kr, %vh : !cache, tensor<?x8x8xf32>, tensor<?x4x8xf32> loc("model.layers.0.self_attn")
  %cache1 = kv.append %cache[0], %kr, %vh : !cache, tensor<?x4x8xf32> loc("model.layers.0.self_attn")
  %attn2 = gptvm.reshape %attn : tensor<?x8x8xf32> -> tensor<?x64xf32> loc("model.layers.0.self_attn")
  %o = gptvm.linear %attn2, %wo : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32> loc("model.layers.0.self_attn.o_proj")
  %x1 = gptvm.add %x, %o : tensor<?x64xf32> loc("model.layers.0")
  %w_post = gptvm.param "model.layers.0.post_attention_layernorm.weight" : tensor<64xf32> loc("model.layers.0.post_attention_layernorm")
  %h2 = gptvm.rms_norm %x1, %w_post eps(1.0e-5) : tensor<?x64xf32>, tensor<64xf32> loc("model.layers.0.post_attention_layernorm")
  %w_gate = gptvm.param "model.layers.0.mlp.gate_proj.weight" : tensor<172x64xf32> loc("model.layers.0.mlp.gate_proj")
  %w_up = gptvm.param "model.layers.0.mlp.up_proj.weight" : tensor<172x64xf32> loc("model.layers.0.mlp.up_proj")
  %w_down = gptvm.param "model.layers.0.mlp.down_proj.weight" : tensor<64x172xf32> loc("model.layers.0.mlp.down_proj")
  %gate = gptvm.linear %h2, %w_gate : (tensor<?x64xf32>, tensor<172x64xf32>) -> tensor<?x172xf32> loc("model.layers.0.mlp.gate_proj")
  %up = gptvm.linear %h2, %w_up : (tensor<?x64xf32>, tensor<172x64xf32>) -> tensor<?x172xf32> loc("model.layers.0.mlp.up_proj")
  %act = gptvm.silu %gate : tensor<?x172xf32> loc("model.layers.0.mlp.act_fn")
  %prod = gptvm.mul %act, %up : tensor<?x172xf32> loc("model.layers.0.mlp")
  %down = gptvm.linear %prod, %w_down : (tensor<?x172xf32>, tensor<64x172xf32>) -> tensor<?x64xf32> loc("model.layers.0.mlp.down_proj")
  %x2 = gptvm.add %x1, %down : tensor<?x64xf32> loc("model.layers.0")

  %cache2 = kv.advance %cache1, %n : !cache
  %w_norm = gptvm.param "model.norm.weight" : tensor<64xf32> loc("model.norm")
  %hn = gptvm.rms_norm %x2, %w_norm eps(1.0e-5) : tensor<?x64xf32>, tensor<64xf32> loc("model.norm")
  %logits = gptvm.linear %hn, %embed : (tensor<?x64xf32>, tensor<512x64xf32>) -> tensor<?x512xf32> loc("lm_head")
  return %logits, %cache2 : tensor<?x512xf32>, !cache
}

// Decode: one token at position len; its logits and the greedy next token.
func.func @decode(%token: tensor<1xi32>, %cache: !cache) -> (tensor<1x512xf32>, tensor<1xi32>, !cache) {
  %c1 = arith.constant 1 : index
  %len = kv.seq_len %cache : !cache
  %pos = tensor.from_elements %len : tensor<1xindex>

  %embed = gptvm.param "model.embed_tokens.weight" : tensor<512x64xf32> loc("model.embed_tokens")
  %x = gptvm.embedding %embed, %token : (tensor<512x64xf32>, tensor<1xi32>) -> tensor<1x64xf32> loc("model.embed_tokens")

  %w_in = gptvm.param "model.layers.0.input_layernorm.weight" : tensor<64xf32> loc("model.layers.0.input_layernorm")
  %h = gptvm.rms_norm %x, %w_in eps(1.0e-5) : tensor<1x64xf32>, tensor<64xf32> loc("model.layers.0.input_layernorm")
  %wq = gptvm.param "model.layers.0.self_attn.q_proj.weight" : tensor<64x64xf32> loc("model.layers.0.self_attn.q_proj")
  %wk = gptvm.param "model.layers.0.self_attn.k_proj.weight" : tensor<32x64xf32> loc("model.layers.0.self_attn.k_proj")
  %wv = gptvm.param "model.layers.0.self_attn.v_proj.weight" : tensor<32x64xf32> loc("model.layers.0.self_attn.v_proj")
  %wo = gptvm.param "model.layers.0.self_attn.o_proj.weight" : tensor<64x64xf32> loc("model.layers.0.self_attn.o_proj")
  %q = gptvm.linear %h, %wq : (tensor<1x64xf32>, tensor<64x64xf32>) -> tensor<1x64xf32> loc("model.layers.0.self_attn.q_proj")
  %k = gptvm.linear %h, %wk : (tensor<1x64xf32>, tensor<32x64xf32>) -> tensor<1x32xf32> loc("model.layers.0.self_attn.k_proj")
  %v = gptvm.linear %h, %wv : (tensor<1x64xf32>, tensor<32x64xf32>) -> tensor<1x32xf32> loc("model.layers.0.self_attn.v_proj")
  %qh = gptvm.reshape %q : tensor<1x64xf32> -> tensor<1x8x8xf32> loc("model.layers.0.self_attn")
  %kh = gptvm.reshape %k : tensor<1x32xf32> -> tensor<1x4x8xf32> loc("model.layers.0.self_attn")
  %vh = gptvm.reshape %v : tensor<1x32xf32> -> tensor<1x4x8xf32> loc("model.layers.0.self_attn")
  %qr = gptvm.rope %qh, %pos theta(10000.0) layout(interleaved) : tensor<1x8x8xf32>, tensor<1xindex> loc("model.layers.0.self_attn.rotary_emb")
  %kr = gptvm.rope %kh, %pos theta(10000.0) layout(interleaved) : tensor<1x4x8xf32>, tensor<1xindex> loc("model.layers.0.self_attn.rotary_emb")
  %attn = kv.attend %cache[0], %qr, %kr, %vh : !cache, tensor<1x8x8xf32>, tensor<1x4x8xf32> loc("model.layers.0.self_attn")
  %cache1 = kv.append %cache[0], %kr, %vh : !cache, tensor<1x4x8xf32> loc("model.layers.0.self_attn")
  %attn2 = gptvm.reshape %attn : tensor<1x8x8xf32> -> tensor<1x64xf32> loc("model.layers.0.self_attn")
  %o = gptvm.linear %attn2, %wo : (tensor<1x64xf32>, tensor<64x64xf32>) -> tensor<1x64xf32> loc("model.layers.0.self_attn.o_proj")
  %x1 = gptvm.add %x, %o : tensor<1x64xf32> loc("model.layers.0")
  %w_post = gptvm.param "model.layers.0.post_attention_layernorm.weight" : tensor<64xf32> loc("model.layers.0.post_attention_layernorm")
  %h2 = gptvm.rms_norm %x1, %w_post eps(1.0e-5) : tensor<1x64xf32>, tensor<64xf32> loc("model.layers.0.post_attention_layernorm")
  %w_gate = gptvm.param "model.layers.0.mlp.gate_proj.weight" : tensor<172x64xf32> loc("model.layers.0.mlp.gate_proj")
  %w_up = gptvm.param "model.layers.0.mlp.up_proj.weight" : tensor<172x64xf32> loc("model.layers.0.mlp.up_proj")
  %w_down = gptvm.param "model.layers.0.mlp.down_proj.weight" : tensor<64x172xf32> loc("model.layers.0.mlp.down_proj")
  %gate = gptvm.linear %h2, %w_gate : (tensor<1x64xf32>, tensor<172x64xf32>) -> tensor<1x172xf32> loc("model.layers.0.mlp.gate_proj")
  %up = gptvm.linear %h2, %w_up : (tensor<1x64xf32>, tensor<172x64xf32>) -> tensor<1x172xf32> loc("model.layers.0.mlp.up_proj")
  %act = gptvm.silu %gate : tensor<1x172xf32> loc("model.layers.0.mlp.act_fn")
  %prod = gptvm.mul %act, %up : tensor<1x172xf32> loc("model.layers.0.mlp")
  %down = gptvm.linear %prod, %w_down : (tensor<1x172xf32>, tensor<64x172xf32>) -> tensor<1x64xf32> loc("model.layers.0.mlp.down_proj")
  %x2 = gptvm.add %x1, %down : tensor<1x64xf32> loc("model.layers.0")

  %cache2 = kv.advance %cache1, %c1 : !cache
  %w_norm = gptvm.param "model.norm.weight" : tensor<64xf32> loc("model.norm")
  %hn = gptvm.rms_norm %x2, %w_norm eps(1.0e-5) : tensor<1x64xf32>, tensor<64xf32> loc("model.norm")
  %logits = gptvm.linear %hn, %embed : (tensor<1x64xf32>, tensor<512x64xf32>) -> tensor<1x512xf32> loc("lm_head")
  %next = gptvm.argmax %logits : tensor<1x512xf32> -> tensor<1xi32> loc("sampler")
  return %logits, %next, %cache2 : tensor<1x512xf32>, tensor<1xi32>, !cache
}

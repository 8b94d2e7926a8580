// Input of auto-shard-llama.mlir: a one-layer model of Llama-7B's shape (dim 4096, hidden 11008, 32 heads,
// vocab 32000), written by the llama2.c importer from a header-only (sparse) checkpoint:
//   python3 -c "import struct; f=open('l7b.bin','wb'); f.write(struct.pack('<7i',4096,11008,1,32,32,32000,2048)); f.truncate(28+4*333721600)"
//   bin/gvm-translate --import-llama2c l7b.bin -o llama-7b-shape-1layer.mlir
// Imported from the llama2.c checkpoint l7b-1.bin: dim 4096, hidden 11008, 1 layers, 32 heads, 32 kv heads, vocab 32000, seq 2048, classifier shared with the embedding.
!cache = !kv.cache<layers = 1, kv_heads = 32, head_dim = 128, capacity = 2048, dtype = f32>

func.func @create_cache() -> !cache {
  %cache = kv.create : !cache
  return %cache : !cache
}

func.func @prefill(%ids: tensor<?xi32>, %cache: !cache) -> (tensor<?x32000xf32>, !cache) {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %ids, %c0 : tensor<?xi32>
  %len = kv.seq_len %cache : !cache
  %pos = tensor.generate %n {
  ^bb0(%i: index):
    %p = arith.addi %len, %i : index
    tensor.yield %p : index
  } : tensor<?xindex>
  %embed = gptvm.param "model.embed_tokens.weight" : tensor<32000x4096xf32> loc("model.embed_tokens")
  %x0 = gptvm.embedding %embed, %ids : (tensor<32000x4096xf32>, tensor<?xi32>) -> tensor<?x4096xf32> loc("model.embed_tokens")
  %w_in_0 = gptvm.param "model.layers.0.input_layernorm.weight" : tensor<4096xf32> loc("model.layers.0.input_layernorm")
  %h_0 = gptvm.rms_norm %x0, %w_in_0 eps(1.0e-5) : tensor<?x4096xf32>, tensor<4096xf32> loc("model.layers.0.input_layernorm")
  %wq_0 = gptvm.param "model.layers.0.self_attn.q_proj.weight" : tensor<4096x4096xf32> loc("model.layers.0.self_attn.q_proj")
  %wk_0 = gptvm.param "model.layers.0.self_attn.k_proj.weight" : tensor<4096x4096xf32> loc("model.layers.0.self_attn.k_proj")
  %wv_0 = gptvm.param "model.layers.0.self_attn.v_proj.weight" : tensor<4096x4096xf32> loc("model.layers.0.self_attn.v_proj")
  %wo_0 = gptvm.param "model.layers.0.self_attn.o_proj.weight" : tensor<4096x4096xf32> loc("model.layers.0.self_attn.o_proj")
  %q_0 = gptvm.linear %h_0, %wq_0 : (tensor<?x4096xf32>, tensor<4096x4096xf32>) -> tensor<?x4096xf32> loc("model.layers.0.self_attn.q_proj")
  %k_0 = gptvm.linear %h_0, %wk_0 : (tensor<?x4096xf32>, tensor<4096x4096xf32>) -> tensor<?x4096xf32> loc("model.layers.0.self_attn.k_proj")
  %v_0 = gptvm.linear %h_0, %wv_0 : (tensor<?x4096xf32>, tensor<4096x4096xf32>) -> tensor<?x4096xf32> loc("model.layers.0.self_attn.v_proj")
  %qh_0 = gptvm.reshape %q_0 : tensor<?x4096xf32> -> tensor<?x32x128xf32> loc("model.layers.0.self_attn")
  %kh_0 = gptvm.reshape %k_0 : tensor<?x4096xf32> -> tensor<?x32x128xf32> loc("model.layers.0.self_attn")
  %vh_0 = gptvm.reshape %v_0 : tensor<?x4096xf32> -> tensor<?x32x128xf32> loc("model.layers.0.self_attn")
  %qr_0 = gptvm.rope %qh_0, %pos theta(10000.0) layout(interleaved) : tensor<?x32x128xf32>, tensor<?xindex> loc("model.layers.0.self_attn.rotary_emb")
  %kr_0 = gptvm.rope %kh_0, %pos theta(10000.0) layout(interleaved) : tensor<?x32x128xf32>, tensor<?xindex> loc("model.layers.0.self_attn.rotary_emb")
  %attn_0 = kv.attend %cache[0], %qr_0, %kr_0, %vh_0 : !cache, tensor<?x32x128xf32>, tensor<?x32x128xf32> loc("model.layers.0.self_attn")
  %cache_0 = kv.append %cache[0], %kr_0, %vh_0 : !cache, tensor<?x32x128xf32> loc("model.layers.0.self_attn")
  %attn2_0 = gptvm.reshape %attn_0 : tensor<?x32x128xf32> -> tensor<?x4096xf32> loc("model.layers.0.self_attn")
  %o_0 = gptvm.linear %attn2_0, %wo_0 : (tensor<?x4096xf32>, tensor<4096x4096xf32>) -> tensor<?x4096xf32> loc("model.layers.0.self_attn.o_proj")
  %x1_0 = gptvm.add %x0, %o_0 : tensor<?x4096xf32> loc("model.layers.0")
  %w_post_0 = gptvm.param "model.layers.0.post_attention_layernorm.weight" : tensor<4096xf32> loc("model.layers.0.post_attention_layernorm")
  %h2_0 = gptvm.rms_norm %x1_0, %w_post_0 eps(1.0e-5) : tensor<?x4096xf32>, tensor<4096xf32> loc("model.layers.0.post_attention_layernorm")
  %w_gate_0 = gptvm.param "model.layers.0.mlp.gate_proj.weight" : tensor<11008x4096xf32> loc("model.layers.0.mlp.gate_proj")
  %w_up_0 = gptvm.param "model.layers.0.mlp.up_proj.weight" : tensor<11008x4096xf32> loc("model.layers.0.mlp.up_proj")
  %w_down_0 = gptvm.param "model.layers.0.mlp.down_proj.weight" : tensor<4096x11008xf32> loc("model.layers.0.mlp.down_proj")
  %gate_0 = gptvm.linear %h2_0, %w_gate_0 : (tensor<?x4096xf32>, tensor<11008x4096xf32>) -> tensor<?x11008xf32> loc("model.layers.0.mlp.gate_proj")
  %up_0 = gptvm.linear %h2_0, %w_up_0 : (tensor<?x4096xf32>, tensor<11008x4096xf32>) -> tensor<?x11008xf32> loc("model.layers.0.mlp.up_proj")
  %act_0 = gptvm.silu %gate_0 : tensor<?x11008xf32> loc("model.layers.0.mlp.act_fn")
  %prod_0 = gptvm.mul %act_0, %up_0 : tensor<?x11008xf32> loc("model.layers.0.mlp")
  %down_0 = gptvm.linear %prod_0, %w_down_0 : (tensor<?x11008xf32>, tensor<4096x11008xf32>) -> tensor<?x4096xf32> loc("model.layers.0.mlp.down_proj")
  %x1 = gptvm.add %x1_0, %down_0 : tensor<?x4096xf32> loc("model.layers.0")
  %cache_out = kv.advance %cache_0, %n : !cache
  %w_norm = gptvm.param "model.norm.weight" : tensor<4096xf32> loc("model.norm")
  %hn = gptvm.rms_norm %x1, %w_norm eps(1.0e-5) : tensor<?x4096xf32>, tensor<4096xf32> loc("model.norm")
  %logits = gptvm.linear %hn, %embed : (tensor<?x4096xf32>, tensor<32000x4096xf32>) -> tensor<?x32000xf32> loc("lm_head")
  return %logits, %cache_out : tensor<?x32000xf32>, !cache
}

func.func @decode(%token: tensor<1xi32>, %cache: !cache) -> (tensor<1x32000xf32>, tensor<1xi32>, !cache) {
  %c1 = arith.constant 1 : index
  %len = kv.seq_len %cache : !cache
  %pos = tensor.from_elements %len : tensor<1xindex>
  %embed = gptvm.param "model.embed_tokens.weight" : tensor<32000x4096xf32> loc("model.embed_tokens")
  %x0 = gptvm.embedding %embed, %token : (tensor<32000x4096xf32>, tensor<1xi32>) -> tensor<1x4096xf32> loc("model.embed_tokens")
  %w_in_0 = gptvm.param "model.layers.0.input_layernorm.weight" : tensor<4096xf32> loc("model.layers.0.input_layernorm")
  %h_0 = gptvm.rms_norm %x0, %w_in_0 eps(1.0e-5) : tensor<1x4096xf32>, tensor<4096xf32> loc("model.layers.0.input_layernorm")
  %wq_0 = gptvm.param "model.layers.0.self_attn.q_proj.weight" : tensor<4096x4096xf32> loc("model.layers.0.self_attn.q_proj")
  %wk_0 = gptvm.param "model.layers.0.self_attn.k_proj.weight" : tensor<4096x4096xf32> loc("model.layers.0.self_attn.k_proj")
  %wv_0 = gptvm.param "model.layers.0.self_attn.v_proj.weight" : tensor<4096x4096xf32> loc("model.layers.0.self_attn.v_proj")
  %wo_0 = gptvm.param "model.layers.0.self_attn.o_proj.weight" : tensor<4096x4096xf32> loc("model.layers.0.self_attn.o_proj")
  %q_0 = gptvm.linear %h_0, %wq_0 : (tensor<1x4096xf32>, tensor<4096x4096xf32>) -> tensor<1x4096xf32> loc("model.layers.0.self_attn.q_proj")
  %k_0 = gptvm.linear %h_0, %wk_0 : (tensor<1x4096xf32>, tensor<4096x4096xf32>) -> tensor<1x4096xf32> loc("model.layers.0.self_attn.k_proj")
  %v_0 = gptvm.linear %h_0, %wv_0 : (tensor<1x4096xf32>, tensor<4096x4096xf32>) -> tensor<1x4096xf32> loc("model.layers.0.self_attn.v_proj")
  %qh_0 = gptvm.reshape %q_0 : tensor<1x4096xf32> -> tensor<1x32x128xf32> loc("model.layers.0.self_attn")
  %kh_0 = gptvm.reshape %k_0 : tensor<1x4096xf32> -> tensor<1x32x128xf32> loc("model.layers.0.self_attn")
  %vh_0 = gptvm.reshape %v_0 : tensor<1x4096xf32> -> tensor<1x32x128xf32> loc("model.layers.0.self_attn")
  %qr_0 = gptvm.rope %qh_0, %pos theta(10000.0) layout(interleaved) : tensor<1x32x128xf32>, tensor<1xindex> loc("model.layers.0.self_attn.rotary_emb")
  %kr_0 = gptvm.rope %kh_0, %pos theta(10000.0) layout(interleaved) : tensor<1x32x128xf32>, tensor<1xindex> loc("model.layers.0.self_attn.rotary_emb")
  %attn_0 = kv.attend %cache[0], %qr_0, %kr_0, %vh_0 : !cache, tensor<1x32x128xf32>, tensor<1x32x128xf32> loc("model.layers.0.self_attn")
  %cache_0 = kv.append %cache[0], %kr_0, %vh_0 : !cache, tensor<1x32x128xf32> loc("model.layers.0.self_attn")
  %attn2_0 = gptvm.reshape %attn_0 : tensor<1x32x128xf32> -> tensor<1x4096xf32> loc("model.layers.0.self_attn")
  %o_0 = gptvm.linear %attn2_0, %wo_0 : (tensor<1x4096xf32>, tensor<4096x4096xf32>) -> tensor<1x4096xf32> loc("model.layers.0.self_attn.o_proj")
  %x1_0 = gptvm.add %x0, %o_0 : tensor<1x4096xf32> loc("model.layers.0")
  %w_post_0 = gptvm.param "model.layers.0.post_attention_layernorm.weight" : tensor<4096xf32> loc("model.layers.0.post_attention_layernorm")
  %h2_0 = gptvm.rms_norm %x1_0, %w_post_0 eps(1.0e-5) : tensor<1x4096xf32>, tensor<4096xf32> loc("model.layers.0.post_attention_layernorm")
  %w_gate_0 = gptvm.param "model.layers.0.mlp.gate_proj.weight" : tensor<11008x4096xf32> loc("model.layers.0.mlp.gate_proj")
  %w_up_0 = gptvm.param "model.layers.0.mlp.up_proj.weight" : tensor<11008x4096xf32> loc("model.layers.0.mlp.up_proj")
  %w_down_0 = gptvm.param "model.layers.0.mlp.down_proj.weight" : tensor<4096x11008xf32> loc("model.layers.0.mlp.down_proj")
  %gate_0 = gptvm.linear %h2_0, %w_gate_0 : (tensor<1x4096xf32>, tensor<11008x4096xf32>) -> tensor<1x11008xf32> loc("model.layers.0.mlp.gate_proj")
  %up_0 = gptvm.linear %h2_0, %w_up_0 : (tensor<1x4096xf32>, tensor<11008x4096xf32>) -> tensor<1x11008xf32> loc("model.layers.0.mlp.up_proj")
  %act_0 = gptvm.silu %gate_0 : tensor<1x11008xf32> loc("model.layers.0.mlp.act_fn")
  %prod_0 = gptvm.mul %act_0, %up_0 : tensor<1x11008xf32> loc("model.layers.0.mlp")
  %down_0 = gptvm.linear %prod_0, %w_down_0 : (tensor<1x11008xf32>, tensor<4096x11008xf32>) -> tensor<1x4096xf32> loc("model.layers.0.mlp.down_proj")
  %x1 = gptvm.add %x1_0, %down_0 : tensor<1x4096xf32> loc("model.layers.0")
  %cache_out = kv.advance %cache_0, %c1 : !cache
  %w_norm = gptvm.param "model.norm.weight" : tensor<4096xf32> loc("model.norm")
  %hn = gptvm.rms_norm %x1, %w_norm eps(1.0e-5) : tensor<1x4096xf32>, tensor<4096xf32> loc("model.norm")
  %logits = gptvm.linear %hn, %embed : (tensor<1x4096xf32>, tensor<32000x4096xf32>) -> tensor<1x32000xf32> loc("lm_head")
  %next = gptvm.argmax %logits : tensor<1x32000xf32> -> tensor<1xi32> loc("sampler")
  return %logits, %next, %cache_out : tensor<1x32000xf32>, tensor<1xi32>, !cache
}

// RUN: gvm-opt %s --pass-pipeline='builtin.module(gptvm-optimize)' | FileCheck %s
// RUN: gvm-opt %s --pass-pipeline='builtin.module(gptvm-optimize)' --mlir-pass-statistics --mlir-disable-threading -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS
// RUN: gvm-opt %s --pass-pipeline='builtin.module(gptvm-optimize)' | gvm-opt | FileCheck %s

// gptvm-optimize on an imported Llama model: the output of
//   gvm-translate --import-llama2c l2.bin   (make_llama2c_model.py --dim 16 --hidden 40 --layers 2 --heads 4 --kv-heads 2 --vocab 64 --seq 32)
// Per layer: one linear for q/k/v over the joined weights, one for gate/up; the o_proj and down_proj
// linears absorb their residual adds; split·silu·mul is one elementwise group; reshape·rope fuse.

// STATS: GptvmFuseParallelLinears
// STATS-NEXT: (S) 8 combined-groups
// STATS-NEXT: (S) 20 combined-linears
// STATS: GptvmFuse
// STATS-NEXT: (S) 20 fused-groups
// STATS-NEXT: (S) 44 fused-ops
// STATS-NEXT: (S) 25 ops-per-layer  - Top-level ops of the largest layer after fusion
// STATS-NEXT: (S) 31 ops-per-layer-before

// CHECK-LABEL: func.func @decode
// CHECK: %[[W_IN0:.*]] = gptvm.param "model.layers.0.input_layernorm.weight"
// CHECK-NEXT: %[[H0:.*]] = gptvm.rms_norm %{{.*}}, %[[W_IN0]]
// CHECK-NEXT: %[[WQ0:.*]] = gptvm.param "model.layers.0.self_attn.q_proj.weight" : tensor<16x16xf32>
// CHECK-NEXT: %[[WK0:.*]] = gptvm.param "model.layers.0.self_attn.k_proj.weight" : tensor<8x16xf32>
// CHECK-NEXT: %[[WV0:.*]] = gptvm.param "model.layers.0.self_attn.v_proj.weight" : tensor<8x16xf32>
// CHECK-NEXT: %[[WO0:.*]] = gptvm.param "model.layers.0.self_attn.o_proj.weight"
// CHECK-NEXT: %[[WQKV0:.*]] = gptvm.concat_params %[[WQ0]], %[[WK0]], %[[WV0]] : tensor<16x16xf32>, tensor<8x16xf32>, tensor<8x16xf32> -> tensor<32x16xf32>
// CHECK-NEXT: %[[QKV0:.*]] = gptvm.linear %[[H0]], %[[WQKV0]] : (tensor<1x16xf32>, tensor<32x16xf32>) -> tensor<1x32xf32>
// CHECK-NEXT: %[[S0:.*]]:3 = gptvm.split %[[QKV0]] axis(1) : tensor<1x32xf32> -> tensor<1x16xf32>, tensor<1x8xf32>, tensor<1x8xf32>
// CHECK-NOT: gptvm.linear
// CHECK: gptvm.fused kind(injective) %[[S0]]#0
// CHECK-NEXT: ^bb0
// CHECK-NEXT: gptvm.reshape
// CHECK-NEXT: gptvm.rope
// CHECK-NEXT: gptvm.yield
// CHECK: kv.attend
// CHECK: %[[X10:.*]] = gptvm.fused kind(out_elementwise_fusable) %{{.*}}, %[[WO0]], %{{.*}} : (tensor<1x16xf32>, tensor<16x16xf32>, tensor<1x16xf32>) -> tensor<1x16xf32> {
// CHECK-NEXT: ^bb0(%[[A0:.*]]: tensor<1x16xf32>, %[[B0:.*]]: tensor<16x16xf32>, %[[R0:.*]]: tensor<1x16xf32>):
// CHECK-NEXT: %[[O0:.*]] = gptvm.linear %[[A0]], %[[B0]]
// CHECK-NEXT: %[[SUM0:.*]] = gptvm.add %[[R0]], %[[O0]] : tensor<1x16xf32>
// CHECK-NEXT: gptvm.yield %[[SUM0]]
// CHECK-NEXT: }
// CHECK-NEXT: gptvm.param "model.layers.0.post_attention_layernorm.weight"
// CHECK-NEXT: %[[H20:.*]] = gptvm.rms_norm %[[X10]]
// CHECK-NEXT: %[[WG0:.*]] = gptvm.param "model.layers.0.mlp.gate_proj.weight"
// CHECK-NEXT: %[[WU0:.*]] = gptvm.param "model.layers.0.mlp.up_proj.weight"
// CHECK-NEXT: %[[WD0:.*]] = gptvm.param "model.layers.0.mlp.down_proj.weight"
// CHECK-NEXT: %[[WGU0:.*]] = gptvm.concat_params %[[WG0]], %[[WU0]] : tensor<40x16xf32>, tensor<40x16xf32> -> tensor<80x16xf32>
// CHECK-NEXT: %[[GU0:.*]] = gptvm.linear %[[H20]], %[[WGU0]] : (tensor<1x16xf32>, tensor<80x16xf32>) -> tensor<1x80xf32>
// CHECK-NEXT: %[[ACT0:.*]] = gptvm.fused kind(injective) %[[GU0]] : (tensor<1x80xf32>) -> tensor<1x40xf32> {
// CHECK-NEXT: ^bb0(%[[G0:.*]]: tensor<1x80xf32>):
// CHECK-NEXT: %[[P0:.*]]:2 = gptvm.split %[[G0]] axis(1)
// CHECK-NEXT: %[[SI0:.*]] = gptvm.silu %[[P0]]#0
// CHECK-NEXT: %[[M0:.*]] = gptvm.mul %[[SI0]], %[[P0]]#1
// CHECK-NEXT: gptvm.yield %[[M0]]
// CHECK-NEXT: }
// CHECK-NEXT: gptvm.fused kind(out_elementwise_fusable) %[[ACT0]], %[[WD0]], %[[X10]] : (tensor<1x40xf32>, tensor<16x40xf32>, tensor<1x16xf32>) -> tensor<1x16xf32> {
// CHECK-NEXT: ^bb0
// CHECK-NEXT: gptvm.linear
// CHECK-NEXT: gptvm.add
// CHECK-NEXT: gptvm.yield
// CHECK-NEXT: }
// CHECK: %[[W_IN1:.*]] = gptvm.param "model.layers.1.input_layernorm.weight"
// CHECK-NEXT: %[[H1:.*]] = gptvm.rms_norm %{{.*}}, %[[W_IN1]]
// CHECK-NEXT: %[[WQ1:.*]] = gptvm.param "model.layers.1.self_attn.q_proj.weight" : tensor<16x16xf32>
// CHECK-NEXT: %[[WK1:.*]] = gptvm.param "model.layers.1.self_attn.k_proj.weight" : tensor<8x16xf32>
// CHECK-NEXT: %[[WV1:.*]] = gptvm.param "model.layers.1.self_attn.v_proj.weight" : tensor<8x16xf32>
// CHECK-NEXT: %[[WO1:.*]] = gptvm.param "model.layers.1.self_attn.o_proj.weight"
// CHECK-NEXT: %[[WQKV1:.*]] = gptvm.concat_params %[[WQ1]], %[[WK1]], %[[WV1]] : tensor<16x16xf32>, tensor<8x16xf32>, tensor<8x16xf32> -> tensor<32x16xf32>
// CHECK-NEXT: %[[QKV1:.*]] = gptvm.linear %[[H1]], %[[WQKV1]] : (tensor<1x16xf32>, tensor<32x16xf32>) -> tensor<1x32xf32>
// CHECK-NEXT: %[[S1:.*]]:3 = gptvm.split %[[QKV1]] axis(1) : tensor<1x32xf32> -> tensor<1x16xf32>, tensor<1x8xf32>, tensor<1x8xf32>
// CHECK-NOT: gptvm.linear
// CHECK: gptvm.fused kind(injective) %[[S1]]#0
// CHECK-NEXT: ^bb0
// CHECK-NEXT: gptvm.reshape
// CHECK-NEXT: gptvm.rope
// CHECK-NEXT: gptvm.yield
// CHECK: kv.attend
// CHECK: %[[X11:.*]] = gptvm.fused kind(out_elementwise_fusable) %{{.*}}, %[[WO1]], %{{.*}} : (tensor<1x16xf32>, tensor<16x16xf32>, tensor<1x16xf32>) -> tensor<1x16xf32> {
// CHECK-NEXT: ^bb0(%[[A1:.*]]: tensor<1x16xf32>, %[[B1:.*]]: tensor<16x16xf32>, %[[R1:.*]]: tensor<1x16xf32>):
// CHECK-NEXT: %[[O1:.*]] = gptvm.linear %[[A1]], %[[B1]]
// CHECK-NEXT: %[[SUM1:.*]] = gptvm.add %[[R1]], %[[O1]] : tensor<1x16xf32>
// CHECK-NEXT: gptvm.yield %[[SUM1]]
// CHECK-NEXT: }
// CHECK-NEXT: gptvm.param "model.layers.1.post_attention_layernorm.weight"
// CHECK-NEXT: %[[H21:.*]] = gptvm.rms_norm %[[X11]]
// CHECK-NEXT: %[[WG1:.*]] = gptvm.param "model.layers.1.mlp.gate_proj.weight"
// CHECK-NEXT: %[[WU1:.*]] = gptvm.param "model.layers.1.mlp.up_proj.weight"
// CHECK-NEXT: %[[WD1:.*]] = gptvm.param "model.layers.1.mlp.down_proj.weight"
// CHECK-NEXT: %[[WGU1:.*]] = gptvm.concat_params %[[WG1]], %[[WU1]] : tensor<40x16xf32>, tensor<40x16xf32> -> tensor<80x16xf32>
// CHECK-NEXT: %[[GU1:.*]] = gptvm.linear %[[H21]], %[[WGU1]] : (tensor<1x16xf32>, tensor<80x16xf32>) -> tensor<1x80xf32>
// CHECK-NEXT: %[[ACT1:.*]] = gptvm.fused kind(injective) %[[GU1]] : (tensor<1x80xf32>) -> tensor<1x40xf32> {
// CHECK-NEXT: ^bb0(%[[G1:.*]]: tensor<1x80xf32>):
// CHECK-NEXT: %[[P1:.*]]:2 = gptvm.split %[[G1]] axis(1)
// CHECK-NEXT: %[[SI1:.*]] = gptvm.silu %[[P1]]#0
// CHECK-NEXT: %[[M1:.*]] = gptvm.mul %[[SI1]], %[[P1]]#1
// CHECK-NEXT: gptvm.yield %[[M1]]
// CHECK-NEXT: }
// CHECK-NEXT: gptvm.fused kind(out_elementwise_fusable) %[[ACT1]], %[[WD1]], %[[X11]] : (tensor<1x40xf32>, tensor<16x40xf32>, tensor<1x16xf32>) -> tensor<1x16xf32> {
// CHECK-NEXT: ^bb0
// CHECK-NEXT: gptvm.linear
// CHECK-NEXT: gptvm.add
// CHECK-NEXT: gptvm.yield
// CHECK-NEXT: }
// CHECK: gptvm.param "model.norm.weight"
// CHECK-NEXT: gptvm.rms_norm
// CHECK-NEXT: gptvm.linear
// CHECK-NEXT: gptvm.argmax
// CHECK-NEXT: return

// Imported from the llama2.c checkpoint l2.bin: dim 16, hidden 40, 2 layers, 4 heads, 2 kv heads, vocab 64, seq 32, classifier shared with the embedding.
!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 4, capacity = 32, dtype = f32>

func.func @create_cache() -> !cache {
  %cache = kv.create : !cache
  return %cache : !cache
}

func.func @prefill(%ids: tensor<?xi32>, %cache: !cache) -> (tensor<?x64xf32>, !cache) {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %ids, %c0 : tensor<?xi32>
  %len = kv.seq_len %cache : !cache
  %pos = tensor.generate %n {
  ^bb0(%i: index):
    %p = arith.addi %len, %i : index
    tensor.yield %p : index
  } : tensor<?xindex>
  %embed = gptvm.param "model.embed_tokens.weight" : tensor<64x16xf32> loc("model.embed_tokens")
  %x0 = gptvm.embedding %embed, %ids : (tensor<64x16xf32>, tensor<?xi32>) -> tensor<?x16xf32> loc("model.embed_tokens")
  %w_in_0 = gptvm.param "model.layers.0.input_layernorm.weight" : tensor<16xf32> loc("model.layers.0.input_layernorm")
  %h_0 = gptvm.rms_norm %x0, %w_in_0 eps(1.0e-5) : tensor<?x16xf32>, tensor<16xf32> loc("model.layers.0.input_layernorm")
  %wq_0 = gptvm.param "model.layers.0.self_attn.q_proj.weight" : tensor<16x16xf32> loc("model.layers.0.self_attn.q_proj")
  %wk_0 = gptvm.param "model.layers.0.self_attn.k_proj.weight" : tensor<8x16xf32> loc("model.layers.0.self_attn.k_proj")
  %wv_0 = gptvm.param "model.layers.0.self_attn.v_proj.weight" : tensor<8x16xf32> loc("model.layers.0.self_attn.v_proj")
  %wo_0 = gptvm.param "model.layers.0.self_attn.o_proj.weight" : tensor<16x16xf32> loc("model.layers.0.self_attn.o_proj")
  %q_0 = gptvm.linear %h_0, %wq_0 : (tensor<?x16xf32>, tensor<16x16xf32>) -> tensor<?x16xf32> loc("model.layers.0.self_attn.q_proj")
  %k_0 = gptvm.linear %h_0, %wk_0 : (tensor<?x16xf32>, tensor<8x16xf32>) -> tensor<?x8xf32> loc("model.layers.0.self_attn.k_proj")
  %v_0 = gptvm.linear %h_0, %wv_0 : (tensor<?x16xf32>, tensor<8x16xf32>) -> tensor<?x8xf32> loc("model.layers.0.self_attn.v_proj")
  %qh_0 = gptvm.reshape %q_0 : tensor<?x16xf32> -> tensor<?x4x4xf32> loc("model.layers.0.self_attn")
  %kh_0 = gptvm.reshape %k_0 : tensor<?x8xf32> -> tensor<?x2x4xf32> loc("model.layers.0.self_attn")
  %vh_0 = gptvm.reshape %v_0 : tensor<?x8xf32> -> tensor<?x2x4xf32> loc("model.layers.0.self_attn")
  %qr_0 = gptvm.rope %qh_0, %pos theta(10000.0) layout(interleaved) : tensor<?x4x4xf32>, tensor<?xindex> loc("model.layers.0.self_attn.rotary_emb")
  %kr_0 = gptvm.rope %kh_0, %pos theta(10000.0) layout(interleaved) : tensor<?x2x4xf32>, tensor<?xindex> loc("model.layers.0.self_attn.rotary_emb")
  %attn_0 = kv.attend %cache[0], %qr_0, %kr_0, %vh_0 : !cache, tensor<?x4x4xf32>, tensor<?x2x4xf32> loc("model.layers.0.self_attn")
  %cache_0 = kv.append %cache[0], %kr_0, %vh_0 : !cache, tensor<?x2x4xf32> loc("model.layers.0.self_attn")
  %attn2_0 = gptvm.reshape %attn_0 : tensor<?x4x4xf32> -> tensor<?x16xf32> loc("model.layers.0.self_attn")
  %o_0 = gptvm.linear %attn2_0, %wo_0 : (tensor<?x16xf32>, tensor<16x16xf32>) -> tensor<?x16xf32> loc("model.layers.0.self_attn.o_proj")
  %x1_0 = gptvm.add %x0, %o_0 : tensor<?x16xf32> loc("model.layers.0")
  %w_post_0 = gptvm.param "model.layers.0.post_attention_layernorm.weight" : tensor<16xf32> loc("model.layers.0.post_attention_layernorm")
  %h2_0 = gptvm.rms_norm %x1_0, %w_post_0 eps(1.0e-5) : tensor<?x16xf32>, tensor<16xf32> loc("model.layers.0.post_attention_layernorm")
  %w_gate_0 = gptvm.param "model.layers.0.mlp.gate_proj.weight" : tensor<40x16xf32> loc("model.layers.0.mlp.gate_proj")
  %w_up_0 = gptvm.param "model.layers.0.mlp.up_proj.weight" : tensor<40x16xf32> loc("model.layers.0.mlp.up_proj")
  %w_down_0 = gptvm.param "model.layers.0.mlp.down_proj.weight" : tensor<16x40xf32> loc("model.layers.0.mlp.down_proj")
  %gate_0 = gptvm.linear %h2_0, %w_gate_0 : (tensor<?x16xf32>, tensor<40x16xf32>) -> tensor<?x40xf32> loc("model.layers.0.mlp.gate_proj")
  %up_0 = gptvm.linear %h2_0, %w_up_0 : (tensor<?x16xf32>, tensor<40x16xf32>) -> tensor<?x40xf32> loc("model.layers.0.mlp.up_proj")
  %act_0 = gptvm.silu %gate_0 : tensor<?x40xf32> loc("model.layers.0.mlp.act_fn")
  %prod_0 = gptvm.mul %act_0, %up_0 : tensor<?x40xf32> loc("model.layers.0.mlp")
  %down_0 = gptvm.linear %prod_0, %w_down_0 : (tensor<?x40xf32>, tensor<16x40xf32>) -> tensor<?x16xf32> loc("model.layers.0.mlp.down_proj")
  %x1 = gptvm.add %x1_0, %down_0 : tensor<?x16xf32> loc("model.layers.0")
  %w_in_1 = gptvm.param "model.layers.1.input_layernorm.weight" : tensor<16xf32> loc("model.layers.1.input_layernorm")
  %h_1 = gptvm.rms_norm %x1, %w_in_1 eps(1.0e-5) : tensor<?x16xf32>, tensor<16xf32> loc("model.layers.1.input_layernorm")
  %wq_1 = gptvm.param "model.layers.1.self_attn.q_proj.weight" : tensor<16x16xf32> loc("model.layers.1.self_attn.q_proj")
  %wk_1 = gptvm.param "model.layers.1.self_attn.k_proj.weight" : tensor<8x16xf32> loc("model.layers.1.self_attn.k_proj")
  %wv_1 = gptvm.param "model.layers.1.self_attn.v_proj.weight" : tensor<8x16xf32> loc("model.layers.1.self_attn.v_proj")
  %wo_1 = gptvm.param "model.layers.1.self_attn.o_proj.weight" : tensor<16x16xf32> loc("model.layers.1.self_attn.o_proj")
  %q_1 = gptvm.linear %h_1, %wq_1 : (tensor<?x16xf32>, tensor<16x16xf32>) -> tensor<?x16xf32> loc("model.layers.1.self_attn.q_proj")
  %k_1 = gptvm.linear %h_1, %wk_1 : (tensor<?x16xf32>, tensor<8x16xf32>) -> tensor<?x8xf32> loc("model.layers.1.self_attn.k_proj")
  %v_1 = gptvm.linear %h_1, %wv_1 : (tensor<?x16xf32>, tensor<8x16xf32>) -> tensor<?x8xf32> loc("model.layers.1.self_attn.v_proj")
  %qh_1 = gptvm.reshape %q_1 : tensor<?x16xf32> -> tensor<?x4x4xf32> loc("model.layers.1.self_attn")
  %kh_1 = gptvm.reshape %k_1 : tensor<?x8xf32> -> tensor<?x2x4xf32> loc("model.layers.1.self_attn")
  %vh_1 = gptvm.reshape %v_1 : tensor<?x8xf32> -> tensor<?x2x4xf32> loc("model.layers.1.self_attn")
  %qr_1 = gptvm.rope %qh_1, %pos theta(10000.0) layout(interleaved) : tensor<?x4x4xf32>, tensor<?xindex> loc("model.layers.1.self_attn.rotary_emb")
  %kr_1 = gptvm.rope %kh_1, %pos theta(10000.0) layout(interleaved) : tensor<?x2x4xf32>, tensor<?xindex> loc("model.layers.1.self_attn.rotary_emb")
  %attn_1 = kv.attend %cache_0[1], %qr_1, %kr_1, %vh_1 : !cache, tensor<?x4x4xf32>, tensor<?x2x4xf32> loc("model.layers.1.self_attn")
  %cache_1 = kv.append %cache_0[1], %kr_1, %vh_1 : !cache, tensor<?x2x4xf32> loc("model.layers.1.self_attn")
  %attn2_1 = gptvm.reshape %attn_1 : tensor<?x4x4xf32> -> tensor<?x16xf32> loc("model.layers.1.self_attn")
  %o_1 = gptvm.linear %attn2_1, %wo_1 : (tensor<?x16xf32>, tensor<16x16xf32>) -> tensor<?x16xf32> loc("model.layers.1.self_attn.o_proj")
  %x1_1 = gptvm.add %x1, %o_1 : tensor<?x16xf32> loc("model.layers.1")
  %w_post_1 = gptvm.param "model.layers.1.post_attention_layernorm.weight" : tensor<16xf32> loc("model.layers.1.post_attention_layernorm")
  %h2_1 = gptvm.rms_norm %x1_1, %w_post_1 eps(1.0e-5) : tensor<?x16xf32>, tensor<16xf32> loc("model.layers.1.post_attention_layernorm")
  %w_gate_1 = gptvm.param "model.layers.1.mlp.gate_proj.weight" : tensor<40x16xf32> loc("model.layers.1.mlp.gate_proj")
  %w_up_1 = gptvm.param "model.layers.1.mlp.up_proj.weight" : tensor<40x16xf32> loc("model.layers.1.mlp.up_proj")
  %w_down_1 = gptvm.param "model.layers.1.mlp.down_proj.weight" : tensor<16x40xf32> loc("model.layers.1.mlp.down_proj")
  %gate_1 = gptvm.linear %h2_1, %w_gate_1 : (tensor<?x16xf32>, tensor<40x16xf32>) -> tensor<?x40xf32> loc("model.layers.1.mlp.gate_proj")
  %up_1 = gptvm.linear %h2_1, %w_up_1 : (tensor<?x16xf32>, tensor<40x16xf32>) -> tensor<?x40xf32> loc("model.layers.1.mlp.up_proj")
  %act_1 = gptvm.silu %gate_1 : tensor<?x40xf32> loc("model.layers.1.mlp.act_fn")
  %prod_1 = gptvm.mul %act_1, %up_1 : tensor<?x40xf32> loc("model.layers.1.mlp")
  %down_1 = gptvm.linear %prod_1, %w_down_1 : (tensor<?x40xf32>, tensor<16x40xf32>) -> tensor<?x16xf32> loc("model.layers.1.mlp.down_proj")
  %x2 = gptvm.add %x1_1, %down_1 : tensor<?x16xf32> loc("model.layers.1")
  %cache_out = kv.advance %cache_1, %n : !cache
  %w_norm = gptvm.param "model.norm.weight" : tensor<16xf32> loc("model.norm")
  %hn = gptvm.rms_norm %x2, %w_norm eps(1.0e-5) : tensor<?x16xf32>, tensor<16xf32> loc("model.norm")
  %logits = gptvm.linear %hn, %embed : (tensor<?x16xf32>, tensor<64x16xf32>) -> tensor<?x64xf32> loc("lm_head")
  return %logits, %cache_out : tensor<?x64xf32>, !cache
}

func.func @decode(%token: tensor<1xi32>, %cache: !cache) -> (tensor<1x64xf32>, tensor<1xi32>, !cache) {
  %c1 = arith.constant 1 : index
  %len = kv.seq_len %cache : !cache
  %pos = tensor.from_elements %len : tensor<1xindex>
  %embed = gptvm.param "model.embed_tokens.weight" : tensor<64x16xf32> loc("model.embed_tokens")
  %x0 = gptvm.embedding %embed, %token : (tensor<64x16xf32>, tensor<1xi32>) -> tensor<1x16xf32> loc("model.embed_tokens")
  %w_in_0 = gptvm.param "model.layers.0.input_layernorm.weight" : tensor<16xf32> loc("model.layers.0.input_layernorm")
  %h_0 = gptvm.rms_norm %x0, %w_in_0 eps(1.0e-5) : tensor<1x16xf32>, tensor<16xf32> loc("model.layers.0.input_layernorm")
  %wq_0 = gptvm.param "model.layers.0.self_attn.q_proj.weight" : tensor<16x16xf32> loc("model.layers.0.self_attn.q_proj")
  %wk_0 = gptvm.param "model.layers.0.self_attn.k_proj.weight" : tensor<8x16xf32> loc("model.layers.0.self_attn.k_proj")
  %wv_0 = gptvm.param "model.layers.0.self_attn.v_proj.weight" : tensor<8x16xf32> loc("model.layers.0.self_attn.v_proj")
  %wo_0 = gptvm.param "model.layers.0.self_attn.o_proj.weight" : tensor<16x16xf32> loc("model.layers.0.self_attn.o_proj")
  %q_0 = gptvm.linear %h_0, %wq_0 : (tensor<1x16xf32>, tensor<16x16xf32>) -> tensor<1x16xf32> loc("model.layers.0.self_attn.q_proj")
  %k_0 = gptvm.linear %h_0, %wk_0 : (tensor<1x16xf32>, tensor<8x16xf32>) -> tensor<1x8xf32> loc("model.layers.0.self_attn.k_proj")
  %v_0 = gptvm.linear %h_0, %wv_0 : (tensor<1x16xf32>, tensor<8x16xf32>) -> tensor<1x8xf32> loc("model.layers.0.self_attn.v_proj")
  %qh_0 = gptvm.reshape %q_0 : tensor<1x16xf32> -> tensor<1x4x4xf32> loc("model.layers.0.self_attn")
  %kh_0 = gptvm.reshape %k_0 : tensor<1x8xf32> -> tensor<1x2x4xf32> loc("model.layers.0.self_attn")
  %vh_0 = gptvm.reshape %v_0 : tensor<1x8xf32> -> tensor<1x2x4xf32> loc("model.layers.0.self_attn")
  %qr_0 = gptvm.rope %qh_0, %pos theta(10000.0) layout(interleaved) : tensor<1x4x4xf32>, tensor<1xindex> loc("model.layers.0.self_attn.rotary_emb")
  %kr_0 = gptvm.rope %kh_0, %pos theta(10000.0) layout(interleaved) : tensor<1x2x4xf32>, tensor<1xindex> loc("model.layers.0.self_attn.rotary_emb")
  %attn_0 = kv.attend %cache[0], %qr_0, %kr_0, %vh_0 : !cache, tensor<1x4x4xf32>, tensor<1x2x4xf32> loc("model.layers.0.self_attn")
  %cache_0 = kv.append %cache[0], %kr_0, %vh_0 : !cache, tensor<1x2x4xf32> loc("model.layers.0.self_attn")
  %attn2_0 = gptvm.reshape %attn_0 : tensor<1x4x4xf32> -> tensor<1x16xf32> loc("model.layers.0.self_attn")
  %o_0 = gptvm.linear %attn2_0, %wo_0 : (tensor<1x16xf32>, tensor<16x16xf32>) -> tensor<1x16xf32> loc("model.layers.0.self_attn.o_proj")
  %x1_0 = gptvm.add %x0, %o_0 : tensor<1x16xf32> loc("model.layers.0")
  %w_post_0 = gptvm.param "model.layers.0.post_attention_layernorm.weight" : tensor<16xf32> loc("model.layers.0.post_attention_layernorm")
  %h2_0 = gptvm.rms_norm %x1_0, %w_post_0 eps(1.0e-5) : tensor<1x16xf32>, tensor<16xf32> loc("model.layers.0.post_attention_layernorm")
  %w_gate_0 = gptvm.param "model.layers.0.mlp.gate_proj.weight" : tensor<40x16xf32> loc("model.layers.0.mlp.gate_proj")
  %w_up_0 = gptvm.param "model.layers.0.mlp.up_proj.weight" : tensor<40x16xf32> loc("model.layers.0.mlp.up_proj")
  %w_down_0 = gptvm.param "model.layers.0.mlp.down_proj.weight" : tensor<16x40xf32> loc("model.layers.0.mlp.down_proj")
  %gate_0 = gptvm.linear %h2_0, %w_gate_0 : (tensor<1x16xf32>, tensor<40x16xf32>) -> tensor<1x40xf32> loc("model.layers.0.mlp.gate_proj")
  %up_0 = gptvm.linear %h2_0, %w_up_0 : (tensor<1x16xf32>, tensor<40x16xf32>) -> tensor<1x40xf32> loc("model.layers.0.mlp.up_proj")
  %act_0 = gptvm.silu %gate_0 : tensor<1x40xf32> loc("model.layers.0.mlp.act_fn")
  %prod_0 = gptvm.mul %act_0, %up_0 : tensor<1x40xf32> loc("model.layers.0.mlp")
  %down_0 = gptvm.linear %prod_0, %w_down_0 : (tensor<1x40xf32>, tensor<16x40xf32>) -> tensor<1x16xf32> loc("model.layers.0.mlp.down_proj")
  %x1 = gptvm.add %x1_0, %down_0 : tensor<1x16xf32> loc("model.layers.0")
  %w_in_1 = gptvm.param "model.layers.1.input_layernorm.weight" : tensor<16xf32> loc("model.layers.1.input_layernorm")
  %h_1 = gptvm.rms_norm %x1, %w_in_1 eps(1.0e-5) : tensor<1x16xf32>, tensor<16xf32> loc("model.layers.1.input_layernorm")
  %wq_1 = gptvm.param "model.layers.1.self_attn.q_proj.weight" : tensor<16x16xf32> loc("model.layers.1.self_attn.q_proj")
  %wk_1 = gptvm.param "model.layers.1.self_attn.k_proj.weight" : tensor<8x16xf32> loc("model.layers.1.self_attn.k_proj")
  %wv_1 = gptvm.param "model.layers.1.self_attn.v_proj.weight" : tensor<8x16xf32> loc("model.layers.1.self_attn.v_proj")
  %wo_1 = gptvm.param "model.layers.1.self_attn.o_proj.weight" : tensor<16x16xf32> loc("model.layers.1.self_attn.o_proj")
  %q_1 = gptvm.linear %h_1, %wq_1 : (tensor<1x16xf32>, tensor<16x16xf32>) -> tensor<1x16xf32> loc("model.layers.1.self_attn.q_proj")
  %k_1 = gptvm.linear %h_1, %wk_1 : (tensor<1x16xf32>, tensor<8x16xf32>) -> tensor<1x8xf32> loc("model.layers.1.self_attn.k_proj")
  %v_1 = gptvm.linear %h_1, %wv_1 : (tensor<1x16xf32>, tensor<8x16xf32>) -> tensor<1x8xf32> loc("model.layers.1.self_attn.v_proj")
  %qh_1 = gptvm.reshape %q_1 : tensor<1x16xf32> -> tensor<1x4x4xf32> loc("model.layers.1.self_attn")
  %kh_1 = gptvm.reshape %k_1 : tensor<1x8xf32> -> tensor<1x2x4xf32> loc("model.layers.1.self_attn")
  %vh_1 = gptvm.reshape %v_1 : tensor<1x8xf32> -> tensor<1x2x4xf32> loc("model.layers.1.self_attn")
  %qr_1 = gptvm.rope %qh_1, %pos theta(10000.0) layout(interleaved) : tensor<1x4x4xf32>, tensor<1xindex> loc("model.layers.1.self_attn.rotary_emb")
  %kr_1 = gptvm.rope %kh_1, %pos theta(10000.0) layout(interleaved) : tensor<1x2x4xf32>, tensor<1xindex> loc("model.layers.1.self_attn.rotary_emb")
  %attn_1 = kv.attend %cache_0[1], %qr_1, %kr_1, %vh_1 : !cache, tensor<1x4x4xf32>, tensor<1x2x4xf32> loc("model.layers.1.self_attn")
  %cache_1 = kv.append %cache_0[1], %kr_1, %vh_1 : !cache, tensor<1x2x4xf32> loc("model.layers.1.self_attn")
  %attn2_1 = gptvm.reshape %attn_1 : tensor<1x4x4xf32> -> tensor<1x16xf32> loc("model.layers.1.self_attn")
  %o_1 = gptvm.linear %attn2_1, %wo_1 : (tensor<1x16xf32>, tensor<16x16xf32>) -> tensor<1x16xf32> loc("model.layers.1.self_attn.o_proj")
  %x1_1 = gptvm.add %x1, %o_1 : tensor<1x16xf32> loc("model.layers.1")
  %w_post_1 = gptvm.param "model.layers.1.post_attention_layernorm.weight" : tensor<16xf32> loc("model.layers.1.post_attention_layernorm")
  %h2_1 = gptvm.rms_norm %x1_1, %w_post_1 eps(1.0e-5) : tensor<1x16xf32>, tensor<16xf32> loc("model.layers.1.post_attention_layernorm")
  %w_gate_1 = gptvm.param "model.layers.1.mlp.gate_proj.weight" : tensor<40x16xf32> loc("model.layers.1.mlp.gate_proj")
  %w_up_1 = gptvm.param "model.layers.1.mlp.up_proj.weight" : tensor<40x16xf32> loc("model.layers.1.mlp.up_proj")
  %w_down_1 = gptvm.param "model.layers.1.mlp.down_proj.weight" : tensor<16x40xf32> loc("model.layers.1.mlp.down_proj")
  %gate_1 = gptvm.linear %h2_1, %w_gate_1 : (tensor<1x16xf32>, tensor<40x16xf32>) -> tensor<1x40xf32> loc("model.layers.1.mlp.gate_proj")
  %up_1 = gptvm.linear %h2_1, %w_up_1 : (tensor<1x16xf32>, tensor<40x16xf32>) -> tensor<1x40xf32> loc("model.layers.1.mlp.up_proj")
  %act_1 = gptvm.silu %gate_1 : tensor<1x40xf32> loc("model.layers.1.mlp.act_fn")
  %prod_1 = gptvm.mul %act_1, %up_1 : tensor<1x40xf32> loc("model.layers.1.mlp")
  %down_1 = gptvm.linear %prod_1, %w_down_1 : (tensor<1x40xf32>, tensor<16x40xf32>) -> tensor<1x16xf32> loc("model.layers.1.mlp.down_proj")
  %x2 = gptvm.add %x1_1, %down_1 : tensor<1x16xf32> loc("model.layers.1")
  %cache_out = kv.advance %cache_1, %c1 : !cache
  %w_norm = gptvm.param "model.norm.weight" : tensor<16xf32> loc("model.norm")
  %hn = gptvm.rms_norm %x2, %w_norm eps(1.0e-5) : tensor<1x16xf32>, tensor<16xf32> loc("model.norm")
  %logits = gptvm.linear %hn, %embed : (tensor<1x16xf32>, tensor<64x16xf32>) -> tensor<1x64xf32> loc("lm_head")
  %next = gptvm.argmax %logits : tensor<1x64xf32> -> tensor<1xi32> loc("sampler")
  return %logits, %next, %cache_out : tensor<1x64xf32>, tensor<1xi32>, !cache
}

// RUN: gvm-opt %s -split-input-file -p 'builtin.module(convert-gptvm-to-cuda)' | FileCheck %s
// RUN: gvm-opt %s -split-input-file -p 'builtin.module(convert-gptvm-to-cuda{weight-dtype=bf16 page-size=256})' | FileCheck %s --check-prefix=BF16
// RUN: gvm-opt %s -split-input-file -p 'builtin.module(convert-gptvm-to-cuda{weight-dtype=f32})' | FileCheck %s --check-prefix=F32

// A llama2.c-tiny layer as the importer writes it (examples/llama_tiny_layer.mlir): one kernel per
// distinct op group and shape. Prefill: silu·mul and the residual adds are fused, kv.attend and
// kv.append become an append and an attention over the pages, GEMMs with k a multiple of 32 use
// the 128x128-tile kernel. Decode: each rms_norm is fused into the GEMV of the linears it feeds
// (q, k and v in one launch; gate and up with the SwiGLU epilogue; the classifier), RoPE into the
// append (keys) and the attention (queries). The RoPE positions' host computation is gone.

// CHECK-LABEL: module attributes {cuda.page_size = 16 : i64, cuda.weight_dtype = "f16"}
// CHECK: cuda.kernel @embedding_f16_512x64 kind("embedding") group("model.embed_tokens")
// CHECK: cuda.kernel @rms_norm_64 kind("rms_norm") group("model.layers.0.input_layernorm")
// CHECK: cuda.kernel @gemm_wmma_f16_64x64 kind("gemm_wmma") group("model.layers.0.self_attn.q_proj")
// CHECK: cuda.kernel @gemm_wmma_f16_32x64 kind("gemm_wmma") group("model.layers.0.self_attn.k_proj")
// CHECK: cuda.kernel @rope_interleaved_8x8 kind("rope")
// CHECK: cuda.kernel @rope_interleaved_4x8 kind("rope")
// CHECK: cuda.kernel @kv_append_4x8_p16x32 kind("kv_append") group("model.layers.0.self_attn")
// CHECK: cuda.kernel @attention_prefill_8x4x8_p16x32 kind("attention_prefill") group("model.layers.0.self_attn")
// CHECK: cuda.kernel @gemm_wmma_f16_64x64_res kind("gemm_wmma") group("model.layers.0.self_attn.o_proj")
// CHECK: cuda.kernel @gemm_wmma_f16_172x64 kind("gemm_wmma") group("model.layers.0.mlp.gate_proj")
// CHECK: cuda.kernel @silu_mul_172 kind("silu_mul") group("model.layers.0.mlp")
// CHECK: cuda.kernel @gemm_wmma_f16_64x172_res kind("gemm_wmma") group("model.layers.0.mlp.down_proj")
// CHECK: cuda.kernel @kv_advance kind("kv_advance")
// CHECK: cuda.kernel @gemm_wmma_f16_512x64 kind("gemm_wmma") group("lm_head")
// CHECK: cuda.kernel @gemv_f16_64_32_32x64_norm kind("gemv") group("model.layers.0.self_attn.q_proj")
// CHECK: cuda.kernel @kv_append_4x8_p16x32_ropei kind("kv_append")
// CHECK: cuda.kernel @attention_decode_8x4x8_p16x32_ropei kind("attention_decode")
// CHECK: cuda.kernel @gemv_f16_64x64_res kind("gemv") group("model.layers.0.self_attn.o_proj")
// CHECK: cuda.kernel @gemv_f16_172_172x64_norm_swiglu kind("gemv") group("model.layers.0.mlp.gate_proj")
// CHECK: cuda.kernel @gemv_f16_64x172_res kind("gemv")
// CHECK: cuda.kernel @gemv_f16_512x64_norm kind("gemv") group("lm_head")
// CHECK: cuda.kernel @argmax_512 kind("argmax") group("sampler")

// CHECK-LABEL: func.func @prefill(
// CHECK-SAME: %[[IDS:.*]]: tensor<?xi32>, %[[CACHE:.*]]: !kv.cache
// CHECK-NOT: kv.seq_len
// CHECK-NOT: tensor.generate
// CHECK: %[[EMBED:.*]] = gptvm.param "model.embed_tokens.weight"
// CHECK: %[[X:.*]] = cuda.launch @embedding_f16_512x64(%[[EMBED]], %[[IDS]]) grid [1, 1, 1] block [256] rows_per_block 1 : (tensor<512x64xf32>, tensor<?xi32>) -> tensor<?x64xf32>
// CHECK: %[[H:.*]] = cuda.launch @rms_norm_64(%[[X]], %{{.*}}) grid [1, 1, 1] block [256] rows_per_block 1
// CHECK: %[[Q:.*]] = cuda.launch @gemm_wmma_f16_64x64(%[[H]], %{{.*}}) grid [1, 1, 1] block [256] rows_per_block 128 : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
// CHECK: %[[K:.*]] = cuda.launch @gemm_wmma_f16_32x64(%[[H]],
// CHECK: %[[V:.*]] = cuda.launch @gemm_wmma_f16_32x64(%[[H]],
// CHECK: %[[QH:.*]] = gptvm.reshape %[[Q]]
// CHECK: %[[KH:.*]] = gptvm.reshape %[[K]]
// CHECK: %[[VH:.*]] = gptvm.reshape %[[V]]
// CHECK: %[[QR:.*]] = cuda.launch @rope_interleaved_8x8(%[[QH]]) grid [8, 1, 1] block [64] rows_per_block 1 : (tensor<?x8x8xf32>) -> tensor<?x8x8xf32>
// CHECK: %[[KR:.*]] = cuda.launch @rope_interleaved_4x8(%[[KH]]) grid [4, 1, 1]
// CHECK: %[[C1:.*]] = cuda.launch @kv_append_4x8_p16x32(%[[CACHE]], %[[KR]], %[[VH]]) grid [1, 1, 1] block [128] rows_per_block 1 : (!kv.cache<{{.*}}>, tensor<?x4x8xf32>, tensor<?x4x8xf32>) -> !kv.cache
// CHECK: %[[ATT:.*]] = cuda.launch @attention_prefill_8x4x8_p16x32(%[[C1]], %[[QR]]) grid [8, 1, 1] block [128] rows_per_block 16 : (!kv.cache<{{.*}}>, tensor<?x8x8xf32>) -> tensor<?x8x8xf32>
// CHECK: %[[ATT2:.*]] = gptvm.reshape %[[ATT]]
// CHECK: %[[X1:.*]] = cuda.launch @gemm_wmma_f16_64x64_res(%[[ATT2]], %{{.*}}, %[[X]])
// CHECK: %[[H2:.*]] = cuda.launch @rms_norm_64(%[[X1]],
// CHECK: %[[G:.*]] = cuda.launch @gemm_wmma_f16_172x64(%[[H2]], %{{.*}}) grid [2, 1, 1] block [256] rows_per_block 128
// CHECK: %[[U:.*]] = cuda.launch @gemm_wmma_f16_172x64(%[[H2]],
// CHECK: %[[P:.*]] = cuda.launch @silu_mul_172(%[[G]], %[[U]]) grid [1, 1, 1] block [256] rows_per_block 1
// CHECK: %[[X2:.*]] = cuda.launch @gemm_wmma_f16_64x172_res(%[[P]], %{{.*}}, %[[X1]]) grid [1, 1, 1] block [128] rows_per_block 64
// CHECK: %[[C2:.*]] = cuda.launch @kv_advance(%[[C1]]) grid [1, 1, 1] block [32] : (!kv.cache<{{.*}}>) -> !kv.cache
// CHECK: %[[HN:.*]] = cuda.launch @rms_norm_64(%[[X2]],
// CHECK: %[[L:.*]] = cuda.launch @gemm_wmma_f16_512x64(%[[HN]], %[[EMBED]]) grid [4, 1, 1] block [256] rows_per_block 128
// CHECK: return %[[L]], %[[C2]]

// CHECK-LABEL: func.func @decode(
// CHECK-SAME: %[[TOK:.*]]: tensor<1xi32>, %[[DCACHE:.*]]: !kv.cache
// CHECK: %[[DX:.*]] = cuda.launch @embedding_f16_512x64(%{{.*}}, %[[TOK]])
// CHECK: %[[W_IN:.*]] = gptvm.param "model.layers.0.input_layernorm.weight"
// CHECK: %[[WQ:.*]] = gptvm.param "model.layers.0.self_attn.q_proj.weight"
// CHECK: %[[WK:.*]] = gptvm.param "model.layers.0.self_attn.k_proj.weight"
// CHECK: %[[WV:.*]] = gptvm.param "model.layers.0.self_attn.v_proj.weight"
// CHECK: %[[QKV:.*]]:3 = cuda.launch @gemv_f16_64_32_32x64_norm(%[[DX]], %[[W_IN]], %[[WQ]], %[[WK]], %[[WV]]) grid [16, 1, 1] block [256] rows_per_block 1 : (tensor<1x64xf32>, tensor<64xf32>, tensor<64x64xf32>, tensor<32x64xf32>, tensor<32x64xf32>) -> (tensor<1x64xf32>, tensor<1x32xf32>, tensor<1x32xf32>)
// CHECK: %[[DQ:.*]] = gptvm.reshape %[[QKV]]#0
// CHECK: %[[DK:.*]] = gptvm.reshape %[[QKV]]#1
// CHECK: %[[DV:.*]] = gptvm.reshape %[[QKV]]#2
// CHECK-NOT: rope
// CHECK: %[[DC1:.*]] = cuda.launch @kv_append_4x8_p16x32_ropei(%[[DCACHE]], %[[DK]], %[[DV]])
// CHECK: %[[DATT:.*]] = cuda.launch @attention_decode_8x4x8_p16x32_ropei(%[[DC1]], %[[DQ]]) grid [8, 1, 1] block [256] smem 2048 rows_per_block 1
// CHECK: %[[DX1:.*]] = cuda.launch @gemv_f16_64x64_res(%{{.*}}, %{{.*}}, %[[DX]]) grid [8, 1, 1]
// CHECK: %[[SW:.*]] = cuda.launch @gemv_f16_172_172x64_norm_swiglu(%[[DX1]], %{{.*}}, %{{.*}}, %{{.*}}) grid [22, 1, 1] block [256] rows_per_block 1 : (tensor<1x64xf32>, tensor<64xf32>, tensor<172x64xf32>, tensor<172x64xf32>) -> tensor<1x172xf32>
// CHECK: %[[DX2:.*]] = cuda.launch @gemv_f16_64x172_res(%[[SW]], %{{.*}}, %[[DX1]])
// CHECK: cuda.launch @kv_advance(%[[DC1]])
// CHECK: %[[LOGITS:.*]] = cuda.launch @gemv_f16_512x64_norm(%[[DX2]], %{{.*}}, %{{.*}}) grid [64, 1, 1]
// CHECK: %[[NEXT:.*]] = cuda.launch @argmax_512(%[[LOGITS]]) grid [1, 1, 1] block [1024] rows_per_block 1 : (tensor<1x512xf32>) -> tensor<1xi32>
// CHECK: return %[[LOGITS]], %[[NEXT]],

// bf16 weights and 256-slot pages: 2 pages of the 512 positions.
// BF16-LABEL: module attributes {cuda.page_size = 256 : i64, cuda.weight_dtype = "bf16"}
// BF16: cuda.kernel @embedding_bf16_512x64
// BF16: cuda.kernel @gemm_wmma_bf16_64x64 kind("gemm_wmma")
// BF16: cuda.kernel @kv_append_4x8_p256x2 kind("kv_append")
// BF16: cuda.kernel @attention_prefill_8x4x8_p256x2
// BF16: cuda.kernel @gemv_bf16_64_32_32x64_norm kind("gemv")
// BF16: cuda.kernel @attention_decode_8x4x8_p256x2_ropei

// fp32 weights: GEMMs on CUDA cores.
// F32-LABEL: module attributes {cuda.page_size = 16 : i64, cuda.weight_dtype = "f32"}
// F32: cuda.kernel @embedding_f32_512x64
// F32: cuda.kernel @gemm_f32_64x64 kind("gemm")
// F32: cuda.kernel @gemv_f32_64_32_32x64_norm kind("gemv")

!cache = !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>

func.func @create_cache() -> !cache {
  %cache = kv.create : !cache
  return %cache : !cache
}

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

// -----

// A tall decode matrix is split along k across the warps of a block; unfused elementwise ops and
// rotate_half RoPE get kernels of their own.
!cache = !kv.cache<layers = 1, kv_heads = 2, head_dim = 64, capacity = 128, dtype = f32>

// CHECK-LABEL: cuda.kernel @gemv_f16_32x4096 kind("gemv")
// CHECK: cuda.kernel @silu_32 kind("silu")
// CHECK: cuda.kernel @mul_32 kind("mul")
// CHECK: cuda.kernel @add_32 kind("add")
// CHECK: cuda.kernel @rope_rotate_half_2x64 kind("rope")
// CHECK-LABEL: func.func @decode
// CHECK: %[[Y:.*]] = cuda.launch @gemv_f16_32x4096(%arg0, %{{.*}}) grid [32, 1, 1] block [256] rows_per_block 1
// CHECK: %[[S:.*]] = cuda.launch @silu_32(%[[Y]])
// CHECK: %[[M:.*]] = cuda.launch @mul_32(%[[Y]], %[[S]])
// CHECK: cuda.launch @add_32(%[[M]], %[[S]])
// CHECK: cuda.launch @rope_rotate_half_2x64(%{{.*}}) grid [2, 1, 1] block [64] rows_per_block 1
func.func @decode(%x: tensor<1x4096xf32>, %cache: !cache, %k: tensor<1x2x64xf32>) -> (tensor<1x32xf32>, tensor<1x2x64xf32>) {
  %w = gptvm.param "w" : tensor<32x4096xf32>
  %y = gptvm.linear %x, %w : (tensor<1x4096xf32>, tensor<32x4096xf32>) -> tensor<1x32xf32>
  %s = gptvm.silu %y : tensor<1x32xf32>
  %m = gptvm.mul %y, %s : tensor<1x32xf32>
  %a = gptvm.add %m, %s : tensor<1x32xf32>
  %len = kv.seq_len %cache : !cache
  %pos = tensor.from_elements %len : tensor<1xindex>
  %r = gptvm.rope %k, %pos theta(10000.0) layout(rotate_half) : tensor<1x2x64xf32>, tensor<1xindex>
  return %a, %r : tensor<1x32xf32>, tensor<1x2x64xf32>
}

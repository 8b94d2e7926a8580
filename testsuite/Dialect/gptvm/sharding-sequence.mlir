// REQUIRES: mesh-dialect
// RUN: gvm-opt %s --pass-pipeline="builtin.module(func.func(sharding-propagation,mesh-spmdization))" | FileCheck %s

// Sequence parallelism from the input of a Llama layer (the prefill of examples/llama_tiny_layer.mlir):
// the embedded tokens are split by rows over 4 devices, and sharding-propagation carries the split
// through rms_norm, the projections, the residual adds, the MLP, the final norm and the classifier.
// Attention over a causal kv cache cannot split its queries (their positions depend on the count),
// so spmdization gathers the normalized rows before q/k/v and slices the attention output again.

mesh.mesh @dp(shape = 4)
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
  %x0 = gptvm.embedding %embed, %ids : (tensor<512x64xf32>, tensor<?xi32>) -> tensor<?x64xf32> loc("model.embed_tokens")
  %xr = mesh.shard %x0 to <@dp, [[]]> : tensor<?x64xf32>
  %x = mesh.shard %xr to <@dp, [[0]]> annotate_for_users : tensor<?x64xf32>

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

// CHECK-LABEL: func.func @create_cache() -> !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32> {
// CHECK-NEXT: %0 = kv.create : !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>
// CHECK-NEXT: return %0 : !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @prefill(%arg0: tensor<?xi32>, %arg1: !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>) -> (tensor<?x512xf32>, !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>) {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %dim = tensor.dim %arg0, %c0 : tensor<?xi32>
// CHECK-NEXT: %0 = kv.seq_len %arg1 : !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>
// CHECK-NEXT: %generated = tensor.generate %dim {
// CHECK-NEXT: ^bb0(%arg2: index):
// CHECK-NEXT: %37 = arith.addi %0, %arg2 : index
// CHECK-NEXT: tensor.yield %37 : index
// CHECK-NEXT: } : tensor<?xindex>
// CHECK-NEXT: %1 = gptvm.param "model.embed_tokens.weight" : tensor<512x64xf32>
// CHECK-NEXT: %2 = gptvm.embedding %1, %arg0 : (tensor<512x64xf32>, tensor<?xi32>) -> tensor<?x64xf32>
// CHECK-NEXT: %all_slice = mesh.all_slice %2 on @dp mesh_axes = [0] slice_axis = 0 : tensor<?x64xf32> -> tensor<?x64xf32>
// CHECK-NEXT: %3 = gptvm.param "model.layers.0.input_layernorm.weight" : tensor<64xf32>
// CHECK-NEXT: %4 = gptvm.rms_norm %all_slice, %3 eps(1.000000e-05) : tensor<?x64xf32>, tensor<64xf32>
// CHECK-NEXT: %all_gather = mesh.all_gather %4 on @dp mesh_axes = [0] gather_axis = 0 : tensor<?x64xf32> -> tensor<?x64xf32>
// CHECK-NEXT: %cast = tensor.cast %all_gather : tensor<?x64xf32> to tensor<?x64xf32>
// CHECK-NEXT: %all_gather_0 = mesh.all_gather %4 on @dp mesh_axes = [0] gather_axis = 0 : tensor<?x64xf32> -> tensor<?x64xf32>
// CHECK-NEXT: %cast_1 = tensor.cast %all_gather_0 : tensor<?x64xf32> to tensor<?x64xf32>
// CHECK-NEXT: %all_gather_2 = mesh.all_gather %4 on @dp mesh_axes = [0] gather_axis = 0 : tensor<?x64xf32> -> tensor<?x64xf32>
// CHECK-NEXT: %cast_3 = tensor.cast %all_gather_2 : tensor<?x64xf32> to tensor<?x64xf32>
// CHECK-NEXT: %5 = gptvm.param "model.layers.0.self_attn.q_proj.weight" : tensor<64x64xf32>
// CHECK-NEXT: %6 = gptvm.param "model.layers.0.self_attn.k_proj.weight" : tensor<32x64xf32>
// CHECK-NEXT: %7 = gptvm.param "model.layers.0.self_attn.v_proj.weight" : tensor<32x64xf32>
// CHECK-NEXT: %8 = gptvm.param "model.layers.0.self_attn.o_proj.weight" : tensor<64x64xf32>
// CHECK-NEXT: %9 = gptvm.linear %cast_3, %5 : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
// CHECK-NEXT: %10 = gptvm.linear %cast_1, %6 : (tensor<?x64xf32>, tensor<32x64xf32>) -> tensor<?x32xf32>
// CHECK-NEXT: %11 = gptvm.linear %cast, %7 : (tensor<?x64xf32>, tensor<32x64xf32>) -> tensor<?x32xf32>
// CHECK-NEXT: %12 = gptvm.reshape %9 : tensor<?x64xf32> -> tensor<?x8x8xf32>
// CHECK-NEXT: %13 = gptvm.reshape %10 : tensor<?x32xf32> -> tensor<?x4x8xf32>
// CHECK-NEXT: %14 = gptvm.reshape %11 : tensor<?x32xf32> -> tensor<?x4x8xf32>
// CHECK-NEXT: %15 = gptvm.rope %12, %generated theta(1.000000e+04) layout(interleaved) : tensor<?x8x8xf32>, tensor<?xindex>
// CHECK-NEXT: %16 = gptvm.rope %13, %generated theta(1.000000e+04) layout(interleaved) : tensor<?x4x8xf32>, tensor<?xindex>
// CHECK-NEXT: %17 = kv.attend %arg1[0], %15, %16, %14 : !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>, tensor<?x8x8xf32>, tensor<?x4x8xf32>
// CHECK-NEXT: %18 = kv.append %arg1[0], %16, %14 : !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>, tensor<?x4x8xf32>
// CHECK-NEXT: %all_slice_4 = mesh.all_slice %17 on @dp mesh_axes = [0] slice_axis = 0 : tensor<?x8x8xf32> -> tensor<?x8x8xf32>
// CHECK-NEXT: %19 = gptvm.reshape %all_slice_4 : tensor<?x8x8xf32> -> tensor<?x64xf32>
// CHECK-NEXT: %20 = gptvm.linear %19, %8 : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
// CHECK-NEXT: %21 = gptvm.add %all_slice, %20 : tensor<?x64xf32>
// CHECK-NEXT: %22 = gptvm.param "model.layers.0.post_attention_layernorm.weight" : tensor<64xf32>
// CHECK-NEXT: %23 = gptvm.rms_norm %21, %22 eps(1.000000e-05) : tensor<?x64xf32>, tensor<64xf32>
// CHECK-NEXT: %24 = gptvm.param "model.layers.0.mlp.gate_proj.weight" : tensor<172x64xf32>
// CHECK-NEXT: %25 = gptvm.param "model.layers.0.mlp.up_proj.weight" : tensor<172x64xf32>
// CHECK-NEXT: %26 = gptvm.param "model.layers.0.mlp.down_proj.weight" : tensor<64x172xf32>
// CHECK-NEXT: %27 = gptvm.linear %23, %24 : (tensor<?x64xf32>, tensor<172x64xf32>) -> tensor<?x172xf32>
// CHECK-NEXT: %28 = gptvm.linear %23, %25 : (tensor<?x64xf32>, tensor<172x64xf32>) -> tensor<?x172xf32>
// CHECK-NEXT: %29 = gptvm.silu %27 : tensor<?x172xf32>
// CHECK-NEXT: %30 = gptvm.mul %29, %28 : tensor<?x172xf32>
// CHECK-NEXT: %31 = gptvm.linear %30, %26 : (tensor<?x172xf32>, tensor<64x172xf32>) -> tensor<?x64xf32>
// CHECK-NEXT: %32 = gptvm.add %21, %31 : tensor<?x64xf32>
// CHECK-NEXT: %33 = kv.advance %18, %dim : !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>
// CHECK-NEXT: %34 = gptvm.param "model.norm.weight" : tensor<64xf32>
// CHECK-NEXT: %35 = gptvm.rms_norm %32, %34 eps(1.000000e-05) : tensor<?x64xf32>, tensor<64xf32>
// CHECK-NEXT: %36 = gptvm.linear %35, %1 : (tensor<?x64xf32>, tensor<512x64xf32>) -> tensor<?x512xf32>
// CHECK-NEXT: return %36, %33 : tensor<?x512xf32>, !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>
// CHECK-NEXT: }

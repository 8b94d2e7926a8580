// RUN: gvm-opt %s --pass-pipeline='builtin.module(gptvm-optimize)' | FileCheck %s

// The fusion passes on a non-Llama graph: a GPT-2 block written by hand (pre-norm layer_norm with
// bias, one biased c_attn projection, causal attention, biased c_proj, tanh gelu MLP). Nothing
// names a model: groups follow from the ops' pattern kinds alone.

// CHECK-LABEL: func.func @gpt2_block
func.func @gpt2_block(%x: tensor<4x32xf32>) -> tensor<4x32xf32> {
  %ln1_w = gptvm.param "h.0.ln_1.weight" : tensor<32xf32> loc("h.0.ln_1")
  %ln1_b = gptvm.param "h.0.ln_1.bias" : tensor<32xf32> loc("h.0.ln_1")
  // a reduction does not start a group: layer_norm stays alone
  // CHECK: %[[H:.*]] = gptvm.layer_norm
  %h = gptvm.layer_norm %x, %ln1_w, %ln1_b eps(1.0e-5) : tensor<4x32xf32>, tensor<32xf32>, tensor<32xf32> loc("h.0.ln_1")
  %w_attn = gptvm.param "h.0.attn.c_attn.weight" : tensor<96x32xf32> loc("h.0.attn.c_attn")
  %b_attn = gptvm.param "h.0.attn.c_attn.bias" : tensor<96xf32> loc("h.0.attn.c_attn")
  // one projection only: nothing to combine, and its consumer (split) is not elementwise
  // CHECK: %[[QKV:.*]] = gptvm.linear %[[H]], %{{.*}}, %{{.*}} : (tensor<4x32xf32>, tensor<96x32xf32>, tensor<96xf32>) -> tensor<4x96xf32>
  // CHECK-NEXT: gptvm.split %[[QKV]]
  %qkv = gptvm.linear %h, %w_attn, %b_attn : (tensor<4x32xf32>, tensor<96x32xf32>, tensor<96xf32>) -> tensor<4x96xf32> loc("h.0.attn.c_attn")
  %q, %k, %v = gptvm.split %qkv axis(1) : tensor<4x96xf32> -> tensor<4x32xf32>, tensor<4x32xf32>, tensor<4x32xf32> loc("h.0.attn")
  %qh = gptvm.reshape %q : tensor<4x32xf32> -> tensor<4x4x8xf32> loc("h.0.attn")
  %kh = gptvm.reshape %k : tensor<4x32xf32> -> tensor<4x4x8xf32> loc("h.0.attn")
  %vh = gptvm.reshape %v : tensor<4x32xf32> -> tensor<4x4x8xf32> loc("h.0.attn")
  // attention is opaque: the reshapes feeding it stay outside any group
  // CHECK-NEXT: gptvm.reshape
  // CHECK-NEXT: gptvm.reshape
  // CHECK-NEXT: gptvm.reshape
  // CHECK-NEXT: gptvm.attention
  %a = gptvm.attention %qh, %kh, %vh causal : tensor<4x4x8xf32>, tensor<4x4x8xf32>, tensor<4x4x8xf32> loc("h.0.attn")
  %a2 = gptvm.reshape %a : tensor<4x4x8xf32> -> tensor<4x32xf32> loc("h.0.attn")
  %w_proj = gptvm.param "h.0.attn.c_proj.weight" : tensor<32x32xf32> loc("h.0.attn.c_proj")
  %b_proj = gptvm.param "h.0.attn.c_proj.bias" : tensor<32xf32> loc("h.0.attn.c_proj")
  %o = gptvm.linear %a2, %w_proj, %b_proj : (tensor<4x32xf32>, tensor<32x32xf32>, tensor<32xf32>) -> tensor<4x32xf32> loc("h.0.attn.c_proj")
  // the biased c_proj absorbs the residual add
  // CHECK: %[[X1:.*]] = gptvm.fused kind(out_elementwise_fusable) %{{.*}}, %{{.*}}, %{{.*}}, %arg0 : (tensor<4x32xf32>, tensor<32x32xf32>, tensor<32xf32>, tensor<4x32xf32>) -> tensor<4x32xf32> {
  // CHECK-NEXT: ^bb0(%[[I:.*]]: tensor<4x32xf32>, %[[W:.*]]: tensor<32x32xf32>, %[[B:.*]]: tensor<32xf32>, %[[R:.*]]: tensor<4x32xf32>):
  // CHECK-NEXT: %[[L:.*]] = gptvm.linear %[[I]], %[[W]], %[[B]]
  // CHECK-NEXT: %[[S:.*]] = gptvm.add %[[R]], %[[L]]
  // CHECK-NEXT: gptvm.yield %[[S]] : tensor<4x32xf32>
  // CHECK-NEXT: }
  %x1 = gptvm.add %x, %o : tensor<4x32xf32> loc("h.0")
  %ln2_w = gptvm.param "h.0.ln_2.weight" : tensor<32xf32> loc("h.0.ln_2")
  %ln2_b = gptvm.param "h.0.ln_2.bias" : tensor<32xf32> loc("h.0.ln_2")
  // CHECK: %[[H2:.*]] = gptvm.layer_norm %[[X1]]
  %h2 = gptvm.layer_norm %x1, %ln2_w, %ln2_b eps(1.0e-5) : tensor<4x32xf32>, tensor<32xf32>, tensor<32xf32> loc("h.0.ln_2")
  %w_fc = gptvm.param "h.0.mlp.c_fc.weight" : tensor<128x32xf32> loc("h.0.mlp.c_fc")
  %b_fc = gptvm.param "h.0.mlp.c_fc.bias" : tensor<128xf32> loc("h.0.mlp.c_fc")
  %fc = gptvm.linear %h2, %w_fc, %b_fc : (tensor<4x32xf32>, tensor<128x32xf32>, tensor<128xf32>) -> tensor<4x128xf32> loc("h.0.mlp.c_fc")
  // the biased c_fc absorbs gelu; gelu does not join the next linear (a contraction is not elementwise)
  // CHECK: %[[G:.*]] = gptvm.fused kind(out_elementwise_fusable) %[[H2]], %{{.*}}, %{{.*}} : (tensor<4x32xf32>, tensor<128x32xf32>, tensor<128xf32>) -> tensor<4x128xf32> {
  // CHECK-NEXT: ^bb0
  // CHECK-NEXT: gptvm.linear
  // CHECK-NEXT: gptvm.gelu %{{.*}} approximate(tanh)
  // CHECK-NEXT: gptvm.yield
  // CHECK-NEXT: }
  %g = gptvm.gelu %fc approximate(tanh) : tensor<4x128xf32> loc("h.0.mlp.act")
  %w_p2 = gptvm.param "h.0.mlp.c_proj.weight" : tensor<32x128xf32> loc("h.0.mlp.c_proj")
  %b_p2 = gptvm.param "h.0.mlp.c_proj.bias" : tensor<32xf32> loc("h.0.mlp.c_proj")
  %m = gptvm.linear %g, %w_p2, %b_p2 : (tensor<4x128xf32>, tensor<32x128xf32>, tensor<32xf32>) -> tensor<4x32xf32> loc("h.0.mlp.c_proj")
  // CHECK: %[[X2:.*]] = gptvm.fused kind(out_elementwise_fusable) %[[G]], %{{.*}}, %{{.*}}, %[[X1]]
  // CHECK-NEXT: ^bb0
  // CHECK-NEXT: gptvm.linear
  // CHECK-NEXT: gptvm.add
  // CHECK-NEXT: gptvm.yield
  // CHECK-NEXT: }
  // CHECK-NEXT: return %[[X2]]
  %x2 = gptvm.add %x1, %m : tensor<4x32xf32> loc("h.0")
  return %x2 : tensor<4x32xf32>
}

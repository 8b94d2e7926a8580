// RUN: gvm-opt %s | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// Round trip of every gptvm op, in custom and generic form. Activations are [seq, hidden];
// attention operands [seq, heads, head_dim].

// CHECK-LABEL: func.func @weights
func.func @weights(%ids: tensor<?xi32>, %x: tensor<?x64xf32>) -> (tensor<?x64xf32>, tensor<?x128xf32>, tensor<?x128xf32>) {
  // CHECK-NEXT: %0 = gptvm.param "model.embed_tokens.weight" : tensor<512x64xf32>
  // GENERIC: "gptvm.param"() <{name = "model.embed_tokens.weight"}> : () -> tensor<512x64xf32>
  %table = gptvm.param "model.embed_tokens.weight" : tensor<512x64xf32>
  // CHECK-NEXT: %1 = gptvm.embedding %0, %arg0 : (tensor<512x64xf32>, tensor<?xi32>) -> tensor<?x64xf32>
  %e = gptvm.embedding %table, %ids : (tensor<512x64xf32>, tensor<?xi32>) -> tensor<?x64xf32>
  // CHECK-NEXT: %2 = gptvm.param "model.layers.0.mlp.up_proj.weight" : tensor<128x64xf32>
  %w = gptvm.param "model.layers.0.mlp.up_proj.weight" : tensor<128x64xf32>
  // CHECK-NEXT: %3 = gptvm.param "bias" : tensor<128xf32>
  %b = gptvm.param "bias" : tensor<128xf32>
  // CHECK-NEXT: %4 = gptvm.linear %arg1, %2 : (tensor<?x64xf32>, tensor<128x64xf32>) -> tensor<?x128xf32>
  // GENERIC: "gptvm.linear"(%{{.*}}, %{{.*}}) : (tensor<?x64xf32>, tensor<128x64xf32>) -> tensor<?x128xf32>
  %y = gptvm.linear %x, %w : (tensor<?x64xf32>, tensor<128x64xf32>) -> tensor<?x128xf32>
  // CHECK-NEXT: %5 = gptvm.linear %arg1, %2, %3 : (tensor<?x64xf32>, tensor<128x64xf32>, tensor<128xf32>) -> tensor<?x128xf32>
  %yb = gptvm.linear %x, %w, %b : (tensor<?x64xf32>, tensor<128x64xf32>, tensor<128xf32>) -> tensor<?x128xf32>
  return %e, %y, %yb : tensor<?x64xf32>, tensor<?x128xf32>, tensor<?x128xf32>
}

// Weight-only precision: weights stored as bf16/f16 (as a Hugging Face checkpoint keeps them)
// feed f32 activations; the kernels widen them.
// CHECK-LABEL: func.func @mixed_precision_weights
func.func @mixed_precision_weights(%ids: tensor<4xi32>, %t: tensor<512x64xbf16>, %w: tensor<128x64xbf16>, %b: tensor<128xf16>, %n: tensor<64xbf16>) -> (tensor<4x64xf32>, tensor<4x128xf32>) {
  // CHECK-NEXT: %0 = gptvm.embedding %arg1, %arg0 : (tensor<512x64xbf16>, tensor<4xi32>) -> tensor<4x64xf32>
  %e = gptvm.embedding %t, %ids : (tensor<512x64xbf16>, tensor<4xi32>) -> tensor<4x64xf32>
  // CHECK-NEXT: %1 = gptvm.rms_norm %0, %arg4 eps(1.000000e-05) : tensor<4x64xf32>, tensor<64xbf16>
  %h = gptvm.rms_norm %e, %n eps(1.0e-5) : tensor<4x64xf32>, tensor<64xbf16>
  // CHECK-NEXT: %2 = gptvm.linear %1, %arg2, %arg3 : (tensor<4x64xf32>, tensor<128x64xbf16>, tensor<128xf16>) -> tensor<4x128xf32>
  %y = gptvm.linear %h, %w, %b : (tensor<4x64xf32>, tensor<128x64xbf16>, tensor<128xf16>) -> tensor<4x128xf32>
  return %e, %y : tensor<4x64xf32>, tensor<4x128xf32>
}

// Small models may carry weights inline as dense_resource blobs instead of gptvm.param.
// CHECK-LABEL: func.func @inline_weight
func.func @inline_weight(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  // CHECK-NEXT: %cst = arith.constant dense_resource<identity_2x2> : tensor<2x2xf32>
  %w = arith.constant dense_resource<identity_2x2> : tensor<2x2xf32>
  // CHECK-NEXT: %0 = gptvm.linear %arg0, %cst : (tensor<1x2xf32>, tensor<2x2xf32>) -> tensor<1x2xf32>
  %y = gptvm.linear %x, %w : (tensor<1x2xf32>, tensor<2x2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// CHECK-LABEL: func.func @matmuls
func.func @matmuls(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<2x?x8xf16>, %d: tensor<2x8x3xf16>) -> (tensor<4x16xf32>, tensor<2x?x3xf16>) {
  // CHECK-NEXT: %0 = gptvm.matmul %arg0, %arg1 : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  %0 = gptvm.matmul %a, %b : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  // CHECK-NEXT: %1 = gptvm.batch_matmul %arg2, %arg3 : (tensor<2x?x8xf16>, tensor<2x8x3xf16>) -> tensor<2x?x3xf16>
  %1 = gptvm.batch_matmul %c, %d : (tensor<2x?x8xf16>, tensor<2x8x3xf16>) -> tensor<2x?x3xf16>
  return %0, %1 : tensor<4x16xf32>, tensor<2x?x3xf16>
}

// CHECK-LABEL: func.func @norms
func.func @norms(%x: tensor<?x64xf32>, %w: tensor<64xf32>, %b: tensor<64xf32>) -> (tensor<?x64xf32>, tensor<?x64xf32>, tensor<?x64xf32>) {
  // CHECK-NEXT: %0 = gptvm.rms_norm %arg0, %arg1 eps(1.000000e-05) : tensor<?x64xf32>, tensor<64xf32>
  // GENERIC: "gptvm.rms_norm"(%{{.*}}, %{{.*}}) <{eps = 1.000000e-05 : f64}> : (tensor<?x64xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  %0 = gptvm.rms_norm %x, %w eps(1.0e-5) : tensor<?x64xf32>, tensor<64xf32>
  // CHECK-NEXT: %1 = gptvm.layer_norm %arg0, %arg1, %arg2 eps(1.000000e-05) : tensor<?x64xf32>, tensor<64xf32>, tensor<64xf32>
  %1 = gptvm.layer_norm %x, %w, %b eps(1.0e-5) : tensor<?x64xf32>, tensor<64xf32>, tensor<64xf32>
  // CHECK-NEXT: %2 = gptvm.layer_norm %arg0, %arg1 eps(1.000000e-03) : tensor<?x64xf32>, tensor<64xf32>
  %2 = gptvm.layer_norm %x, %w eps(0.001) : tensor<?x64xf32>, tensor<64xf32>
  return %0, %1, %2 : tensor<?x64xf32>, tensor<?x64xf32>, tensor<?x64xf32>
}

// The generic form may leave out properties that have defaults (eps = 1e-5).
// CHECK-LABEL: func.func @norm_default_eps
func.func @norm_default_eps(%x: tensor<3x8xf32>, %w: tensor<8xf32>) -> tensor<3x8xf32> {
  // CHECK-NEXT: %0 = gptvm.rms_norm %arg0, %arg1 eps(1.000000e-05) : tensor<3x8xf32>, tensor<8xf32>
  %0 = "gptvm.rms_norm"(%x, %w) : (tensor<3x8xf32>, tensor<8xf32>) -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

// CHECK-LABEL: func.func @elementwise
func.func @elementwise(%x: tensor<?x64xf32>, %y: tensor<?x64xf32>) -> tensor<?x64xf32> {
  // CHECK-NEXT: %0 = gptvm.silu %arg0 : tensor<?x64xf32>
  %0 = gptvm.silu %x : tensor<?x64xf32>
  // CHECK-NEXT: %1 = gptvm.gelu %arg0 : tensor<?x64xf32>
  // GENERIC: "gptvm.gelu"(%{{.*}}) <{approximate = 0 : i32}> : (tensor<?x64xf32>) -> tensor<?x64xf32>
  %1 = gptvm.gelu %x : tensor<?x64xf32>
  // CHECK-NEXT: %2 = gptvm.gelu %arg0 approximate(tanh) : tensor<?x64xf32>
  // GENERIC: "gptvm.gelu"(%{{.*}}) <{approximate = 1 : i32}> : (tensor<?x64xf32>) -> tensor<?x64xf32>
  %2 = gptvm.gelu %x approximate(tanh) : tensor<?x64xf32>
  // CHECK-NEXT: %3 = gptvm.mul %0, %arg1 : tensor<?x64xf32>
  %3 = gptvm.mul %0, %y : tensor<?x64xf32>
  // CHECK-NEXT: %4 = gptvm.add %3, %2 : tensor<?x64xf32>
  %4 = gptvm.add %3, %2 : tensor<?x64xf32>
  // CHECK-NEXT: %5 = gptvm.softmax %4 axis(-1) : tensor<?x64xf32>
  %5 = gptvm.softmax %4 axis(-1) : tensor<?x64xf32>
  // CHECK-NEXT: %6 = gptvm.softmax %5 axis(0) : tensor<?x64xf32>
  %6 = gptvm.softmax %5 axis(0) : tensor<?x64xf32>
  return %6 : tensor<?x64xf32>
}

// CHECK-LABEL: func.func @rope
func.func @rope(%q: tensor<?x8x16xf32>, %pos: tensor<?xi32>, %ipos: tensor<?xindex>) -> (tensor<?x8x16xf32>, tensor<?x8x16xf32>) {
  // CHECK-NEXT: %0 = gptvm.rope %arg0, %arg1 theta(1.000000e+04) layout(interleaved) : tensor<?x8x16xf32>, tensor<?xi32>
  // GENERIC: "gptvm.rope"(%{{.*}}, %{{.*}}) <{layout = 1 : i32, theta = 1.000000e+04 : f64}>
  %0 = gptvm.rope %q, %pos theta(10000.0) layout(interleaved) : tensor<?x8x16xf32>, tensor<?xi32>
  // CHECK-NEXT: %1 = gptvm.rope %0, %arg2 theta(5.000000e+05) rotary_dim(8) layout(rotate_half) : tensor<?x8x16xf32>, tensor<?xindex>
  %1 = gptvm.rope %0, %ipos theta(500000.0) rotary_dim(8) layout(rotate_half) : tensor<?x8x16xf32>, tensor<?xindex>
  return %0, %1 : tensor<?x8x16xf32>, tensor<?x8x16xf32>
}

// CHECK-LABEL: func.func @attention
func.func @attention(%q: tensor<4x8x16xf32>, %k: tensor<6x2x16xf32>, %v: tensor<6x2x16xf32>) -> (tensor<4x8x16xf32>, tensor<4x8x16xf32>, tensor<4x8x16xf32>) {
  // CHECK-NEXT: %0 = gptvm.attention %arg0, %arg1, %arg2 causal : tensor<4x8x16xf32>, tensor<6x2x16xf32>, tensor<6x2x16xf32>
  // GENERIC: "gptvm.attention"(%{{.*}}, %{{.*}}, %{{.*}}) <{causal}> : (tensor<4x8x16xf32>, tensor<6x2x16xf32>, tensor<6x2x16xf32>) -> tensor<4x8x16xf32>
  %0 = gptvm.attention %q, %k, %v causal : tensor<4x8x16xf32>, tensor<6x2x16xf32>, tensor<6x2x16xf32>
  // CHECK-NEXT: %1 = gptvm.attention %arg0, %arg1, %arg2 causal scale(1.250000e-01) window(3) : tensor<4x8x16xf32>, tensor<6x2x16xf32>, tensor<6x2x16xf32>
  %1 = gptvm.attention %q, %k, %v causal scale(0.125) window(3) : tensor<4x8x16xf32>, tensor<6x2x16xf32>, tensor<6x2x16xf32>
  // CHECK-NEXT: %2 = gptvm.attention %arg0, %arg1, %arg2 : tensor<4x8x16xf32>, tensor<6x2x16xf32>, tensor<6x2x16xf32>
  %2 = gptvm.attention %q, %k, %v : tensor<4x8x16xf32>, tensor<6x2x16xf32>, tensor<6x2x16xf32>
  return %0, %1, %2 : tensor<4x8x16xf32>, tensor<4x8x16xf32>, tensor<4x8x16xf32>
}

// CHECK-LABEL: func.func @shapes
func.func @shapes(%qkv: tensor<?x128xf32>, %x: tensor<4x8x16xf32>) -> (tensor<?x64xf32>, tensor<?x8x8xf32>, tensor<8x4x16xf32>, tensor<?x32xf32>) {
  // CHECK-NEXT: %0:3 = gptvm.split %arg0 axis(1) : tensor<?x128xf32> -> tensor<?x64xf32>, tensor<?x32xf32>, tensor<?x32xf32>
  // GENERIC: "gptvm.split"(%{{.*}}) <{axis = 1 : i64}> : (tensor<?x128xf32>) -> (tensor<?x64xf32>, tensor<?x32xf32>, tensor<?x32xf32>)
  %q, %k, %v = gptvm.split %qkv axis(1) : tensor<?x128xf32> -> tensor<?x64xf32>, tensor<?x32xf32>, tensor<?x32xf32>
  // CHECK-NEXT: %1 = gptvm.reshape %0#0 : tensor<?x64xf32> -> tensor<?x8x8xf32>
  %h = gptvm.reshape %q : tensor<?x64xf32> -> tensor<?x8x8xf32>
  // CHECK-NEXT: %2 = gptvm.transpose %arg1 [1, 0, 2] : tensor<4x8x16xf32> -> tensor<8x4x16xf32>
  // GENERIC: "gptvm.transpose"(%{{.*}}) <{permutation = array<i64: 1, 0, 2>}> : (tensor<4x8x16xf32>) -> tensor<8x4x16xf32>
  %t = gptvm.transpose %x [1, 0, 2] : tensor<4x8x16xf32> -> tensor<8x4x16xf32>
  return %q, %h, %t, %v : tensor<?x64xf32>, tensor<?x8x8xf32>, tensor<8x4x16xf32>, tensor<?x32xf32>
}

// CHECK-LABEL: func.func @sampling
func.func @sampling(%logits: tensor<1x512xf32>, %seed: i64) -> (tensor<1xi32>, tensor<1xi64>, tensor<1xi32>, i64) {
  // CHECK-NEXT: %0 = gptvm.argmax %arg0 : tensor<1x512xf32> -> tensor<1xi32>
  %0 = gptvm.argmax %logits : tensor<1x512xf32> -> tensor<1xi32>
  // CHECK-NEXT: %1:2 = gptvm.sample %arg0 seed(%arg1) temperature(0.000000e+00) : tensor<1x512xf32> -> tensor<1xi64>
  // GENERIC: "gptvm.sample"(%{{.*}}, %{{.*}}) <{temperature = 0.000000e+00 : f64, top_k = 0 : i64, top_p = 1.000000e+00 : f64}> : (tensor<1x512xf32>, i64) -> (tensor<1xi64>, i64)
  %1, %s1 = gptvm.sample %logits seed(%seed) temperature(0.0) : tensor<1x512xf32> -> tensor<1xi64>
  // CHECK-NEXT: %2:2 = gptvm.sample %arg0 seed(%1#1) temperature(8.000000e-01) top_k(40) top_p(9.000000e-01) : tensor<1x512xf32> -> tensor<1xi32>
  %2, %s2 = gptvm.sample %logits seed(%s1) temperature(0.8) top_k(40) top_p(0.9) : tensor<1x512xf32> -> tensor<1xi32>
  return %0, %1, %2, %s2 : tensor<1xi32>, tensor<1xi64>, tensor<1xi32>, i64
}

{-#
  dialect_resources: {
    builtin: {
      identity_2x2: "0x040000000000803F00000000000000000000803F"
    }
  }
#-}

// A fusion group (a linear with its residual add) and joined weights, as the fusion passes write them.
// CHECK-LABEL: func.func @fusion
func.func @fusion(%x: tensor<1x64xf32>, %r: tensor<1x64xf32>) -> (tensor<1x64xf32>, tensor<96x64xf32>) {
  %wq = gptvm.param "q" : tensor<64x64xf32>
  %wk = gptvm.param "k" : tensor<32x64xf32>
  // CHECK: gptvm.concat_params %{{.*}}, %{{.*}} : tensor<64x64xf32>, tensor<32x64xf32> -> tensor<96x64xf32>
  // GENERIC: "gptvm.concat_params"(%{{.*}}, %{{.*}}) : (tensor<64x64xf32>, tensor<32x64xf32>) -> tensor<96x64xf32>
  %wqk = gptvm.concat_params %wq, %wk : tensor<64x64xf32>, tensor<32x64xf32> -> tensor<96x64xf32>
  // CHECK: gptvm.fused kind(out_elementwise_fusable) %arg0, %{{.*}}, %arg1 : (tensor<1x64xf32>, tensor<64x64xf32>, tensor<1x64xf32>) -> tensor<1x64xf32> {
  // CHECK-NEXT: ^bb0(%[[A:.*]]: tensor<1x64xf32>, %[[W:.*]]: tensor<64x64xf32>, %[[R:.*]]: tensor<1x64xf32>):
  // CHECK-NEXT: %[[L:.*]] = gptvm.linear %[[A]], %[[W]]
  // CHECK-NEXT: %[[S:.*]] = gptvm.add %[[R]], %[[L]] : tensor<1x64xf32>
  // CHECK-NEXT: gptvm.yield %[[S]] : tensor<1x64xf32>
  // CHECK-NEXT: }
  // GENERIC: "gptvm.fused"(%{{.*}}, %{{.*}}, %{{.*}}) <{kind = 4 : i32}> ({
  // GENERIC: "gptvm.yield"(%{{.*}}) : (tensor<1x64xf32>) -> ()
  %y = gptvm.fused kind(out_elementwise_fusable) %x, %wq, %r : (tensor<1x64xf32>, tensor<64x64xf32>, tensor<1x64xf32>) -> tensor<1x64xf32> {
  ^bb0(%a: tensor<1x64xf32>, %w: tensor<64x64xf32>, %res: tensor<1x64xf32>):
    %l = gptvm.linear %a, %w : (tensor<1x64xf32>, tensor<64x64xf32>) -> tensor<1x64xf32>
    %s = gptvm.add %res, %l : tensor<1x64xf32>
    gptvm.yield %s : tensor<1x64xf32>
  }
  return %y, %wqk : tensor<1x64xf32>, tensor<96x64xf32>
}

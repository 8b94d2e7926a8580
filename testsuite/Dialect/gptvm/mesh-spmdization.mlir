// REQUIRES: mesh-dialect
// RUN: gvm-opt %s --split-input-file --pass-pipeline="builtin.module(func.func(sharding-propagation,mesh-spmdization))" | FileCheck %s

// The sharding model of each gptvm op, one function per rule: what splits, what stays whole (and
// is gathered), where partial sums are all-reduced.

mesh.mesh @m(shape = 4)
// matmul [M, K] x [K, N]: a split contraction leaves partial sums; the replicated result all-reduces them.
func.func @matmul_split_k(%a: tensor<8x16xf32>, %b: tensor<16x12xf32>) -> tensor<8x12xf32> {
  %as = mesh.shard %a to <@m, [[], [0]]> annotate_for_users : tensor<8x16xf32>
  %c = gptvm.matmul %as, %b : (tensor<8x16xf32>, tensor<16x12xf32>) -> tensor<8x12xf32>
  %cs = mesh.shard %c to <@m, [[]]> : tensor<8x12xf32>
  return %cs : tensor<8x12xf32>
}

// -----

mesh.mesh @m(shape = 4)
// batch_matmul: the batch splits.
func.func @batch_matmul_split_batch(%a: tensor<8x4x16xf32>, %b: tensor<8x16x12xf32>) -> tensor<8x4x12xf32> {
  %as = mesh.shard %a to <@m, [[0]]> annotate_for_users : tensor<8x4x16xf32>
  %c = gptvm.batch_matmul %as, %b : (tensor<8x4x16xf32>, tensor<8x16x12xf32>) -> tensor<8x4x12xf32>
  return %c : tensor<8x4x12xf32>
}

// -----

mesh.mesh @m(shape = 4)
// layer_norm normalizes its last dimension whole: a hidden split is gathered first; rows stay split.
func.func @layer_norm_hidden_gathered(%x: tensor<8x16xf32>, %w: tensor<16xf32>, %b: tensor<16xf32>) -> tensor<8x16xf32> {
  %xs = mesh.shard %x to <@m, [[], [0]]> annotate_for_users : tensor<8x16xf32>
  %y = gptvm.layer_norm %xs, %w, %b eps(1.0e-5) : tensor<8x16xf32>, tensor<16xf32>, tensor<16xf32>
  return %y : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
// gelu, then softmax along its last axis: the rows split, the axis would be gathered.
func.func @gelu_softmax_rows(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<8x16xf32>
  %g = gptvm.gelu %xs approximate(tanh) : tensor<8x16xf32>
  %p = gptvm.softmax %g axis(-1) : tensor<8x16xf32>
  return %p : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 2)
// attention with grouped-query heads (8 query heads, 4 kv heads): the heads split together.
func.func @attention_gqa_heads(%q: tensor<4x8x8xf32>, %k: tensor<6x4x8xf32>, %v: tensor<6x4x8xf32>) -> tensor<4x8x8xf32> {
  %qs = mesh.shard %q to <@m, [[], [0]]> annotate_for_users : tensor<4x8x8xf32>
  %o = gptvm.attention %qs, %k, %v causal : tensor<4x8x8xf32>, tensor<6x4x8xf32>, tensor<6x4x8xf32>
  return %o : tensor<4x8x8xf32>
}

// -----

mesh.mesh @m(shape = 2)
// causal attention keeps its queries whole: a query split is gathered.
func.func @attention_causal_queries_gathered(%q: tensor<4x8x8xf32>, %k: tensor<4x8x8xf32>, %v: tensor<4x8x8xf32>) -> tensor<4x8x8xf32> {
  %qs = mesh.shard %q to <@m, [[0]]> annotate_for_users : tensor<4x8x8xf32>
  %o = gptvm.attention %qs, %k, %v causal : tensor<4x8x8xf32>, tensor<4x8x8xf32>, tensor<4x8x8xf32>
  return %o : tensor<4x8x8xf32>
}

// -----

mesh.mesh @m(shape = 2)
// attention without a mask splits its queries.
func.func @attention_queries_split(%q: tensor<4x8x8xf32>, %k: tensor<6x8x8xf32>, %v: tensor<6x8x8xf32>) -> tensor<4x8x8xf32> {
  %qs = mesh.shard %q to <@m, [[0]]> annotate_for_users : tensor<4x8x8xf32>
  %o = gptvm.attention %qs, %k, %v : tensor<4x8x8xf32>, tensor<6x8x8xf32>, tensor<6x8x8xf32>
  return %o : tensor<4x8x8xf32>
}

// -----

mesh.mesh @m(shape = 2)
// reshape [seq, heads, head_dim] -> [seq, hidden] -> transpose: the head split becomes a hidden split,
// then the transposed dimension's.
func.func @reshape_merge_transpose(%x: tensor<4x8x8xf32>) -> tensor<64x4xf32> {
  %xs = mesh.shard %x to <@m, [[], [0]]> annotate_for_users : tensor<4x8x8xf32>
  %m = gptvm.reshape %xs : tensor<4x8x8xf32> -> tensor<4x64xf32>
  %t = gptvm.transpose %m [1, 0] : tensor<4x64xf32> -> tensor<64x4xf32>
  return %t : tensor<64x4xf32>
}

// -----

mesh.mesh @m(shape = 2)
// split keeps its axis whole: a split of it is gathered first.
func.func @split_axis_gathered(%x: tensor<4x96xf32>) -> (tensor<4x64xf32>, tensor<4x32xf32>) {
  %xs = mesh.shard %x to <@m, [[], [0]]> annotate_for_users : tensor<4x96xf32>
  %a, %b = gptvm.split %xs axis(1) : tensor<4x96xf32> -> tensor<4x64xf32>, tensor<4x32xf32>
  return %a, %b : tensor<4x64xf32>, tensor<4x32xf32>
}

// -----

mesh.mesh @m(shape = 2)
// embedding: the ids split the rows, the table stays whole; argmax splits rows, not the vocabulary.
func.func @embedding_argmax(%t: tensor<32x16xf32>, %ids: tensor<4xi32>, %w: tensor<32x16xf32>) -> tensor<4xi32> {
  %is = mesh.shard %ids to <@m, [[0]]> annotate_for_users : tensor<4xi32>
  %x = gptvm.embedding %t, %is : (tensor<32x16xf32>, tensor<4xi32>) -> tensor<4x16xf32>
  %l = gptvm.linear %x, %w : (tensor<4x16xf32>, tensor<32x16xf32>) -> tensor<4x32xf32>
  %n = gptvm.argmax %l : tensor<4x32xf32> -> tensor<4xi32>
  return %n : tensor<4xi32>
}

// -----

mesh.mesh @m(shape = 2)
// sample draws from one random stream row after row: its logits are gathered.
func.func @sample_gathered(%l: tensor<4x32xf32>, %seed: i64) -> (tensor<4xi32>, i64) {
  %ls = mesh.shard %l to <@m, [[0]]> annotate_for_users : tensor<4x32xf32>
  %t, %s = gptvm.sample %ls seed(%seed) temperature(0.8) : tensor<4x32xf32> -> tensor<4xi32>
  return %t, %s : tensor<4xi32>, i64
}

// CHECK-LABEL: func.func @matmul_split_k(%arg0: tensor<8x4xf32>, %arg1: tensor<4x12xf32>) -> tensor<8x12xf32> {
// CHECK-NEXT: %0 = gptvm.matmul %arg0, %arg1 : (tensor<8x4xf32>, tensor<4x12xf32>) -> tensor<8x12xf32>
// CHECK-NEXT: %all_reduce = mesh.all_reduce %0 on @m mesh_axes = [0] : tensor<8x12xf32> -> tensor<8x12xf32>
// CHECK-NEXT: return %all_reduce : tensor<8x12xf32>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @batch_matmul_split_batch(%arg0: tensor<2x4x16xf32>, %arg1: tensor<2x16x12xf32>) -> tensor<2x4x12xf32> {
// CHECK-NEXT: %0 = gptvm.batch_matmul %arg0, %arg1 : (tensor<2x4x16xf32>, tensor<2x16x12xf32>) -> tensor<2x4x12xf32>
// CHECK-NEXT: return %0 : tensor<2x4x12xf32>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @layer_norm_hidden_gathered(%arg0: tensor<8x4xf32>, %arg1: tensor<16xf32>, %arg2: tensor<16xf32>) -> tensor<8x16xf32> {
// CHECK-NEXT: %all_gather = mesh.all_gather %arg0 on @m mesh_axes = [0] gather_axis = 1 : tensor<8x4xf32> -> tensor<8x16xf32>
// CHECK-NEXT: %cast = tensor.cast %all_gather : tensor<8x16xf32> to tensor<8x16xf32>
// CHECK-NEXT: %0 = gptvm.layer_norm %cast, %arg1, %arg2 eps(1.000000e-05) : tensor<8x16xf32>, tensor<16xf32>, tensor<16xf32>
// CHECK-NEXT: return %0 : tensor<8x16xf32>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @gelu_softmax_rows(%arg0: tensor<2x16xf32>) -> tensor<2x16xf32> {
// CHECK-NEXT: %0 = gptvm.gelu %arg0 approximate(tanh) : tensor<2x16xf32>
// CHECK-NEXT: %1 = gptvm.softmax %0 axis(-1) : tensor<2x16xf32>
// CHECK-NEXT: return %1 : tensor<2x16xf32>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @attention_gqa_heads(%arg0: tensor<4x4x8xf32>, %arg1: tensor<6x2x8xf32>, %arg2: tensor<6x2x8xf32>) -> tensor<4x4x8xf32> {
// CHECK-NEXT: %0 = gptvm.attention %arg0, %arg1, %arg2 causal : tensor<4x4x8xf32>, tensor<6x2x8xf32>, tensor<6x2x8xf32>
// CHECK-NEXT: return %0 : tensor<4x4x8xf32>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @attention_causal_queries_gathered(%arg0: tensor<2x8x8xf32>, %arg1: tensor<4x8x8xf32>, %arg2: tensor<4x8x8xf32>) -> tensor<4x8x8xf32> {
// CHECK-NEXT: %all_gather = mesh.all_gather %arg0 on @m mesh_axes = [0] gather_axis = 0 : tensor<2x8x8xf32> -> tensor<4x8x8xf32>
// CHECK-NEXT: %cast = tensor.cast %all_gather : tensor<4x8x8xf32> to tensor<4x8x8xf32>
// CHECK-NEXT: %0 = gptvm.attention %cast, %arg1, %arg2 causal : tensor<4x8x8xf32>, tensor<4x8x8xf32>, tensor<4x8x8xf32>
// CHECK-NEXT: return %0 : tensor<4x8x8xf32>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @attention_queries_split(%arg0: tensor<2x8x8xf32>, %arg1: tensor<6x8x8xf32>, %arg2: tensor<6x8x8xf32>) -> tensor<2x8x8xf32> {
// CHECK-NEXT: %0 = gptvm.attention %arg0, %arg1, %arg2 : tensor<2x8x8xf32>, tensor<6x8x8xf32>, tensor<6x8x8xf32>
// CHECK-NEXT: return %0 : tensor<2x8x8xf32>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @reshape_merge_transpose(%arg0: tensor<4x4x8xf32>) -> tensor<32x4xf32> {
// CHECK-NEXT: %0 = gptvm.reshape %arg0 : tensor<4x4x8xf32> -> tensor<4x32xf32>
// CHECK-NEXT: %1 = gptvm.transpose %0 [1, 0] : tensor<4x32xf32> -> tensor<32x4xf32>
// CHECK-NEXT: return %1 : tensor<32x4xf32>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @split_axis_gathered(%arg0: tensor<4x48xf32>) -> (tensor<4x64xf32>, tensor<4x32xf32>) {
// CHECK-NEXT: %all_gather = mesh.all_gather %arg0 on @m mesh_axes = [0] gather_axis = 1 : tensor<4x48xf32> -> tensor<4x96xf32>
// CHECK-NEXT: %cast = tensor.cast %all_gather : tensor<4x96xf32> to tensor<4x96xf32>
// CHECK-NEXT: %0:2 = gptvm.split %cast axis(1) : tensor<4x96xf32> -> tensor<4x64xf32>, tensor<4x32xf32>
// CHECK-NEXT: return %0#0, %0#1 : tensor<4x64xf32>, tensor<4x32xf32>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @embedding_argmax(%arg0: tensor<32x16xf32>, %arg1: tensor<2xi32>, %arg2: tensor<32x16xf32>) -> tensor<2xi32> {
// CHECK-NEXT: %0 = gptvm.embedding %arg0, %arg1 : (tensor<32x16xf32>, tensor<2xi32>) -> tensor<2x16xf32>
// CHECK-NEXT: %1 = gptvm.linear %0, %arg2 : (tensor<2x16xf32>, tensor<32x16xf32>) -> tensor<2x32xf32>
// CHECK-NEXT: %2 = gptvm.argmax %1 : tensor<2x32xf32> -> tensor<2xi32>
// CHECK-NEXT: return %2 : tensor<2xi32>
// CHECK-NEXT: }
// CHECK-LABEL: func.func @sample_gathered(%arg0: tensor<2x32xf32>, %arg1: i64) -> (tensor<4xi32>, i64) {
// CHECK-NEXT: %all_gather = mesh.all_gather %arg0 on @m mesh_axes = [0] gather_axis = 0 : tensor<2x32xf32> -> tensor<4x32xf32>
// CHECK-NEXT: %cast = tensor.cast %all_gather : tensor<4x32xf32> to tensor<4x32xf32>
// CHECK-NEXT: %0:2 = gptvm.sample %cast seed(%arg1) temperature(8.000000e-01) : tensor<4x32xf32> -> tensor<4xi32>
// CHECK-NEXT: return %0#0, %0#1 : tensor<4xi32>, i64
// CHECK-NEXT: }

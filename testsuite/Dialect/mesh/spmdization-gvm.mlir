// REQUIRES: mesh-dialect
// RUN: gvm-opt %s --split-input-file --pass-pipeline="builtin.module(func.func(sharding-propagation,mesh-spmdization))" | FileCheck %s

// Where gvm goes further than mlir-opt-19: arith element-wise ops on ranked tensors get a sharding
// (mlir-opt-19: 'sharding interface is not implemented'), and an element-wise op fed a partial
// sum takes the replicated sharding, so the sum is all-reduced before it (mlir-opt-19 crashes on the
// sharding option without a mesh). CHECK lines: gvm-opt's output, checked by hand.

mesh.mesh @m(shape = 2)
// CHECK-LABEL: func.func @arith_on_tensors(%arg0: tensor<4x16xf32>, %arg1: tensor<4x16xf32>) -> tensor<4x16xf32> {
// CHECK-NEXT: %0 = tosa.exp %arg0 : (tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK-NEXT: %1 = arith.addf %0, %arg1 : tensor<4x16xf32>
// CHECK-NEXT: %2 = arith.negf %1 : tensor<4x16xf32>
// CHECK-NEXT: return %2 : tensor<4x16xf32>
// CHECK-NEXT: }
func.func @arith_on_tensors(%x: tensor<8x16xf32>, %y: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<8x16xf32>
  %0 = tosa.exp %xs : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %1 = arith.addf %0, %y : tensor<8x16xf32>
  %2 = arith.negf %1 : tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @partial_into_elementwise(%arg0: tensor<8x4xf32>, %arg1: tensor<4x4xf32>, %arg2: tensor<8x4xf32>) -> tensor<8x4xf32> {
// CHECK-NEXT: %proc_linear_idx = mesh.process_multi_index on @m axes = [0] : index
// CHECK-NEXT: %mesh_shape = mesh.mesh_shape @m axes = [0] : index
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %0 = arith.cmpi eq, %proc_linear_idx, %c0 : index
// CHECK-NEXT: %1 = scf.if %0 -> (tensor<8x4xf32>) {
// CHECK-NEXT: scf.yield %arg2 : tensor<8x4xf32>
// CHECK-NEXT: } else {
// CHECK-NEXT: %4 = tensor.empty() : tensor<8x4xf32>
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<8x4xf32>) -> tensor<8x4xf32>
// CHECK-NEXT: scf.yield %5 : tensor<8x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %2 = linalg.matmul ins(%arg0, %arg1 : tensor<8x4xf32>, tensor<4x4xf32>) outs(%1 : tensor<8x4xf32>) -> tensor<8x4xf32>
// CHECK-NEXT: %all_reduce = mesh.all_reduce %2 on @m mesh_axes = [0] : tensor<8x4xf32> -> tensor<8x4xf32>
// CHECK-NEXT: %3 = tosa.tanh %all_reduce : (tensor<8x4xf32>) -> tensor<8x4xf32>
// CHECK-NEXT: return %3 : tensor<8x4xf32>
// CHECK-NEXT: }
func.func @partial_into_elementwise(%x: tensor<8x16xf32>, %w: tensor<16x4xf32>, %acc: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %xs = mesh.shard %x to <@m, [[], [0]]> annotate_for_users : tensor<8x16xf32>
  %e = linalg.matmul ins(%xs, %w : tensor<8x16xf32>, tensor<16x4xf32>) outs(%acc : tensor<8x4xf32>) -> tensor<8x4xf32>
  %t = tosa.tanh %e : (tensor<8x4xf32>) -> tensor<8x4xf32>
  return %t : tensor<8x4xf32>
}

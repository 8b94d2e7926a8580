// REQUIRES: mesh-dialect
// RUN: gvm-opt %s --pass-pipeline="builtin.module(func.func(sharding-propagation))" \
// RUN:   | FileCheck %s

// Sharding propagation through two element-wise ops: every operand and
// result gets a mesh.shard annotation pair. RUN lines can be continued with a
// trailing backslash.

mesh.mesh @mesh_1d(shape = 4)

// CHECK-LABEL: func.func @elementwise_chain
// CHECK-SAME: (%[[ARG:.*]]: tensor<8x16xf32>)
func.func @elementwise_chain(%arg0: tensor<8x16xf32>) -> tensor<8x16xf32> {
  // CHECK-NEXT: %[[A0:.*]] = mesh.shard %[[ARG]] to <@mesh_1d, {{\[\[}}0]]> : tensor<8x16xf32>
  // CHECK-NEXT: %[[A1:.*]] = mesh.shard %[[A0]] to <@mesh_1d, {{\[\[}}0]]> annotate_for_users : tensor<8x16xf32>
  // CHECK-NEXT: %[[SIG:.*]] = tosa.sigmoid %[[A1]]
  // CHECK-COUNT-2: mesh.shard
  // CHECK-NEXT: %[[TANH:.*]] = tosa.tanh
  // CHECK-NEXT: %[[OUT:.*]] = mesh.shard %[[TANH]] to <@mesh_1d, {{\[\[}}0]]> : tensor<8x16xf32>
  // CHECK-NEXT: return %[[OUT]]
  %0 = mesh.shard %arg0 to <@mesh_1d, [[0]]> : tensor<8x16xf32>
  %1 = tosa.sigmoid %0 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %2 = tosa.tanh %1 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

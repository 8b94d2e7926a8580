// REQUIRES: mesh-dialect
// RUN: gvm-opt %s | FileCheck %s
// RUN: gvm-opt %s | gvm-opt | FileCheck %s

// Parse/print round trip of mesh declarations and sharding annotations. The
// printed split-axes list "[[0]]" must be written {{\[\[}}0]] in CHECK lines,
// because FileCheck reads "[[...]]" as a variable.

// CHECK: mesh.mesh @mesh0(shape = 2x4)
mesh.mesh @mesh0(shape = 2x4)
// CHECK-NEXT: mesh.mesh @mesh_dyn(shape = 4x?)
mesh.mesh @mesh_dyn(shape = 4x?)

// CHECK-LABEL: func.func @annotate(
// CHECK-SAME: %[[ARG:.*]]: tensor<8x16xf32>
func.func @annotate(%arg0: tensor<8x16xf32>) -> tensor<8x16xf32> {
  // CHECK-NEXT: %[[S:.*]] = mesh.shard %[[ARG]] to <@mesh0, {{\[\[}}0]]> : tensor<8x16xf32>
  %0 = mesh.shard %arg0 to <@mesh0, [[0]]> : tensor<8x16xf32>
  // CHECK-NEXT: %[[U:.*]] = mesh.shard %[[S]] to <@mesh0, {{\[\[}}0], [1]]> annotate_for_users : tensor<8x16xf32>
  %1 = mesh.shard %0 to <@mesh0, [[0], [1]]> annotate_for_users : tensor<8x16xf32>
  // CHECK-NEXT: return %[[U]] : tensor<8x16xf32>
  return %1 : tensor<8x16xf32>
}

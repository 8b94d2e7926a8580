// RUN: gvm-opt %s | FileCheck %s --match-full-lines
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s --match-full-lines

// The mesh example of seeds/002 (a matmul sharded on batch and contraction dims of a 4x8 mesh,
// with a partial-sum result), printed as mlir-opt 19 prints it: the CHECK lines are its whole output.

module @sharding_test {
  mesh.mesh @mesh_2d(shape = 4x8)

  func.func @matmul_on_operand_shard_batch_and_k(%arg0: tensor<32x1000x4096xf32>, %arg1: tensor<32x4096x8192xf32>) -> tensor<32x1000x8192xf32> {
    %sharding_annotated = mesh.shard %arg0 to <@mesh_2d, [[0], [], [1]]> annotate_for_users : tensor<32x1000x4096xf32>
    %sharding_annotated_0 = mesh.shard %arg1 to <@mesh_2d, [[0], [1]]> annotate_for_users : tensor<32x4096x8192xf32>
    %0 = tosa.matmul %sharding_annotated, %sharding_annotated_0 : (tensor<32x1000x4096xf32>, tensor<32x4096x8192xf32>) -> tensor<32x1000x8192xf32>
    %sharding_annotated_1 = mesh.shard %0 to <@mesh_2d, [[0]], partial = sum[1]> : tensor<32x1000x8192xf32>
    return %sharding_annotated_1 : tensor<32x1000x8192xf32>
  }
}

// CHECK: module @sharding_test {
// CHECK-NEXT: mesh.mesh @mesh_2d(shape = 4x8)
// CHECK-NEXT: func.func @matmul_on_operand_shard_batch_and_k(%arg0: tensor<32x1000x4096xf32>, %arg1: tensor<32x4096x8192xf32>) -> tensor<32x1000x8192xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@mesh_2d, {{\[\[}}0], [], [1]]> annotate_for_users : tensor<32x1000x4096xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %arg1 to <@mesh_2d, {{\[\[}}0], [1]]> annotate_for_users : tensor<32x4096x8192xf32>
// CHECK-NEXT: %0 = tosa.matmul %sharding_annotated, %sharding_annotated_0 : (tensor<32x1000x4096xf32>, tensor<32x4096x8192xf32>) -> tensor<32x1000x8192xf32>
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %0 to <@mesh_2d, {{\[\[}}0]], partial = sum[1]> : tensor<32x1000x8192xf32>
// CHECK-NEXT: return %sharding_annotated_1 : tensor<32x1000x8192xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }

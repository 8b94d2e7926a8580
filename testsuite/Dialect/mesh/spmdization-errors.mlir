// REQUIRES: mesh-dialect
// RUN: gvm-opt %s --split-input-file --verify-diagnostics --pass-pipeline="builtin.module(func.func(sharding-propagation,mesh-spmdization))"

// What mesh-spmdization rejects with an error. mlir-opt-19 crashes, asserts or reads out of bounds
// on the first five; on the last it emits affine.apply, a dialect gvm does not have.

mesh.mesh @m(shape = 4)
func.func @axis_out_of_bounds(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  // expected-error @+1 {{'mesh.shard' op 0-based mesh axis index 1 is out of bounds. The referenced mesh "m" is of rank 1.}}
  %xs = mesh.shard %x to <@m, [[1]]> annotate_for_users : tensor<8x16xf32>
  %t = tosa.exp %xs : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %t : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
func.func @more_split_entries_than_dims(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'mesh.shard' op sharding has 2 split-axes entries for a tensor of rank 1}}
  %xs = mesh.shard %x to <@m, [[], [0]]> annotate_for_users : tensor<8xf32>
  %t = tosa.exp %xs : (tensor<8xf32>) -> tensor<8xf32>
  return %t : tensor<8xf32>
}

// -----

func.func @unknown_mesh(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  // expected-error @+1 {{'mesh.shard' op cannot find mesh 'nope'}}
  %xs = mesh.shard %x to <@nope, [[0]]> annotate_for_users : tensor<8x16xf32>
  %t = tosa.exp %xs : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %t : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 2x2)
func.func @resharding_on_2d_mesh(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %0 = mesh.shard %x to <@m, [[0]]> : tensor<8x16xf32>
  // expected-error @+1 {{'mesh.shard' op resharding is only supported on 1-D meshes (as in MLIR 19)}}
  %1 = mesh.shard %0 to <@m, [[], [1]]> annotate_for_users : tensor<8x16xf32>
  %2 = tosa.exp %1 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
func.func @split_reduction_dynamic_init(%x: tensor<?x8xf32>, %w: tensor<8x6xf32>, %acc: tensor<?x6xf32>) -> tensor<?x6xf32> {
  %xs = mesh.shard %x to <@m, [[], [0]]> annotate_for_users : tensor<?x8xf32>
  // expected-error @+1 {{'linalg.matmul' op a split reduction needs a statically shaped init operand}}
  %y = linalg.matmul ins(%xs, %w : tensor<?x8xf32>, tensor<8x6xf32>) outs(%acc : tensor<?x6xf32>) -> tensor<?x6xf32>
  return %y : tensor<?x6xf32>
}

// -----

mesh.mesh @m(shape = 4x2)
func.func @reduction_over_two_axes(%x: tensor<4x8xf32>, %w: tensor<8x6xf32>, %acc: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %xs = mesh.shard %x to <@m, [[], [0, 1]]> annotate_for_users : tensor<4x8xf32>
  // expected-error @+1 {{'linalg.matmul' op a reduction split over more than one mesh axis is not supported yet}}
  %y = linalg.matmul ins(%xs, %w : tensor<4x8xf32>, tensor<8x6xf32>) outs(%acc : tensor<4x6xf32>) -> tensor<4x6xf32>
  return %y : tensor<4x6xf32>
}

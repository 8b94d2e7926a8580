// RUN: gvm-opt %s -split-input-file -verify-diagnostics

// One case per verifier and parser message of the mesh dialect, worded as mlir-opt 19 words them.

// expected-error@+1 {{'mesh.mesh' op rank of mesh is expected to be a positive integer}}
mesh.mesh @m(shape = [])

// -----

// expected-error@+1 {{'mesh.mesh' op dimension size of a mesh is expected to be non-negative or dynamic}}
"mesh.mesh"() <{shape = array<i64: 2, -3>, sym_name = "m"}> : () -> ()

// -----

func.func @not_a_mesh() -> index {
  // expected-error@+1 {{Undefined required mesh symbol "not_a_mesh".}}
  %0 = mesh.process_linear_index on @not_a_mesh : index
  return %0 : index
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @duplicate_axes() -> (index, index) {
  // expected-error@+1 {{Mesh axes contains duplicate elements.}}
  %0:2 = mesh.mesh_shape @m axes = [1, 1] : index, index
  return %0#0, %0#1 : index, index
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @axis_out_of_range() -> index {
  // expected-error@+1 {{0-based mesh axis index 2 is out of bounds. The referenced mesh "m" is of rank 2.}}
  %0 = mesh.process_multi_index on @m axes = [2] : index
  return %0 : index
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @negative_axis(%t: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{0-based mesh axis index -1 is out of bounds. The referenced mesh "m" is of rank 2.}}
  %0 = mesh.all_reduce %t on @m mesh_axes = [-1] : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @multi_index_results() -> index {
  // expected-error@+1 {{Unexpected number of results 1. Expected 2.}}
  %0 = mesh.process_multi_index on @m : index
  return %0 : index
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @shard_negative_axis(%t: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{mesh axis is expected to be non-negative}}
  %0 = mesh.shard %t to <@m, [[-1]]> : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @shard_duplicate_axis(%t: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error@+1 {{mesh axis duplicated}}
  %0 = mesh.shard %t to <@m, [[0], [0]]> : tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @shard_type_mismatch(%t: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'mesh.shard' op requires the same type for all operands and results}}
  %0 = "mesh.shard"(%t) <{shard = #mesh.shard<@m, [[0]]>}> : (tensor<4xf32>) -> tensor<8xf32>
  return %t : tensor<4xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @all_reduce_shape(%t: tensor<4xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'mesh.all_reduce' op requires the same shape for all operands and results}}
  %0 = mesh.all_reduce %t on @m mesh_axes = [1] : tensor<4xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @gather_rank_zero(%t: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{'mesh.all_gather' op operand #0 must be non-0-ranked.tensor of any type values, but got 'tensor<f32>'}}
  %0 = mesh.all_gather %t on @m mesh_axes = [1] gather_axis = 0 : tensor<f32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @gather_element_type(%t: tensor<4xf32>) -> tensor<16xf16> {
  // expected-error@+1 {{'mesh.all_gather' op requires the same element type for all operands and results}}
  %0 = mesh.all_gather %t on @m mesh_axes = [1] gather_axis = 0 : tensor<4xf32> -> tensor<16xf16>
  return %0 : tensor<16xf16>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @gather_rank(%t: tensor<4xf32>) -> tensor<16x1xf32> {
  // expected-error@+1 {{'mesh.all_gather' op result type has different rank than operands}}
  %0 = mesh.all_gather %t on @m mesh_axes = [1] gather_axis = 0 : tensor<4xf32> -> tensor<16x1xf32>
  return %0 : tensor<16x1xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @gather_axis_out_of_range(%t: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{Gather axis 1 is out of bounds [0, 1).}}
  %0 = mesh.all_gather %t on @m mesh_axes = [1] gather_axis = 1 : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @gather_result_size(%t: tensor<4x2xf32>) -> tensor<4x4xf32> {
  // expected-error@+1 {{Dimension size mismatch for result axis 1. Expected 8, but got 4.}}
  %0 = mesh.all_gather %t on @m mesh_axes = [1] gather_axis = 1 : tensor<4x2xf32> -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

mesh.mesh @m(shape = 2x?)
func.func @gather_dynamic_group(%t: tensor<4x2xf32>) -> tensor<4x4xf32> {
  // expected-error@+1 {{Dimension size mismatch for result axis 1. Expected dynamic, but got 4.}}
  %0 = mesh.all_gather %t on @m mesh_axes = [1] gather_axis = 1 : tensor<4x2xf32> -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @slice_not_divisible(%t: tensor<6xf32>) -> tensor<1xf32> {
  // expected-error@+1 {{Operand dimension size 6 is not divisible by collective device group size 4 for tensor axis 0.}}
  %0 = mesh.all_slice %t on @m mesh_axes = [1] slice_axis = 0 : tensor<6xf32> -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @slice_result_size(%t: tensor<8xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{Dimension size mismatch for result axis 0. Expected 2, but got 4.}}
  %0 = mesh.all_slice %t on @m mesh_axes = [1] slice_axis = 0 : tensor<8xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @all_to_all_concat(%t: tensor<8x2xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{Dimension size mismatch for result axis 1. Expected 8, but got 2.}}
  %0 = mesh.all_to_all %t on @m mesh_axes = [1] split_axis = 0 concat_axis = 1 : tensor<8x2xf32> -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @broadcast_shape(%t: tensor<4xf32>) -> tensor<8xf32> {
  // expected-error@+1 {{'mesh.broadcast' op failed to verify that all of {input, result} have same shape}}
  %0 = mesh.broadcast %t on @m mesh_axes = [0] root = [0] : (tensor<4xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @send_element_type(%t: tensor<4xf32>) -> tensor<4xi32> {
  // expected-error@+1 {{'mesh.send' op failed to verify that all of {input, result} have same element type}}
  %0 = mesh.send %t on @m mesh_axes = [0] destination = [0] : (tensor<4xf32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @scatter_rank(%t: tensor<4xf32>) -> tensor<2x1xf32> {
  // expected-error@+1 {{'mesh.scatter' op failed to verify that all of {input, result} have same rank}}
  %0 = mesh.scatter %t on @m mesh_axes = [0] scatter_axis = 0 root = [0] : (tensor<4xf32>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @root_size(%t: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{In-group device "root" has unexpected multi-index size 2. Expected 1.}}
  %0 = mesh.reduce %t on @m mesh_axes = [1] root = [0, 0] : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @source_out_of_bounds(%t: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{Out of bounds coordinate 0 for in-group device "source". Got 4, but expected value in the range [0, 3].}}
  %0 = mesh.recv %t on @m mesh_axes = [1] source = [4] : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @shift_axis(%t: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{Invalid shift axis 0. It must be one of the grouping mesh axes.}}
  %0 = mesh.shift %t on @m mesh_axes = [1] shift_axis = 0 offset = 1 : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

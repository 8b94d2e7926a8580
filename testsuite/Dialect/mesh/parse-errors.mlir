// RUN: not gvm-opt %s -split-input-file 2>&1 | FileCheck %s

// Malformed mesh syntax: the first error of each chunk, as mlir-opt 19 reports it (it adds a
// second, more general error after each of these, which gvm-opt leaves out).

// CHECK: parse-errors.mlir:1 offset :7:22: error: {{.*}}Failed parsing dimension list. Did you mean an empty list? It must be denoted by "[]".
mesh.mesh @m(shape = )

// -----

mesh.mesh @m(shape = 2x4)
func.func @shard_no_split_axes(%t: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: parse-errors.mlir:9 offset :6:31: error: expected '['{{$}}
  %0 = mesh.shard %t to <@m, []> : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @unknown_reduction(%t: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: parse-errors.mlir:18 offset :6:62: error: {{.*}}expected ::mlir::mesh::ReductionKind to be one of: sum, max, min, product, average, bitwise_and, bitwise_or, bitwise_xor, generic
  %0 = mesh.all_reduce %t on @m mesh_axes = [1] reduction = <mean> : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
func.func @empty_partial_axes(%t: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: parse-errors.mlir:27 offset :6:51: error: {{.*}}expected integer value
  %0 = mesh.shard %t to <@m, [[0]], partial = sum[]> : tensor<4xf32>
  return %0 : tensor<4xf32>
}

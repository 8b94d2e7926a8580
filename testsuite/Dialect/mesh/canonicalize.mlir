// RUN: gvm-opt %s --canonicalize | FileCheck %s

// EmptyMeshAxesCanonicalizationPattern: a collective over no mesh axes is its input, for every
// collective that has the pattern in LLVM 19, unless it changes the type (the f64 all_reduce stays).
// The CHECK lines are mlir-opt-19's output.

mesh.mesh @m(shape = 2x4)
func.func @empty_mesh_axes(%a: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf64>) {
  %0 = mesh.all_gather %a on @m gather_axis = 0 : tensor<4x8xf32> -> tensor<4x8xf32>
  %1 = mesh.all_reduce %a on @m : tensor<4x8xf32> -> tensor<4x8xf32>
  %2 = mesh.all_slice %a on @m slice_axis = 0 : tensor<4x8xf32> -> tensor<4x8xf32>
  %3 = mesh.all_to_all %a on @m split_axis = 0 concat_axis = 1 : tensor<4x8xf32> -> tensor<4x8xf32>
  %4 = mesh.broadcast %a on @m root = [] : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %5 = mesh.gather %a on @m gather_axis = 0 root = [] : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %6 = mesh.recv %a on @m : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %7 = mesh.reduce %a on @m root = [] : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %8 = mesh.reduce_scatter %a on @m scatter_axis = 0 : tensor<4x8xf32> -> tensor<4x8xf32>
  %9 = mesh.scatter %a on @m scatter_axis = 0 root = [] : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %10 = mesh.send %a on @m destination = [] : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %11 = mesh.all_reduce %a on @m : tensor<4x8xf32> -> tensor<4x8xf64>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11 : tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf64>
}

// CHECK: module {
// CHECK-NEXT: mesh.mesh @m(shape = 2x4)
// CHECK-NEXT: func.func @empty_mesh_axes(%arg0: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf64>) {
// CHECK-NEXT: %all_reduce = mesh.all_reduce %arg0 on @m : tensor<4x8xf32> -> tensor<4x8xf64>
// CHECK-NEXT: return %arg0, %arg0, %arg0, %arg0, %arg0, %arg0, %arg0, %arg0, %arg0, %arg0, %arg0, %all_reduce : tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf64>
// CHECK-NEXT: }
// CHECK-NEXT: }

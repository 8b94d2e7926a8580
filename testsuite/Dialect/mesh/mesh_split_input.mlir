// REQUIRES: mesh-dialect
// RUN: gvm-opt %s --split-input-file | FileCheck %s

// Each chunk between separator lines (two slashes, a space, five dashes) is
// parsed and printed on its own, and the printed chunks are joined by the same
// separator. The separator is recognised anywhere in a line, so this file
// never spells it out except on the real split line; the CHECK line for it
// uses a regex block. Numeric FileCheck variables relate shapes: all_gather
// over a 2-device mesh axis doubles the gathered dimension.

// CHECK-LABEL: mesh.mesh @row(shape = 2)
mesh.mesh @row(shape = 2)
func.func @gather(%arg0: tensor<4x16xf32>) -> tensor<8x16xf32> {
  // CHECK: mesh.all_gather %{{.*}} on @row mesh_axes = [0] gather_axis = 0 : tensor<[[#N:]]x16xf32>
  // CHECK-SAME: -> tensor<[[#mul(N,2)]]x16xf32>
  %0 = mesh.all_gather %arg0 on @row mesh_axes = [0] gather_axis = 0 : tensor<4x16xf32> -> tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// -----

// CHECK: {{^}}// {{-----}}{{$}}
// CHECK-LABEL: mesh.mesh @grid(shape = 2x4)
mesh.mesh @grid(shape = 2x4)
func.func @indices() -> (index, index) {
  // CHECK: %{{.*}}:2 = mesh.process_multi_index on @grid : index, index
  %idx:2 = mesh.process_multi_index on @grid : index, index
  // CHECK: %[[SHAPE:.*]]:2 = mesh.mesh_shape @grid : index, index
  %s:2 = mesh.mesh_shape @grid : index, index
  // CHECK: return %[[SHAPE]]#0, %[[SHAPE]]#1 : index, index
  return %s#0, %s#1 : index, index
}

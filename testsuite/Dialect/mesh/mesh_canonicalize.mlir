// REQUIRES: mesh-dialect
// RUN: gvm-opt %s --canonicalize | FileCheck %s --implicit-check-not=mesh.all_gather

// Collectives over an empty list of mesh axes fold away; the others stay.
// --implicit-check-not makes sure no all_gather survives anywhere.

mesh.mesh @mesh0(shape = 2x4)

// CHECK-LABEL: func.func @empty_axes_fold
// CHECK-SAME: (%[[ARG:.*]]: tensor<4xf32>)
func.func @empty_axes_fold(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK-NOT: mesh.all_reduce
  %0 = mesh.all_reduce %arg0 on @mesh0 mesh_axes = [] : tensor<4xf32> -> tensor<4xf32>
  %1 = mesh.all_gather %0 on @mesh0 mesh_axes = [] gather_axis = 0 : tensor<4xf32> -> tensor<4xf32>
  // CHECK: return %[[ARG]] : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// CHECK-LABEL: func.func @keep_nonempty
func.func @keep_nonempty(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: %[[R:.*]] = mesh.all_reduce %{{.*}} on @mesh0 mesh_axes = [1] : tensor<4xf32> -> tensor<4xf32>
  %0 = mesh.all_reduce %arg0 on @mesh0 mesh_axes = [1] : tensor<4xf32> -> tensor<4xf32>
  // CHECK-NEXT: return %[[R]]
  return %0 : tensor<4xf32>
}

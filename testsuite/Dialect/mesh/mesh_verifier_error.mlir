// REQUIRES: mesh-dialect
// RUN: not gvm-opt %s 2>&1 | FileCheck %s

// An invalid mesh axis is rejected by the verifier: the tool must exit with a
// non-zero status (hence "not") and report the error at the op's location.
// [[@LINE+N]] computes the expected line number from this file.

mesh.mesh @mesh0(shape = 2x4)

func.func @bad_axis(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: mesh_verifier_error.mlir:[[@LINE+1]]:8: error: {{.*}}mesh axis index 2 is out of bounds
  %0 = mesh.all_reduce %arg0 on @mesh0 mesh_axes = [2] : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

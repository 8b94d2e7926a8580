// REQUIRES: mesh-dialect
// RUN: gvm-opt %s | FileCheck %s --check-prefixes=CHECK,NOCSE
// RUN: gvm-opt %s --cse | FileCheck %s --check-prefixes=CHECK,CSE

// One test file, two pipelines: CHECK lines apply to both runs, NOCSE/CSE
// lines only to the run that names that prefix.

mesh.mesh @mesh0(shape = 2x4)

// CHECK-LABEL: func.func @dup_reduce
func.func @dup_reduce(%arg0: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  // CHECK: %[[R0:.*]] = mesh.all_reduce %arg0 on @mesh0 mesh_axes = [1] : tensor<8xf32> -> tensor<8xf32>
  %0 = mesh.all_reduce %arg0 on @mesh0 mesh_axes = [1] : tensor<8xf32> -> tensor<8xf32>
  // NOCSE-NEXT: %[[R1:.*]] = mesh.all_reduce %arg0 on @mesh0 mesh_axes = [1]
  // CSE-NOT: mesh.all_reduce
  %1 = mesh.all_reduce %arg0 on @mesh0 mesh_axes = [1] : tensor<8xf32> -> tensor<8xf32>
  // NOCSE-NEXT: return %[[R0]], %[[R1]] : tensor<8xf32>, tensor<8xf32>
  // CSE: return %[[R0]], %[[R0]] : tensor<8xf32>, tensor<8xf32>
  return %0, %1 : tensor<8xf32>, tensor<8xf32>
}

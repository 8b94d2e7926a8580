// RUN: gvm-opt %s | FileCheck %s
// RUN: gvm-opt %s -mlir-print-op-generic | gvm-opt | FileCheck %s

// CHECK-LABEL: cuda.kernel @add_64 kind("add") group("model.layers.0") source("extern \22C\22 __global__ void add_64(float* y, const float* a, const float* b, int rows, const int* state, int imm) { }")
cuda.kernel @add_64 kind("add") group("model.layers.0") source("extern \22C\22 __global__ void add_64(float* y, const float* a, const float* b, int rows, const int* state, int imm) { }")

// CHECK-LABEL: func.func @launch
// CHECK: %[[Y:.*]] = cuda.launch @add_64(%arg0, %arg1) grid [1, 1, 1] block [256] rows_per_block 1 : (tensor<?x64xf32>, tensor<?x64xf32>) -> tensor<?x64xf32>
// CHECK: cuda.launch @add_64(%[[Y]], %arg1) grid [2, 1, 1] block [64] smem 1024 imm 3 : (tensor<?x64xf32>, tensor<?x64xf32>) -> tensor<?x64xf32>
func.func @launch(%a: tensor<?x64xf32>, %b: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %y = cuda.launch @add_64(%a, %b) grid [1, 1, 1] block [256] rows_per_block 1 : (tensor<?x64xf32>, tensor<?x64xf32>) -> tensor<?x64xf32>
  %z = cuda.launch @add_64(%y, %b) grid [2, 1, 1] block [64] smem 1024 imm 3 : (tensor<?x64xf32>, tensor<?x64xf32>) -> tensor<?x64xf32>
  return %z : tensor<?x64xf32>
}

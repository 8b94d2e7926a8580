// RUN: gvm-opt %s -split-input-file -verify-diagnostics

// expected-error@+1 {{'cuda.kernel' op source does not define the kernel 'k'}}
cuda.kernel @k kind("add") group("g") source("extern \22C\22 __global__ void other(int rows) { }")

// -----

func.func @no_kernel(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'cuda.launch' op '@missing' does not reference a cuda.kernel}}
  %y = cuda.launch @missing(%a) grid [1, 1, 1] block [32] : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

cuda.kernel @k kind("add") group("g") source("extern \22C\22 __global__ void k(int rows) { }")
func.func @grid(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'cuda.launch' op requires a grid of 3 extents}}
  %y = cuda.launch @k(%a) grid [1, 1] block [32] : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

cuda.kernel @k kind("add") group("g") source("extern \22C\22 __global__ void k(int rows) { }")
func.func @threads(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'cuda.launch' op requires 1 to 1024 threads per block, got 2048}}
  %y = cuda.launch @k(%a) grid [1, 1, 1] block [2048] : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

cuda.kernel @k kind("add") group("g") source("extern \22C\22 __global__ void k(int rows) { }")
func.func @positive(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'cuda.launch' op requires positive grid extents}}
  %y = cuda.launch @k(%a) grid [0, 1, 1] block [32] : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// RUN: gvm-opt %s --gptvm-fuse-parallel-linears --split-input-file | FileCheck %s

// Linears sharing an input, with parameter weights (and biases), become one linear over joined
// parameters and a split; a weight that is not a parameter, another input or a missing bias keeps
// a linear apart.

// CHECK-LABEL: func.func @biased
// CHECK-DAG: %[[WA:.*]] = gptvm.param "a.weight"
// CHECK-DAG: %[[WB:.*]] = gptvm.param "b.weight"
// CHECK-DAG: %[[BA:.*]] = gptvm.param "a.bias"
// CHECK-DAG: %[[BB:.*]] = gptvm.param "b.bias"
// CHECK: %[[W:.*]] = gptvm.concat_params %[[WA]], %[[WB]] : tensor<4x8xf32>, tensor<6x8xf32> -> tensor<10x8xf32>
// CHECK-NEXT: %[[B:.*]] = gptvm.concat_params %[[BA]], %[[BB]] : tensor<4xf32>, tensor<6xf32> -> tensor<10xf32>
// CHECK-NEXT: %[[L:.*]] = gptvm.linear %arg0, %[[W]], %[[B]] : (tensor<?x8xf32>, tensor<10x8xf32>, tensor<10xf32>) -> tensor<?x10xf32>
// CHECK-NEXT: %[[S:.*]]:2 = gptvm.split %[[L]] axis(1) : tensor<?x10xf32> -> tensor<?x4xf32>, tensor<?x6xf32>
// CHECK-NOT: gptvm.linear
// CHECK: return %[[S]]#0, %[[S]]#1
func.func @biased(%x: tensor<?x8xf32>) -> (tensor<?x4xf32>, tensor<?x6xf32>) {
  %wa = gptvm.param "a.weight" : tensor<4x8xf32>
  %ba = gptvm.param "a.bias" : tensor<4xf32>
  %a = gptvm.linear %x, %wa, %ba : (tensor<?x8xf32>, tensor<4x8xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  // defined after the first linear: hoisted above the combined one
  %wb = gptvm.param "b.weight" : tensor<6x8xf32>
  %bb = gptvm.param "b.bias" : tensor<6xf32>
  %b = gptvm.linear %x, %wb, %bb : (tensor<?x8xf32>, tensor<6x8xf32>, tensor<6xf32>) -> tensor<?x6xf32>
  return %a, %b : tensor<?x4xf32>, tensor<?x6xf32>
}

// -----

// CHECK-LABEL: func.func @not_combined
// CHECK-NOT: gptvm.concat_params
// CHECK: return
func.func @not_combined(%x: tensor<2x8xf32>, %y: tensor<2x8xf32>, %w: tensor<4x8xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>) {
  %p = gptvm.param "p" : tensor<4x8xf32>
  %q = gptvm.param "q" : tensor<4x8xf32>
  %bias = gptvm.param "bias" : tensor<4xf32>
  // a weight that is not a parameter
  %0 = gptvm.linear %x, %w : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  // another input
  %1 = gptvm.linear %y, %p : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  // with and without a bias
  %2 = gptvm.linear %x, %q : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %3 = gptvm.linear %x, %p, %bias : (tensor<2x8xf32>, tensor<4x8xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %0, %1, %2, %3 : tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>
}

// RUN: gvm-opt %s -split-input-file -verify-diagnostics

// The linalg verifier messages gvm implements, worded as mlir-opt 19 words them.

func.func @a(%a: tensor<4x8xf32>, %b: tensor<4x16xf32>, %c: tensor<4x16xf32>) {
  // expected-error@+1 {{'linalg.matmul' op inferred input/output operand #1 has shape's dimension #0 to be 8, but found 4}}
  %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  return
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @a(%a: tensor<4x8xf32>) {
  // expected-error@+1 {{'linalg.generic' op expected the number of indexing_map (1) to be equal to the number of input/output operands (2)}}
  %0 = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4x8xf32>) outs(%a : tensor<4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x8xf32>
  return
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @a(%a: tensor<4x8xf32>) {
  // expected-error@+1 {{'linalg.generic' op expected as many non-induction variable region arguments as the number of input/output operands}}
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4x8xf32>) outs(%a : tensor<4x8xf32>) {
  ^bb0(%in: f32):
    linalg.yield %in : f32
  } -> tensor<4x8xf32>
  return
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @a(%a: tensor<4x8xf32>) {
  // expected-error@+1 {{'linalg.generic' op expected indexing_map #0 to have 1 dim(s) to match the number of loops}}
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : tensor<4x8xf32>) outs(%a : tensor<4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x8xf32>
  return
}

// -----

func.func @a(%a: tensor<4x8xf32>, %v: tensor<4xf32>) {
  // expected-error@+1 {{'linalg.reduce' op init dimensions [4] doesn't match input dimensions after reduction [8]}}
  %0 = linalg.reduce { arith.addf } ins(%a : tensor<4x8xf32>) outs(%v : tensor<4xf32>) dimensions = [0]
  return
}

// -----

func.func @a(%a: tensor<4x8xf32>, %v: tensor<4x8xf32>) {
  // expected-error@+1 {{'linalg.transpose' op dim(result, 0) = 4 doesn't match dim(input, permutation[0]) = 8}}
  %0 = linalg.transpose ins(%a : tensor<4x8xf32>) outs(%v : tensor<4x8xf32>) permutation = [1, 0]
  return
}

// -----

func.func @a(%a: tensor<4x8xf32>, %v: tensor<4x8xf32>) {
  // expected-error@+1 {{'linalg.transpose' op size of permutation 1 does not match the argument rank 2}}
  %0 = linalg.transpose ins(%a : tensor<4x8xf32>) outs(%v : tensor<4x8xf32>) permutation = [0]
  return
}

// -----

func.func @a(%a: tensor<4xf32>, %v: tensor<4x8xf32>) {
  // expected-error@+1 {{'linalg.broadcast' op input dim 0 should match init dim 1. input: 4, init: 8}}
  %0 = linalg.broadcast ins(%a : tensor<4xf32>) outs(%v : tensor<4x8xf32>) dimensions = [0]
  return
}

// -----

func.func @a(%a: tensor<4x8xf32>, %v: tensor<4x4xf32>) {
  // expected-error@+1 {{'linalg.map' op expected shape of input (4, 8) to match shape of output (4, 4)}}
  %0 = linalg.map { arith.negf } ins(%a : tensor<4x8xf32>) outs(%v : tensor<4x4xf32>)
  return
}

// -----

func.func @a(%a: tensor<4x8xf32>, %v: tensor<4x4xf32>) {
  // expected-error@+1 {{'linalg.add' op inferred input/output operand #2 has shape's dimension #1 to be 8, but found 4}}
  %0 = linalg.add ins(%a, %a : tensor<4x8xf32>, tensor<4x8xf32>) outs(%v : tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

// DestinationStyleOpInterface's check comes before the structured op's shape checks.
func.func @dps_result_type(%a: tensor<8x4xf32>, %init: tensor<2x4xf32>) -> tensor<8x4xf32> {
  // expected-error @+1 {{'linalg.add' op expected type of operand #2 ('tensor<2x4xf32>') to match type of corresponding result ('tensor<8x4xf32>')}}
  %0 = linalg.add ins(%a, %a : tensor<8x4xf32>, tensor<8x4xf32>) outs(%init : tensor<2x4xf32>) -> tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}

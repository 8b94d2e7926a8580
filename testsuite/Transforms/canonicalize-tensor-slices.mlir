// RUN: gvm-opt %s --canonicalize | FileCheck %s

// Slice and reshape folders of the tensor dialect: extract_slice of a splat or of the whole
// tensor, insert_slice over the whole destination or of the slice just extracted, expand/collapse
// round trips and reshaped constants.
// CHECK lines: what mlir-opt-19 --canonicalize prints for this file.

// CHECK-LABEL: func.func @extract_splat() -> tensor<8x16xf32> {
// CHECK-NEXT: %cst = arith.constant dense<1.000000e+00> : tensor<8x16xf32>
// CHECK-NEXT: return %cst : tensor<8x16xf32>
// CHECK-NEXT: }
func.func @extract_splat() -> tensor<8x16xf32> {
  %c = arith.constant dense<1.0> : tensor<32x32xf32>
  %e = tensor.extract_slice %c[16, 0] [8, 16] [1, 1] : tensor<32x32xf32> to tensor<8x16xf32>
  return %e : tensor<8x16xf32>
}
// CHECK-LABEL: func.func @extract_whole(%arg0: tensor<4x4xf32>) -> tensor<4x4xf32> {
// CHECK-NEXT: return %arg0 : tensor<4x4xf32>
// CHECK-NEXT: }
func.func @extract_whole(%t: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %e = tensor.extract_slice %t[0, 0] [4, 4] [1, 1] : tensor<4x4xf32> to tensor<4x4xf32>
  return %e : tensor<4x4xf32>
}
// CHECK-LABEL: func.func @insert_whole(%arg0: tensor<4x4xf32>, %arg1: tensor<4x4xf32>) -> tensor<4x4xf32> {
// CHECK-NEXT: return %arg0 : tensor<4x4xf32>
// CHECK-NEXT: }
func.func @insert_whole(%s: tensor<4x4xf32>, %d: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %i = tensor.insert_slice %s into %d[0, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<4x4xf32>
  return %i : tensor<4x4xf32>
}
// CHECK-LABEL: func.func @insert_extracted(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
// CHECK-NEXT: return %arg0 : tensor<8x8xf32>
// CHECK-NEXT: }
func.func @insert_extracted(%d: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %e = tensor.extract_slice %d[2, 0] [2, 8] [1, 1] : tensor<8x8xf32> to tensor<2x8xf32>
  %i = tensor.insert_slice %e into %d[2, 0] [2, 8] [1, 1] : tensor<2x8xf32> into tensor<8x8xf32>
  return %i : tensor<8x8xf32>
}
// CHECK-LABEL: func.func @reshape_roundtrip(%arg0: tensor<8x16xf32>) -> tensor<8x16xf32> {
// CHECK-NEXT: return %arg0 : tensor<8x16xf32>
// CHECK-NEXT: }
func.func @reshape_roundtrip(%t: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %e = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 4, 16] : tensor<8x16xf32> into tensor<2x4x16xf32>
  %c = tensor.collapse_shape %e [[0, 1], [2]] : tensor<2x4x16xf32> into tensor<8x16xf32>
  return %c : tensor<8x16xf32>
}
// CHECK-LABEL: func.func @reshape_const() -> tensor<4xi32> {
// CHECK-NEXT: %cst = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
// CHECK-NEXT: return %cst : tensor<4xi32>
// CHECK-NEXT: }
func.func @reshape_const() -> tensor<4xi32> {
  %c = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %r = tensor.collapse_shape %c [[0, 1]] : tensor<2x2xi32> into tensor<4xi32>
  return %r : tensor<4xi32>
}

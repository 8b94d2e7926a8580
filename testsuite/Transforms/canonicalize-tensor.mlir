// RUN: gvm-opt %s --canonicalize | FileCheck %s

// Folders of the tensor dialect: dim of static and empty tensors, extract of constants and
// from_elements, from_elements and splat of constants, cast chains, dead pure ops.
// CHECK lines: what mlir-opt-19 --canonicalize prints for this file.

// CHECK-LABEL: func.func @dim_static(%arg0: tensor<4x?xf32>) -> index {
// CHECK-NEXT: %c4 = arith.constant 4 : index
// CHECK-NEXT: return %c4 : index
// CHECK-NEXT: }
func.func @dim_static(%t: tensor<4x?xf32>) -> index {
  %c0 = arith.constant 0 : index
  %d = tensor.dim %t, %c0 : tensor<4x?xf32>
  return %d : index
}
// CHECK-LABEL: func.func @dim_empty(%arg0: index) -> index {
// CHECK-NEXT: return %arg0 : index
// CHECK-NEXT: }
func.func @dim_empty(%n: index) -> index {
  %c1 = arith.constant 1 : index
  %e = tensor.empty(%n) : tensor<4x?xf32>
  %d = tensor.dim %e, %c1 : tensor<4x?xf32>
  return %d : index
}
// CHECK-LABEL: func.func @extract_splat() -> f32 {
// CHECK-NEXT: %cst = arith.constant 2.000000e+00 : f32
// CHECK-NEXT: return %cst : f32
// CHECK-NEXT: }
func.func @extract_splat() -> f32 {
  %c = arith.constant dense<2.0> : tensor<4xf32>
  %i = arith.constant 2 : index
  %e = tensor.extract %c[%i] : tensor<4xf32>
  return %e : f32
}
// CHECK-LABEL: func.func @extract_dense() -> i32 {
// CHECK-NEXT: %c3_i32 = arith.constant 3 : i32
// CHECK-NEXT: return %c3_i32 : i32
// CHECK-NEXT: }
func.func @extract_dense() -> i32 {
  %c = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %i = arith.constant 1 : index
  %j = arith.constant 0 : index
  %e = tensor.extract %c[%i, %j] : tensor<2x2xi32>
  return %e : i32
}
// CHECK-LABEL: func.func @extract_from_elements(%arg0: i32, %arg1: i32) -> i32 {
// CHECK-NEXT: return %arg1 : i32
// CHECK-NEXT: }
func.func @extract_from_elements(%a: i32, %b: i32) -> i32 {
  %t = tensor.from_elements %a, %b : tensor<2xi32>
  %i = arith.constant 1 : index
  %e = tensor.extract %t[%i] : tensor<2xi32>
  return %e : i32
}
// CHECK-LABEL: func.func @from_elements_const() -> tensor<2xi32> {
// CHECK-NEXT: %cst = arith.constant dense<[1, 2]> : tensor<2xi32>
// CHECK-NEXT: return %cst : tensor<2xi32>
// CHECK-NEXT: }
func.func @from_elements_const() -> tensor<2xi32> {
  %a = arith.constant 1 : i32
  %b = arith.constant 2 : i32
  %t = tensor.from_elements %a, %b : tensor<2xi32>
  return %t : tensor<2xi32>
}
// CHECK-LABEL: func.func @cast_same(%arg0: tensor<4xf32>) -> tensor<4xf32> {
// CHECK-NEXT: return %arg0 : tensor<4xf32>
// CHECK-NEXT: }
func.func @cast_same(%t: tensor<4xf32>) -> tensor<4xf32> {
  %c = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
  %d = tensor.cast %c : tensor<?xf32> to tensor<4xf32>
  return %d : tensor<4xf32>
}
// CHECK-LABEL: func.func @splat() -> tensor<3xf32> {
// CHECK-NEXT: %cst = arith.constant dense<1.500000e+00> : tensor<3xf32>
// CHECK-NEXT: return %cst : tensor<3xf32>
// CHECK-NEXT: }
func.func @splat() -> tensor<3xf32> {
  %c = arith.constant 1.5 : f32
  %s = tensor.splat %c : tensor<3xf32>
  return %s : tensor<3xf32>
}
// CHECK-LABEL: func.func @dead(%arg0: tensor<4xf32>) {
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @dead(%t: tensor<4xf32>) {
  %e = tensor.empty() : tensor<4xf32>
  %c0 = arith.constant 0 : index
  %d = tensor.dim %t, %c0 : tensor<4xf32>
  return
}

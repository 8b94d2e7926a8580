// RUN: gvm-opt %s --canonicalize | FileCheck %s

// scf canonicalization: scf.if on a constant condition (inlined or erased) and scf.for
// iter_args that are yielded unchanged (dropped, results replaced by the init values).
// CHECK lines: what mlir-opt-19 --canonicalize prints for this file.

// CHECK-LABEL: func.func private @effect(index) -> index
func.func private @effect(%x: index) -> index
// CHECK-LABEL: func.func @if_true(%arg0: index) -> index {
// CHECK-NEXT: %0 = call @effect(%arg0) : (index) -> index
// CHECK-NEXT: return %0 : index
// CHECK-NEXT: }
func.func @if_true(%a: index) -> index {
  %t = arith.constant true
  %r = scf.if %t -> index {
    %x = func.call @effect(%a) : (index) -> index
    scf.yield %x : index
  } else {
    scf.yield %a : index
  }
  return %r : index
}
// CHECK-LABEL: func.func @if_false_no_else(%arg0: index) {
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @if_false_no_else(%a: index) {
  %f = arith.constant false
  scf.if %f {
    %x = func.call @effect(%a) : (index) -> index
  }
  return
}
// CHECK-LABEL: func.func @for_forwarded(%arg0: index, %arg1: tensor<4xf32>) -> (tensor<4xf32>, index) {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c8 = arith.constant 8 : index
// CHECK-NEXT: %0 = scf.for %arg2 = %c0 to %c8 step %c1 iter_args(%arg3 = %arg0) -> (index) {
// CHECK-NEXT: %1 = func.call @effect(%arg3) : (index) -> index
// CHECK-NEXT: scf.yield %1 : index
// CHECK-NEXT: }
// CHECK-NEXT: return %arg1, %0 : tensor<4xf32>, index
// CHECK-NEXT: }
func.func @for_forwarded(%a: index, %t: tensor<4xf32>) -> (tensor<4xf32>, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %r:2 = scf.for %i = %c0 to %c8 step %c1 iter_args(%x = %t, %s = %a) -> (tensor<4xf32>, index) {
    %n = func.call @effect(%s) : (index) -> index
    scf.yield %x, %n : tensor<4xf32>, index
  }
  return %r#0, %r#1 : tensor<4xf32>, index
}

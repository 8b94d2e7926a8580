// RUN: gvm-opt %s --inline | FileCheck %s

// Inlining func.call: single- and multi-block callees, the default canonicalize pipeline,
// dead private callees erased, recursive callees kept.
// CHECK lines: what mlir-opt-19 --inline prints for this file.

// CHECK-NOT: @add1(
func.func private @add1(%x: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %r = arith.addi %x, %c1 : i32
  return %r : i32
}
// CHECK-LABEL: func.func @pub(%arg0: i32) -> i32 {
// CHECK-NEXT: %c2_i32 = arith.constant 2 : i32
// CHECK-NEXT: %0 = arith.muli %arg0, %c2_i32 : i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
func.func @pub(%x: i32) -> i32 {
  %c2 = arith.constant 2 : i32
  %r = arith.muli %x, %c2 : i32
  return %r : i32
}
// CHECK-LABEL: func.func @caller(%arg0: i32) -> (i32, i32) {
// CHECK-NEXT: %c2_i32 = arith.constant 2 : i32
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: %0 = arith.addi %arg0, %c1_i32 : i32
// CHECK-NEXT: %1 = arith.muli %0, %c2_i32 : i32
// CHECK-NEXT: return %0, %1 : i32, i32
// CHECK-NEXT: }
func.func @caller(%a: i32) -> (i32, i32) {
  %c0 = arith.constant 0 : i32
  %z = arith.addi %a, %c0 : i32
  %b = func.call @add1(%z) : (i32) -> i32
  %c = call @pub(%b) : (i32) -> i32
  return %b, %c : i32, i32
}
// CHECK-NOT: @multi(
func.func private @multi(%c: i1, %x: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  return %x : i32
^bb2:
  %y = arith.addi %x, %x : i32
  return %y : i32
}
// CHECK-LABEL: func.func @call_multi(%arg0: i1, %arg1: i32) -> i32 {
// CHECK-NEXT: cf.cond_br %arg0, ^bb2(%arg1 : i32), ^bb1
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %0 = arith.addi %arg1, %arg1 : i32
// CHECK-NEXT: cf.br ^bb2(%0 : i32)
// CHECK-NEXT: ^bb2(%1: i32):  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: %2 = arith.addi %1, %1 : i32
// CHECK-NEXT: return %2 : i32
// CHECK-NEXT: }
func.func @call_multi(%c: i1, %x: i32) -> i32 {
  %r = call @multi(%c, %x) : (i1, i32) -> i32
  %s = arith.addi %r, %r : i32
  return %s : i32
}
// CHECK-LABEL: func.func private @rec(%arg0: i32) -> i32 {
// CHECK-NEXT: %0 = call @rec(%arg0) : (i32) -> i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
func.func private @rec(%x: i32) -> i32 {
  %r = call @rec(%x) : (i32) -> i32
  return %r : i32
}
// CHECK-LABEL: func.func @call_rec(%arg0: i32) -> i32 {
// CHECK-NEXT: %0 = call @rec(%arg0) : (i32) -> i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
func.func @call_rec(%x: i32) -> i32 {
  %r = call @rec(%x) : (i32) -> i32
  return %r : i32
}

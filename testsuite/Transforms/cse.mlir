// RUN: gvm-opt %s --cse | FileCheck %s

// Common subexpression elimination: commutative operands, constants, properties that differ,
// nested regions, dominance across blocks, side effects (calls stay), dead ops.
// CHECK lines: what mlir-opt-19 --cse prints for this file.

// CHECK-LABEL: func.func @simple(%arg0: i32, %arg1: i32) -> (i32, i32, i32) {
// CHECK-NEXT: %0 = arith.addi %arg0, %arg1 : i32
// CHECK-NEXT: return %0, %0, %0 : i32, i32, i32
// CHECK-NEXT: }
func.func @simple(%a: i32, %b: i32) -> (i32, i32, i32) {
  %0 = arith.addi %a, %b : i32
  %1 = arith.addi %a, %b : i32
  %2 = arith.addi %b, %a : i32
  return %0, %1, %2 : i32, i32, i32
}
// CHECK-LABEL: func.func @constants() -> (i32, i32, i64) {
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: %c1_i64 = arith.constant 1 : i64
// CHECK-NEXT: return %c1_i32, %c1_i32, %c1_i64 : i32, i32, i64
// CHECK-NEXT: }
func.func @constants() -> (i32, i32, i64) {
  %c1 = arith.constant 1 : i32
  %c1b = arith.constant 1 : i32
  %c1l = arith.constant 1 : i64
  return %c1, %c1b, %c1l : i32, i32, i64
}
// CHECK-LABEL: func.func @attrs_differ(%arg0: i32, %arg1: i32) -> (i1, i1, i32) {
// CHECK-NEXT: %0 = arith.cmpi slt, %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.cmpi sgt, %arg0, %arg1 : i32
// CHECK-NEXT: %2 = arith.addi %arg0, %arg1 overflow<nsw> : i32
// CHECK-NEXT: %3 = arith.addi %arg0, %arg1 : i32
// CHECK-NEXT: %4 = arith.addi %2, %3 : i32
// CHECK-NEXT: return %0, %1, %4 : i1, i1, i32
// CHECK-NEXT: }
func.func @attrs_differ(%a: i32, %b: i32) -> (i1, i1, i32) {
  %0 = arith.cmpi slt, %a, %b : i32
  %1 = arith.cmpi sgt, %a, %b : i32
  %2 = arith.addi %a, %b overflow<nsw> : i32
  %3 = arith.addi %a, %b : i32
  %4 = arith.addi %2, %3 : i32
  return %0, %1, %4 : i1, i1, i32
}
// CHECK-LABEL: func.func @nested(%arg0: i1, %arg1: index) -> index {
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %0 = arith.addi %arg1, %c1 : index
// CHECK-NEXT: %1 = scf.if %arg0 -> (index) {
// CHECK-NEXT: %5 = arith.muli %0, %c1 : index
// CHECK-NEXT: scf.yield %5 : index
// CHECK-NEXT: } else {
// CHECK-NEXT: %5 = arith.muli %arg1, %arg1 : index
// CHECK-NEXT: scf.yield %5 : index
// CHECK-NEXT: }
// CHECK-NEXT: %2 = arith.muli %arg1, %arg1 : index
// CHECK-NEXT: %3 = arith.addi %1, %2 : index
// CHECK-NEXT: %4 = arith.addi %3, %0 : index
// CHECK-NEXT: return %4 : index
// CHECK-NEXT: }
func.func @nested(%c: i1, %a: index) -> index {
  %c1 = arith.constant 1 : index
  %0 = arith.addi %a, %c1 : index
  %r = scf.if %c -> index {
    %1 = arith.addi %a, %c1 : index
    %c1_in = arith.constant 1 : index
    %2 = arith.muli %1, %c1_in : index
    scf.yield %2 : index
  } else {
    %3 = arith.muli %a, %a : index
    scf.yield %3 : index
  }
  %4 = arith.muli %a, %a : index
  %5 = arith.addi %r, %4 : index
  %6 = arith.addi %5, %0 : index
  return %6 : index
}
// CHECK-LABEL: func.func @dominance(%arg0: i1, %arg1: i32) -> i32 {
// CHECK-NEXT: cf.cond_br %arg0, ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: %0 = arith.muli %arg1, %arg1 : i32
// CHECK-NEXT: cf.br ^bb3(%0 : i32)
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: %1 = arith.muli %arg1, %arg1 : i32
// CHECK-NEXT: cf.br ^bb3(%1 : i32)
// CHECK-NEXT: ^bb3(%2: i32):  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT: %3 = arith.muli %arg1, %arg1 : i32
// CHECK-NEXT: %4 = arith.addi %2, %3 : i32
// CHECK-NEXT: return %4 : i32
// CHECK-NEXT: }
func.func @dominance(%c: i1, %a: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %0 = arith.muli %a, %a : i32
  cf.br ^bb3(%0 : i32)
^bb2:
  %1 = arith.muli %a, %a : i32
  cf.br ^bb3(%1 : i32)
^bb3(%x: i32):
  %2 = arith.muli %a, %a : i32
  %3 = arith.addi %x, %2 : i32
  return %3 : i32
}
// CHECK-LABEL: func.func @dominated_reuse(%arg0: i1, %arg1: i32) -> i32 {
// CHECK-NEXT: %0 = arith.muli %arg1, %arg1 : i32
// CHECK-NEXT: cf.cond_br %arg0, ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
func.func @dominated_reuse(%c: i1, %a: i32) -> i32 {
  %0 = arith.muli %a, %a : i32
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %1 = arith.muli %a, %a : i32
  return %1 : i32
^bb2:
  return %0 : i32
}
// CHECK-LABEL: func.func private @effect() -> i32
func.func private @effect() -> i32
// CHECK-LABEL: func.func @side_effects(%arg0: tensor<4xf32>) -> (i32, i32, index, index) {
// CHECK-NEXT: %0 = call @effect() : () -> i32
// CHECK-NEXT: %1 = call @effect() : () -> i32
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %dim = tensor.dim %arg0, %c0 : tensor<4xf32>
// CHECK-NEXT: return %0, %1, %dim, %dim : i32, i32, index, index
// CHECK-NEXT: }
func.func @side_effects(%t: tensor<4xf32>) -> (i32, i32, index, index) {
  %0 = func.call @effect() : () -> i32
  %1 = func.call @effect() : () -> i32
  %c0 = arith.constant 0 : index
  %d0 = tensor.dim %t, %c0 : tensor<4xf32>
  %d1 = tensor.dim %t, %c0 : tensor<4xf32>
  return %0, %1, %d0, %d1 : i32, i32, index, index
}
// CHECK-LABEL: func.func @dead(%arg0: i32) -> i32 {
// CHECK-NEXT: %0 = arith.addi %arg0, %arg0 : i32
// CHECK-NEXT: return %arg0 : i32
// CHECK-NEXT: }
func.func @dead(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.muli %0, %0 : i32
  return %a : i32
}
// CHECK-LABEL: func.func @isolated(%arg0: i32) -> i32 {
// CHECK-NEXT: %c5_i32 = arith.constant 5 : i32
// CHECK-NEXT: %0 = arith.addi %arg0, %c5_i32 : i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
func.func @isolated(%a: i32) -> i32 {
  %c5 = arith.constant 5 : i32
  %0 = arith.addi %a, %c5 : i32
  return %0 : i32
}

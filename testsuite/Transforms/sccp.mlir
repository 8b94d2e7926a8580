// RUN: gvm-opt %s --sccp | FileCheck %s

// Sparse conditional constant propagation: folding chains, a constant branch condition
// making a block dead, a loop-invariant block argument, scf.if joining its yields.
// CHECK lines: what mlir-opt-19 --sccp prints for this file.

// CHECK-LABEL: func.func @simple(%arg0: i32) -> i32 {
// CHECK-NEXT: %c3_i32 = arith.constant 3 : i32
// CHECK-NEXT: %c2_i32 = arith.constant 2 : i32
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: %0 = arith.muli %c3_i32, %arg0 : i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
func.func @simple(%x: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %a = arith.addi %c1, %c2 : i32
  %b = arith.muli %a, %x : i32
  return %b : i32
}
// CHECK-LABEL: func.func @branches(%arg0: i1) -> i32 {
// CHECK-NEXT: %c2_i32 = arith.constant 2 : i32
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: cf.cond_br %true, ^bb1(%c1_i32 : i32), ^bb2(%c1_i32 : i32)
// CHECK-NEXT: ^bb1(%0: i32):  // pred: ^bb0
// CHECK-NEXT: cf.br ^bb3(%c2_i32 : i32)
// CHECK-NEXT: ^bb2(%1: i32):  // pred: ^bb0
// CHECK-NEXT: %2 = arith.muli %1, %1 : i32
// CHECK-NEXT: cf.br ^bb3(%2 : i32)
// CHECK-NEXT: ^bb3(%3: i32):  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT: return %c2_i32 : i32
// CHECK-NEXT: }
func.func @branches(%c: i1) -> i32 {
  %c1 = arith.constant 1 : i32
  %t = arith.constant true
  cf.cond_br %t, ^bb1(%c1 : i32), ^bb2(%c1 : i32)
^bb1(%x: i32):
  %y = arith.addi %x, %x : i32
  cf.br ^bb3(%y : i32)
^bb2(%z: i32):
  %w = arith.muli %z, %z : i32
  cf.br ^bb3(%w : i32)
^bb3(%r: i32):
  return %r : i32
}
// CHECK-LABEL: func.func @loop(%arg0: i32) -> i32 {
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: cf.br ^bb1(%c1_i32 : i32)
// CHECK-NEXT: ^bb1(%0: i32):  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: %1 = arith.cmpi slt, %c1_i32, %arg0 : i32
// CHECK-NEXT: cf.cond_br %1, ^bb1(%c1_i32 : i32), ^bb2(%c1_i32 : i32)
// CHECK-NEXT: ^bb2(%2: i32):  // pred: ^bb1
// CHECK-NEXT: return %c1_i32 : i32
// CHECK-NEXT: }
func.func @loop(%n: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  cf.br ^bb1(%c1 : i32)
^bb1(%i: i32):
  %cond = arith.cmpi slt, %i, %n : i32
  %same = arith.muli %i, %c1 : i32
  cf.cond_br %cond, ^bb1(%same : i32), ^bb2(%i : i32)
^bb2(%r: i32):
  return %r : i32
}
// CHECK-LABEL: func.func @scf(%arg0: i1) -> i32 {
// CHECK-NEXT: %c2_i32 = arith.constant 2 : i32
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: return %c2_i32 : i32
// CHECK-NEXT: }
func.func @scf(%c: i1) -> i32 {
  %c1 = arith.constant 1 : i32
  %r = scf.if %c -> i32 {
    %a = arith.addi %c1, %c1 : i32
    scf.yield %a : i32
  } else {
    %b = arith.constant 2 : i32
    scf.yield %b : i32
  }
  return %r : i32
}

// RUN: gvm-opt %s | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s

// Round trip of every scf op, in custom and generic form. Implicit scf.yield
// terminators without operands are elided by the printer and re-inserted by
// the parser.

// CHECK-LABEL: func.func @for
func.func @for(%lb: index, %ub: index, %step: index, %init: f32, %n: i32) -> f32 {
  // CHECK-NEXT: scf.for %arg5 = %arg0 to %arg1 step %arg2 {
  // CHECK-NEXT:   %{{.*}} = arith.addi %arg5, %arg5 : index
  // CHECK-NEXT: }
  scf.for %i = %lb to %ub step %step {
    %twice = arith.addi %i, %i : index
  }
  // CHECK-NEXT: %0 = scf.for %arg5 = %arg0 to %arg1 step %arg2 iter_args(%arg6 = %arg3) -> (f32) {
  // CHECK-NEXT:   %2 = arith.addf %arg6, %arg6 : f32
  // CHECK-NEXT:   scf.yield %2 : f32
  // CHECK-NEXT: }
  %sum = scf.for %i = %lb to %ub step %step iter_args(%acc = %init) -> (f32) {
    %next = arith.addf %acc, %acc : f32
    scf.yield %next : f32
  }
  // CHECK-NEXT: %1:2 = scf.for %arg5 = %arg4 to %arg4 step %arg4 iter_args(%arg6 = %arg3, %arg7 = %arg4) -> (f32, i32) : i32 {
  // CHECK-NEXT:   scf.yield %arg6, %arg7 : f32, i32
  // CHECK-NEXT: }
  %pair:2 = scf.for %i = %n to %n step %n iter_args(%a = %init, %b = %n) -> (f32, i32) : i32 {
    scf.yield %a, %b : f32, i32
  }
  // CHECK-NEXT: scf.for %arg5 = %arg4 to %arg4 step %arg4 : i32 {
  // CHECK-NEXT: } {scf.tag}
  scf.for %i = %n to %n step %n : i32 {
  } {scf.tag}
  // CHECK-NEXT: return %0 : f32
  return %sum : f32
}

// CHECK-LABEL: func.func @if
func.func @if(%c: i1, %a: f32, %b: f32) -> f32 {
  // CHECK-NEXT: scf.if %arg0 {
  // CHECK-NEXT:   %{{.*}} = arith.addf %arg1, %arg1 : f32
  // CHECK-NEXT: }
  scf.if %c {
    %twice = arith.addf %a, %a : f32
  }
  // CHECK-NEXT: scf.if %arg0 {
  // CHECK-NEXT: } else {
  // CHECK-NEXT:   %{{.*}} = arith.addf %arg2, %arg2 : f32
  // CHECK-NEXT: }
  scf.if %c {
  } else {
    %twice = arith.addf %b, %b : f32
  }
  // CHECK-NEXT: %0:2 = scf.if %arg0 -> (f32, f32) {
  // CHECK-NEXT:   scf.yield %arg1, %arg2 : f32, f32
  // CHECK-NEXT: } else {
  // CHECK-NEXT:   scf.yield %arg2, %arg1 : f32, f32
  // CHECK-NEXT: } {scf.tag}
  %r:2 = scf.if %c -> (f32, f32) {
    scf.yield %a, %b : f32, f32
  } else {
    scf.yield %b, %a : f32, f32
  } {scf.tag}
  // CHECK-NEXT: return %0#0 : f32
  return %r#0 : f32
}

// CHECK-LABEL: func.func @while
func.func @while(%c: i1, %init: f32) -> f32 {
  // CHECK-NEXT: %0 = scf.while (%arg2 = %arg1) : (f32) -> f32 {
  // CHECK-NEXT:   scf.condition(%arg0) %arg2 : f32
  // CHECK-NEXT: } do {
  // CHECK-NEXT: ^bb0(%arg2: f32):
  // CHECK-NEXT:   %1 = arith.addf %arg2, %arg2 : f32
  // CHECK-NEXT:   scf.yield %1 : f32
  // CHECK-NEXT: }
  %r = scf.while (%arg = %init) : (f32) -> f32 {
    scf.condition(%c) %arg : f32
  } do {
  ^bb0(%x: f32):
    %next = arith.addf %x, %x : f32
    scf.yield %next : f32
  }
  // CHECK-NEXT: scf.while : () -> () {
  // CHECK-NEXT:   scf.condition(%arg0)
  // CHECK-NEXT: } do {
  // CHECK-NEXT:   scf.yield
  // CHECK-NEXT: } attributes {scf.tag}
  scf.while : () -> () {
    scf.condition(%c)
  } do {
    scf.yield
  } attributes {scf.tag}
  // CHECK-NEXT: return %0 : f32
  return %r : f32
}

// CHECK-LABEL: func.func @index_switch
func.func @index_switch(%i: index, %a: i32, %b: i32) -> i32 {
  // CHECK-NEXT: %0 = scf.index_switch %arg0 -> i32
  // CHECK-NEXT: case 2 {
  // CHECK-NEXT:   scf.yield %arg1 : i32
  // CHECK-NEXT: }
  // CHECK-NEXT: case -5 {
  // CHECK-NEXT:   scf.yield %arg2 : i32
  // CHECK-NEXT: }
  // CHECK-NEXT: default {
  // CHECK-NEXT:   scf.yield %arg1 : i32
  // CHECK-NEXT: }
  %r = scf.index_switch %i -> i32
  case 2 {
    scf.yield %a : i32
  }
  case -5 {
    scf.yield %b : i32
  }
  default {
    scf.yield %a : i32
  }
  // CHECK-NEXT: scf.index_switch %arg0
  // CHECK-NEXT: case 3 {
  // CHECK-NEXT:   scf.yield
  // CHECK-NEXT: }
  // CHECK-NEXT: default {
  // CHECK-NEXT: }
  scf.index_switch %i
  case 3 {
    scf.yield
  }
  default {
  }
  // CHECK-NEXT: scf.index_switch %arg0 {scf.tag}
  // CHECK-NEXT: default {
  // CHECK-NEXT: }
  scf.index_switch %i {scf.tag}
  default {
  }
  // CHECK-NEXT: return %0 : i32
  return %r : i32
}

// CHECK-LABEL: func.func @execute_region
func.func @execute_region(%c: i1, %a: i64) -> i64 {
  // CHECK-NEXT: %0 = scf.execute_region -> i64 {
  // CHECK-NEXT:   cf.cond_br %arg0, ^bb1, ^bb2
  // CHECK-NEXT: ^bb1:  // pred: ^bb0
  // CHECK-NEXT:   scf.yield %arg1 : i64
  // CHECK-NEXT: ^bb2:  // pred: ^bb0
  // CHECK-NEXT:   %c1_i64 = arith.constant 1 : i64
  // CHECK-NEXT:   scf.yield %c1_i64 : i64
  // CHECK-NEXT: }
  %r = scf.execute_region -> i64 {
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    scf.yield %a : i64
  ^bb2:
    %one = arith.constant 1 : i64
    scf.yield %one : i64
  }
  // CHECK-NEXT: scf.execute_region {
  // CHECK-NEXT:   scf.yield
  // CHECK-NEXT: } {scf.tag}
  scf.execute_region {
    scf.yield
  } {scf.tag}
  // CHECK-NEXT: return %0 : i64
  return %r : i64
}

// CHECK-LABEL: func.func @parallel
func.func @parallel(%lb: index, %ub: index, %st: index, %f: f32, %i: i32) -> (f32, i32) {
  // CHECK-NEXT: scf.parallel (%arg5, %arg6) = (%arg0, %arg0) to (%arg1, %arg1) step (%arg2, %arg2) {
  // CHECK-NEXT:   %1 = arith.addi %arg5, %arg6 : index
  // CHECK-NEXT:   scf.reduce{{ ?$}}
  // CHECK-NEXT: }
  scf.parallel (%a, %b) = (%lb, %lb) to (%ub, %ub) step (%st, %st) {
    %x = arith.addi %a, %b : index
  }
  // CHECK-NEXT: %0:2 = scf.parallel (%arg5) = (%arg0) to (%arg1) step (%arg2) init (%arg3, %arg4) -> (f32, i32) {
  // CHECK-NEXT:   scf.reduce(%arg3, %arg4 : f32, i32) {
  // CHECK-NEXT:   ^bb0(%arg6: f32, %arg7: f32):
  // CHECK-NEXT:     %1 = arith.addf %arg6, %arg7 : f32
  // CHECK-NEXT:     scf.reduce.return %1 : f32
  // CHECK-NEXT:   }, {
  // CHECK-NEXT:   ^bb0(%arg6: i32, %arg7: i32):
  // CHECK-NEXT:     %1 = arith.addi %arg6, %arg7 : i32
  // CHECK-NEXT:     scf.reduce.return %1 : i32
  // CHECK-NEXT:   }
  // CHECK-NEXT: }
  %r:2 = scf.parallel (%a) = (%lb) to (%ub) step (%st) init (%f, %i) -> (f32, i32) {
    scf.reduce(%f, %i : f32, i32) {
    ^bb0(%l: f32, %r: f32):
      %s = arith.addf %l, %r : f32
      scf.reduce.return %s : f32
    }, {
    ^bb0(%l: i32, %r: i32):
      %s = arith.addi %l, %r : i32
      scf.reduce.return %s : i32
    }
  }
  // CHECK-NEXT: return %0#0, %0#1 : f32, i32
  return %r#0, %r#1 : f32, i32
}

// CHECK-LABEL: func.func @forall
func.func @forall(%t: tensor<8x16xf32>, %n: index, %s: tensor<2x4xf32>) -> tensor<8x16xf32> {
  // CHECK-NEXT: %0 = scf.forall (%arg3, %arg4) in (4, %arg1) shared_outs(%arg5 = %arg0) -> (tensor<8x16xf32>) {
  // CHECK-NEXT:   scf.forall.in_parallel {
  // CHECK-NEXT:     tensor.parallel_insert_slice %arg2 into %arg5[%arg3, %arg4] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<8x16xf32>
  // CHECK-NEXT:   }
  // CHECK-NEXT: }
  %r = scf.forall (%i, %j) in (4, %n) shared_outs(%o = %t) -> (tensor<8x16xf32>) {
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %s into %o[%i, %j] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<8x16xf32>
    }
  }
  // CHECK-NEXT: scf.forall (%arg3) = (0) to (%arg1) step (2) {
  // CHECK-NEXT:   %1 = arith.addi %arg3, %arg3 : index
  // CHECK-NEXT: }
  scf.forall (%i) = (0) to (%n) step (2) {
    %x = arith.addi %i, %i : index
  }
  // CHECK-NEXT: scf.forall (%arg3, %arg4) = (%arg1, 1) to (8, 9) step (1, %arg1) {
  // CHECK-NEXT: }
  scf.forall (%i, %j) = (%n, 1) to (8, 9) step (1, %n) {
  }
  // CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
  // CHECK-NEXT: scf.forall (%arg3) in (%arg1) {
  %c0 = arith.constant 0 : index
  scf.forall (%i) = (%c0) to (%n) step (1) {
  }
  // CHECK: return %0 : tensor<8x16xf32>
  return %r : tensor<8x16xf32>
}

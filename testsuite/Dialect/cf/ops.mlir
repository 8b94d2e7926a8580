// RUN: gvm-opt %s | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s

// Round trip of every cf op, in custom and generic form.

// CHECK-LABEL: func.func @br
func.func @br(%a: i32, %b: f32) -> i32 {
  // CHECK-NEXT: cf.br ^bb1
  cf.br ^bb1
// CHECK-NEXT: ^bb1:  // pred: ^bb0
^bb1:
  // CHECK-NEXT: cf.br ^bb2(%arg0, %arg1 : i32, f32)
  cf.br ^bb2(%a, %b : i32, f32)
// CHECK-NEXT: ^bb2(%0: i32, %1: f32):  // pred: ^bb1
^bb2(%x: i32, %y: f32):
  // CHECK-NEXT: cf.br ^bb3 {cf.tag}
  cf.br ^bb3 {cf.tag}
^bb3:
  return %x : i32
}

// CHECK-LABEL: func.func @cond_br
func.func @cond_br(%c: i1, %a: i32, %b: i32) -> i32 {
  // CHECK-NEXT: cf.cond_br %arg0, ^bb1(%arg1 : i32), ^bb1(%arg2 : i32)
  cf.cond_br %c, ^bb1(%a : i32), ^bb1(%b : i32)
^bb1(%x: i32):
  // CHECK: cf.cond_br %arg0, ^bb2, ^bb3(%0, %arg1 : i32, i32)
  cf.cond_br %c, ^bb2, ^bb3(%x, %a : i32, i32)
^bb2:
  // CHECK: cf.cond_br %arg0, ^bb1(%arg2 : i32), ^bb2
  cf.cond_br %c, ^bb1(%b : i32), ^bb2
^bb3(%y: i32, %z: i32):
  return %y : i32
}

// CHECK-LABEL: func.func @switch
func.func @switch(%flag: i32, %a: i32, %small: i8) -> i32 {
  // CHECK-NEXT: cf.switch %arg0 : i32, [
  // CHECK-NEXT:   default: ^bb1,
  // CHECK-NEXT:   42: ^bb2(%arg1 : i32),
  // CHECK-NEXT:   4294967295: ^bb3(%arg1, %arg1 : i32, i32)
  // CHECK-NEXT: ]
  cf.switch %flag : i32, [
    default: ^bb1,
    42: ^bb2(%a : i32),
    -1: ^bb3(%a, %a : i32, i32)
  ]
^bb1:
  // CHECK: cf.switch %arg2 : i8, [
  // CHECK-NEXT:   default: ^bb2(%arg1 : i32)]
  cf.switch %small : i8, [
    default: ^bb2(%a : i32)
  ]
^bb2(%x: i32):
  // CHECK: cf.switch %arg2 : i8, [
  // CHECK-NEXT:   default: ^bb1,
  // CHECK-NEXT:   7: ^bb2(%0 : i32)
  // CHECK-NEXT: ] {cf.tag}
  cf.switch %small : i8, [
    default: ^bb1,
    7: ^bb2(%x : i32)
  ] {cf.tag}
^bb3(%y: i32, %z: i32):
  return %y : i32
}

// CHECK-LABEL: func.func @assert
func.func @assert(%c: i1) {
  // CHECK-NEXT: cf.assert %arg0, "always true"
  cf.assert %c, "always true"
  // CHECK-NEXT: cf.assert %arg0, "tagged" {cf.tag}
  cf.assert %c, "tagged" {cf.tag}
  return
}

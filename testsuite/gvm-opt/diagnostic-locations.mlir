// RUN: not gvm-opt %s -split-input-file 2>&1 | FileCheck %s

// Diagnostics print the first file:line:col of their location: with the
// source line when it is in the input, alone when the file is not readable,
// as <unknown>:0 with the location when it has no position at all; a call
// site adds "called from" notes for its callers.

func.func @f(%a: i32) -> f32 {
  return %a : i32 loc(callsite("callee.py":3:1 at callsite("c2.py":5:5 at "c3.py":7:7)))
}
// CHECK: callee.py:3:1: error: type of return operand 0 ('i32') doesn't match function result type ('f32') in function @f
// CHECK-NEXT: c2.py:5:5: note: called from
// CHECK-NEXT: c3.py:7:7: note: called from
// CHECK-NEXT: callee.py:3:1: note: see current operation: "func.return"(%arg0) : (i32) -> ()

// -----

func.func @f(%a: i32) -> f32 {
  return %a : i32 loc(fused["a.py":3:1, "b.py":4:4])
}
// CHECK: a.py:3:1: error: type of return operand 0
// CHECK-NEXT: a.py:3:1: note: see current operation

// -----

func.func @f(%a: i32) -> f32 {
  return %a : i32 loc("just_a_name")
}
// CHECK: <unknown>:0: error: loc("just_a_name"): type of return operand 0
// CHECK-NEXT: <unknown>:0: note: loc("just_a_name"): see current operation

// -----

func.func @f(%a: i32) -> f32 {
  return %a : i32 loc(unknown)
}
// CHECK: <unknown>:0: error: type of return operand 0
// CHECK-NEXT: <unknown>:0: note: see current operation

// RUN: not gvm-opt %s -split-input-file --allow-unregistered-dialect 2>&1 | FileCheck %s

// Undeclared SSA names are reported as mlir-opt-19 reports them: at the end of
// the parse (after any syntax error), every one in source order; a reference
// left open by a closed isolated region is resolved by a later definition of
// the name anywhere (the verifier then objects); %x#1 of a one-result %x is
// undeclared. Each CHECK is mlir-opt-19's output.

// CHECK: undeclared-values.mlir:1 offset :36:23: error: use of undeclared SSA value name
// CHECK: undeclared-values.mlir:1 offset :37:23: error: use of undeclared SSA value name
// CHECK: undeclared-values.mlir:40 offset :4:19: error: use of value '%a' expects different type than prior uses: 'i64' vs 'i32'
// CHECK: undeclared-values.mlir:40 offset :2:14: note: prior use here
// CHECK: undeclared-values.mlir:46 offset :3:14: error: use of undeclared SSA value name
// CHECK: undeclared-values.mlir:51 offset :3:8: error: operand #1 does not dominate this use
// CHECK: undeclared-values.mlir:51 offset :3:8: note: see current operation: %0 = "arith.addi"(%arg0, %1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// CHECK: undeclared-values.mlir:51 offset :5:10: note: operand defined here (op in a child region)
// CHECK: undeclared-values.mlir:59 offset :3:23: error: use of undeclared SSA value name
// CHECK: undeclared-values.mlir:65 offset :3:14: error: use of undeclared SSA value name
// CHECK: undeclared-values.mlir:71 offset :3:8: error: 'arith.addi' op using value defined outside the region
// CHECK: undeclared-values.mlir:71 offset :3:8: note: see current operation: %0 = "arith.addi"(%arg0, <<UNKNOWN SSA VALUE>>) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// CHECK: undeclared-values.mlir:71 offset :2:1: note: required by region isolation constraints
// CHECK: undeclared-values.mlir:80 offset :2:17: error: use of undeclared SSA value name
// CHECK: undeclared-values.mlir:82 offset :5:19: error: use of undeclared SSA value name
// CHECK: undeclared-values.mlir:90 offset :3:8: error: 'arith.addi' op using value defined outside the region
// CHECK: undeclared-values.mlir:90 offset :3:8: note: see current operation: %0 = "arith.addi"(%arg0, <<UNKNOWN SSA VALUE>>) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// CHECK: undeclared-values.mlir:90 offset :2:1: note: required by region isolation constraints
// CHECK: undeclared-values.mlir:96 offset :3:8: error: 'arith.addi' op using value defined outside the region
// CHECK: undeclared-values.mlir:96 offset :3:8: note: see current operation: %0 = "arith.addi"(%arg0, <<UNKNOWN SSA VALUE>>) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// CHECK: undeclared-values.mlir:96 offset :2:1: note: required by region isolation constraints
// CHECK: undeclared-values.mlir:107 offset :7:19: error: use of value '%a' expects different type than prior uses: 'i64' vs 'i32'
// CHECK: undeclared-values.mlir:107 offset :6:14: note: prior use here
// CHECK: undeclared-values.mlir:116 offset :4:10: error: operand #1 does not dominate this use
// CHECK: undeclared-values.mlir:116 offset :4:10: note: see current operation: %1 = "arith.addi"(%arg0, %0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// CHECK: undeclared-values.mlir:116 offset :6:8: note: operand defined here (op in a parent region)
func.func @a(%a: i32) {
  %0 = arith.addi %a, %x : i32
  %1 = arith.addi %a, %y : i32
  return
}
// -----
func.func @a(%a: i32) {
  %0 = arith.addi %a, %x : i32
  %x = arith.addi %a, %a : i64
  return
}
// -----
func.func @a(%a: i32) {
  "test.foo"(%z) : (i32) -> ()
  return
}
// -----
func.func @a(%a: i32) {
  %0 = arith.addi %a, %x : i32
  "test.foo"() ({
    %x = arith.addi %a, %a : i32
  }) : () -> ()
  return
}
// -----
func.func @a(%a: i32) {
  %0 = arith.addi %a, %x#1 : i32
  %x = arith.addi %a, %a : i32
  return
}
// -----
func.func @a(%a: i32) {
  cf.br ^bb1(%q : i32)
^bb1(%b: i32):
  return
}
// -----
func.func @a(%a: i32) {
  %0 = arith.addi %a, %x : i32
  return
}
func.func @b(%a: i32) {
  %x = arith.addi %a, %a : i32
  return
}
// -----
%0 = "test.foo"(%w) : (i32) -> (i32)
// -----
func.func @a(%a: i32) {
  %0 = "test.foo"(%a) : (i32) -> (i32)
  %1 = "test.foo"(%u) : (i32) -> (i32)
  %2 = "test.foo"(%v) : (i32) -> (i32)
  %u = "test.foo"(%a) : (i32) -> (i32)
  return
}
// -----
func.func @a(%a: i32) {
  %0 = arith.addi %a, %x : i32
  return
}
%x = "test.foo"() : () -> i32
// -----
func.func @a(%a: i32) {
  %0 = arith.addi %a, %x : i32
  return
}
func.func @b(%a: i32) {
  "test.r"() ({
    %x = arith.addi %a, %a : i32
  }) : () -> ()
  return
}
// -----
func.func @a(%a: i32) {
  %0 = arith.addi %a, %x : i32
  return
}
func.func @b(%a: i32) {
  %x = arith.addi %a, %a : i64
  return
}
// -----
func.func @a(%a: i32) {
  "test.r"() ({
    %0 = arith.addi %a, %x : i32
  }) : () -> ()
  %x = arith.addi %a, %a : i32
  return
}

// RUN: gvm-opt %s -mlir-print-op-generic | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic=false | FileCheck %s --check-prefix=CUSTOM
// RUN: gvm-opt %s -mlir-print-op-generic | gvm-opt | FileCheck %s --check-prefix=CUSTOM

// The generic form spells every op as "name"(operands) <{properties}>
// ({regions}) {attributes} : type, and reads back to the same IR.

// CHECK: "builtin.module"() ({
// CHECK-NEXT: "func.func"() <{function_type = (i32) -> i32, sym_name = "twice"}> ({
// CHECK-NEXT: ^bb0(%arg0: i32):
// CHECK-NEXT: %0 = "arith.addi"(%arg0, %arg0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// CHECK-NEXT: "func.return"(%0) : (i32) -> ()
// CHECK-NEXT: }) : () -> ()
// CHECK-NEXT: }) : () -> ()
// CUSTOM: func.func @twice(%arg0: i32) -> i32 {
// CUSTOM-NEXT: %0 = arith.addi %arg0, %arg0 : i32
// CUSTOM-NEXT: return %0 : i32
func.func @twice(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}

// The verifier checks functions in parallel unless --mlir-disable-threading; either way the
// error reported is the first in op order (the function on line 18, not the one further down).
// RUN: not gvm-opt %s 2>&1 | FileCheck %s
// RUN: not gvm-opt %s --mlir-disable-threading 2>&1 | FileCheck %s
// CHECK: verify-parallel.mlir:18:3: error: type of return operand 0 ('i64') doesn't match function result type ('i32') in function @f2
// CHECK-NOT: error:

func.func @f0() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f1() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f2() -> i32 {
  %c = arith.constant 1 : i64
  return %c : i64
}
func.func @f3() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f4() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f5() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f6() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f7() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f8() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f9() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f10() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f11() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f12() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f13() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f14() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f15() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f16() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f17() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f18() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f19() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f20() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f21() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f22() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f23() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f24() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f25() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f26() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f27() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f28() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f29() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f30() -> i32 {
  %c = arith.constant 1 : i64
  return %c : i64
}
func.func @f31() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f32() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f33() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f34() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f35() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f36() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f37() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f38() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}
func.func @f39() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}

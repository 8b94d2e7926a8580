// RUN: gvm-opt %s | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s

// Round trip of the builtin ops, in custom and generic form: named and unnamed
// modules with attributes and visibility, nested modules, and
// unrealized_conversion_cast with 0-1, 1-1, 1-N and N-1 conversions.

// CHECK-LABEL: module {
// CHECK-NEXT: module @named {
// CHECK-NEXT: }
module @named {
}

// CHECK-NEXT: module attributes {gvm.level = 2 : i32, gvm.target = "cpu"} {
// CHECK-NEXT: }
module attributes {gvm.target = "cpu", gvm.level = 2 : i32} {
}

// CHECK-NEXT: module @with_attrs attributes {gvm.x, sym_visibility = "private"} {
// CHECK-NEXT:   module @inner {
// CHECK-NEXT:     func.func private @f()
// CHECK-NEXT:   }
// CHECK-NEXT: }
module @with_attrs attributes {gvm.x, sym_visibility = "private"} {
  module @inner {
    func.func private @f()
  }
}

// CHECK-NEXT: module {
// CHECK-NEXT:   module {
// CHECK-NEXT:   }
// CHECK-NEXT: }
builtin.module {
  "builtin.module"() ({
  ^bb0:
  }) : () -> ()
}

// CHECK-LABEL: func.func @casts(%arg0: i32, %arg1: f32)
func.func @casts(%a: i32, %b: f32) {
  // CHECK-NEXT: %0 = builtin.unrealized_conversion_cast to i64
  %0 = builtin.unrealized_conversion_cast to i64
  // CHECK-NEXT: %1 = builtin.unrealized_conversion_cast %arg0 : i32 to f32
  %1 = builtin.unrealized_conversion_cast %a : i32 to f32
  // CHECK-NEXT: %2:2 = builtin.unrealized_conversion_cast %arg0 : i32 to i16, i16
  %2:2 = builtin.unrealized_conversion_cast %a : i32 to i16, i16
  // CHECK-NEXT: %3 = builtin.unrealized_conversion_cast %arg0, %arg1 : i32, f32 to tuple<i32, f32>
  %3 = builtin.unrealized_conversion_cast %a, %b : i32, f32 to tuple<i32, f32>
  // CHECK-NEXT: %4 = builtin.unrealized_conversion_cast %arg1 : f32 to i32 {gvm.tag}
  %4 = builtin.unrealized_conversion_cast %b : f32 to i32 {gvm.tag}
  return
}

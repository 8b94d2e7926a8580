// RUN: not gvm-opt %s --mlir-print-debuginfo --mlir-pretty-debuginfo -split-input-file 2>/dev/null | FileCheck %s
// RUN: not gvm-opt %s --mlir-print-debuginfo -split-input-file 2>&1 | FileCheck %s --check-prefix=DIAG

// --mlir-pretty-debuginfo prints locations without loc(...) and quotes; with
// --mlir-print-debuginfo, ops shown in diagnostics carry their location too.

// CHECK: arith.negf %arg0 : f32 x.py:1:2
// CHECK: #loc{{[0-9]*}} = x.py:1:2
func.func @f(%a: f32) -> f32 {
  %0 = arith.negf %a : f32 loc("x.py":1:2)
  return %0 : f32
}

// -----

func.func @g(%a: i32) -> f32 {
  return %a : i32 loc("y.py":3:4)
}
// DIAG: y.py:3:4: error: type of return operand 0
// DIAG: y.py:3:4: note: see current operation: "func.return"(%arg0) : (i32) -> () loc("y.py":3:4)

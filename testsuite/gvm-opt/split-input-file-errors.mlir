// RUN: not gvm-opt %s -split-input-file 2>&1 | FileCheck %s
// RUN: not gvm-opt %s -split-input-file 2>/dev/null | FileCheck %s --check-prefix=OUT

// An error inside a chunk is reported in the chunk's own buffer, named after
// the line of the marker that starts it ('within split at FILE:N offset '),
// with line numbers counted from that marker. The chunks without errors are
// still printed, and the exit status is 1.

// OUT: func.func @fine
// OUT: {{^}}// {{-----}}{{$}}
// OUT-NOT: func.func

func.func @fine() {
  return
}

// -----

func.func @wrong_return(%a: i32) -> f32 {
  return %a : i32
}

// CHECK: within split at {{.*}}split-input-file-errors.mlir:17 offset :4:3: error: type of return operand 0 ('i32') doesn't match function result type ('f32') in function @wrong_return
// CHECK-NEXT: {{^}}  return %a : i32
// CHECK-NEXT: {{^}}  ^
// CHECK-NEXT: within split at {{.*}}split-input-file-errors.mlir:17 offset :4:3: note: see current operation: "func.return"(%arg0) : (i32) -> ()

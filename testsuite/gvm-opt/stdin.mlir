// RUN: gvm-opt < %s | FileCheck %s
// RUN: gvm-opt - < %s | FileCheck %s
// RUN: echo 'func.func @f(%%a: i32) -> f32 { return %%a : i32 }' | not gvm-opt - 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: gvm-opt %s -o %t && FileCheck %s < %t

// Without an input file (or with '-') the input is read from standard input
// and diagnostics name it <stdin>; -o writes the output to a file.

// CHECK: func.func @from_stdin
// ERR: <stdin>:1:32: error: type of return operand 0 ('i32') doesn't match function result type ('f32') in function @f
func.func @from_stdin() {
  return
}

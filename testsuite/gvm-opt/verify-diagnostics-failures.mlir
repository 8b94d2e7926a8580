// RUN: not gvm-opt %s -split-input-file -verify-diagnostics 2>&1 | FileCheck %s

// The ways -verify-diagnostics fails, in mlir-opt's words: an unannounced
// diagnostic, an expectation nothing matched (underlined), a diagnostic of
// another severity than announced, and a malformed regex. Positions are
// counted in each chunk, whose line 1 is its marker's line.

func.func @unexpected(%a: i32) -> f32 {
  return %a : i32
}
// CHECK: verify-diagnostics-failures.mlir:1 offset :9:3: error: unexpected error: type of return operand 0 ('i32') doesn't match function result type ('f32') in function @unexpected
// CHECK-NEXT: {{^}}  return %a : i32
// CHECK-NEXT: {{^}}  ^{{$}}

// -----

func.func @not_produced() {
  // expected-error@+1 {{this never happens}}
  return
}
// CHECK: offset :4:6: error: expected error "this never happens" was not produced
// CHECK-NEXT: {{^}}  // expected{{.}}error@+1
// CHECK-NEXT: {{^}}     ^~~~~~~~~~~~~~~~~~{{$}}

// -----

func.func @near_miss(%a: i32) -> f32 {
  // expected-note@+1 {{type of return operand}}
  return %a : i32
}
// CHECK: offset :4:6: error: 'error' diagnostic emitted when expecting a 'note'
// CHECK: offset :4:6: error: expected note "type of return operand" was not produced

// -----

func.func @bad_regex(%a: i32) -> f32 {
  // expected-error-re@+1 {{type of {{[a-z+}} operand}}
  return %a : i32
}
// CHECK: offset :4:6: error: invalid regex: brackets ([ ]) not balanced
// CHECK: offset :5:3: error: unexpected error: type of return operand 0

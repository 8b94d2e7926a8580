// RUN: gvm-opt %s -split-input-file -verify-diagnostics

// -verify-diagnostics succeeds when every diagnostic is announced by an
// expected-* comment on its line and every comment is matched. The line is
// the comment's own, or given by @+N, @-N, @above (the nearest line above that
// holds no expectation) or @below (the next such line); -re makes each {{...}}
// part a regex among literal text.

func.func @undefined_value() -> i32 {
  // expected-error@+1 {{use of undeclared SSA value name}}
  return %nothing : i32
}

// -----

func.func @use_before_def(%a: i32) -> i32 {
  %0 = arith.addi %1, %a : i32 // expected-error {{operand #0 does not dominate this use}}
  %1 = arith.muli %a, %a : i32
  // expected-note@above {{operand defined here (op in the same block)}}
  return %0 : i32
}

// -----

// expected-note@below {{see existing symbol definition here}}
func.func @twice() {
  return
}
func.func @twice() {
  // expected-error@-1 {{redefinition of symbol named 'twice'}}
  return
}

// -----

func.func @wrong_return(%a: i32) -> f32 {
  // expected-error-re@+1 {{type of return operand {{[0-9]+}} ('i{{[0-9]+}}') doesn't match function result type ('f32')}}
  return %a : i32
}

// -----

func.func @no_terminator(%a: i32) {
  // expected-error@+1 {{block with no terminator, has %0 = "arith.addi"(%arg0, %arg0)}}
  %0 = arith.addi %a, %a : i32
}

// -----

// A chunk without diagnostics is printed as usual.
func.func @fine() {
  return
}

// RUN: gvm-opt %s -split-input-file -verify-diagnostics

// One case per builtin diagnostic: the module's attribute, region and symbol
// checks, and the unrealized conversion cast.

// expected-error@+1 {{'builtin.module' op can only contain attributes with dialect-prefixed names, found: 'foo'}}
module attributes {foo = 1} {
}

// -----

// expected-error@+1 {{'builtin.module' op region #0 ('bodyRegion') failed to verify constraint: region with 1 blocks}}
"builtin.module"() ({
}) : () -> ()

// -----

// expected-error@+1 {{'builtin.module' op expects region #0 to have 0 or 1 blocks}}
"builtin.module"() ({
^bb0:
^bb1:
}) : () -> ()

// -----

// expected-error@+1 {{'builtin.module' op region should have no arguments}}
"builtin.module"() ({
^bb0(%a: i32):
}) : () -> ()

// -----

// expected-error@+1 {{'builtin.module' op visibility expected to be one of ["public", "private", "nested"], but got "bogus"}}
"builtin.module"() <{sym_name = "m", sym_visibility = "bogus"}> ({
^bb0:
}) : () -> ()

// -----

func.func @module_in_function() {
  // expected-error@+1 {{'builtin.module' op symbol's parent must have the SymbolTable trait}}
  "builtin.module"() <{sym_name = "m"}> ({
  ^bb0:
  }) : () -> ()
  return
}

// -----

module {
  // expected-note@+1 {{see existing symbol definition here}}
  module @twice {
  }
  // expected-error@+1 {{redefinition of symbol named 'twice'}}
  func.func private @twice()
}

// -----

func.func @cast_without_result(%a: i32) {
  // expected-error@+1 {{'builtin.unrealized_conversion_cast' op expected at least one result for cast operation}}
  "builtin.unrealized_conversion_cast"(%a) : (i32) -> ()
  return
}

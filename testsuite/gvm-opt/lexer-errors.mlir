// RUN: not gvm-opt %s -split-input-file --allow-unregistered-dialect 2>&1 | FileCheck %s

// Malformed tokens are reported by the lexer, with its message and position,
// before the parser's own error (as mlir-opt-19).

// CHECK: lexer-errors.mlir:1 offset :7:18: error: unexpected character
func.func @f() { ` }

// -----

// CHECK: lexer-errors.mlir:{{[0-9]+}} offset :4:18: error: invalid SSA name
func.func @f() { % }

// -----

// CHECK: lexer-errors.mlir:{{[0-9]+}} offset :4:18: error: invalid block name
func.func @f() { ^ }

// -----

// CHECK: lexer-errors.mlir:{{[0-9]+}} offset :4:32: error: invalid attribute name
func.func @f() attributes {a = #} {

// -----

// CHECK: lexer-errors.mlir:{{[0-9]+}} offset :4:23: error: invalid type identifier
func.func @f(%a: i32, !) {

// -----

// CHECK: lexer-errors.mlir:{{[0-9]+}} offset :4:38: error: expected '"' in string literal
func.func @f() attributes {a = @"x} {

// -----

// CHECK: lexer-errors.mlir:{{[0-9]+}} offset :4:33: error: @ identifier expected to start with letter or '_'
func.func @f() attributes {a = @1} {

// -----

// CHECK: lexer-errors.mlir:{{[0-9]+}} offset :4:36: error: expected '"' in string literal
func.func @f() attributes {a = "abc

// -----

// CHECK: lexer-errors.mlir:{{[0-9]+}} offset :4:36: error: unknown escape in string literal
func.func @f() attributes {a = "abc\

// -----

// CHECK: lexer-errors.mlir:{{[0-9]+}} offset :4:19: error: expected three consecutive dots for an ellipsis
"foo.bar"() {a = ..} : () -> ()

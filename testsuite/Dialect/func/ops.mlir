// RUN: gvm-opt %s | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s

// Round trip of every func op, in custom and generic form: declarations and
// definitions with visibility, argument and result attributes, function
// attributes, calls, indirect calls and function constants.

// CHECK-LABEL: func.func private @declaration(i32, f32) -> i64
func.func private @declaration(i32, f32) -> i64

// CHECK-LABEL: func.func private @declaration_attrs(i32 {gvm.arg}, tensor<4xf32>) -> (f32 {gvm.res = 1 : i64}, index)
func.func private @declaration_attrs(i32 {gvm.arg}, tensor<4xf32>) -> (f32 {gvm.res = 1 : i64}, index)

// CHECK-LABEL: func.func private @returns_function() -> ((i32) -> i32)
func.func private @returns_function() -> ((i32) -> i32)

// CHECK-LABEL: func.func nested @nested_visibility()
func.func nested @nested_visibility() {
  // CHECK-NEXT: return
  return
}

// CHECK-LABEL: func.func public @public_visibility()
func.func public @public_visibility() {
  // CHECK-NEXT: return
  return
}

// CHECK-LABEL: func.func @no_results(%arg0: i32)
func.func @no_results(%a: i32) {
  // CHECK-NEXT: return
  return
}

// CHECK-LABEL: func.func @one_result(%arg0: i32) -> i32
func.func @one_result(%a: i32) -> i32 {
  // CHECK-NEXT: return %arg0 : i32
  return %a : i32
}

// CHECK-LABEL: func.func @results(%arg0: i32, %arg1: f32) -> (f32, i32)
func.func @results(%a: i32, %b: f32) -> (f32, i32) {
  // CHECK-NEXT: return %arg1, %arg0 : f32, i32
  return %b, %a : f32, i32
}

// CHECK-LABEL: func.func @arg_and_result_attrs(%arg0: i32 {gvm.first}, %arg1: f32 {gvm.noalias, gvm.tag = "b"}) -> (f32 {gvm.out}, i32)
func.func @arg_and_result_attrs(%a: i32 {gvm.first}, %b: f32 {gvm.tag = "b", gvm.noalias}) -> (f32 {gvm.out}, i32) {
  // CHECK-NEXT: return %arg1, %arg0 : f32, i32
  return %b, %a : f32, i32
}

// CHECK-LABEL: func.func @attributes() attributes {gvm.kind = "kernel", gvm.level = 3 : i32}
func.func @attributes() attributes {gvm.kind = "kernel", gvm.level = 3 : i32} {
  // CHECK-NEXT: return
  return
}

// CHECK-LABEL: func.func @blocks(%arg0: i1, %arg1: i32) -> i32
func.func @blocks(%c: i1, %a: i32) -> i32 {
  // CHECK-NEXT: cf.cond_br %arg0, ^bb1, ^bb2
  cf.cond_br %c, ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
^bb1:
  // CHECK-NEXT: return %arg1 : i32
  return %a : i32
// CHECK-NEXT: ^bb2:  // pred: ^bb0
^bb2:
  // CHECK-NEXT: return %arg1 : i32
  return %a : i32
}

// CHECK-LABEL: func.func @call(%arg0: i32, %arg1: f32) -> (f32, i32)
func.func @call(%a: i32, %b: f32) -> (f32, i32) {
  // CHECK-NEXT: %0:2 = call @results(%arg0, %arg1) : (i32, f32) -> (f32, i32)
  %0:2 = func.call @results(%a, %b) : (i32, f32) -> (f32, i32)
  // CHECK-NEXT: call @no_results(%arg0) : (i32) -> ()
  call @no_results(%a) : (i32) -> ()
  // CHECK-NEXT: %1 = call @one_result(%arg0) {gvm.hot} : (i32) -> i32
  %1 = call @one_result(%a) {gvm.hot} : (i32) -> i32
  // CHECK-NEXT: return %0#0, %1 : f32, i32
  return %0#0, %1 : f32, i32
}

// CHECK-LABEL: func.func @call_indirect(%arg0: i32) -> i32
func.func @call_indirect(%a: i32) -> i32 {
  // CHECK-NEXT: %f = constant @one_result : (i32) -> i32
  %f = func.constant @one_result : (i32) -> i32
  // CHECK-NEXT: %0 = call_indirect %f(%arg0) : (i32) -> i32
  %0 = func.call_indirect %f(%a) : (i32) -> i32
  // CHECK-NEXT: %f_0 = constant @no_results : (i32) -> ()
  %g = constant @no_results : (i32) -> ()
  // CHECK-NEXT: call_indirect %f_0(%0) {gvm.hot} : (i32) -> ()
  call_indirect %g(%0) {gvm.hot} : (i32) -> ()
  // CHECK-NEXT: return %0 : i32
  return %0 : i32
}

// CHECK-LABEL: func.func @return_attrs(%arg0: i32) -> i32
func.func @return_attrs(%a: i32) -> i32 {
  // CHECK-NEXT: return {gvm.tag} %arg0 : i32
  return {gvm.tag} %a : i32
}

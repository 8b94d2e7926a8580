// RUN: gvm-opt %s | FileCheck %s
// RUN: gvm-opt %s | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// The tosa ops gvm defines, printed as mlir-opt 19 prints them (TOSA's one format with properties
// in the attribute dictionary; tosa.const has no custom form). The CHECK lines are its output.

func.func @elementwise(%a: tensor<2x3xf32>, %b: tensor<1x3xf32>, %i: tensor<2x3xi32>, %j: tensor<3xi32>, %p: tensor<2x3xi1>, %q: tensor<2x3xi1>) {
  %0 = tosa.abs %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = tosa.bitwise_not %i : (tensor<2x3xi32>) -> tensor<2x3xi32>
  %2 = tosa.ceil %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = tosa.clz %i : (tensor<2x3xi32>) -> tensor<2x3xi32>
  %4 = tosa.cos %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = tosa.erf %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %6 = tosa.exp %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %7 = tosa.floor %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %8 = tosa.log %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %9 = tosa.logical_not %p : (tensor<2x3xi1>) -> tensor<2x3xi1>
  %10 = tosa.negate %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %11 = tosa.reciprocal %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %12 = tosa.rsqrt %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %13 = tosa.sigmoid %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %14 = tosa.sin %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %15 = tosa.tanh %a : (tensor<2x3xf32>) -> tensor<?x3xf32>
  %16 = tosa.add %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %17 = tosa.sub %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %18 = tosa.mul %a, %b {shift = 0 : i8} : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %19 = tosa.mul %i, %j {shift = 3 : i8} : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %20 = tosa.maximum %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %21 = tosa.minimum %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %22 = tosa.pow %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %23 = tosa.int_div %i, %j : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %24 = tosa.arithmetic_right_shift %i, %j {round = true} : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %25 = tosa.bitwise_and %i, %j : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %26 = tosa.bitwise_or %i, %j : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %27 = tosa.bitwise_xor %i, %j : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %28 = tosa.logical_left_shift %i, %j : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %29 = tosa.logical_right_shift %i, %j : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  %30 = tosa.logical_and %p, %q : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %31 = tosa.logical_or %p, %q : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %32 = tosa.logical_xor %p, %q : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %33 = tosa.equal %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
  %34 = tosa.greater %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
  %35 = tosa.greater_equal %i, %j : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi1>
  %36 = tosa.select %p, %a, %b : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %37 = tosa.clamp %a {min_int = 0 : i64, max_int = 6 : i64, min_fp = 0.0 : f32, max_fp = 6.0 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

func.func @shapes(%a: tensor<2x3xf32>, %c: tensor<1x2x3xf32>, %d: tensor<1x3x4xf32>, %p: tensor<2x3xi1>) -> tensor<1x2x4xf32> {
  %0 = tosa.matmul %c, %d : (tensor<1x2x3xf32>, tensor<1x3x4xf32>) -> tensor<1x2x4xf32>
  %1 = tosa.reshape %a {new_shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %2 = tosa.reshape %a {new_shape = array<i64: -1, 2>} : (tensor<2x3xf32>) -> tensor<?x2xf32>
  %perm = "tosa.const"() <{value = dense<[1, 0]> : tensor<2xi32>}> : () -> tensor<2xi32>
  %3 = tosa.transpose %a, %perm : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>
  %4 = tosa.reduce_sum %a {axis = 1 : i32} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  %5 = tosa.reduce_max %a {axis = 0 : i32} : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %6 = tosa.reduce_min %a {axis = 0 : i32} : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %7 = tosa.reduce_prod %a {axis = 1 : i32} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  %8 = tosa.reduce_all %p {axis = 1 : i32} : (tensor<2x3xi1>) -> tensor<2x1xi1>
  %9 = tosa.reduce_any %p {axis = 0 : i32} : (tensor<2x3xi1>) -> tensor<1x3xi1>
  %10 = "tosa.const"() <{value = dense<1.5> : tensor<2x3xf32>}> : () -> tensor<2x3xf32>
  return %0 : tensor<1x2x4xf32>
}

// CHECK: module {
// CHECK-NEXT: func.func @elementwise(%arg0: tensor<2x3xf32>, %arg1: tensor<1x3xf32>, %arg2: tensor<2x3xi32>, %arg3: tensor<3xi32>, %arg4: tensor<2x3xi1>, %arg5: tensor<2x3xi1>) {
// CHECK-NEXT: %0 = tosa.abs %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %1 = tosa.bitwise_not %arg2 : (tensor<2x3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %2 = tosa.ceil %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %3 = tosa.clz %arg2 : (tensor<2x3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %4 = tosa.cos %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %5 = tosa.erf %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %6 = tosa.exp %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %7 = tosa.floor %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %8 = tosa.log %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %9 = tosa.logical_not %arg4 : (tensor<2x3xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: %10 = tosa.negate %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %11 = tosa.reciprocal %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %12 = tosa.rsqrt %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %13 = tosa.sigmoid %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %14 = tosa.sin %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %15 = tosa.tanh %arg0 : (tensor<2x3xf32>) -> tensor<?x3xf32>
// CHECK-NEXT: %16 = tosa.add %arg0, %arg1 : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %17 = tosa.sub %arg0, %arg1 : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %18 = tosa.mul %arg0, %arg1 {shift = 0 : i8} : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %19 = tosa.mul %arg2, %arg3 {shift = 3 : i8} : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %20 = tosa.maximum %arg0, %arg1 : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %21 = tosa.minimum %arg0, %arg1 : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %22 = tosa.pow %arg0, %arg1 : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %23 = tosa.int_div %arg2, %arg3 : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %24 = tosa.arithmetic_right_shift %arg2, %arg3 {round = true} : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %25 = tosa.bitwise_and %arg2, %arg3 : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %26 = tosa.bitwise_or %arg2, %arg3 : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %27 = tosa.bitwise_xor %arg2, %arg3 : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %28 = tosa.logical_left_shift %arg2, %arg3 : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %29 = tosa.logical_right_shift %arg2, %arg3 : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// CHECK-NEXT: %30 = tosa.logical_and %arg4, %arg5 : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: %31 = tosa.logical_or %arg4, %arg5 : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: %32 = tosa.logical_xor %arg4, %arg5 : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: %33 = tosa.equal %arg0, %arg1 : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
// CHECK-NEXT: %34 = tosa.greater %arg0, %arg1 : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
// CHECK-NEXT: %35 = tosa.greater_equal %arg2, %arg3 : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi1>
// CHECK-NEXT: %36 = tosa.select %arg4, %arg0, %arg1 : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %37 = tosa.clamp %arg0 {max_fp = 6.000000e+00 : f32, max_int = 6 : i64, min_fp = 0.000000e+00 : f32, min_int = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: func.func @shapes(%arg0: tensor<2x3xf32>, %arg1: tensor<1x2x3xf32>, %arg2: tensor<1x3x4xf32>, %arg3: tensor<2x3xi1>) -> tensor<1x2x4xf32> {
// CHECK-NEXT: %0 = tosa.matmul %arg1, %arg2 : (tensor<1x2x3xf32>, tensor<1x3x4xf32>) -> tensor<1x2x4xf32>
// CHECK-NEXT: %1 = tosa.reshape %arg0 {new_shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK-NEXT: %2 = tosa.reshape %arg0 {new_shape = array<i64: -1, 2>} : (tensor<2x3xf32>) -> tensor<?x2xf32>
// CHECK-NEXT: %3 = "tosa.const"() <{value = dense<[1, 0]> : tensor<2xi32>}> : () -> tensor<2xi32>
// CHECK-NEXT: %4 = tosa.transpose %arg0, %3 : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>
// CHECK-NEXT: %5 = tosa.reduce_sum %arg0 {axis = 1 : i32} : (tensor<2x3xf32>) -> tensor<2x1xf32>
// CHECK-NEXT: %6 = tosa.reduce_max %arg0 {axis = 0 : i32} : (tensor<2x3xf32>) -> tensor<1x3xf32>
// CHECK-NEXT: %7 = tosa.reduce_min %arg0 {axis = 0 : i32} : (tensor<2x3xf32>) -> tensor<1x3xf32>
// CHECK-NEXT: %8 = tosa.reduce_prod %arg0 {axis = 1 : i32} : (tensor<2x3xf32>) -> tensor<2x1xf32>
// CHECK-NEXT: %9 = tosa.reduce_all %arg3 {axis = 1 : i32} : (tensor<2x3xi1>) -> tensor<2x1xi1>
// CHECK-NEXT: %10 = tosa.reduce_any %arg3 {axis = 0 : i32} : (tensor<2x3xi1>) -> tensor<1x3xi1>
// CHECK-NEXT: %11 = "tosa.const"() <{value = dense<1.500000e+00> : tensor<2x3xf32>}> : () -> tensor<2x3xf32>
// CHECK-NEXT: return %0 : tensor<1x2x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: }

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT: "func.func"() <{function_type = (tensor<2x3xf32>, tensor<1x3xf32>, tensor<2x3xi32>, tensor<3xi32>, tensor<2x3xi1>, tensor<2x3xi1>) -> (), sym_name = "elementwise"}> ({
// GENERIC-NEXT: ^bb0(%arg4: tensor<2x3xf32>, %arg5: tensor<1x3xf32>, %arg6: tensor<2x3xi32>, %arg7: tensor<3xi32>, %arg8: tensor<2x3xi1>, %arg9: tensor<2x3xi1>):
// GENERIC-NEXT: %12 = "tosa.abs"(%arg4) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %13 = "tosa.bitwise_not"(%arg6) : (tensor<2x3xi32>) -> tensor<2x3xi32>
// GENERIC-NEXT: %14 = "tosa.ceil"(%arg4) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %15 = "tosa.clz"(%arg6) : (tensor<2x3xi32>) -> tensor<2x3xi32>
// GENERIC-NEXT: %16 = "tosa.cos"(%arg4) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %17 = "tosa.erf"(%arg4) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %18 = "tosa.exp"(%arg4) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %19 = "tosa.floor"(%arg4) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %20 = "tosa.log"(%arg4) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %21 = "tosa.logical_not"(%arg8) : (tensor<2x3xi1>) -> tensor<2x3xi1>
// GENERIC-NEXT: %22 = "tosa.negate"(%arg4) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %23 = "tosa.reciprocal"(%arg4) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %24 = "tosa.rsqrt"(%arg4) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %25 = "tosa.sigmoid"(%arg4) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %26 = "tosa.sin"(%arg4) : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %27 = "tosa.tanh"(%arg4) : (tensor<2x3xf32>) -> tensor<?x3xf32>
// GENERIC-NEXT: %28 = "tosa.add"(%arg4, %arg5) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %29 = "tosa.sub"(%arg4, %arg5) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %30 = "tosa.mul"(%arg4, %arg5) <{shift = 0 : i8}> : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %31 = "tosa.mul"(%arg6, %arg7) <{shift = 3 : i8}> : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// GENERIC-NEXT: %32 = "tosa.maximum"(%arg4, %arg5) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %33 = "tosa.minimum"(%arg4, %arg5) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %34 = "tosa.pow"(%arg4, %arg5) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %35 = "tosa.int_div"(%arg6, %arg7) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// GENERIC-NEXT: %36 = "tosa.arithmetic_right_shift"(%arg6, %arg7) <{round = true}> : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// GENERIC-NEXT: %37 = "tosa.bitwise_and"(%arg6, %arg7) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// GENERIC-NEXT: %38 = "tosa.bitwise_or"(%arg6, %arg7) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// GENERIC-NEXT: %39 = "tosa.bitwise_xor"(%arg6, %arg7) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// GENERIC-NEXT: %40 = "tosa.logical_left_shift"(%arg6, %arg7) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// GENERIC-NEXT: %41 = "tosa.logical_right_shift"(%arg6, %arg7) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
// GENERIC-NEXT: %42 = "tosa.logical_and"(%arg8, %arg9) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// GENERIC-NEXT: %43 = "tosa.logical_or"(%arg8, %arg9) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// GENERIC-NEXT: %44 = "tosa.logical_xor"(%arg8, %arg9) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
// GENERIC-NEXT: %45 = "tosa.equal"(%arg4, %arg5) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
// GENERIC-NEXT: %46 = "tosa.greater"(%arg4, %arg5) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
// GENERIC-NEXT: %47 = "tosa.greater_equal"(%arg6, %arg7) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi1>
// GENERIC-NEXT: %48 = "tosa.select"(%arg8, %arg4, %arg5) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: %49 = "tosa.clamp"(%arg4) <{max_fp = 6.000000e+00 : f32, max_int = 6 : i64, min_fp = 0.000000e+00 : f32, min_int = 0 : i64}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
// GENERIC-NEXT: "func.return"() : () -> ()
// GENERIC-NEXT: }) : () -> ()
// GENERIC-NEXT: "func.func"() <{function_type = (tensor<2x3xf32>, tensor<1x2x3xf32>, tensor<1x3x4xf32>, tensor<2x3xi1>) -> tensor<1x2x4xf32>, sym_name = "shapes"}> ({
// GENERIC-NEXT: ^bb0(%arg0: tensor<2x3xf32>, %arg1: tensor<1x2x3xf32>, %arg2: tensor<1x3x4xf32>, %arg3: tensor<2x3xi1>):
// GENERIC-NEXT: %0 = "tosa.matmul"(%arg1, %arg2) : (tensor<1x2x3xf32>, tensor<1x3x4xf32>) -> tensor<1x2x4xf32>
// GENERIC-NEXT: %1 = "tosa.reshape"(%arg0) <{new_shape = array<i64: 3, 2>}> : (tensor<2x3xf32>) -> tensor<3x2xf32>
// GENERIC-NEXT: %2 = "tosa.reshape"(%arg0) <{new_shape = array<i64: -1, 2>}> : (tensor<2x3xf32>) -> tensor<?x2xf32>
// GENERIC-NEXT: %3 = "tosa.const"() <{value = dense<[1, 0]> : tensor<2xi32>}> : () -> tensor<2xi32>
// GENERIC-NEXT: %4 = "tosa.transpose"(%arg0, %3) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>
// GENERIC-NEXT: %5 = "tosa.reduce_sum"(%arg0) <{axis = 1 : i32}> : (tensor<2x3xf32>) -> tensor<2x1xf32>
// GENERIC-NEXT: %6 = "tosa.reduce_max"(%arg0) <{axis = 0 : i32}> : (tensor<2x3xf32>) -> tensor<1x3xf32>
// GENERIC-NEXT: %7 = "tosa.reduce_min"(%arg0) <{axis = 0 : i32}> : (tensor<2x3xf32>) -> tensor<1x3xf32>
// GENERIC-NEXT: %8 = "tosa.reduce_prod"(%arg0) <{axis = 1 : i32}> : (tensor<2x3xf32>) -> tensor<2x1xf32>
// GENERIC-NEXT: %9 = "tosa.reduce_all"(%arg3) <{axis = 1 : i32}> : (tensor<2x3xi1>) -> tensor<2x1xi1>
// GENERIC-NEXT: %10 = "tosa.reduce_any"(%arg3) <{axis = 0 : i32}> : (tensor<2x3xi1>) -> tensor<1x3xi1>
// GENERIC-NEXT: %11 = "tosa.const"() <{value = dense<1.500000e+00> : tensor<2x3xf32>}> : () -> tensor<2x3xf32>
// GENERIC-NEXT: "func.return"(%0) : (tensor<1x2x4xf32>) -> ()
// GENERIC-NEXT: }) : () -> ()
// GENERIC-NEXT: }) : () -> ()

// RUN: gvm-opt %s | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// The math ops gvm defines (those the bodies of linalg's named ops use), printed as mlir-opt 19
// prints them. The CHECK lines are its output.

func.func @math(%f: f32, %t: tensor<4xf64>, %i: i32) -> f32 {
  %0 = math.absf %f : f32
  %1 = math.ceil %0 fastmath<nnan> : f32
  %2 = math.erf %1 : f32
  %3 = math.exp %2 : f32
  %4 = math.floor %3 : f32
  %5 = math.log %4 fastmath<fast> : f32
  %6 = math.round %5 : f32
  %7 = math.rsqrt %6 : f32
  %8 = math.sqrt %7 : f32
  %9 = math.tanh %8 : f32
  %10 = math.powf %9, %f : f32
  %11 = math.exp %t : tensor<4xf64>
  %12 = math.absi %i : i32
  return %10 : f32
}

// CHECK: module {
// CHECK-NEXT: func.func @math(%arg0: f32, %arg1: tensor<4xf64>, %arg2: i32) -> f32 {
// CHECK-NEXT: %0 = math.absf %arg0 : f32
// CHECK-NEXT: %1 = math.ceil %0 fastmath<nnan> : f32
// CHECK-NEXT: %2 = math.erf %1 : f32
// CHECK-NEXT: %3 = math.exp %2 : f32
// CHECK-NEXT: %4 = math.floor %3 : f32
// CHECK-NEXT: %5 = math.log %4 fastmath<fast> : f32
// CHECK-NEXT: %6 = math.round %5 : f32
// CHECK-NEXT: %7 = math.rsqrt %6 : f32
// CHECK-NEXT: %8 = math.sqrt %7 : f32
// CHECK-NEXT: %9 = math.tanh %8 : f32
// CHECK-NEXT: %10 = math.powf %9, %arg0 : f32
// CHECK-NEXT: %11 = math.exp %arg1 : tensor<4xf64>
// CHECK-NEXT: %12 = math.absi %arg2 : i32
// CHECK-NEXT: return %10 : f32
// CHECK-NEXT: }
// CHECK-NEXT: }

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT: "func.func"() <{function_type = (f32, tensor<4xf64>, i32) -> f32, sym_name = "math"}> ({
// GENERIC-NEXT: ^bb0(%arg0: f32, %arg1: tensor<4xf64>, %arg2: i32):
// GENERIC-NEXT: %0 = "math.absf"(%arg0) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: %1 = "math.ceil"(%0) <{fastmath = #arith.fastmath<nnan>}> : (f32) -> f32
// GENERIC-NEXT: %2 = "math.erf"(%1) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: %3 = "math.exp"(%2) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: %4 = "math.floor"(%3) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: %5 = "math.log"(%4) <{fastmath = #arith.fastmath<fast>}> : (f32) -> f32
// GENERIC-NEXT: %6 = "math.round"(%5) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: %7 = "math.rsqrt"(%6) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: %8 = "math.sqrt"(%7) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: %9 = "math.tanh"(%8) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: %10 = "math.powf"(%9, %arg0) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: %11 = "math.exp"(%arg1) <{fastmath = #arith.fastmath<none>}> : (tensor<4xf64>) -> tensor<4xf64>
// GENERIC-NEXT: %12 = "math.absi"(%arg2) : (i32) -> i32
// GENERIC-NEXT: "func.return"(%10) : (f32) -> ()
// GENERIC-NEXT: }) : () -> ()
// GENERIC-NEXT: }) : () -> ()

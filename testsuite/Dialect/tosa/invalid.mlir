// RUN: gvm-opt %s -split-input-file -verify-diagnostics

// The tosa verifier messages, worded as mlir-opt 19 words them.

func.func @a(%a: tensor<2x3xf32>) {
  // expected-error@+1 {{'tosa.reshape' op cannot reshape 6 elements into 8}}
  %0 = tosa.reshape %a {new_shape = array<i64: 4, 2>} : (tensor<2x3xf32>) -> tensor<4x2xf32>
  return
}

// -----

func.func @a(%a: tensor<2x3xf32>) {
  // expected-error@+1 {{'tosa.reshape' op new shape is inconsistent with result shape}}
  %0 = tosa.reshape %a {new_shape = array<i64: 3, 2>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @a(%a: tensor<2x3xf32>) {
  // expected-error@+1 {{'tosa.reduce_sum' op expect input tensor rank (2) to be larger than reduce axis (2)}}
  %0 = tosa.reduce_sum %a {axis = 2 : i32} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @a(%a: tensor<2x3xf32>) {
  // expected-error@+1 {{'tosa.reduce_sum' op expect reduced dimension size to be 1, got 3}}
  %0 = tosa.reduce_sum %a {axis = 1 : i32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @a(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) {
  // expected-error@+1 {{'tosa.add' op operands don't have broadcast-compatible shapes}}
  %0 = tosa.add %a, %b : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @a(%a: tensor<2x3xf32>, %b: tensor<2x3xi32>) {
  // expected-error@+1 {{'tosa.add' op requires the same element type for all operands and results}}
  %0 = tosa.add %a, %b : (tensor<2x3xf32>, tensor<2x3xi32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @a(%a: f32) {
  // expected-error@+1 {{'tosa.abs' op operand #0 must be tensor of number values, but got 'f32'}}
  %0 = tosa.abs %a : (f32) -> f32
  return
}

// -----

func.func @a(%a: tensor<2x3xf32>) {
  // expected-error@+1 {{'tosa.abs' op requires the same element type for all operands and results}}
  %0 = tosa.abs %a : (tensor<2x3xf32>) -> tensor<2x3xf16>
  return
}

// -----

func.func @a(%a: tensor<2x3xf32>) {
  %perm = "tosa.const"() {value = dense<[1, 0, 2]> : tensor<3xi32>} : () -> tensor<3xi32>
  // expected-error@+1 {{'tosa.transpose' op expected permutation tensor dim 0 to have size 2 (input rank) but got size 3}}
  %0 = tosa.transpose %a, %perm : (tensor<2x3xf32>, tensor<3xi32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @a(%a: tensor<2x3xf32>) {
  // expected-error@+1 {{'tosa.mul' op requires attribute 'shift'}}
  %0 = tosa.mul %a, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @a() {
  // expected-error@+1 {{'tosa.const' op failed to verify that all of {value, output} have same shape}}
  %0 = "tosa.const"() {value = dense<1.0> : tensor<2xf32>} : () -> tensor<3xf32>
  return
}

// -----

func.func @a(%a: tensor<2x3xf32>, %p: tensor<2x3xi32>) {
  // expected-error@+1 {{'tosa.select' op operand #0 must be tensor of 1-bit signless integer values, but got 'tensor<2x3xi32>'}}
  %0 = tosa.select %p, %a, %a : (tensor<2x3xi32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @a(%a: tensor<2x3xf32>) {
  // expected-error@+1 {{'tosa.clamp' op requires attribute 'max_fp'}}
  %0 = tosa.clamp %a {min_int = 0 : i64, max_int = 6 : i64, min_fp = 0.0 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @a(%a: tensor<2x3xf32>) {
  // expected-error@+1 {{'tosa.abs' op result type '4x3' not broadcast compatible with broadcasted operands's shapes '2x3'}}
  %0 = tosa.abs %a : (tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @a(%a: tensor<2x3xf32>, %b: tensor<1x3xf32>) {
  %0 = tosa.add %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %1 = tosa.equal %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
  %2 = tosa.arithmetic_right_shift %a, %b {round = true} : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  // expected-error@+1 {{'tosa.int_div' op operand #0 must be tensor of 32-bit signless integer values, but got 'tensor<2x3xf32>'}}
  %3 = tosa.int_div %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %4 = tosa.logical_and %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %5 = tosa.clz %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %6 = tosa.cos %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %7 = tosa.bitwise_not %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %8 = tosa.logical_not %a : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %9 = tosa.greater_equal %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xi1>
  %10 = tosa.add %a, %b : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @a(%a: tensor<2x3xi32>, %b: tensor<1x3xi32>) {
  // expected-error@+1 {{'tosa.logical_and' op operand #0 must be tensor of 1-bit signless integer values, but got 'tensor<2x3xi32>'}}
  %4 = tosa.logical_and %a, %b : (tensor<2x3xi32>, tensor<1x3xi32>) -> tensor<2x3xi32>
  return
}

// -----

func.func @a(%a: tensor<2x3xi32>, %b: tensor<1x3xi32>) {
  // expected-error@+1 {{'tosa.equal' op result #0 must be tensor of 1-bit signless integer values, but got 'tensor<2x3xi32>'}}
  %4 = tosa.equal %a, %b : (tensor<2x3xi32>, tensor<1x3xi32>) -> tensor<2x3xi32>
  return
}

// RUN: gvm-opt %s --gptvm-fuse --split-input-file | FileCheck %s
// RUN: gvm-opt %s --pass-pipeline='builtin.module(gptvm-fuse{max-group-size=2})' --split-input-file | FileCheck %s --check-prefix=SIZE2

// Where gptvm-fuse must leave ops alone, and the positive cases next to them.

// A value with two consumers that would have to be recomputed (or leave the group): the add feeds
// a returned silu and a returned rms_norm, so it has no post-dominator and fuses with neither.
// CHECK-LABEL: func.func @two_consumers
// CHECK-NOT: gptvm.fused
// CHECK: return
func.func @two_consumers(%x: tensor<2x8xf32>, %y: tensor<2x8xf32>, %w: tensor<8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>) {
  %a = gptvm.add %x, %y : tensor<2x8xf32>
  %s = gptvm.silu %a : tensor<2x8xf32>
  %n = gptvm.rms_norm %a, %w eps(1.0e-5) : tensor<2x8xf32>, tensor<8xf32>
  return %s, %n : tensor<2x8xf32>, tensor<2x8xf32>
}

// -----

// Two consumers that meet again: the add's post-dominator is the mul, reached only through
// elementwise ops, so all three form one group and nothing is computed twice.
// CHECK-LABEL: func.func @diamond
// CHECK: gptvm.fused kind(elementwise) %arg0, %arg1 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
// CHECK-NEXT: ^bb0
// CHECK-NEXT: gptvm.add
// CHECK-NEXT: gptvm.silu
// CHECK-NEXT: gptvm.mul
// CHECK-NEXT: gptvm.yield
func.func @diamond(%x: tensor<2x8xf32>, %y: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %a = gptvm.add %x, %y : tensor<2x8xf32>
  %s = gptvm.silu %a : tensor<2x8xf32>
  %m = gptvm.mul %s, %a : tensor<2x8xf32>
  return %m : tensor<2x8xf32>
}

// -----

// An opaque op on the path: the add reaches its post-dominator (the mul) also through attention.
// CHECK-LABEL: func.func @opaque_on_path
// CHECK-NOT: gptvm.fused
// CHECK: return
func.func @opaque_on_path(%x: tensor<2x4x8xf32>, %y: tensor<2x4x8xf32>, %k: tensor<2x4x8xf32>) -> tensor<2x4x8xf32> {
  %a = gptvm.add %x, %y : tensor<2x4x8xf32>
  %t = gptvm.attention %a, %k, %k : tensor<2x4x8xf32>, tensor<2x4x8xf32>, tensor<2x4x8xf32>
  %m = gptvm.mul %a, %t : tensor<2x4x8xf32>
  return %m : tensor<2x4x8xf32>
}

// -----

// A reduction never starts a group: rms_norm does not absorb its elementwise consumer ...
// CHECK-LABEL: func.func @reduction_does_not_start
// CHECK-NOT: gptvm.fused
// CHECK: return
func.func @reduction_does_not_start(%x: tensor<2x8xf32>, %w: tensor<8xf32>) -> tensor<2x8xf32> {
  %n = gptvm.rms_norm %x, %w eps(1.0e-5) : tensor<2x8xf32>, tensor<8xf32>
  %s = gptvm.silu %n : tensor<2x8xf32>
  return %s : tensor<2x8xf32>
}

// -----

// ... but an elementwise producer fuses into a reduction.
// CHECK-LABEL: func.func @elementwise_into_reduction
// CHECK: gptvm.fused kind(reduction) %arg0, %arg1, %arg2
// CHECK-NEXT: ^bb0
// CHECK-NEXT: gptvm.add
// CHECK-NEXT: gptvm.rms_norm
func.func @elementwise_into_reduction(%x: tensor<2x8xf32>, %y: tensor<2x8xf32>, %w: tensor<8xf32>) -> tensor<2x8xf32> {
  %a = gptvm.add %x, %y : tensor<2x8xf32>
  %n = gptvm.rms_norm %a, %w eps(1.0e-5) : tensor<2x8xf32>, tensor<8xf32>
  return %n : tensor<2x8xf32>
}

// -----

// Parameters and constants never fuse: they are inputs of the group.
// CHECK-LABEL: func.func @params_and_constants
// CHECK: %[[W:.*]] = gptvm.param "w"
// CHECK: %[[C:.*]] = arith.constant
// CHECK: gptvm.fused kind(out_elementwise_fusable) %arg0, %[[W]], %[[C]]
func.func @params_and_constants(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %w = gptvm.param "w" : tensor<4x8xf32>
  %c = arith.constant dense<1.0> : tensor<2x4xf32>
  %l = gptvm.linear %x, %w : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %r = gptvm.add %l, %c : tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

// -----

// A group has one contraction: the second linear stays outside the first one's group.
// CHECK-LABEL: func.func @one_anchor
// CHECK: %[[L2:.*]] = gptvm.linear %arg0, %arg2
// CHECK: gptvm.fused kind(out_elementwise_fusable) %arg0, %arg1, %[[L2]]
// CHECK-NEXT: ^bb0
// CHECK-NEXT: gptvm.linear
// CHECK-NEXT: gptvm.add
// CHECK-NEXT: gptvm.yield
func.func @one_anchor(%x: tensor<2x8xf32>, %w1: tensor<4x8xf32>, %w2: tensor<4x8xf32>) -> tensor<2x4xf32> {
  %l1 = gptvm.linear %x, %w1 : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %l2 = gptvm.linear %x, %w2 : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %r = gptvm.add %l1, %l2 : tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

// -----

// A contraction absorbs only elementwise consumers: not a softmax (a reduction).
// CHECK-LABEL: func.func @linear_then_reduction
// CHECK-NOT: gptvm.fused
// CHECK: return
func.func @linear_then_reduction(%x: tensor<2x8xf32>, %w: tensor<4x8xf32>) -> tensor<2x4xf32> {
  %l = gptvm.linear %x, %w : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %s = gptvm.softmax %l axis(-1) : tensor<2x4xf32>
  return %s : tensor<2x4xf32>
}

// -----

// Ops with regions, side effects or non-tensor results are opaque (tensor.generate here).
// CHECK-LABEL: func.func @region_op
// CHECK-NOT: gptvm.fused
// CHECK: return
func.func @region_op(%x: tensor<4xf32>) -> tensor<4xf32> {
  %g = tensor.generate {
  ^bb0(%i: index):
    %c = arith.constant 1.0 : f32
    tensor.yield %c : f32
  } : tensor<4xf32>
  %a = arith.addf %g, %x : tensor<4xf32>
  return %a : tensor<4xf32>
}

// -----

// max-group-size bounds a group: a chain of four elementwise ops splits in groups of at most two.
// CHECK-LABEL: func.func @chain
// CHECK: gptvm.fused kind(elementwise) %arg0, %arg1
// CHECK-NEXT: ^bb0
// CHECK-NEXT: arith.addf
// CHECK-NEXT: gptvm.silu
// CHECK-NEXT: arith.mulf
// CHECK-NEXT: arith.negf
// CHECK-NEXT: gptvm.yield
// SIZE2-LABEL: func.func @chain
// SIZE2: %[[A:.*]] = gptvm.fused kind(elementwise) %arg0, %arg1
// SIZE2-NEXT: ^bb0
// SIZE2-NEXT: arith.addf
// SIZE2-NEXT: gptvm.silu
// SIZE2-NEXT: gptvm.yield
// SIZE2: gptvm.fused kind(elementwise) %[[A]], %arg1
// SIZE2-NEXT: ^bb0
// SIZE2-NEXT: arith.mulf
// SIZE2-NEXT: arith.negf
// SIZE2-NEXT: gptvm.yield
func.func @chain(%x: tensor<8xf32>, %y: tensor<8xf32>) -> tensor<8xf32> {
  %a = arith.addf %x, %y : tensor<8xf32>
  %s = gptvm.silu %a : tensor<8xf32>
  %m = arith.mulf %s, %y : tensor<8xf32>
  %n = arith.negf %m : tensor<8xf32>
  return %n : tensor<8xf32>
}

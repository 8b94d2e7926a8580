// RUN: gvm-opt %s -split-input-file -verify-diagnostics -p 'builtin.module(convert-gptvm-to-cuda)'
// RUN: not gvm-opt %s -split-input-file -p 'builtin.module(convert-gptvm-to-cuda{weight-dtype=f64})' 2>&1 | FileCheck %s --check-prefix=DTYPE

// DTYPE: error: convert-gptvm-to-cuda: weight-dtype must be f32, f16 or bf16, not 'f64'

func.func @bias(%x: tensor<1x8xf32>, %w: tensor<4x8xf32>, %b: tensor<4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{'gptvm.linear' op with a bias has no CUDA lowering}}
  %y = gptvm.linear %x, %w, %b : (tensor<1x8xf32>, tensor<4x8xf32>, tensor<4xf32>) -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

func.func @positions(%x: tensor<1x2x8xf32>, %pos: tensor<1xindex>) -> tensor<1x2x8xf32> {
  // expected-error@+1 {{'gptvm.rope' op has no CUDA lowering: its positions must be the cache length plus the row (kv.seq_len + index)}}
  %r = gptvm.rope %x, %pos theta(10000.0) layout(interleaved) : tensor<1x2x8xf32>, tensor<1xindex>
  return %r : tensor<1x2x8xf32>
}

// -----

!cache = !kv.cache<layers = 1, kv_heads = 2, head_dim = 8, capacity = 16, dtype = f32>
func.func @append_alone(%c: !cache, %k: tensor<1x2x8xf32>) -> !cache {
  // expected-error@+1 {{'kv.append' op has no CUDA lowering without a kv.attend of the same keys and values before it}}
  %c1 = kv.append %c[0], %k, %k : !cache, tensor<1x2x8xf32>
  return %c1 : !cache
}

// -----

!cache = !kv.cache<layers = 1, kv_heads = 2, head_dim = 8, capacity = 16, dtype = f32>
func.func @attend_alone(%c: !cache, %q: tensor<1x2x8xf32>, %k: tensor<1x2x8xf32>) -> tensor<1x2x8xf32> {
  // expected-error@+1 {{'kv.attend' op has no CUDA lowering without a kv.append of the same keys and values}}
  %a = kv.attend %c[0], %q, %k, %k : !cache, tensor<1x2x8xf32>, tensor<1x2x8xf32>
  return %a : tensor<1x2x8xf32>
}

// -----

func.func @softmax(%x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  // expected-error@+1 {{'gptvm.softmax' op has no CUDA lowering}}
  %y = gptvm.softmax %x axis(-1) : tensor<1x8xf32>
  return %y : tensor<1x8xf32>
}

// -----

!cache = !kv.cache<layers = 1, kv_heads = 2, head_dim = 8, capacity = 16, dtype = f32>
func.func @advance(%ids: tensor<1xi32>, %c: !cache, %n: index) -> !cache {
  // expected-error@+1 {{'kv.advance' op has no CUDA lowering: it must advance by the step's token count}}
  %c1 = kv.advance %c, %n : !cache
  return %c1 : !cache
}

// RUN: not gvm-opt %s -p 'builtin.module(kv-lower-to-paged{page-size=24})' 2>&1 | FileCheck %s --check-prefix=SIZE
// RUN: not gvm-opt %s -p 'builtin.module(kv-lower-to-paged{page-size=512})' 2>&1 | FileCheck %s --check-prefix=LARGE
// RUN: not gvm-opt %s -p 'builtin.module(kv-lower-to-paged{page-size=0})' 2>&1 | FileCheck %s --check-prefix=ZERO
// RUN: not gvm-opt %s -p 'builtin.module(kv-lower-to-paged{page-size=16})' 2>&1 | FileCheck %s --check-prefix=TWICE

// SIZE: error: kv-lower-to-paged: page-size must be a power of two in [1, 256], but got 24
// LARGE: error: kv-lower-to-paged: page-size must be a power of two in [1, 256], but got 512
// ZERO: error: kv-lower-to-paged: page-size must be a power of two in [1, 256], but got 0

!cache = !kv.cache<layers = 1, kv_heads = 2, head_dim = 16, capacity = 64, dtype = f32>

// Two different writes to one layer in one step have no paged form.
// TWICE: lower-to-paged-errors.mlir:[[# @LINE + 3]]:9: error: 'kv.append' op writes other keys or values to layer 0 than the step's first access of it, which has no paged form
func.func @twice(%c0: !cache, %k: tensor<1x2x16xf32>, %k2: tensor<1x2x16xf32>) -> !cache {
  %c1 = kv.append %c0[0], %k, %k : !cache, tensor<1x2x16xf32>
  %c2 = kv.append %c1[0], %k2, %k2 : !cache, tensor<1x2x16xf32>
  return %c2 : !cache
}

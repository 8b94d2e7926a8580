// RUN: gvm-opt %s | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// Round trip of the kv cache type and every kv op, in custom and generic form.
// One step: attend and append per layer, then advance once.

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>

// CHECK-LABEL: func.func @step
// CHECK-SAME: (%arg0: tensor<?x8x16xf32>, %arg1: tensor<?x2x16xf32>, %arg2: tensor<?x2x16xf32>, %arg3: index)
// CHECK-SAME: -> (tensor<?x8x16xf32>, !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>, index)
func.func @step(%q: tensor<?x8x16xf32>, %k: tensor<?x2x16xf32>, %v: tensor<?x2x16xf32>, %n: index) -> (tensor<?x8x16xf32>, !cache, index) {
  // CHECK-NEXT: %0 = kv.create : !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>
  // GENERIC: "kv.create"() : () -> !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>
  %c0 = kv.create : !cache
  // CHECK-NEXT: %1 = kv.seq_len %0 : !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>
  %len = kv.seq_len %c0 : !cache
  // CHECK-NEXT: %2 = kv.attend %0[0], %arg0, %arg1, %arg2 : !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>, tensor<?x8x16xf32>, tensor<?x2x16xf32>
  // GENERIC: "kv.attend"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) <{layer = 0 : i64}> : (!kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>, tensor<?x8x16xf32>, tensor<?x2x16xf32>, tensor<?x2x16xf32>) -> tensor<?x8x16xf32>
  %o = kv.attend %c0[0], %q, %k, %v : !cache, tensor<?x8x16xf32>, tensor<?x2x16xf32>
  // CHECK-NEXT: %3 = kv.append %0[0], %arg1, %arg2 : !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>, tensor<?x2x16xf32>
  // GENERIC: "kv.append"(%{{.*}}, %{{.*}}, %{{.*}}) <{layer = 0 : i64}> : (!kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>, tensor<?x2x16xf32>, tensor<?x2x16xf32>) -> !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>
  %c1 = kv.append %c0[0], %k, %v : !cache, tensor<?x2x16xf32>
  // CHECK-NEXT: %4 = kv.attend %3[1], %2, %arg1, %arg2 scale(2.500000e-01) window(32) : !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>, tensor<?x8x16xf32>, tensor<?x2x16xf32>
  %o1 = kv.attend %c1[1], %o, %k, %v scale(0.25) window(32) : !cache, tensor<?x8x16xf32>, tensor<?x2x16xf32>
  // CHECK-NEXT: %5 = kv.append %3[1], %arg1, %arg2 : !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>, tensor<?x2x16xf32>
  %c2 = kv.append %c1[1], %k, %v : !cache, tensor<?x2x16xf32>
  // CHECK-NEXT: %6 = kv.advance %5, %arg3 : !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>
  // GENERIC: "kv.advance"(%{{.*}}, %{{.*}}) : (!kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>, index) -> !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>
  %c3 = kv.advance %c2, %n : !cache
  return %o1, %c3, %len : tensor<?x8x16xf32>, !cache, index
}

// A decode step of one token with an f16 cache of one layer and one kv head (multi-query).
// CHECK-LABEL: func.func @decode_f16
func.func @decode_f16(%c: !kv.cache<layers = 1, kv_heads = 1, head_dim = 4, capacity = 8, dtype = f16>, %q: tensor<1x4x4xf16>, %k: tensor<1x1x4xf16>)
    -> tensor<1x4x4xf16> {
  // CHECK-NEXT: %0 = kv.attend %arg0[0], %arg1, %arg2, %arg2 : !kv.cache<layers = 1, kv_heads = 1, head_dim = 4, capacity = 8, dtype = f16>, tensor<1x4x4xf16>, tensor<1x1x4xf16>
  %o = kv.attend %c[0], %q, %k, %k : !kv.cache<layers = 1, kv_heads = 1, head_dim = 4, capacity = 8, dtype = f16>, tensor<1x4x4xf16>, tensor<1x1x4xf16>
  return %o : tensor<1x4x4xf16>
}

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

// A ragged step over a batch of sequences: begin_forward, positions, advance on a logical cache.
// CHECK-LABEL: func.func @batched_step
func.func @batched_step(%c: !cache, %ids: tensor<?xi64>, %lens: tensor<?xi64>, %n: index) -> (tensor<?xindex>, !cache) {
  // CHECK-NEXT: %0 = kv.begin_forward %arg0, %arg1, %arg2 : !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>, tensor<?xi64>, tensor<?xi64>
  // GENERIC: "kv.begin_forward"(%{{.*}}, %{{.*}}, %{{.*}}) : (!kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>, tensor<?xi64>, tensor<?xi64>) -> !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>
  %c1 = kv.begin_forward %c, %ids, %lens : !cache, tensor<?xi64>, tensor<?xi64>
  // CHECK-NEXT: %1 = kv.positions %0 : !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32> -> tensor<?xindex>
  // GENERIC: "kv.positions"(%{{.*}}) : (!kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>) -> tensor<?xindex>
  %pos = kv.positions %c1 : !cache -> tensor<?xindex>
  // CHECK-NEXT: %2 = kv.advance %0, %arg3
  %c2 = kv.advance %c1, %n : !cache
  return %pos, %c2 : tensor<?xindex>, !cache
}

// The paged form: a pool of pages, the step's block table, lengths, query starts and slot
// mapping, a layer's write to its slots and attention through the block table.
!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 64, dtype = f32>

// CHECK-LABEL: func.func @paged_step
func.func @paged_step(%ids: tensor<?xi64>, %lens: tensor<?xi64>, %q: tensor<?x8x16xf32>, %k: tensor<?x2x16xf32>, %v: tensor<?x2x16xf32>, %n: index)
    -> (tensor<?x8x16xf32>, !paged) {
  // CHECK-NEXT: %0 = kv.create : !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 64, dtype = f32>
  // GENERIC: "kv.create"() : () -> !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 64, dtype = f32>
  %c0 = kv.create : !paged
  // CHECK-NEXT: %1 = kv.begin_forward %0, %arg0, %arg1 : !kv.paged_cache<{{.*}}>, tensor<?xi64>, tensor<?xi64>
  %c1 = kv.begin_forward %c0, %ids, %lens : !paged, tensor<?xi64>, tensor<?xi64>
  // CHECK-NEXT: %2 = kv.block_table %1 : !kv.paged_cache<{{.*}}> -> tensor<?x?xi32>
  // GENERIC: "kv.block_table"(%{{.*}}) : (!kv.paged_cache<{{.*}}>) -> tensor<?x?xi32>
  %bt = kv.block_table %c1 : !paged -> tensor<?x?xi32>
  // CHECK-NEXT: %3 = kv.seq_lens %1 : !kv.paged_cache<{{.*}}> -> tensor<?xi32>
  // GENERIC: "kv.seq_lens"(%{{.*}}) : (!kv.paged_cache<{{.*}}>) -> tensor<?xi32>
  %sl = kv.seq_lens %c1 : !paged -> tensor<?xi32>
  // CHECK-NEXT: %4 = kv.query_start_loc %1 : !kv.paged_cache<{{.*}}> -> tensor<?xi32>
  // GENERIC: "kv.query_start_loc"(%{{.*}}) : (!kv.paged_cache<{{.*}}>) -> tensor<?xi32>
  %qsl = kv.query_start_loc %c1 : !paged -> tensor<?xi32>
  // CHECK-NEXT: %5 = kv.slot_mapping %1 : !kv.paged_cache<{{.*}}> -> tensor<?xi64>
  // GENERIC: "kv.slot_mapping"(%{{.*}}) : (!kv.paged_cache<{{.*}}>) -> tensor<?xi64>
  %slots = kv.slot_mapping %c1 : !paged -> tensor<?xi64>
  // CHECK-NEXT: %6 = kv.paged_write %1[0], %arg3, %arg4, %5 : !kv.paged_cache<{{.*}}>, tensor<?x2x16xf32>, tensor<?xi64>
  // GENERIC: "kv.paged_write"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) <{layer = 0 : i64}> : (!kv.paged_cache<{{.*}}>, tensor<?x2x16xf32>, tensor<?x2x16xf32>, tensor<?xi64>) -> !kv.paged_cache<{{.*}}>
  %c2 = kv.paged_write %c1[0], %k, %v, %slots : !paged, tensor<?x2x16xf32>, tensor<?xi64>
  // CHECK-NEXT: %7 = kv.paged_attention %6[0], %arg2, %2, %3, %4 : !kv.paged_cache<{{.*}}>, tensor<?x8x16xf32>, tensor<?x?xi32>, tensor<?xi32>, tensor<?xi32>
  // GENERIC: "kv.paged_attention"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) <{layer = 0 : i64}> : (!kv.paged_cache<{{.*}}>, tensor<?x8x16xf32>, tensor<?x?xi32>, tensor<?xi32>, tensor<?xi32>) -> tensor<?x8x16xf32>
  %o = kv.paged_attention %c2[0], %q, %bt, %sl, %qsl : !paged, tensor<?x8x16xf32>, tensor<?x?xi32>, tensor<?xi32>, tensor<?xi32>
  // CHECK-NEXT: %8 = kv.paged_write %6[1], %arg3, %arg4, %5
  %c3 = kv.paged_write %c2[1], %k, %v, %slots : !paged, tensor<?x2x16xf32>, tensor<?xi64>
  // CHECK-NEXT: %9 = kv.paged_attention %8[1], %7, %2, %3, %4 scale(2.500000e-01) window(32) : !kv.paged_cache<{{.*}}>, tensor<?x8x16xf32>, tensor<?x?xi32>, tensor<?xi32>, tensor<?xi32>
  %o1 = kv.paged_attention %c3[1], %o, %bt, %sl, %qsl scale(0.25) window(32) : !paged, tensor<?x8x16xf32>, tensor<?x?xi32>, tensor<?xi32>, tensor<?xi32>
  // CHECK-NEXT: %10 = kv.seq_len %8 : !kv.paged_cache<{{.*}}>
  %len = kv.seq_len %c3 : !paged
  // CHECK-NEXT: %11 = kv.advance %8, %arg5 : !kv.paged_cache<{{.*}}>
  %c4 = kv.advance %c3, %n : !paged
  return %o1, %c4 : tensor<?x8x16xf32>, !paged
}

// Page sizes are powers of two from 1 to 256.
// CHECK-LABEL: func.func @page_sizes
// CHECK-SAME: !kv.paged_cache<layers = 1, kv_heads = 1, head_dim = 4, page_size = 1, num_pages = 8, dtype = f16>
// CHECK-SAME: !kv.paged_cache<layers = 1, kv_heads = 1, head_dim = 4, page_size = 256, num_pages = 1, dtype = bf16>
func.func @page_sizes(%a: !kv.paged_cache<layers = 1, kv_heads = 1, head_dim = 4, page_size = 1, num_pages = 8, dtype = f16>,
    %b: !kv.paged_cache<layers = 1, kv_heads = 1, head_dim = 4, page_size = 256, num_pages = 1, dtype = bf16>) {
  return
}

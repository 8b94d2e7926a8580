// RUN: gvm-opt %s -p 'builtin.module(kv-lower-to-paged{page-size=16})' | FileCheck %s
// RUN: gvm-opt %s -p 'builtin.module(kv-lower-to-paged{page-size=1 num-pages=300})' | FileCheck %s --check-prefix=P1
// RUN: gvm-opt %s -p 'builtin.module(kv-lower-to-paged{page-size=256})' | FileCheck %s --check-prefix=P256
// RUN: gvm-opt %s -p 'builtin.module(kv-lower-to-paged{page-size=16})' | gvm-opt | FileCheck %s --check-prefix=ROUND

// The logical cache becomes a pool of pages: a single-sequence step (no kv.begin_forward) gets
// sequence 0's step begun before its first access, the step's metadata is read once, each layer's
// append becomes a paged_write to the slot mapping and each attend a paged_attention through the
// block table after that layer's write.

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 100, dtype = f32>

// CHECK-LABEL: func.func @create
// CHECK-SAME: -> !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 7, dtype = f32>
// CHECK-NEXT: kv.create : !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 7, dtype = f32>
// P1: -> !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 1, num_pages = 300, dtype = f32>
// P256: -> !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 256, num_pages = 1, dtype = f32>
func.func @create() -> !cache {
  %c = kv.create : !cache
  return %c : !cache
}

// CHECK-LABEL: func.func @step
// CHECK-SAME: (%[[C:.*]]: !kv.paged_cache<{{.*}}page_size = 16{{.*}}>, %[[Q:.*]]: tensor<?x4x16xf32>, %[[K:.*]]: tensor<?x2x16xf32>, %[[V:.*]]: tensor<?x2x16xf32>, %[[N:.*]]: index)
// CHECK: %[[LEN:.*]] = kv.seq_len %[[C]]
// CHECK: %[[DIM:.*]] = tensor.dim %[[K]], %{{.*}} : tensor<?x2x16xf32>
// CHECK: %[[ROWS:.*]] = arith.index_cast %[[DIM]] : index to i64
// CHECK: %[[IDS:.*]] = tensor.from_elements %{{.*}} : tensor<1xi64>
// CHECK: %[[LENS:.*]] = tensor.from_elements %[[ROWS]] : tensor<1xi64>
// CHECK: %[[B:.*]] = kv.begin_forward %[[C]], %[[IDS]], %[[LENS]]
// CHECK-NEXT: %[[BT:.*]] = kv.block_table %[[B]] : !kv.paged_cache<{{.*}}> -> tensor<?x?xi32>
// CHECK-NEXT: %[[SL:.*]] = kv.seq_lens %[[B]] : !kv.paged_cache<{{.*}}> -> tensor<?xi32>
// CHECK-NEXT: %[[QSL:.*]] = kv.query_start_loc %[[B]] : !kv.paged_cache<{{.*}}> -> tensor<?xi32>
// CHECK-NEXT: %[[SLOTS:.*]] = kv.slot_mapping %[[B]] : !kv.paged_cache<{{.*}}> -> tensor<?xi64>
// CHECK-NEXT: %[[W0:.*]] = kv.paged_write %[[B]][0], %[[K]], %[[V]], %[[SLOTS]]
// CHECK-NEXT: %[[O0:.*]] = kv.paged_attention %[[W0]][0], %[[Q]], %[[BT]], %[[SL]], %[[QSL]] :
// CHECK-NEXT: %[[W1:.*]] = kv.paged_write %[[W0]][1], %[[K]], %[[V]], %[[SLOTS]]
// CHECK-NEXT: %[[O1:.*]] = kv.paged_attention %[[W1]][1], %[[O0]], %[[BT]], %[[SL]], %[[QSL]] scale(2.500000e-01) window(8)
// CHECK-NEXT: %[[END:.*]] = kv.advance %[[W1]], %[[N]]
// CHECK-NEXT: return %[[O1]], %[[END]], %[[LEN]]
// CHECK-NOT: kv.attend
// CHECK-NOT: kv.append
// ROUND-LABEL: func.func @step
// ROUND: kv.paged_attention
func.func @step(%c0: !cache, %q: tensor<?x4x16xf32>, %k: tensor<?x2x16xf32>, %v: tensor<?x2x16xf32>, %n: index) -> (tensor<?x4x16xf32>, !cache, index) {
  %len = kv.seq_len %c0 : !cache
  %o = kv.attend %c0[0], %q, %k, %v : !cache, tensor<?x4x16xf32>, tensor<?x2x16xf32>
  %c1 = kv.append %c0[0], %k, %v : !cache, tensor<?x2x16xf32>
  %o1 = kv.attend %c1[1], %o, %k, %v scale(0.25) window(8) : !cache, tensor<?x4x16xf32>, tensor<?x2x16xf32>
  %c2 = kv.append %c1[1], %k, %v : !cache, tensor<?x2x16xf32>
  %c3 = kv.advance %c2, %n : !cache
  return %o1, %c3, %len : tensor<?x4x16xf32>, !cache, index
}

// A ragged batch step begun by the program: its kv.begin_forward stays, positions too.
// CHECK-LABEL: func.func @batch
// CHECK: %[[B:.*]] = kv.begin_forward %arg0, %arg1, %arg2 : !kv.paged_cache<{{.*}}>, tensor<?xi64>, tensor<?xi64>
// CHECK-NEXT: %[[BT:.*]] = kv.block_table %[[B]]
// CHECK-NEXT: %[[SL:.*]] = kv.seq_lens %[[B]]
// CHECK-NEXT: %[[QSL:.*]] = kv.query_start_loc %[[B]]
// CHECK-NEXT: %[[SLOTS:.*]] = kv.slot_mapping %[[B]]
// CHECK-NEXT: %[[POS:.*]] = kv.positions %[[B]] : !kv.paged_cache<{{.*}}> -> tensor<?xindex>
// CHECK-NEXT: %[[W:.*]] = kv.paged_write %[[B]][0], %arg4, %arg4, %[[SLOTS]]
// CHECK-NEXT: kv.paged_attention %[[W]][0], %arg3, %[[BT]], %[[SL]], %[[QSL]]
// CHECK-NEXT: kv.advance %[[W]], %arg5
// CHECK-NOT: kv.begin_forward
// P1-LABEL: func.func @batch
// P1: kv.paged_write
// P256-LABEL: func.func @batch
// P256: kv.paged_attention
func.func @batch(%c0: !cache, %ids: tensor<?xi64>, %lens: tensor<?xi64>, %q: tensor<?x4x16xf32>, %k: tensor<?x2x16xf32>, %n: index)
    -> (tensor<?x4x16xf32>, tensor<?xindex>, !cache) {
  %c1 = kv.begin_forward %c0, %ids, %lens : !cache, tensor<?xi64>, tensor<?xi64>
  %pos = kv.positions %c1 : !cache -> tensor<?xindex>
  %o = kv.attend %c1[0], %q, %k, %k : !cache, tensor<?x4x16xf32>, tensor<?x2x16xf32>
  %c2 = kv.append %c1[0], %k, %k : !cache, tensor<?x2x16xf32>
  %c3 = kv.advance %c2, %n : !cache
  return %o, %pos, %c3 : tensor<?x4x16xf32>, tensor<?xindex>, !cache
}

// A statically sized decode step: the append length is a constant.
// CHECK-LABEL: func.func @decode
// CHECK: %[[ONE:.*]] = arith.constant 1 : i64
// CHECK: tensor.from_elements %[[ONE]] : tensor<1xi64>
// CHECK: kv.begin_forward
func.func @decode(%c0: !cache, %q: tensor<1x4x16xf32>, %k: tensor<1x2x16xf32>, %n: index) -> (tensor<1x4x16xf32>, !cache) {
  %o = kv.attend %c0[1], %q, %k, %k : !cache, tensor<1x4x16xf32>, tensor<1x2x16xf32>
  %c1 = kv.append %c0[1], %k, %k : !cache, tensor<1x2x16xf32>
  %c2 = kv.advance %c1, %n : !cache
  return %o, %c2 : tensor<1x4x16xf32>, !cache
}

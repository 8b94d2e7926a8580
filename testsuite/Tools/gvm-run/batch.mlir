// gvm-run --batch: the importer's batched entry points lowered to the paged cache (block table,
// slot mapping, paged attention), then a run of two prompts by continuous batching: each finished
// sequence prints its ids on its own line, the summary reports throughput and the cache's use.
// RUN: rm -rf %t && mkdir -p %t
// RUN: make-checkpoint llama2c %t/m.bin 16 40 2 4 2 64 32
// RUN: gvm-translate --import-llama2c %t/m.bin -o %t/m.mlir
// RUN: gvm-opt %t/m.mlir -p 'builtin.module(kv-lower-to-paged{page-size=4 num-pages=24})' | FileCheck %s --check-prefix=LOWERED
// LOWERED-LABEL: func.func @decode_batch(%arg0: tensor<?xi32>, %arg1: tensor<?xi64>, %arg2: !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 4, page_size = 4, num_pages = 24, dtype = f32>)
// LOWERED: %[[STEP:.*]] = kv.begin_forward %arg2, %arg1, %{{.*}} : !kv.paged_cache<{{.*}}>, tensor<?xi64>, tensor<?xi64>
// LOWERED-NEXT: %[[BT:.*]] = kv.block_table %[[STEP]]
// LOWERED-NEXT: %[[SL:.*]] = kv.seq_lens %[[STEP]]
// LOWERED-NEXT: %[[QSL:.*]] = kv.query_start_loc %[[STEP]]
// LOWERED-NEXT: %[[SLOTS:.*]] = kv.slot_mapping %[[STEP]]
// LOWERED-NEXT: %[[POS:.*]] = kv.positions %[[STEP]] : !kv.paged_cache<{{.*}}> -> tensor<?xindex>
// LOWERED: %[[W0:.*]] = kv.paged_write %[[STEP]][0], %{{.*}}, %{{.*}}, %[[SLOTS]] :
// LOWERED-NEXT: kv.paged_attention %[[W0]][0], %{{.*}}, %[[BT]], %[[SL]], %[[QSL]] : !kv.paged_cache<{{.*}}>, tensor<?x4x4xf32>, tensor<?x?xi32>, tensor<?xi32>, tensor<?xi32>{{$}}
// LOWERED: %[[W1:.*]] = kv.paged_write %[[W0]][1]
// LOWERED: kv.advance %[[W1]], %{{.*}} : !kv.paged_cache
// LOWERED-NOT: kv.attend

// RUN: echo 1,5,9 > %t/p.txt
// RUN: echo 1 >> %t/p.txt
// RUN: gvm-run %t/m.mlir --weights %t/m.bin --batch %t/p.txt --steps 12 --temperature 0 --page-size 4 --num-pages 8 > %t/out.txt 2> %t/err.txt
// RUN: FileCheck %s --check-prefix=OUT < %t/out.txt
// RUN: FileCheck %s --check-prefix=ERR < %t/err.txt
// OUT-DAG: {{^}}[1] ids: 1,5,9{{(,[0-9]+)*$}}
// OUT-DAG: {{^}}[2] ids: 1{{(,[0-9]+)*$}}
// ERR: batch: 2 sequences, 2 finished, 0 refused, at most 16 at once
// ERR-NEXT: batch: {{[0-9]+}} tokens generated ({{[0-9]+}} positions) in {{.*}} s: {{.*}} tokens/s (decode {{.*}} tokens/s) over {{[0-9]+}} steps, 0 preempted; kv cache: peak {{.*}} MiB allocated, mean waste {{.*}}% of allocated slots
// ERR-NEXT: kv cache: 8 pages of 4 tokens, {{.*}} MiB pool

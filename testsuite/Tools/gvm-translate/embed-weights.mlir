// gvm-translate --embed-weights: the weights travel in the module as dense_resource blobs (MLIR's
// dialect_resources section, hex after a 4-byte alignment) and the program runs without --weights,
// giving the same ids as the program that reads the checkpoint through gptvm.param.
// RUN: rm -rf %t && mkdir -p %t
// RUN: make-checkpoint llama2c %t/m.bin 16 40 2 4 2 64 32 separate 5
// RUN: make-checkpoint hf %t/hf %t/m.bin bf16
// RUN: gvm-translate --import-hf %t/hf --embed-weights --capacity 24 -o %t/e.mlir
// RUN: FileCheck %s < %t/e.mlir
// RUN: gvm-opt %t/e.mlir > /dev/null
// RUN: gvm-translate --import-hf %t/hf --capacity 24 -o %t/p.mlir
// RUN: gvm-run %t/e.mlir --prompt-ids 1,3 --steps 12 --temperature 0 --emit-ids > %t/e.ids
// RUN: gvm-run %t/p.mlir --weights %t/hf --prompt-ids 1,3 --steps 12 --temperature 0 --emit-ids > %t/p.ids
// RUN: diff %t/e.ids %t/p.ids

// CHECK: !cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 4, capacity = 24, dtype = f32>
// CHECK-NOT: gptvm.param
// CHECK: %wq_1 = arith.constant dense_resource<model.layers.1.self_attn.q_proj.weight> : tensor<16x16xbf16> loc("model.layers.1.self_attn.q_proj")
// CHECK: func.func @stop_token() -> i32 {
// CHECK-NEXT: %eos = arith.constant 1 : i32
// CHECK: {-#
// CHECK-NEXT: dialect_resources: {
// CHECK-NEXT: builtin: {
// CHECK-NEXT: model.embed_tokens.weight: "0x02000000{{[0-9A-F]+}}",
// CHECK: lm_head.weight: "0x02000000{{[0-9A-F]+}}"
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: #-}

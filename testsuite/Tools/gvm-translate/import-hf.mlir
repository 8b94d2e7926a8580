// gvm-translate --import-hf: a Hugging Face export (bf16, q/k rows permuted for rotate_half) of a
// random llama2.c model reads like the model's definition; the f32 export generates the same greedy
// ids as the llama2.c checkpoint it came from.
// RUN: rm -rf %t && mkdir -p %t
// RUN: make-checkpoint llama2c %t/m.bin 16 40 2 4 2 64 32 separate 3
// RUN: make-checkpoint hf %t/bf16 %t/m.bin bf16 2
// RUN: gvm-translate --import-hf %t/bf16 | FileCheck %s
// RUN: make-checkpoint hf %t/f32 %t/m.bin f32
// RUN: gvm-translate --import-hf %t/f32 -o %t/hf.mlir
// RUN: gvm-translate --import-llama2c %t/m.bin -o %t/l.mlir
// RUN: gvm-run %t/hf.mlir --weights %t/f32 --prompt-ids 1,9 --steps 20 --temperature 0 --emit-ids > %t/hf.ids
// RUN: gvm-run %t/l.mlir --weights %t/m.bin --prompt-ids 1,9 --steps 20 --temperature 0 --emit-ids > %t/l.ids
// RUN: diff %t/hf.ids %t/l.ids
// RUN: FileCheck %s --check-prefix=IDS < %t/hf.ids

// CHECK: // Imported from the Hugging Face checkpoint bf16: dim 16, hidden 40, 2 layers, 4 heads, 2 kv heads, vocab 64, 32 positions, rope_theta 10000.0, rms_norm_eps 1.0E-5, bf16 weights, separate classifier, eos 1.
// CHECK: !cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 4, capacity = 32, dtype = f32>
// CHECK-LABEL: func.func @prefill(%ids: tensor<?xi32>, %cache: !cache) -> (tensor<?x64xf32>, !cache)
// CHECK: %embed = gptvm.param "model.embed_tokens.weight" : tensor<64x16xbf16> loc("model.embed_tokens")
// CHECK: %x0 = gptvm.embedding %embed, %ids : (tensor<64x16xbf16>, tensor<?xi32>) -> tensor<?x16xf32> loc("model.embed_tokens")
// CHECK: %h_1 = gptvm.rms_norm %x1, %w_in_1 eps(1.0e-5) : tensor<?x16xf32>, tensor<16xbf16> loc("model.layers.1.input_layernorm")
// CHECK: %k_1 = gptvm.linear %h_1, %wk_1 : (tensor<?x16xf32>, tensor<8x16xbf16>) -> tensor<?x8xf32> loc("model.layers.1.self_attn.k_proj")
// CHECK: %kr_1 = gptvm.rope %kh_1, %pos theta(10000.0) layout(rotate_half) : tensor<?x2x4xf32>, tensor<?xindex> loc("model.layers.1.self_attn.rotary_emb")
// CHECK: %lm_head = gptvm.param "lm_head.weight" : tensor<64x16xbf16> loc("lm_head")
// CHECK-LABEL: func.func @decode

// IDS: ids: 1,9,{{([0-9]+,){18}[0-9]+$}}

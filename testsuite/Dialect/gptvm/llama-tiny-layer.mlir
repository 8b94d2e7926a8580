// RUN: gvm-opt %S/../../../examples/llama_tiny_layer.mlir | FileCheck %s
// RUN: gvm-opt %S/../../../examples/llama_tiny_layer.mlir | gvm-opt | FileCheck %s
// RUN: gvm-opt %S/../../../examples/llama_tiny_layer.mlir --mlir-print-op-generic | gvm-opt | FileCheck %s
// RUN: gvm-opt %S/../../../examples/llama_tiny_layer.mlir --mlir-print-debuginfo | FileCheck %s --check-prefix=LOC

// examples/llama_tiny_layer.mlir parses, verifies and round-trips (custom and generic form): a
// Llama decoder layer over a kv cache, weights by checkpoint name, locations naming the modules.

// CHECK-LABEL: func.func @create_cache() -> !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>
// CHECK-NEXT: %0 = kv.create : !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 512, dtype = f32>

// CHECK-LABEL: func.func @prefill
// CHECK-SAME: (%arg0: tensor<?xi32>, %arg1: !kv.cache<{{.*}}>) -> (tensor<?x512xf32>, !kv.cache<{{.*}}>)
// CHECK: %[[LEN:.*]] = kv.seq_len %arg1
// CHECK: %[[POS:.*]] = tensor.generate
// CHECK: arith.addi %[[LEN]],
// CHECK: %[[EMB:.*]] = gptvm.param "model.embed_tokens.weight" : tensor<512x64xf32>
// CHECK: %[[X:.*]] = gptvm.embedding %[[EMB]], %arg0 : (tensor<512x64xf32>, tensor<?xi32>) -> tensor<?x64xf32>
// CHECK: gptvm.param "model.layers.0.input_layernorm.weight" : tensor<64xf32>
// CHECK: gptvm.rms_norm %[[X]], %{{.*}} eps(1.000000e-05) : tensor<?x64xf32>, tensor<64xf32>
// CHECK: gptvm.param "model.layers.0.self_attn.q_proj.weight" : tensor<64x64xf32>
// CHECK: gptvm.param "model.layers.0.self_attn.k_proj.weight" : tensor<32x64xf32>
// CHECK: %[[QR:.*]] = gptvm.rope %{{.*}}, %[[POS]] theta(1.000000e+04) layout(interleaved) : tensor<?x8x8xf32>, tensor<?xindex>
// CHECK: %[[KR:.*]] = gptvm.rope %{{.*}}, %[[POS]] theta(1.000000e+04) layout(interleaved) : tensor<?x4x8xf32>, tensor<?xindex>
// CHECK: kv.attend %arg1[0], %[[QR]], %[[KR]], %{{.*}} : !kv.cache<{{.*}}>, tensor<?x8x8xf32>, tensor<?x4x8xf32>
// CHECK: %[[C1:.*]] = kv.append %arg1[0], %[[KR]], %{{.*}} : !kv.cache<{{.*}}>, tensor<?x4x8xf32>
// CHECK: gptvm.param "model.layers.0.mlp.down_proj.weight" : tensor<64x172xf32>
// CHECK: gptvm.silu %{{.*}} : tensor<?x172xf32>
// CHECK: %[[C2:.*]] = kv.advance %[[C1]], %{{.*}} : !kv.cache
// CHECK: gptvm.param "model.norm.weight" : tensor<64xf32>
// CHECK: %[[LOGITS:.*]] = gptvm.linear %{{.*}}, %[[EMB]] : (tensor<?x64xf32>, tensor<512x64xf32>) -> tensor<?x512xf32>
// CHECK: return %[[LOGITS]], %[[C2]] : tensor<?x512xf32>, !kv.cache

// CHECK-LABEL: func.func @decode
// CHECK-SAME: (%arg0: tensor<1xi32>, %arg1: !kv.cache<{{.*}}>) -> (tensor<1x512xf32>, tensor<1xi32>, !kv.cache<{{.*}}>)
// CHECK: kv.attend %arg1[0], %{{.*}} : !kv.cache<{{.*}}>, tensor<1x8x8xf32>, tensor<1x4x8xf32>
// CHECK: gptvm.argmax %{{.*}} : tensor<1x512xf32> -> tensor<1xi32>

// LOC-LABEL: func.func @prefill
// LOC: gptvm.param "model.embed_tokens.weight" : tensor<512x64xf32> loc([[EMBED:#loc[0-9]+]])
// LOC: gptvm.rms_norm {{.*}} loc([[NORM0:#loc[0-9]+]])
// LOC: kv.attend {{.*}} loc([[ATTN:#loc[0-9]+]])
// LOC: gptvm.silu {{.*}} loc([[ACT:#loc[0-9]+]])
// LOC: gptvm.linear {{.*}} -> tensor<?x512xf32> loc([[HEAD:#loc[0-9]+]])
// LOC-DAG: [[EMBED]] = loc("model.embed_tokens")
// LOC-DAG: [[NORM0]] = loc("model.layers.0.input_layernorm")
// LOC-DAG: [[ATTN]] = loc("model.layers.0.self_attn")
// LOC-DAG: [[ACT]] = loc("model.layers.0.mlp.act_fn")
// LOC-DAG: [[HEAD]] = loc("lm_head")

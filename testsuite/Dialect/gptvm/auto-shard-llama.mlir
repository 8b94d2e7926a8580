// RUN: gvm-opt %S/Inputs/llama-7b-shape-1layer.mlir --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=2},func.func(sharding-propagation,mesh-spmdization))" | FileCheck %s --check-prefixes=CHECK,TP2
// RUN: gvm-opt %S/Inputs/llama-7b-shape-1layer.mlir --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=4},func.func(sharding-propagation,mesh-spmdization))" | FileCheck %s --check-prefixes=CHECK,TP4
// RUN: gvm-opt %S/Inputs/llama-7b-shape-1layer.mlir --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=8},func.func(sharding-propagation,mesh-spmdization))" | FileCheck %s --check-prefixes=CHECK,TP8
// RUN: gvm-opt %S/Inputs/llama-7b-shape-1layer.mlir --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=4})" | FileCheck %s --check-prefix=PLAN
// RUN: gvm-opt %S/Inputs/llama-7b-shape-1layer.mlir --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=4 objective=throughput dynamic-size=16})" | FileCheck %s --check-prefix=PLAN

// Issue 9, acceptance 1 (Megatron check): an imported Llama layer of Llama-7B's shape, decode
// (one token), on 1-D meshes of 2, 4 and 8 devices with the 8xH100 cost model. The plan the ILP
// picks is Megatron-LM's tensor parallelism: q/k/v and gate/up split by output features (dim 0 of
// their weights), o_proj and down_proj by input features (dim 1); inside the layer the only
// collectives left after spmdization are two mesh.all_reduce, after o_proj and after down_proj.
// Decode reads every weight once per token, so splitting the weights N ways divides the layer's
// time by N, against two all-reduces of 16 KiB (5 us each).

// The annotations the pass writes: weights split, the o_proj result partial and then whole. The
// same for objective=throughput (each function's time per token: a 16-token prefill weighs 1/16).
// PLAN:      mesh.mesh @mesh0(shape = 4)
// PLAN-LABEL: func.func @decode
// PLAN:      gptvm.param "model.layers.0.self_attn.q_proj.weight"
// PLAN-NEXT: mesh.shard %{{.*}} to <@mesh0, {{\[\[0\]\]}}> : tensor<4096x4096xf32>
// PLAN:      kv.attend
// PLAN:      %[[O:.*]] = gptvm.linear {{.*}} -> tensor<1x4096xf32>
// PLAN-NEXT: %[[P:.*]] = mesh.shard %[[O]] to <@mesh0, {{\[\[\]\]}}, partial = sum[0]> : tensor<1x4096xf32>
// PLAN-NEXT: mesh.shard %[[P]] to <@mesh0, {{\[\[\]\]}}> annotate_for_users : tensor<1x4096xf32>

// The cache is split by kv heads; @create_cache makes the per-device cache from kv.create's sharding.
// CHECK-LABEL: func.func @create_cache
// TP2: kv.create : !kv.cache<layers = 1, kv_heads = 16, head_dim = 128, capacity = 2048, dtype = f32>
// TP4: kv.create : !kv.cache<layers = 1, kv_heads = 8, head_dim = 128, capacity = 2048, dtype = f32>
// TP8: kv.create : !kv.cache<layers = 1, kv_heads = 4, head_dim = 128, capacity = 2048, dtype = f32>

// CHECK-LABEL: func.func @decode
// CHECK:       gptvm.rms_norm
// CHECK-NOT:   mesh.
// CHECK:       gptvm.param "model.layers.0.self_attn.q_proj.weight" {mesh.sharding = #mesh.shard<@mesh0, {{\[\[0\]\]}}>}
// CHECK-NEXT:  gptvm.param "model.layers.0.self_attn.k_proj.weight" {mesh.sharding = #mesh.shard<@mesh0, {{\[\[0\]\]}}>}
// CHECK-NEXT:  gptvm.param "model.layers.0.self_attn.v_proj.weight" {mesh.sharding = #mesh.shard<@mesh0, {{\[\[0\]\]}}>}
// CHECK-NEXT:  gptvm.param "model.layers.0.self_attn.o_proj.weight" {mesh.sharding = #mesh.shard<@mesh0, {{\[\[\], \[0\]\]}}>}
// TP2-SAME:    tensor<4096x2048xf32>
// TP4-SAME:    tensor<4096x1024xf32>
// TP8-SAME:    tensor<4096x512xf32>
// CHECK-NOT:   mesh.
// CHECK:       kv.attend
// CHECK-NOT:   mesh.
// CHECK:       %[[O:.*]] = gptvm.linear {{.*}} -> tensor<1x4096xf32>
// CHECK-NEXT:  mesh.all_reduce %[[O]] on @mesh0 mesh_axes = [0] : tensor<1x4096xf32> -> tensor<1x4096xf32>
// CHECK-NOT:   mesh.
// CHECK:       gptvm.param "model.layers.0.mlp.gate_proj.weight" {mesh.sharding = #mesh.shard<@mesh0, {{\[\[0\]\]}}>}
// CHECK-NEXT:  gptvm.param "model.layers.0.mlp.up_proj.weight" {mesh.sharding = #mesh.shard<@mesh0, {{\[\[0\]\]}}>}
// CHECK-NEXT:  gptvm.param "model.layers.0.mlp.down_proj.weight" {mesh.sharding = #mesh.shard<@mesh0, {{\[\[\], \[0\]\]}}>}
// TP2-SAME:    tensor<4096x5504xf32>
// TP4-SAME:    tensor<4096x2752xf32>
// TP8-SAME:    tensor<4096x1376xf32>
// CHECK-NOT:   mesh.
// CHECK:       %[[D:.*]] = gptvm.linear {{.*}} -> tensor<1x4096xf32>
// CHECK-NEXT:  mesh.all_reduce %[[D]] on @mesh0 mesh_axes = [0] : tensor<1x4096xf32> -> tensor<1x4096xf32>
// CHECK-NOT:   mesh.
// CHECK:       kv.advance

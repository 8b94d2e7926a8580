// RUN: gvm-opt %S/Inputs/llama-7b-shape-1layer.mlir --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=2x4 dynamic-size=16})" | FileCheck %s --check-prefix=B16
// RUN: gvm-opt %S/Inputs/llama-7b-shape-1layer.mlir --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=2x4 dynamic-size=4096})" | FileCheck %s --check-prefix=B4096

// Issue 9, acceptance 2: a Llama-7B-shape layer on a 2x4 mesh, @prefill of 16 tokens (the
// dynamic token dimension counted as 16). The cost model does not choose DP x TP here, and says
// why: at 16 tokens every linear is bound by reading its weight (16 rows x 4096 x 4096 is 0.5
// GFLOP, 8 us at 67 TFLOP/s f32, against 64 MiB read in 20 us at 3.35 TB/s), so splitting every
// weight over all 8 devices (axes [0, 1]) reads 1/8 of it per device where DP(2) x TP(4) reads
// 1/4; the two all-reduces per layer then span the 8 devices, at about the same alpha-dominated
// cost (6 us) as over 4. Tensor parallelism over the axis pair wins.
// B16-LABEL: func.func @prefill
// B16:       gptvm.param "model.layers.0.self_attn.q_proj.weight"
// B16-NEXT:  mesh.shard %{{.*}} to <@mesh0, {{\[\[0, 1\]\]}}> : tensor<4096x4096xf32>
// B16:       gptvm.param "model.layers.0.self_attn.o_proj.weight"
// B16-NEXT:  mesh.shard %{{.*}} to <@mesh0, {{\[\[\], \[0, 1\]\]}}> : tensor<4096x4096xf32>
// B16:       gptvm.linear
// B16-NEXT:  mesh.shard %{{.*}} to <@mesh0, {{\[\[\], \[0, 1\]\]}}> : tensor<?x4096xf32>

// With 4096 tokens the linears are compute-bound (the weight read is amortised over the rows) and
// the plan is DP x TP for q/k/v: tokens split over axis 1 (4 ways), weights by output features
// over axis 0 (2 ways); kv.attend splits heads over both axes (its query positions stay whole);
// the MLP runs data-parallel over all 8 devices with whole weights, as its compute no longer
// depends on the weight split while any weight split would cost a collective over 4096 rows.
// B4096-LABEL: func.func @prefill
// B4096:       gptvm.param "model.layers.0.self_attn.q_proj.weight"
// B4096-NEXT:  mesh.shard %{{.*}} to <@mesh0, {{\[\[0\]\]}}> : tensor<4096x4096xf32>
// B4096:       gptvm.linear
// B4096-NEXT:  mesh.shard %{{.*}} to <@mesh0, {{\[\[1\], \[0\]\]}}> : tensor<?x4096xf32>
// B4096:       kv.attend
// B4096:       gptvm.param "model.layers.0.mlp.gate_proj.weight"
// B4096-NEXT:  mesh.shard %{{.*}} to <@mesh0, {{\[\[\]\]}}> : tensor<11008x4096xf32>
// B4096:       gptvm.linear
// B4096-NEXT:  mesh.shard %{{.*}} to <@mesh0, {{\[\[0, 1\]\]}}> : tensor<?x11008xf32>

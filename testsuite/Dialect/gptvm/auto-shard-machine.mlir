// RUN: gvm-opt %S/Inputs/llama-7b-shape-1layer.mlir --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=4 machine=%S/Inputs/slow-links.json})" | FileCheck %s --check-prefix=SLOW
// RUN: not gvm-opt %S/Inputs/llama-7b-shape-1layer.mlir --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=4 machine=%S/Inputs/bad-machine.json})" 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not gvm-opt %S/Inputs/llama-7b-shape-1layer.mlir --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=4 machine=%S/Inputs/no-such-machine.json})" 2>&1 | FileCheck %s --check-prefix=MISSING

// The cost model's machine comes from a JSON description. On the default 8xH100 NVLink node the
// Llama-7B-shape layer gets Megatron's plan (auto-shard-llama.mlir); on a machine whose links take
// 1 ms per collective and move 1 GB/s, no all-reduce pays for itself (a layer's weights are read in
// 0.24 ms), and the plan keeps every weight whole.
// SLOW-LABEL: func.func @decode
// SLOW:       gptvm.param "model.layers.0.self_attn.q_proj.weight"
// SLOW-NEXT:  mesh.shard %{{.*}} to <@mesh0, {{\[\[\]\]}}> : tensor<4096x4096xf32>
// SLOW:       gptvm.param "model.layers.0.self_attn.o_proj.weight"
// SLOW-NEXT:  mesh.shard %{{.*}} to <@mesh0, {{\[\[\]\]}}> : tensor<4096x4096xf32>
// SLOW-NOT:   partial

// Unknown keys, missing links and unreadable files are one-line errors.
// BAD: error: cannot read the machine description {{.*}}bad-machine.json: Unrecognized field "colour"
// MISSING: error: cannot read the machine description {{.*}}no-such-machine.json: no such file

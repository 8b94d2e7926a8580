// RUN: gvm-opt %s --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=4})" --gptvm-shard-report=%t.json | FileCheck %s --check-prefix=PLAN
// RUN: FileCheck %s --input-file=%t.json --check-prefix=REPORT
// RUN: gvm-opt %s --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=4},func.func(sharding-propagation,mesh-spmdization))" | FileCheck %s --check-prefix=SPMD
// RUN: gvm-opt %s --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=2x2},func.func(sharding-propagation))" | FileCheck %s --check-prefix=MESH2D

// gptvm-auto-shard on a two-layer MLP written in linalg (weights and inits are arguments): with
// the default 8xH100 cost model the ILP picks Megatron's plan, the first weight split by output
// columns and the second by input rows, so the only collective is one all_reduce of the output.
// The SPMD lines are mlir-opt-19's output for the same annotated module.

// PLAN:       mesh.mesh @mesh0(shape = 4)
// PLAN-LABEL: func.func @mlp
// PLAN:       mesh.shard %arg0 to <@mesh0, {{\[\[\]\]}}> : tensor<8x1024xf32>
// PLAN-NEXT:  mesh.shard %arg1 to <@mesh0, {{\[\[\], \[0\]\]}}> : tensor<1024x4096xf32>
// PLAN-NEXT:  mesh.shard %arg2 to <@mesh0, {{\[\[0\]\]}}> : tensor<4096x1024xf32>
// PLAN:       %[[H:.*]] = linalg.matmul
// PLAN-NEXT:  mesh.shard %[[H]] to <@mesh0, {{\[\[\], \[0\]\]}}> : tensor<8x4096xf32>
// PLAN:       %[[Y:.*]] = linalg.matmul
// PLAN-NEXT:  %[[P:.*]] = mesh.shard %[[Y]] to <@mesh0, {{\[\[\]\]}}, partial = sum[0]> : tensor<8x1024xf32>
// PLAN-NEXT:  %[[R:.*]] = mesh.shard %[[P]] to <@mesh0, {{\[\[\]\]}}> annotate_for_users : tensor<8x1024xf32>
// PLAN-NEXT:  return %[[R]]

// The report: the solver's verdict, the second matmul's strategy and its all-reduce, the totals.
// REPORT:      "mesh" : {
// REPORT-NEXT:   "name" : "mesh0",
// REPORT:      "solver" : {
// REPORT-NEXT:   "name" : "OR-Tools CP-SAT",
// REPORT-NEXT:   "status" : "OPTIMAL",
// REPORT:        "op" : "linalg.matmul",
// REPORT:        "op" : "linalg.matmul",
// REPORT-NEXT:   "loc" :
// REPORT-NEXT:   "strategy" : "{{\[\[\], \[0\]\], \[\[0\], \[\]\], \[\[\], \[\]\] -> \[\[\], \[\]\]}}",
// REPORT:        "all_reduce_axes" : [ 0 ],
// REPORT:      "totals" : {
// REPORT-NEXT:   "compute_seconds" :
// REPORT-NEXT:   "communication_seconds" :
// REPORT-NEXT:   "resharding_seconds" : 0.0,

// SPMD-LABEL: func.func @mlp(%arg0: tensor<8x1024xf32>, %arg1: tensor<1024x1024xf32>, %arg2: tensor<1024x1024xf32>, %arg3: tensor<8x1024xf32>, %arg4: tensor<8x1024xf32>) -> tensor<8x1024xf32>
// SPMD-NOT:   mesh.all_gather
// SPMD:       %[[A:.*]] = linalg.matmul ins(%arg0, %arg1 : tensor<8x1024xf32>, tensor<1024x1024xf32>) outs(%arg3 : tensor<8x1024xf32>)
// SPMD-NOT:   mesh.all_
// SPMD:       %[[B:.*]] = linalg.matmul ins(%[[A]], %arg2 : tensor<8x1024xf32>, tensor<1024x1024xf32>)
// SPMD-NEXT:  %[[S:.*]] = mesh.all_reduce %[[B]] on @mesh0 mesh_axes = [0] : tensor<8x1024xf32> -> tensor<8x1024xf32>
// SPMD-NEXT:  return %[[S]]

// On a 2x2 mesh the weights are split over the axis pair: 8 rows are too few for data parallelism
// to pay, as every matmul's time is the time to read its share of the weights.
// MESH2D:     mesh.mesh @mesh0(shape = 2x2)
// MESH2D:     mesh.shard %arg0 to <@mesh0, {{\[\[\]\]}}>
// MESH2D-NEXT: mesh.shard %arg1 to <@mesh0, {{\[\[\], \[0, 1\]\]}}>
// MESH2D-NEXT: mesh.shard %arg2 to <@mesh0, {{\[\[0, 1\]\]}}>
func.func @mlp(%x: tensor<8x1024xf32>, %w1: tensor<1024x4096xf32>, %w2: tensor<4096x1024xf32>, %i1: tensor<8x4096xf32>, %i2: tensor<8x1024xf32>) -> tensor<8x1024xf32> {
  %h = linalg.matmul ins(%x, %w1 : tensor<8x1024xf32>, tensor<1024x4096xf32>) outs(%i1 : tensor<8x4096xf32>) -> tensor<8x4096xf32>
  %y = linalg.matmul ins(%h, %w2 : tensor<8x4096xf32>, tensor<4096x1024xf32>) outs(%i2 : tensor<8x1024xf32>) -> tensor<8x1024xf32>
  return %y : tensor<8x1024xf32>
}

// REQUIRES: mesh-dialect
// RUN: not gvm-opt %s --sharding-propagation 2>&1 | FileCheck %s --check-prefix=PROP
// RUN: not gvm-opt %s --mesh-spmdization 2>&1 | FileCheck %s --check-prefix=SPMD
// RUN: gvm-opt %s --pass-pipeline="builtin.module(func.func(sharding-propagation,mesh-spmdization))" | FileCheck %s

// Both passes are interface passes on functions in MLIR: they are not nested into func.func
// implicitly, so at the top level they fail as mlir-opt-19 does.

// PROP: <unknown>:0: error: unable to schedule pass 'ShardingPropagation' on a PassManager intended to run on 'builtin.module'!
// SPMD: <unknown>:0: error: unable to schedule pass 'Spmdization' on a PassManager intended to run on 'builtin.module'!

mesh.mesh @m(shape = 2)
// CHECK-LABEL: func.func @f(%arg0: tensor<2x8xf32>) -> tensor<2x8xf32>
// CHECK-NEXT: %0 = tosa.exp %arg0 : (tensor<2x8xf32>) -> tensor<2x8xf32>
// CHECK-NEXT: return %0 : tensor<2x8xf32>
func.func @f(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = tosa.exp %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %1 = mesh.shard %0 to <@m, [[0]]> : tensor<4x8xf32>
  return %1 : tensor<4x8xf32>
}

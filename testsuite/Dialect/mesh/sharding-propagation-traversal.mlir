// REQUIRES: mesh-dialect
// RUN: gvm-opt %s --pass-pipeline="builtin.module(func.func(sharding-propagation))" | FileCheck %s --check-prefix=BOTH
// RUN: gvm-opt %s --pass-pipeline="builtin.module(func.func(sharding-propagation{traversal=backward-forward}))" | FileCheck %s --check-prefix=BOTH
// RUN: gvm-opt %s --pass-pipeline="builtin.module(func.func(sharding-propagation{traversal=backward}))" | FileCheck %s --check-prefix=BOTH
// RUN: gvm-opt %s --pass-pipeline="builtin.module(func.func(sharding-propagation{traversal=forward}))" | FileCheck %s --check-prefix=FORWARD

// The traversal option (LLVM 20's; LLVM 19 always runs backward, then forward, which stays the
// default: the BOTH lines are mlir-opt-19's output). The annotation sits on the last op's result, so
// only a backward sweep carries it to tanh; a forward sweep reaches tanh before anything is known.

mesh.mesh @m(shape = 4)
func.func @chain(%arg0: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %0 = tosa.tanh %arg0 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %1 = tosa.exp %0 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %2 = mesh.shard %1 to <@m, [[0]]> : tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

// BOTH-LABEL: func.func @chain(%arg0: tensor<8x16xf32>) -> tensor<8x16xf32> {
// BOTH-NEXT: %sharding_annotated = mesh.shard %arg0 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<8x16xf32>
// BOTH-NEXT: %0 = tosa.tanh %sharding_annotated : (tensor<8x16xf32>) -> tensor<8x16xf32>
// BOTH-NEXT: %sharding_annotated_0 = mesh.shard %0 to <@m, {{\[\[}}0]]> : tensor<8x16xf32>
// BOTH-NEXT: %sharding_annotated_1 = mesh.shard %sharding_annotated_0 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<8x16xf32>
// BOTH-NEXT: %1 = tosa.exp %sharding_annotated_1 : (tensor<8x16xf32>) -> tensor<8x16xf32>
// BOTH-NEXT: %sharding_annotated_2 = mesh.shard %1 to <@m, {{\[\[}}0]]> : tensor<8x16xf32>
// BOTH-NEXT: return %sharding_annotated_2 : tensor<8x16xf32>
// BOTH-NEXT: }

// FORWARD-LABEL: func.func @chain(%arg0: tensor<8x16xf32>) -> tensor<8x16xf32> {
// FORWARD-NEXT: %0 = tosa.tanh %arg0 : (tensor<8x16xf32>) -> tensor<8x16xf32>
// FORWARD-NEXT: %sharding_annotated = mesh.shard %0 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<8x16xf32>
// FORWARD-NEXT: %1 = tosa.exp %sharding_annotated : (tensor<8x16xf32>) -> tensor<8x16xf32>
// FORWARD-NEXT: %sharding_annotated_0 = mesh.shard %1 to <@m, {{\[\[}}0]]> : tensor<8x16xf32>
// FORWARD-NEXT: return %sharding_annotated_0 : tensor<8x16xf32>
// FORWARD-NEXT: }

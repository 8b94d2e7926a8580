// REQUIRES: mesh-dialect
// RUN: gvm-opt %s --split-input-file --verify-diagnostics --pass-pipeline="builtin.module(func.func(sharding-propagation))"

// Ops sharding-propagation cannot handle, with mlir-opt-19's errors (the same file passes
// mlir-opt-19 --verify-diagnostics).

mesh.mesh @m(shape = 4)
func.func @no_interface(%a: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %0 = mesh.shard %a to <@m, [[0]]> annotate_for_users : tensor<8x16xf32>
  // expected-error @+1 {{'tensor.empty' op sharding interface is not implemented.}}
  %e = tensor.empty() : tensor<8x16xf32>
  %1 = linalg.add ins(%0, %0 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%e : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %1 : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
// expected-error @+1 {{'func.func' op only one block is supported!}}
func.func @two_blocks(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  cf.br ^bb1
^bb1:
  return %x : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
func.func @scalar_operand(%x: tensor<8x16xf32>, %c: f32) -> tensor<8x16xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<8x16xf32>
  // The sharding interface needs ranked tensor operands: reported, then the op is left alone.
  // expected-error @+1 {{'linalg.fill' op invalid sharding interface implementation}}
  %0 = linalg.fill ins(%c : f32) outs(%xs : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

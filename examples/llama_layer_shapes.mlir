// A small example: the residual + gated-MLP arithmetic of one Llama layer on tensors, written with
// builtin/func/arith/tensor ops. `bin/gvm-opt` parses, verifies and prints it back.
func.func @swiglu(%gate: tensor<1x64xf32>, %up: tensor<1x64xf32>) -> tensor<1x64xf32> {
  %neg = arith.negf %gate : tensor<1x64xf32>
  %one = arith.constant dense<1.0> : tensor<1x64xf32>
  %e = arith.mulf %neg, %one fastmath<fast> : tensor<1x64xf32>
  %prod = arith.mulf %gate, %up : tensor<1x64xf32>
  %out = arith.addf %prod, %e : tensor<1x64xf32>
  return %out : tensor<1x64xf32>
}

func.func @residual(%x: tensor<1x64xf32>, %h: tensor<1x64xf32>) -> tensor<1x64xf32> {
  %r = arith.addf %x, %h : tensor<1x64xf32>
  %c1 = arith.constant 1 : index
  %d = tensor.dim %r, %c1 : tensor<1x64xf32>
  return %r : tensor<1x64xf32>
}

// RUN: gvm-opt %s --mlir-elide-elementsattrs-if-larger=2 | FileCheck %s --check-prefix=ELIDE
// RUN: gvm-opt %s --mlir-print-elementsattrs-with-hex-if-larger=2 | FileCheck %s --check-prefix=HEX
// RUN: gvm-opt %s | FileCheck %s --check-prefix=FULL

// Large elements attributes can be elided or printed as hex.

// ELIDE: arith.constant dense_resource<__elided__> : tensor<4xf32>
// ELIDE: arith.constant dense<[1, 2]> : tensor<2xi32>
// HEX: arith.constant dense<"0x0000803F000000400000404000008040"> : tensor<4xf32>
// HEX: arith.constant dense<[1, 2]> : tensor<2xi32>
// FULL: arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>
func.func @constants() -> (tensor<4xf32>, tensor<2xi32>) {
  %0 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %1 = arith.constant dense<[1, 2]> : tensor<2xi32>
  return %0, %1 : tensor<4xf32>, tensor<2xi32>
}

// A splat is never elided, however many elements it stands for (as mlir-opt-19).
// ELIDE: arith.constant dense<1.000000e+00> : tensor<4x8xf32>
func.func @splat() -> tensor<4x8xf32> {
  %0 = arith.constant dense<1.0> : tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

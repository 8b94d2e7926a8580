// RUN: not gvm-opt %s --no-implicit-module -split-input-file 2>&1 | FileCheck %s

// --no-implicit-module wants exactly one top-level op; mlir-opt-19 reports a
// miscount at FILE:0:0 (the location of the module it did not build), with no
// source line.

// CHECK: no-implicit-module.mlir:1 offset :0:0: error: source must contain a single top-level operation, found: 2
// CHECK-NOT: ^
// CHECK: no-implicit-module.mlir:{{[0-9]+}} offset :0:0: error: source must contain a single top-level operation, found: 0
func.func @a() {
  return
}
func.func @b() {
  return
}

// -----

#map = affine_map<(d0) -> (d0)>

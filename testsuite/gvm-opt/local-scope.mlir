// RUN: gvm-opt %s --mlir-print-local-scope | FileCheck %s
// RUN: gvm-opt %s --mlir-print-local-scope --mlir-print-debuginfo | FileCheck %s --check-prefix=LOC

// --mlir-print-local-scope prints attributes, types and locations inline
// instead of through aliases.

// CHECK-NOT: #map =
// CHECK: attributes {m = affine_map<(d0) -> (d0 + 1)>}
// LOC-NOT: #loc
// LOC: arith.negf %arg0 : f32 loc("x.py":1:2)
// LOC: } loc("{{.*}}local-scope.mlir":{{[0-9]+}}:1)
#map = affine_map<(d0) -> (d0 + 1)>
func.func @f(%a: f32) -> f32 attributes {m = #map} {
  %0 = arith.negf %a : f32 loc("x.py":1:2)
  return %0 : f32
}

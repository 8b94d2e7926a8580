// RUN: gvm-opt %s --mlir-print-skip-regions | FileCheck %s
// RUN: gvm-opt %s --mlir-print-skip-regions --mlir-print-debuginfo | FileCheck %s --check-prefix=LOC
// RUN: gvm-opt %s --mlir-print-skip-regions --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// --mlir-print-skip-regions prints regions as {...}; nothing inside them is
// printed, so nothing inside them gets an alias (as mlir-opt-19).

// CHECK-NOT: #map
// CHECK: module {...}
// CHECK-NOT: #

// LOC-NOT: #loc1
// LOC: module {...} loc(#loc)
// LOC-NEXT: #loc = loc("{{.*}}skip-regions.mlir":0:0)
// LOC-NOT: #loc

// GENERIC: "builtin.module"() ({...}) : () -> ()
func.func @f(%a: f32 loc("arg.py":3:4)) -> f32 attributes {m = affine_map<(d0) -> (d0 + 1)>} {
  %0 = arith.negf %a : f32 loc("x.py":1:2)
  return %0 : f32
}

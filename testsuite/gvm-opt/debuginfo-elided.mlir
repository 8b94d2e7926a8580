// RUN: gvm-opt %s -mlir-print-debuginfo | FileCheck %s

// Locations that the custom form does not print get no alias (as mlir-opt-19):
// the induction variable of scf.for and the implicit scf.yield. Aliases are
// numbered over the printed locations only.

// CHECK:      #loc2 = loc("{{.*}}debuginfo-elided.mlir":[[#@LINE+12]]:17)
// CHECK-NEXT: module {
// CHECK:        scf.for %arg1 = %c0 to %arg0 step %c1 {
// CHECK-NEXT:     arith.muli %arg1, %arg1 : index loc(#loc6)
// CHECK-NEXT:   } loc(#loc5)
// CHECK-NEXT:   return loc(#loc7)
// CHECK:      #loc5 = loc("{{.*}}debuginfo-elided.mlir":[[#@LINE+9]]:3)
// CHECK-NEXT: #loc6 = loc("{{.*}}debuginfo-elided.mlir":[[#@LINE+9]]:10)
// CHECK-NEXT: #loc7 = loc("{{.*}}debuginfo-elided.mlir":[[#@LINE+10]]:3)
// CHECK-NOT:  loc(
// CHECK-NOT:  #loc8

func.func @loop(%arg0: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %arg0 step %c1 {
    %0 = arith.muli %i, %i : index
  }
  return
}

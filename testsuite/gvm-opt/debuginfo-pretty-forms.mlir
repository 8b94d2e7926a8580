// RUN: gvm-opt %s --mlir-print-debuginfo --mlir-pretty-debuginfo | FileCheck %s

// The pretty form of every location kind, as mlir-opt-19 prints it: bare (no
// loc(...)), file names unquoted, never an alias at the top of an op's location,
// fused without its keyword, call sites broken before "at" unless a name calls
// from a file position.

// CHECK: #loc2 = arg.py:3:4
// CHECK-NEXT: module {
// CHECK-NEXT:   func.func @f(%arg0: f32 arg.py:3:4) -> f32 {
// CHECK-NEXT:     %0 = arith.negf %arg0 : f32 x.py:1:2
// CHECK-NEXT:     %1 = arith.negf %0 : f32 "named"(#loc3)
// CHECK-NEXT:     %2 = arith.negf %1 : f32 [#loc4, #loc5]
// CHECK-NEXT:     %3 = arith.negf %2 : f32 #loc4
// CHECK-NEXT:  at #loc5
// CHECK-NEXT:     %4 = arith.negf %3 : f32 [unknown]
// CHECK-NEXT:     %5 = arith.negf %4 : f32 "onlyname"
// CHECK-NEXT:     %6 = arith.negf %5 : f32 <"meta">[#loc4]
// CHECK-NEXT:     return %6 : f32 x.py:1:2
// CHECK-NEXT:   } {{.*}}debuginfo-pretty-forms.mlir:34:1
// CHECK-NEXT: } {{.*}}debuginfo-pretty-forms.mlir:0:0
// CHECK-NEXT: #loc = {{.*}}debuginfo-pretty-forms.mlir:0:0
// CHECK-NEXT: #loc1 = {{.*}}debuginfo-pretty-forms.mlir:34:1
// CHECK-NEXT: #loc3 = x.py:1:2
// CHECK-NEXT: #loc4 = a.py:1:1
// CHECK-NEXT: #loc5 = b.py:2:2
// CHECK-NEXT: #loc6 = [unknown]
// CHECK-NEXT: #loc7 = "onlyname"
// CHECK-NEXT: #loc8 = "named"(#loc3)
// CHECK-NEXT: #loc9 = [#loc4, #loc5]
// CHECK-NEXT: #loc10 = #loc4
// CHECK-NEXT:  at #loc5
// CHECK-NEXT: #loc11 = <"meta">[#loc4]
func.func @f(%a: f32 loc("arg.py":3:4)) -> f32 {
  %0 = arith.negf %a : f32 loc("x.py":1:2)
  %1 = arith.negf %0 : f32 loc("named"("x.py":1:2))
  %2 = arith.negf %1 : f32 loc(fused["a.py":1:1, "b.py":2:2])
  %3 = arith.negf %2 : f32 loc(callsite("a.py":1:1 at "b.py":2:2))
  %4 = arith.negf %3 : f32 loc(unknown)
  %5 = arith.negf %4 : f32 loc("onlyname")
  %6 = arith.negf %5 : f32 loc(fused<"meta">["a.py":1:1])
  return %6 : f32 loc("x.py":1:2)
}

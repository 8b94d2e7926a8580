// RUN: gvm-opt %s -mlir-print-debuginfo | FileCheck %s
// RUN: gvm-opt %s | FileCheck %s --check-prefix=PLAIN

// -mlir-print-debuginfo prints each op's location; repeated ones become
// #locN aliases listed after the module.

// CHECK: func.func @located(%arg0: f32 loc("args.py":3:14)) -> f32 {
// CHECK: arith.negf %arg0 : f32 loc([[NAMED:#loc[0-9]*]])
// CHECK: return %{{.*}} : f32 loc([[RET:#loc[0-9]*]])
// CHECK: } loc([[FN:#loc[0-9]*]])
// CHECK: } loc(#loc)
// CHECK-DAG: [[FN]] = loc("model.mlir":1:1)
// CHECK-DAG: [[NAMED]] = loc("scale"({{#loc[0-9]*}}))
// CHECK-DAG: [[RET]] = loc("{{.*}}debuginfo.mlir":{{[0-9]+}}:3)
// PLAIN-NOT: loc(
func.func @located(%a: f32 loc("args.py":3:14)) -> f32 {
  %0 = arith.negf %a : f32 loc("scale"("layer.py":7:2))
  return %0 : f32
} loc("model.mlir":1:1)

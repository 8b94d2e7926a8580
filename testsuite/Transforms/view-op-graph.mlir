// RUN: gvm-opt %s --view-op-graph -o /dev/null 2>&1 | FileCheck %s
// RUN: gvm-opt %s --view-op-graph="print-control-flow-edges print-attrs=false max-label-len=2" -o /dev/null 2>&1 | FileCheck %s --check-prefix=CFG
// RUN: gvm-opt %s --print-op-stats -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS
// RUN: gvm-opt %s --print-op-stats=json=true -o /dev/null 2>&1 | FileCheck %s --check-prefix=JSON

// Graphviz DOT and op statistics as mlir-opt-19 prints them (its output, copied).

// CHECK: digraph G {
// CHECK-NEXT:   compound = true;
// CHECK-NEXT:   subgraph cluster_1 {
// CHECK-NEXT:     v2 [label = " ", shape = plain];
// CHECK-NEXT:     label = "builtin.module : ()\n";
// CHECK-NEXT:     subgraph cluster_3 {
// CHECK-NEXT:       v4 [label = " ", shape = plain];
// CHECK-NEXT:       label = "";
// CHECK-NEXT:       subgraph cluster_5 {
// CHECK-NEXT:         v6 [label = " ", shape = plain];
// CHECK-NEXT:         label = "func.func : ()\n\nfunction_type: (i32) -> i32\nsym_name: \"f\"";
// CHECK-NEXT:         subgraph cluster_7 {
// CHECK-NEXT:           v8 [label = " ", shape = plain];
// CHECK-NEXT:           label = "";
// CHECK-NEXT:           v9 [label = "arg0", shape = ellipse];
// CHECK-NEXT:           v10 [fillcolor = "0.000000 1.0 1.0", label = "arith.constant : (i32)\n\nvalue: 7 : i32", shape = ellipse, style = filled];
// CHECK-NEXT:           v11 [fillcolor = "0.200000 1.0 1.0", label = "arith.addi : (i32)\n\noverflowFlags: #arith.overflow<none...", shape = ellipse, style = filled];
// CHECK-NEXT:           v12 [fillcolor = "0.400000 1.0 1.0", label = "func.return : ()\n", shape = ellipse, style = filled];
// CHECK-NEXT:         }
// CHECK-NEXT:       }
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   v9 -> v11 [label = "0", style = solid];
// CHECK-NEXT:   v10 -> v11 [label = "1", style = solid];
// CHECK-NEXT:   v11 -> v12 [label = "", style = solid];
// CHECK-NEXT: }

// CFG: label = "builtin.module : ()";
// CFG: v10 [fillcolor = "0.000000 1.0 1.0", label = "arith.constant : (i3...)", shape = ellipse, style = filled];
// CFG: v10 -> v11 [label = "", style = dashed];
// CFG-NEXT: v11 -> v12 [label = "", style = dashed];
// CFG-NEXT: v9 -> v11 [label = "0", style = solid];
// CFG-NEXT: v10 -> v11 [label = "1", style = solid];
// CFG-NEXT: v11 -> v12 [label = "", style = solid];

// STATS: Operations encountered:
// STATS-NEXT: -----------------------
// STATS-NEXT: {{^}}    arith.addi     , 1
// STATS-NEXT: {{^}}    arith.constant , 1
// STATS-NEXT: {{^}}  builtin.module   , 1
// STATS-NEXT: {{^}}     func.func     , 1
// STATS-NEXT: {{^}}     func.return   , 1

// JSON: {
// JSON-NEXT:   "arith.addi" : 1,
// JSON-NEXT:   "arith.constant" : 1,
// JSON-NEXT:   "builtin.module" : 1,
// JSON-NEXT:   "func.func" : 1,
// JSON-NEXT:   "func.return" : 1
// JSON-NEXT: }

func.func @f(%x: i32) -> i32 {
  %c = arith.constant 7 : i32
  %0 = arith.addi %x, %c : i32
  return %0 : i32
}

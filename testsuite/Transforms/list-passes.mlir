// The passes gvm-opt knows, in --help and --list-passes, in mlir-opt-19's layout.
// RUN: gvm-opt --list-passes | FileCheck %s --strict-whitespace
// RUN: gvm-opt --list-passes | FileCheck %s --strict-whitespace --check-prefix=ENUM
// RUN: gvm-opt --help | FileCheck %s --check-prefix=HELP

// CHECK: {{^}}  Compiler passes to run
// CHECK-NEXT: {{^}}    Passes:
// CHECK: {{^}}      --print-op-stats                                       -   Print statistics of operations
// CHECK-NEXT: {{^}}        --json                                               - print the stats as JSON
// CHECK: {{^}}      --symbol-dce                                           -   Eliminate dead symbols
// CHECK: {{^}}      --test-pass-create-invalid-ir                          -   Test pass that adds an invalid operation in a function body
// CHECK-NEXT: {{^}}        --emit-invalid-ir                                    - Emit invalid IR
// CHECK-NEXT: {{^}}        --signal-pass-failure                                - Trigger a pass failure
// ENUM: {{^}}        --region-simplify=<value>                            - Perform control flow optimizations to the region tree
// ENUM-NEXT: {{^}}    =disabled                                          -   Don't run any control-flow simplification.
// HELP: --mlir-print-ir-tree-dir=<string>
// HELP: Compiler passes to run
// HELP: --symbol-dce

// --mlir-timing and --mlir-pass-statistics reports, laid out as mlir-opt-19's.
// RUN: gvm-opt %s -p 'builtin.module(func.func(strip-debuginfo),symbol-dce)' --mlir-timing --mlir-timing-display=tree --mlir-disable-threading -o /dev/null 2>&1 | FileCheck %s --check-prefix=TREE
// RUN: gvm-opt %s -p 'builtin.module(func.func(strip-debuginfo),symbol-dce)' --mlir-timing --mlir-timing-display=list -o /dev/null 2>&1 | FileCheck %s --check-prefix=LIST
// RUN: gvm-opt %s -p 'builtin.module(func.func(strip-debuginfo),symbol-dce)' --mlir-timing --mlir-output-format=json --mlir-disable-threading -o /dev/null 2>&1 | FileCheck %s --check-prefix=JSON
// RUN: not gvm-opt %s --mlir-timing-display=flat 2>&1 | FileCheck %s --check-prefix=BAD

// TREE: ===-------------------------------------------------------------------------===
// TREE-NEXT: {{^}}                         ... Execution time report ...
// TREE-NEXT: ===-------------------------------------------------------------------------===
// TREE-NEXT: {{^}}  Total Execution Time: {{[0-9]+\.[0-9][0-9][0-9][0-9]}} seconds
// TREE-EMPTY:
// TREE-NEXT: {{^}}  ----Wall Time----  ----Name----
// TREE-NEXT: {{^    [0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)  Parser$}}
// TREE-NEXT: {{^    [0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)  'func.func' Pipeline$}}
// TREE-NEXT: {{^    [0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)    StripDebugInfo$}}
// TREE-NEXT: {{^    [0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)  SymbolDCE$}}
// TREE-NEXT: {{^    [0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)  Output$}}
// TREE-NEXT: {{^    [0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)  Rest$}}
// TREE-NEXT: {{^    [0-9]+\.[0-9][0-9][0-9][0-9] \(100\.0%\)  Total$}}

// With threads (the default) there is a user-time column; the list merges
// timers by name, sorted by time.
// LIST: {{^}}  ----User Time----  ----Wall Time----  ----Name----
// LIST-DAG: {{^    [0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)    [0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)  StripDebugInfo$}}
// LIST-DAG: {{^  .*  Parser$}}
// LIST: {{^  .*  Rest$}}
// LIST-NEXT: {{^  .*  Total$}}

// The default display is the tree.
// JSON: [
// JSON-NEXT: {"wall": {"duration": {{ *[0-9]+\.[0-9][0-9][0-9][0-9]}}, "percentage": {{ *[0-9]+\.[0-9]}}}, "name": "Parser", "passes": [
// JSON-NEXT: {}]},
// JSON-NEXT: {"wall": {"duration": {{ *[0-9]+\.[0-9][0-9][0-9][0-9]}}, "percentage": {{ *[0-9]+\.[0-9]}}}, "name": "'func.func' Pipeline", "passes": [
// JSON-NEXT: {{^  }}{"wall": {"duration": {{ *[0-9]+\.[0-9][0-9][0-9][0-9]}}, "percentage": {{ *[0-9]+\.[0-9]}}}, "name": "StripDebugInfo", "passes": [
// JSON-NEXT: {{^  }}{}]},
// JSON-NEXT: {}]},
// JSON: {"wall": {"duration": {{ *[0-9]+\.[0-9][0-9][0-9][0-9]}}, "percentage": 100.0}, "name": "Total"}
// JSON-NEXT: ]

// BAD: for the --mlir-timing-display option: Cannot find option named 'flat'!

func.func @f() {
  return
}
func.func private @dead()

// Textual pipelines and pass flags, with mlir-opt-19's messages.
// RUN: gvm-opt %s -p 'builtin.module(func.func(print-op-stats{json=false}, print-op-stats ), symbol-dce)' --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=DUMP
// RUN: gvm-opt %s --symbol-dce --print-op-stats=json=true --symbol-dce --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=FLAGS
// RUN: not gvm-opt %s -p 'builtin.module(foo)' 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not gvm-opt %s -p 'builtin.module(symbol-dce{bad=1})' 2>&1 | FileCheck %s --check-prefix=BADOPT
// RUN: not gvm-opt %s -p 'builtin.module(print-op-stats{json=maybe})' 2>&1 | FileCheck %s --check-prefix=BADVAL
// RUN: not gvm-opt %s -p 'builtin.module(func.func(symbol-dce)' 2>&1 | FileCheck %s --check-prefix=PARENS
// RUN: not gvm-opt %s -p 'symbol-dce' 2>&1 | FileCheck %s --check-prefix=ANCHOR
// RUN: not gvm-opt %s -p 'func.func(symbol-dce)' 2>&1 | FileCheck %s --check-prefix=WRONGOP
// RUN: not gvm-opt %s --symbol-dce=x=1 2>&1 | FileCheck %s --check-prefix=FLAGOPT
// RUN: not gvm-opt %s --symbol-dce -p 'builtin.module(symbol-dce)' 2>&1 | FileCheck %s --check-prefix=BOTH
// RUN: not gvm-opt %s --symbol-dc 2>&1 | FileCheck %s --check-prefix=NEAR

// DUMP: Pass Manager with 2 passes:
// DUMP-NEXT: builtin.module(func.func(print-op-stats{json=false},print-op-stats{json=false}),symbol-dce)
// DUMP-EMPTY:
// DUMP-NEXT: Operations encountered:
// FLAGS: Pass Manager with 3 passes:
// FLAGS-NEXT: builtin.module(symbol-dce,print-op-stats{json=true},symbol-dce)
// FLAGS: "func.func" : 1

// UNKNOWN: <unknown>:0: error: MLIR Textual PassPipeline Parser:1:1: error: 'foo' does not refer to a registered pass or pass pipeline
// UNKNOWN-NEXT: {{^}}foo{{$}}
// UNKNOWN-NEXT: {{^}}^{{$}}
// BADOPT: <unknown>:0: error: <Pass-Options-Parser>: no such option bad
// BADOPT-EMPTY:
// BADOPT-NEXT: failed to add `symbol-dce` with options `bad=1`
// BADVAL: gvm-opt: for the --json option: 'maybe' is invalid value for boolean argument! Try 0 or 1
// BADVAL-NEXT: <unknown>:0: error:
// BADVAL-NEXT: failed to add `print-op-stats` with options `json=maybe`
// PARENS: error: MLIR Textual PassPipeline Parser:1:11: error: encountered unbalanced parentheses while parsing pipeline
// PARENS-NEXT: {{^}}func.func(symbol-dce{{$}}
// PARENS-NEXT: {{^}}          ^{{$}}
// ANCHOR: <unknown>:0: error: expected pass pipeline to be wrapped with the anchor operation type, e.g. 'builtin.module(...)'
// WRONGOP: pass-pipeline.mlir:0:0: error: can't run 'func.func' pass manager on 'builtin.module' op
// FLAGOPT: <unknown>:0: error: <Pass-Options-Parser>: no such option x
// BOTH: <unknown>:0: error: '-pass-pipeline' option can't be used with individual pass options
// NEAR: Unknown command line argument '--symbol-dc'.
// NEAR-NEXT: Did you mean '--symbol-dce'?

func.func @f() {
  return
}

// RUN: not gvm-opt %s --mlir-print-ir-before=foo,symbol-dce 2>&1 | FileCheck %s --check-prefix=PRINTARG
// PRINTARG: gvm-opt: for the --mlir-print-ir-before option: Cannot find option named 'foo'!

// --verify-roundtrip: the generic form parses back to the same IR.
// RUN: gvm-opt %s --verify-roundtrip --symbol-dce | FileCheck %s --check-prefix=ROUNDTRIP
// ROUNDTRIP: func.func @f()

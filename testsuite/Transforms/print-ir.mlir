// IR printing around passes; every expectation below is mlir-opt-19's output.
// RUN: gvm-opt %s -p 'builtin.module(func.func(strip-debuginfo),symbol-dce)' --mlir-print-ir-before=strip-debuginfo --mlir-print-ir-after=symbol-dce -o /dev/null 2>&1 | FileCheck %s --check-prefix=SOME
// RUN: gvm-opt %s -p 'builtin.module(func.func(strip-debuginfo),symbol-dce)' --mlir-print-ir-after-all --mlir-print-debuginfo -o /dev/null 2>&1 | FileCheck %s --check-prefix=ALL
// RUN: gvm-opt %s -p 'builtin.module(func.func(strip-debuginfo),symbol-dce,symbol-dce)' --mlir-print-ir-after-all --mlir-print-ir-after-change -o /dev/null 2>&1 | FileCheck %s --check-prefix=CHANGE
// RUN: not gvm-opt %s -p 'builtin.module(func.func(strip-debuginfo),test-pass-failure)' --mlir-print-ir-after-failure -o /dev/null 2>&1 | FileCheck %s --check-prefix=FAILURE
// RUN: gvm-opt %s -p 'builtin.module(func.func(strip-debuginfo))' --mlir-print-ir-before-all --mlir-print-ir-module-scope --mlir-disable-threading -o /dev/null 2>&1 | FileCheck %s --check-prefix=SCOPE
// RUN: not gvm-opt %s -p 'builtin.module(func.func(strip-debuginfo))' --mlir-print-ir-before-all --mlir-print-ir-module-scope 2>&1 | FileCheck %s --check-prefix=SCOPE-THREADS
// RUN: rm -rf %t && not gvm-opt %s -p 'builtin.module(func.func(strip-debuginfo),symbol-dce,func.func(test-pass-failure))' --mlir-print-ir-after-all --mlir-print-ir-before=symbol-dce --mlir-print-ir-tree-dir=%t -o /dev/null 2>&1 | count 0
// RUN: cat %t/builtin_module_no-symbol-name/func_func_a/0_0_strip-debuginfo.mlir | FileCheck %s --check-prefix=TREE-A
// RUN: cat %t/builtin_module_no-symbol-name/func_func_unused/0_0_strip-debuginfo.mlir | FileCheck %s --check-prefix=TREE-UNUSED
// RUN: cat %t/builtin_module_no-symbol-name/1_symbol-dce.mlir | FileCheck %s --check-prefix=TREE-BEFORE-DCE
// RUN: cat %t/builtin_module_no-symbol-name/2_symbol-dce.mlir | FileCheck %s --check-prefix=TREE-AFTER-DCE
// RUN: cat %t/builtin_module_no-symbol-name/func_func_a/2_1_test-pass-failure.mlir | FileCheck %s --check-prefix=TREE-FAILED
// RUN: rm -rf %t.cse && gvm-opt %s -p 'builtin.module(func.func(cse,canonicalize))' --mlir-print-ir-after-all --mlir-print-ir-before=cse --mlir-print-ir-tree-dir=%t.cse -o /dev/null
// RUN: cat %t.cse/builtin_module_no-symbol-name/func_func_a/0_0_cse.mlir %t.cse/builtin_module_no-symbol-name/func_func_a/0_1_cse.mlir %t.cse/builtin_module_no-symbol-name/func_func_a/0_2_canonicalize.mlir | FileCheck %s --check-prefix=CSE

// CSE: // -----// IR Dump Before CSE (cse) //----- //
// CSE-NEXT: func.func @a(%arg0: i32) -> i32 {
// CSE-NEXT:   %0 = arith.addi %arg0, %arg0 : i32
// CSE-NEXT:   %1 = arith.addi %arg0, %arg0 : i32
// CSE-NEXT:   %2 = arith.muli %0, %1 : i32
// CSE-NEXT:   return %2 : i32
// CSE-NEXT: }
// CSE-EMPTY:
// CSE-NEXT: // -----// IR Dump After CSE (cse) //----- //
// CSE-NEXT: func.func @a(%arg0: i32) -> i32 {
// CSE-NEXT:   %0 = arith.addi %arg0, %arg0 : i32
// CSE-NEXT:   %1 = arith.muli %0, %0 : i32
// CSE-NEXT:   return %1 : i32
// CSE-NEXT: }
// CSE-EMPTY:
// CSE-NEXT: // -----// IR Dump After Canonicalizer (canonicalize) //----- //

// SOME: // -----// IR Dump Before StripDebugInfo (strip-debuginfo) //----- //
// SOME-NEXT: func.func @a(%arg0: i32) -> i32 {
// SOME: // -----// IR Dump Before StripDebugInfo (strip-debuginfo) //----- //
// SOME-NEXT: func.func private @unused(){{$}}
// SOME-EMPTY:
// SOME-NEXT: // -----// IR Dump After SymbolDCE (symbol-dce) //----- //
// SOME-NEXT: module {
// SOME-NEXT:   func.func @a
// SOME-NOT: @unused
// SOME-NOT: IR Dump

// ALL: // -----// IR Dump After StripDebugInfo (strip-debuginfo) //----- //
// ALL-NEXT: func.func @a(%arg0: i32 loc(unknown)) -> i32 {
// ALL-NEXT:   %0 = arith.addi %arg0, %arg0 : i32 loc(unknown)
// ALL-NEXT:   %1 = arith.addi %arg0, %arg0 : i32 loc(unknown)
// ALL-NEXT:   %2 = arith.muli %0, %1 : i32 loc(unknown)
// ALL-NEXT:   return %2 : i32 loc(unknown)
// ALL-NEXT: } loc(unknown)
// ALL-EMPTY:
// ALL-NEXT: // -----// IR Dump After StripDebugInfo (strip-debuginfo) //----- //
// ALL-NEXT: func.func private @unused() loc(unknown)
// ALL-EMPTY:
// ALL-NEXT: // -----// IR Dump After SymbolDCE (symbol-dce) //----- //
// ALL-NEXT: #loc1 = loc(unknown)
// ALL-NEXT: module {

// The second symbol-dce changes nothing, so it is not printed.
// CHANGE: // -----// IR Dump After StripDebugInfo (strip-debuginfo) //----- //
// CHANGE: // -----// IR Dump After StripDebugInfo (strip-debuginfo) //----- //
// CHANGE: // -----// IR Dump After SymbolDCE (symbol-dce) //----- //
// CHANGE-NOT: IR Dump

// FAILURE-NOT: StripDebugInfo
// FAILURE: // -----// IR Dump After (anonymous namespace)::TestFailurePass Failed (test-pass-failure) //----- //
// FAILURE-NEXT: module {

// SCOPE: // -----// IR Dump Before StripDebugInfo (strip-debuginfo) ('func.func' operation: @a) //----- //
// SCOPE-NEXT: module {
// SCOPE: // -----// IR Dump Before StripDebugInfo (strip-debuginfo) ('func.func' operation: @unused) //----- //
// SCOPE-NEXT: module {

// SCOPE-THREADS: <unknown>:0: error: IR print for module scope can't be setup on a pass-manager without disabling multi-threading first.

// TREE-A: // -----// IR Dump After StripDebugInfo (strip-debuginfo) //----- //
// TREE-A-NEXT: func.func @a(
// TREE-UNUSED: func.func private @unused()
// TREE-BEFORE-DCE: // -----// IR Dump Before SymbolDCE (symbol-dce) //----- //
// TREE-BEFORE-DCE: @unused
// TREE-AFTER-DCE: // -----// IR Dump After SymbolDCE (symbol-dce) //----- //
// TREE-AFTER-DCE-NOT: @unused
// TREE-FAILED: // -----// IR Dump After (anonymous namespace)::TestFailurePass Failed (test-pass-failure) //----- //

func.func @a(%x: i32) -> i32 {
  %0 = arith.addi %x, %x : i32
  %1 = arith.addi %x, %x : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
func.func private @unused()

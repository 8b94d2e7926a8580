// Failing, crashing and IR-breaking passes; messages and the reproducer file
// are mlir-opt-19's (its test passes test-pass-failure, test-pass-crash and
// test-pass-create-invalid-ir have the same names).

// A failing pass fails the run without a message of its own.
// RUN: not gvm-opt %s --test-pass-failure 2>&1 | count 0

// A pass that throws is an error on the op it ran on, never a stack trace.
// RUN: not gvm-opt %s --test-pass-crash 2>&1 | FileCheck %s --check-prefix=CRASH
// CRASH: pass-failure.mlir:0:0: error: pass 'test-pass-crash' failed with an internal error: IllegalStateException: Test failure
// CRASH-NOT: at gvm.

// --verify-each (on by default) catches IR a pass broke.
// RUN: not gvm-opt %s -p 'builtin.module(func.func(test-pass-create-invalid-ir))' 2>&1 | FileCheck %s --check-prefix=VERIFY
// RUN: gvm-opt %s -p 'builtin.module(func.func(test-pass-create-invalid-ir))' --verify-each=false | FileCheck %s --check-prefix=NOVERIFY
// RUN: not gvm-opt %s -p 'builtin.module(func.func(test-pass-create-invalid-ir{emit-invalid-ir=false signal-pass-failure=true}))' 2>&1 | count 0
// VERIFY: <unknown>:0: error: 'arith.constant' op requires attribute 'value'
// VERIFY-NEXT: <unknown>:0: note: see current operation: %0 = "arith.constant"() : () -> i32
// NOVERIFY: "arith.constant"() : () -> i32

// The crash reproducer holds the IR from before the pipeline and the pipeline;
// --run-reproducer runs it again.
// RUN: rm -rf %t && mkdir %t
// RUN: not gvm-opt %s -p 'builtin.module(symbol-dce,func.func(test-pass-failure))' --mlir-pass-pipeline-crash-reproducer=%t/repro.mlir --mlir-disable-threading 2>&1 | FileCheck %s --check-prefix=REPRO-ERR
// RUN: cat %t/repro.mlir | FileCheck %s --check-prefix=REPRO
// RUN: not gvm-opt %t/repro.mlir --run-reproducer --dump-pass-pipeline 2>&1 | FileCheck %s --check-prefix=AGAIN
// RUN: not gvm-opt %s --test-pass-crash --mlir-pass-pipeline-crash-reproducer=%t/crash.mlir 2>&1 | FileCheck %s --check-prefix=CRASH-REPRO-ERR
// RUN: cat %t/crash.mlir | FileCheck %s --check-prefix=CRASH-REPRO

// REPRO-ERR: pass-failure.mlir:{{[0-9]+}}:1: error: Failures have been detected while processing an MLIR pass pipeline
// REPRO-ERR: pass-failure.mlir:{{[0-9]+}}:1: note: Pipeline failed while executing [`(anonymous namespace)::TestFailurePass` on 'func.func' operation: @f]: reproducer generated at `{{.*}}repro.mlir`
// REPRO: module {
// REPRO-NEXT:   func.func @f() {
// REPRO-NEXT:     return
// REPRO-NEXT:   }
// REPRO-NEXT:   func.func private @dead()
// REPRO-NEXT: }
// REPRO-EMPTY:
// REPRO-NEXT: {-#
// REPRO-NEXT:   external_resources: {
// REPRO-NEXT:     mlir_reproducer: {
// REPRO-NEXT:       pipeline: "builtin.module(symbol-dce, func.func(test-pass-failure))",
// REPRO-NEXT:       disable_threading: true,
// REPRO-NEXT:       verify_each: true
// REPRO-NEXT:     }
// REPRO-NEXT:   }
// REPRO-NEXT: #-}
// AGAIN: Pass Manager with 2 passes:
// AGAIN-NEXT: builtin.module(symbol-dce,func.func(test-pass-failure))
// CRASH-REPRO-ERR-NOT: internal error
// CRASH-REPRO-ERR: pass-failure.mlir:0:0: error: Failures have been detected while processing an MLIR pass pipeline
// CRASH-REPRO-ERR-NEXT: pass-failure.mlir:0:0: note: Pipeline failed while executing [`(anonymous namespace)::TestCrashRecoveryPass` on 'builtin.module' operation]: reproducer generated at `{{.*}}crash.mlir`
// Functions crash on several threads; the first in IR order is reported.
// RUN: not gvm-opt %s -p 'builtin.module(func.func(test-pass-crash))' --mlir-pass-pipeline-crash-reproducer=%t/threads.mlir 2>&1 | FileCheck %s --check-prefix=THREADS
// THREADS: note: Pipeline failed while executing [`(anonymous namespace)::TestCrashRecoveryPass` on 'func.func' operation: @f]: reproducer generated at
// CRASH-REPRO: pipeline: "builtin.module(test-pass-crash)",
// CRASH-REPRO-NEXT: disable_threading: false,

func.func @f() {
  return
}
func.func private @dead()

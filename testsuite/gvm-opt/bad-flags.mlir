// RUN: not gvm-opt --no-such-flag %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not gvm-opt -mlir-print-op-generic=maybe %s 2>&1 | FileCheck %s --check-prefix=BOOL
// RUN: not gvm-opt %s -o 2>&1 | FileCheck %s --check-prefix=VALUE
// RUN: not gvm-opt %s --mlir-elide-elementsattrs-if-larger=lots 2>&1 | FileCheck %s --check-prefix=UINT
// RUN: not gvm-opt %s %s 2>&1 | FileCheck %s --check-prefix=POSITIONAL
// RUN: gvm-opt -split-input-file -verify-each -mlir-print-local-scope=false --allow-unregistered-dialect=1 %s | FileCheck %s

// Flags follow LLVM's command-line conventions: one or two dashes, values
// after '=' or as the next argument, booleans as true/false/1/0; anything else
// is rejected with LLVM's message and exit status 1.

// UNKNOWN: Unknown command line argument '--no-such-flag'.
// BOOL: for the --mlir-print-op-generic option: 'maybe' is invalid value for boolean argument! Try 0 or 1
// VALUE: for the -o option: requires a value!
// UINT: for the --mlir-elide-elementsattrs-if-larger option: 'lots' value invalid for uint argument!
// POSITIONAL: Too many positional arguments specified!
// CHECK: module
module {
}

// RUN: not gvm-opt %t.does-not-exist.mlir 2>&1 | FileCheck %s
// RUN: not gvm-opt %s -o %t.no-such-dir/out.mlir 2>&1 | FileCheck %s --check-prefix=OUT

// An input that cannot be read, or an output that cannot be created, is
// reported as mlir-opt reports it, with exit status 1.

// CHECK: cannot open input file '{{.*}}does-not-exist.mlir': No such file or directory
// OUT: cannot open output file '{{.*}}no-such-dir/out.mlir': No such file or directory
module {
}

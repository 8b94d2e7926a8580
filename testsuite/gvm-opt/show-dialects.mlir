// RUN: gvm-opt --show-dialects | FileCheck %s
// RUN: gvm-opt --help | FileCheck %s --check-prefix=HELP
// RUN: gvm-opt --version | count 2

// --show-dialects lists the registered dialects, sorted and comma-separated.
// CHECK: Available Dialects: {{.*}}arith,{{.*}}builtin,{{.*}}func
// HELP: OVERVIEW:
// HELP: USAGE:
// HELP: -split-input-file

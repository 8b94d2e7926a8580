// count N succeeds when its input has exactly N lines.
// RUN: echo x | count 1
// RUN: echo | count 1
// RUN: echo -n x | count 0
// RUN: echo a; echo b | count 1
// RUN: cat %s %s | count 20
// RUN: not count 11 < %s 2>&1 | FileCheck %s
// RUN: cat %s | count 10

// CHECK: Expected 11 lines, got 10.

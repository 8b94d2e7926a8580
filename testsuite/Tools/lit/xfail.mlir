// A test marked as expected to fail everywhere: both runners report it XFAIL.
// XFAIL: *
// RUN: echo actual | FileCheck %s

// CHECK: expected-but-missing

// 'not' inverts an exit status; a pipeline fails if any of its commands fails.
// RUN: not false
// RUN: not not true
// RUN: echo abc | not FileCheck %s --check-prefix=NOPE
// RUN: not FileCheck %s --check-prefix=NOPE < %s 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: not count 2 < %s
// RUN: not false | count 0

// NOPE: xyz-{{[0-9]+}}
// ERR: error: NOPE: expected string not found in input

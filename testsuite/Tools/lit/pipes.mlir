// Pipes, ';', '&&' and '||' in RUN lines.
// RUN: echo "hello lit" | FileCheck %s --check-prefix=HELLO
// RUN: echo one; echo two | count 1
// RUN: echo a && echo b | count 1
// RUN: false || echo recovered | FileCheck %s --check-prefix=OR
// RUN: true && false || echo both | FileCheck %s --check-prefix=BOTH
// RUN: cat %s | cat | FileCheck %s --check-prefix=SELF
// RUN: cat < %s | FileCheck %s --check-prefix=SELF

// HELLO: hello lit
// OR: recovered
// BOTH: both
// SELF: {{^}}// Pipes, ';', '&&' and '||' in RUN lines.

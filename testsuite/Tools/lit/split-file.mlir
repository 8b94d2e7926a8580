// split-file writes each '//--- NAME' part of a file to DIR/NAME.
// RUN: rm -rf %t
// RUN: split-file %s %t
// RUN: cat %t/a.txt | FileCheck %s --check-prefix=A
// RUN: count 2 < %t/sub/b.txt
// RUN: FileCheck %s --check-prefix=B --input-file=%t/sub/b.txt
// RUN: split-file --leading-lines %s %t.lines
// RUN: FileCheck %s --check-prefix=LINES --input-file=%t.lines/a.txt

// A: alpha
// A-NOT: beta
// B: beta
// B-NEXT: gamma
// LINES: {{^$}}
// LINES: alpha

//--- a.txt
alpha
//--- sub/b.txt
beta
gamma

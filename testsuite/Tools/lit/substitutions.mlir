// %s %S %p %t %T %basename_t %{pathsep} %if and %%, with redirections into %t files.
// RUN: mkdir -p %t.dir
// RUN: echo first > %t.dir/out.txt
// RUN: echo second >> %t.dir/out.txt
// RUN: FileCheck %s --check-prefix=APPEND < %t.dir/out.txt
// RUN: not FileCheck %s --check-prefix=NOPE < %t.dir/out.txt 2> %t.dir/err.txt
// RUN: FileCheck %s --check-prefix=ERR < %t.dir/err.txt
// RUN: echo %basename_t | FileCheck %s --check-prefix=BASE
// RUN: echo %%literal 100%% | FileCheck %s --check-prefix=PCT
// RUN: echo %s | FileCheck %s --check-prefix=SRC
// RUN: echo %S %p | FileCheck %s --check-prefix=DIR
// RUN: echo %T | FileCheck %s --check-prefix=TMPDIR
// RUN: echo a%{pathsep}b | FileCheck %s --check-prefix=SEP
// RUN: echo %if gvm %{ has-gvm %} %else %{ no-gvm %} %if no-such-feature %{ bad %} \
// RUN:   | FileCheck %s --check-prefix=IF
// RUN: cd %t.dir && cat out.txt | count 2
// RUN: rm -rf %t.dir

// APPEND: first
// APPEND-NEXT: second
// NOPE: {{^}}third
// ERR: error: NOPE: expected string not found in input
// BASE: {{^}}substitutions.mlir{{$}}
// PCT: {{^}}%literal 100%{{$}}
// SRC: {{^/.*}}/Tools/lit/substitutions.mlir{{$}}
// DIR: {{^(/.*)/Tools/lit (/.*)/Tools/lit$}}
// TMPDIR: /Tools/lit/Output{{$}}
// SEP: {{^}}a:b{{$}}
// IF: {{^}}has-gvm{{$}}

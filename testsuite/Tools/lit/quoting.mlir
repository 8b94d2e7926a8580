// Quoting and line continuations.
// RUN: echo 'single  quoted' "double \"q\"" | FileCheck %s --check-prefix=QUOTE --strict-whitespace
// RUN: echo continued \
// RUN:   line | FileCheck %s --check-prefix=CONT
// RUN: echo 'a|b' "c;d" 'e&&f' | FileCheck %s --check-prefix=OPS
// RUN: env FOO=bar true

// QUOTE: {{^}}single  quoted double "q"{{$}}
// CONT: {{^}}continued line{{$}}
// OPS: {{^}}a|b c;d e&&f{{$}}

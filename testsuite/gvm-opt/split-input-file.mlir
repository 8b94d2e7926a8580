// RUN: gvm-opt %s -split-input-file | FileCheck %s
// RUN: gvm-opt %s -split-input-file --output-split-marker=@@@ | FileCheck %s --check-prefix=MARKER

// Each chunk between marker lines is parsed and printed on its own; the
// printed chunks are joined by the marker (or --output-split-marker). The
// marker is recognised anywhere in the input, so the CHECK lines spell it as a
// regex.

// CHECK-LABEL: func.func @first
// CHECK: return
// CHECK: {{^}}// {{-----}}{{$}}
// CHECK-LABEL: func.func @second
// CHECK-NOT: @first
// MARKER: @first
// MARKER-NEXT: return
// MARKER: {{^@@@$}}
// MARKER: @second
func.func @first() {
  return
}

// -----

func.func @second(%a: i32) -> i32 {
  return %a : i32
}

// RUN: gvm-opt %s --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=4})" | FileCheck %s --check-prefix=FREE
// RUN: gvm-opt %s --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=4 memory-limit-gib=0.0005 report=%t.json})" | FileCheck %s --check-prefix=FITS
// RUN: FileCheck %s --input-file=%t.json --check-prefix=REPORT
// RUN: not gvm-opt %s --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=4 memory-limit-gib=0.0001})" 2>&1 | FileCheck %s --check-prefix=TOOSMALL

// Memory (issue 9, acceptance 3) on small weights, 256x256xf32 (256 KiB) and 256x512xf32
// (512 KiB), whose matmuls at one row take nanoseconds, less than any collective's 5 us: without a
// limit the plan keeps everything replicated (768 KiB and the activations per device). Under a
// 512 KiB limit (0.0005 GiB) it must split weights, and pays the collectives; under 100 KiB no
// plan fits: split four ways the weights alone take 192 KiB.

// FREE-LABEL: func.func @mlp
// FREE:       mesh.shard %arg1 to <@mesh0, {{\[\[\]\]}}> : tensor<256x256xf32>
// FREE-NEXT:  mesh.shard %arg2 to <@mesh0, {{\[\[\]\]}}> : tensor<256x512xf32>
// FREE-NOT:   partial

// FITS-LABEL: func.func @mlp
// FITS-NOT:   mesh.shard %arg2 to <@mesh0, {{\[\[\]\]}}>
// FITS:       mesh.shard %arg2 to <@mesh0, {{\[\[0\]\]|\[\[\], \[0\]\]}}> : tensor<256x512xf32>

// REPORT:      "status" : "OPTIMAL"
// REPORT:      "memory_bytes_per_device" : [[USED:[0-9]+]]
// REPORT-NEXT: "memory_limit_bytes" : 536870

// TOOSMALL: error: the model needs at least 0.000{{[0-9]+}} GiB per device under any plan (memory-limit-gib=0.0001)
func.func @mlp(%x: tensor<1x256xf32>, %w1: tensor<256x256xf32>, %w2: tensor<256x512xf32>, %i1: tensor<1x256xf32>, %i2: tensor<1x512xf32>) -> tensor<1x512xf32> {
  %h = linalg.matmul ins(%x, %w1 : tensor<1x256xf32>, tensor<256x256xf32>) outs(%i1 : tensor<1x256xf32>) -> tensor<1x256xf32>
  %y = linalg.matmul ins(%h, %w2 : tensor<1x256xf32>, tensor<256x512xf32>) outs(%i2 : tensor<1x512xf32>) -> tensor<1x512xf32>
  return %y : tensor<1x512xf32>
}

// gptvm-auto-shard end to end (issue 9, acceptance 5, from the command line): a random llama2.c
// checkpoint of the tiny shape with 2 layers (0.49 MiB of weights), imported, planned for 2 and 4
// devices under a 0.0003 GiB (0.31 MiB) memory limit that forces weights to be split, spmdized,
// and run by gvm-run on the simulated devices: the same greedy ids as the unsharded run.
// RUN: rm -rf %t && mkdir -p %t
// RUN: make-checkpoint llama2c %t/m.bin 64 172 2 8 4 512 512
// RUN: gvm-translate --import-llama2c %t/m.bin -o %t/m.mlir
// RUN: gvm-run %t/m.mlir --weights %t/m.bin --prompt-ids 1,42,7 --steps 12 --temperature 0 --emit-ids > %t/ref.txt
// RUN: gvm-opt %t/m.mlir -p "builtin.module(gptvm-auto-shard{mesh-shape=2 memory-limit-gib=0.0003},func.func(sharding-propagation,mesh-spmdization))" -o %t/tp2.mlir
// RUN: gvm-opt %t/m.mlir -p "builtin.module(gptvm-auto-shard{mesh-shape=4 memory-limit-gib=0.0003},func.func(sharding-propagation,mesh-spmdization))" -o %t/tp4.mlir
// RUN: FileCheck %s --input-file=%t/tp2.mlir
// RUN: FileCheck %s --input-file=%t/tp4.mlir
// RUN: gvm-run %t/tp2.mlir --weights %t/m.bin --prompt-ids 1,42,7 --steps 12 --temperature 0 --emit-ids > %t/tp2.txt
// RUN: gvm-run %t/tp4.mlir --weights %t/m.bin --prompt-ids 1,42,7 --steps 12 --temperature 0 --emit-ids > %t/tp4.txt
// The reference output's "ids: ..." line is itself a check line (prefix "ids") for the sharded runs' output.
// RUN: FileCheck %t/ref.txt --check-prefix=ids --input-file=%t/tp2.txt
// RUN: FileCheck %t/ref.txt --check-prefix=ids --input-file=%t/tp4.txt

// CHECK: mesh.mesh @mesh0
// CHECK-LABEL: func.func @decode
// CHECK: mesh.all_reduce

// REQUIRES: mesh-dialect
// RUN: gvm-opt %s --split-input-file --pass-pipeline="builtin.module(func.func(sharding-propagation))" | FileCheck %s

// sharding-propagation on linalg named and generic ops (also map, reduce, transpose, broadcast),
// tosa element-wise ops and tosa.matmul: annotations before and after each op, partial results of
// split reductions, 2-D and dynamic meshes; the last case is the sharded matmul of seeds/002.
// CHECK lines: mlir-opt-19 output on this file.
mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @two_layer(%arg0: tensor<16x32xf32>, %arg1: tensor<32x64xf32>, %arg2: tensor<64x8xf32>, %arg3: tensor<16x64xf32>, %arg4: tensor<16x8xf32>) -> tensor<16x8xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<16x32xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %arg1 to <@m, []> annotate_for_users : tensor<32x64xf32>
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %arg3 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<16x64xf32>
// CHECK-NEXT: %0 = linalg.matmul ins(%sharding_annotated, %sharding_annotated_0 : tensor<16x32xf32>, tensor<32x64xf32>) outs(%sharding_annotated_1 : tensor<16x64xf32>) -> tensor<16x64xf32>
// CHECK-NEXT: %sharding_annotated_2 = mesh.shard %0 to <@m, {{\[\[}}0]]> : tensor<16x64xf32>
// CHECK-NEXT: %sharding_annotated_3 = mesh.shard %sharding_annotated_2 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<16x64xf32>
// CHECK-NEXT: %1 = tosa.sigmoid %sharding_annotated_3 : (tensor<16x64xf32>) -> tensor<16x64xf32>
// CHECK-NEXT: %sharding_annotated_4 = mesh.shard %1 to <@m, {{\[\[}}0]]> : tensor<16x64xf32>
// CHECK-NEXT: %sharding_annotated_5 = mesh.shard %sharding_annotated_4 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<16x64xf32>
// CHECK-NEXT: %sharding_annotated_6 = mesh.shard %arg2 to <@m, []> annotate_for_users : tensor<64x8xf32>
// CHECK-NEXT: %sharding_annotated_7 = mesh.shard %arg4 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<16x8xf32>
// CHECK-NEXT: %2 = linalg.matmul ins(%sharding_annotated_5, %sharding_annotated_6 : tensor<16x64xf32>, tensor<64x8xf32>) outs(%sharding_annotated_7 : tensor<16x8xf32>) -> tensor<16x8xf32>
// CHECK-NEXT: %sharding_annotated_8 = mesh.shard %2 to <@m, {{\[\[}}0]]> : tensor<16x8xf32>
// CHECK-NEXT: return %sharding_annotated_8 : tensor<16x8xf32>
// CHECK-NEXT: }
func.func @two_layer(%x: tensor<16x32xf32>, %w1: tensor<32x64xf32>, %w2: tensor<64x8xf32>, %acc1: tensor<16x64xf32>, %acc2: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<16x32xf32>
  %h = linalg.matmul ins(%xs, %w1 : tensor<16x32xf32>, tensor<32x64xf32>) outs(%acc1 : tensor<16x64xf32>) -> tensor<16x64xf32>
  %a = tosa.sigmoid %h : (tensor<16x64xf32>) -> tensor<16x64xf32>
  %y = linalg.matmul ins(%a, %w2 : tensor<16x64xf32>, tensor<64x8xf32>) outs(%acc2 : tensor<16x8xf32>) -> tensor<16x8xf32>
  return %y : tensor<16x8xf32>
}

// -----

mesh.mesh @m(shape = 2)
// CHECK-LABEL: func.func @contraction_split(%arg0: tensor<4x8xf32>, %arg1: tensor<8x6xf32>, %arg2: tensor<4x6xf32>) -> tensor<4x6xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@m, {{\[\[}}], [0]]> annotate_for_users : tensor<4x8xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %arg1 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<8x6xf32>
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %arg2 to <@m, []> annotate_for_users : tensor<4x6xf32>
// CHECK-NEXT: %0 = linalg.matmul ins(%sharding_annotated, %sharding_annotated_0 : tensor<4x8xf32>, tensor<8x6xf32>) outs(%sharding_annotated_1 : tensor<4x6xf32>) -> tensor<4x6xf32>
// CHECK-NEXT: %sharding_annotated_2 = mesh.shard %0 to <@m, [], partial = sum[0]> : tensor<4x6xf32>
// CHECK-NEXT: %sharding_annotated_3 = mesh.shard %sharding_annotated_2 to <@m, [], partial = sum[0]> annotate_for_users : tensor<4x6xf32>
// CHECK-NEXT: %sharding_annotated_4 = mesh.shard %sharding_annotated_3 to <@m, {{\[\[}}]]> : tensor<4x6xf32>
// CHECK-NEXT: return %sharding_annotated_4 : tensor<4x6xf32>
// CHECK-NEXT: }
func.func @contraction_split(%x: tensor<4x8xf32>, %w: tensor<8x6xf32>, %acc: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %xs = mesh.shard %x to <@m, [[], [0]]> annotate_for_users : tensor<4x8xf32>
  %y = linalg.matmul ins(%xs, %w : tensor<4x8xf32>, tensor<8x6xf32>) outs(%acc : tensor<4x6xf32>) -> tensor<4x6xf32>
  %ys = mesh.shard %y to <@m, [[]]> : tensor<4x6xf32>
  return %ys : tensor<4x6xf32>
}

// -----

mesh.mesh @m(shape = 2)
// CHECK-LABEL: func.func @matmul_transpose_b_result(%arg0: tensor<4x8xf32>, %arg1: tensor<6x8xf32>, %arg2: tensor<4x6xf32>) -> tensor<4x6xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg1 to <@m, {{\[\[}}], [0]]> annotate_for_users : tensor<6x8xf32>
// CHECK-NEXT: %0 = linalg.matmul_transpose_b ins(%arg0, %sharding_annotated : tensor<4x8xf32>, tensor<6x8xf32>) outs(%arg2 : tensor<4x6xf32>) -> tensor<4x6xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %0 to <@m, {{\[\[}}0]]> : tensor<4x6xf32>
// CHECK-NEXT: return %sharding_annotated_0 : tensor<4x6xf32>
// CHECK-NEXT: }
func.func @matmul_transpose_b_result(%x: tensor<4x8xf32>, %w: tensor<6x8xf32>, %acc: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %ws = mesh.shard %w to <@m, [[], [0]]> annotate_for_users : tensor<6x8xf32>
  %y = linalg.matmul_transpose_b ins(%x, %ws : tensor<4x8xf32>, tensor<6x8xf32>) outs(%acc : tensor<4x6xf32>) -> tensor<4x6xf32>
  %ys = mesh.shard %y to <@m, [[0]]> : tensor<4x6xf32>
  return %ys : tensor<4x6xf32>
}

// -----

mesh.mesh @m(shape = 2)
// CHECK-LABEL: func.func @batch_matmul_and_tosa_matmul(%arg0: tensor<2x4x8xf32>, %arg1: tensor<2x8x6xf32>, %arg2: tensor<2x4x6xf32>) -> tensor<2x4x6xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg1 to <@m, {{\[\[}}], [], [0]]> annotate_for_users : tensor<2x8x6xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %arg0 to <@m, []> annotate_for_users : tensor<2x4x8xf32>
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %arg2 to <@m, {{\[\[}}], [], [0]]> annotate_for_users : tensor<2x4x6xf32>
// CHECK-NEXT: %0 = linalg.batch_matmul ins(%sharding_annotated_0, %sharding_annotated : tensor<2x4x8xf32>, tensor<2x8x6xf32>) outs(%sharding_annotated_1 : tensor<2x4x6xf32>) -> tensor<2x4x6xf32>
// CHECK-NEXT: %sharding_annotated_2 = mesh.shard %0 to <@m, {{\[\[}}], [], [0]]> : tensor<2x4x6xf32>
// CHECK-NEXT: %sharding_annotated_3 = mesh.shard %arg0 to <@m, []> annotate_for_users : tensor<2x4x8xf32>
// CHECK-NEXT: %1 = tosa.matmul %sharding_annotated_3, %sharding_annotated : (tensor<2x4x8xf32>, tensor<2x8x6xf32>) -> tensor<2x4x6xf32>
// CHECK-NEXT: %sharding_annotated_4 = mesh.shard %1 to <@m, {{\[\[}}], [], [0]]> : tensor<2x4x6xf32>
// CHECK-NEXT: %sharding_annotated_5 = mesh.shard %sharding_annotated_2 to <@m, {{\[\[}}], [], [0]]> annotate_for_users : tensor<2x4x6xf32>
// CHECK-NEXT: %sharding_annotated_6 = mesh.shard %sharding_annotated_4 to <@m, {{\[\[}}], [], [0]]> annotate_for_users : tensor<2x4x6xf32>
// CHECK-NEXT: %2 = tosa.add %sharding_annotated_5, %sharding_annotated_6 : (tensor<2x4x6xf32>, tensor<2x4x6xf32>) -> tensor<2x4x6xf32>
// CHECK-NEXT: %sharding_annotated_7 = mesh.shard %2 to <@m, {{\[\[}}], [], [0]]> : tensor<2x4x6xf32>
// CHECK-NEXT: return %sharding_annotated_7 : tensor<2x4x6xf32>
// CHECK-NEXT: }
func.func @batch_matmul_and_tosa_matmul(%x: tensor<2x4x8xf32>, %w: tensor<2x8x6xf32>, %acc: tensor<2x4x6xf32>) -> tensor<2x4x6xf32> {
  %ws = mesh.shard %w to <@m, [[], [], [0]]> annotate_for_users : tensor<2x8x6xf32>
  %y = linalg.batch_matmul ins(%x, %ws : tensor<2x4x8xf32>, tensor<2x8x6xf32>) outs(%acc : tensor<2x4x6xf32>) -> tensor<2x4x6xf32>
  %t = tosa.matmul %x, %ws : (tensor<2x4x8xf32>, tensor<2x8x6xf32>) -> tensor<2x4x6xf32>
  %s = tosa.add %y, %t : (tensor<2x4x6xf32>, tensor<2x4x6xf32>) -> tensor<2x4x6xf32>
  return %s : tensor<2x4x6xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @generic_max_reduction(%arg0: tensor<4x8xf32>, %arg1: tensor<4xf32>) -> tensor<4xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@m, {{\[\[}}], [0]]> annotate_for_users : tensor<4x8xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %arg1 to <@m, []> annotate_for_users : tensor<4xf32>
// CHECK-NEXT: %0 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%sharding_annotated : tensor<4x8xf32>) outs(%sharding_annotated_0 : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: %1 = arith.maximumf %in, %out : f32
// CHECK-NEXT: linalg.yield %1 : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %0 to <@m, [], partial = max[0]> : tensor<4xf32>
// CHECK-NEXT: %sharding_annotated_2 = mesh.shard %sharding_annotated_1 to <@m, [], partial = max[0]> annotate_for_users : tensor<4xf32>
// CHECK-NEXT: %sharding_annotated_3 = mesh.shard %sharding_annotated_2 to <@m, {{\[\[}}]]> : tensor<4xf32>
// CHECK-NEXT: return %sharding_annotated_3 : tensor<4xf32>
// CHECK-NEXT: }
func.func @generic_max_reduction(%x: tensor<4x8xf32>, %o: tensor<4xf32>) -> tensor<4xf32> {
  %xs = mesh.shard %x to <@m, [[], [0]]> annotate_for_users : tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%xs : tensor<4x8xf32>) outs(%o : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %out : f32
    linalg.yield %m : f32
  } -> tensor<4xf32>
  %rs = mesh.shard %r to <@m, [[]]> : tensor<4xf32>
  return %rs : tensor<4xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @one_result_two_users(%arg0: tensor<8x16xf32>) -> (tensor<8x16xf32>, tensor<8x16xf32>) {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %0 = tosa.exp %sharding_annotated : (tensor<8x16xf32>) -> tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %0 to <@m, {{\[\[}}0]]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %0 to <@m, {{\[\[}}0]]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_2 = mesh.shard %sharding_annotated_0 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %1 = tosa.abs %sharding_annotated_2 : (tensor<8x16xf32>) -> tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_3 = mesh.shard %1 to <@m, {{\[\[}}0]]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_4 = mesh.shard %sharding_annotated_1 to <@m, {{\[\[}}], [0]]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %2 = tosa.negate %sharding_annotated_4 : (tensor<8x16xf32>) -> tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_5 = mesh.shard %2 to <@m, {{\[\[}}], [0]]> : tensor<8x16xf32>
// CHECK-NEXT: return %sharding_annotated_3, %sharding_annotated_5 : tensor<8x16xf32>, tensor<8x16xf32>
// CHECK-NEXT: }
func.func @one_result_two_users(%x: tensor<8x16xf32>) -> (tensor<8x16xf32>, tensor<8x16xf32>) {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<8x16xf32>
  %0 = tosa.exp %xs : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %1 = tosa.abs %0 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %2 = tosa.negate %0 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %3 = mesh.shard %2 to <@m, [[], [0]]> : tensor<8x16xf32>
  return %1, %3 : tensor<8x16xf32>, tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 2x4)
// CHECK-LABEL: func.func @mesh_2d_elementwise(%arg0: tensor<8x16xf32>, %arg1: tensor<8x16xf32>) -> tensor<8x16xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@m, {{\[\[}}0], [1]]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %arg1 to <@m, {{\[\[}}0], [1]]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %0 = tosa.maximum %sharding_annotated, %sharding_annotated_0 : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %0 to <@m, {{\[\[}}0], [1]]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_2 = mesh.shard %sharding_annotated_1 to <@m, {{\[\[}}0], [1]]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %1 = tosa.clamp %sharding_annotated_2 {max_fp = 6.000000e+00 : f32, max_int = 6 : i64, min_fp = 0.000000e+00 : f32, min_int = 0 : i64} : (tensor<8x16xf32>) -> tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_3 = mesh.shard %1 to <@m, {{\[\[}}0], [1]]> : tensor<8x16xf32>
// CHECK-NEXT: return %sharding_annotated_3 : tensor<8x16xf32>
// CHECK-NEXT: }
func.func @mesh_2d_elementwise(%x: tensor<8x16xf32>, %y: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %xs = mesh.shard %x to <@m, [[0], [1]]> annotate_for_users : tensor<8x16xf32>
  %0 = tosa.maximum %xs, %y : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
  %1 = tosa.clamp %0 {min_int = 0 : i64, max_int = 6 : i64, min_fp = 0.0 : f32, max_fp = 6.0 : f32} : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %1 : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = ?)
// CHECK-LABEL: func.func @dynamic(%arg0: tensor<?x16xf32>) -> tensor<?x16xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<?x16xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %arg0 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<?x16xf32>
// CHECK-NEXT: %0 = linalg.exp ins(%sharding_annotated : tensor<?x16xf32>) outs(%sharding_annotated_0 : tensor<?x16xf32>) -> tensor<?x16xf32>
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %0 to <@m, {{\[\[}}0]]> : tensor<?x16xf32>
// CHECK-NEXT: return %sharding_annotated_1 : tensor<?x16xf32>
// CHECK-NEXT: }
func.func @dynamic(%x: tensor<?x16xf32>) -> tensor<?x16xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<?x16xf32>
  %1 = linalg.exp ins(%xs : tensor<?x16xf32>) outs(%x : tensor<?x16xf32>) -> tensor<?x16xf32>
  return %1 : tensor<?x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @transpose(%arg0: tensor<8x16xf32>, %arg1: tensor<16x8xf32>) -> tensor<16x8xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %arg1 to <@m, {{\[\[}}], [0]]> annotate_for_users : tensor<16x8xf32>
// CHECK-NEXT: %transposed = linalg.transpose ins(%sharding_annotated : tensor<8x16xf32>) outs(%sharding_annotated_0 : tensor<16x8xf32>) permutation = [1, 0]
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %transposed to <@m, {{\[\[}}], [0]]> : tensor<16x8xf32>
// CHECK-NEXT: return %sharding_annotated_1 : tensor<16x8xf32>
// CHECK-NEXT: }
func.func @transpose(%x: tensor<8x16xf32>, %o: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<8x16xf32>
  %t = linalg.transpose ins(%xs : tensor<8x16xf32>) outs(%o : tensor<16x8xf32>) permutation = [1, 0]
  return %t : tensor<16x8xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @map(%arg0: tensor<8x16xf32>, %arg1: tensor<8x16xf32>) -> tensor<8x16xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %arg1 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %mapped = linalg.map { math.exp } ins(%sharding_annotated : tensor<8x16xf32>) outs(%sharding_annotated_0 : tensor<8x16xf32>)
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %mapped to <@m, {{\[\[}}0]]> : tensor<8x16xf32>
// CHECK-NEXT: return %sharding_annotated_1 : tensor<8x16xf32>
// CHECK-NEXT: }
func.func @map(%x: tensor<8x16xf32>, %o: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<8x16xf32>
  %t = linalg.map { math.exp } ins(%xs : tensor<8x16xf32>) outs(%o : tensor<8x16xf32>)
  return %t : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @reduce(%arg0: tensor<8x16xf32>, %arg1: tensor<8xf32>) -> tensor<8xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@m, {{\[\[}}], [0]]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %arg1 to <@m, []> annotate_for_users : tensor<8xf32>
// CHECK-NEXT: %reduced = linalg.reduce { arith.addf } ins(%sharding_annotated : tensor<8x16xf32>) outs(%sharding_annotated_0 : tensor<8xf32>) dimensions = [1]
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %reduced to <@m, [], partial = sum[0]> : tensor<8xf32>
// CHECK-NEXT: %sharding_annotated_2 = mesh.shard %sharding_annotated_1 to <@m, [], partial = sum[0]> annotate_for_users : tensor<8xf32>
// CHECK-NEXT: %sharding_annotated_3 = mesh.shard %sharding_annotated_2 to <@m, {{\[\[}}]]> : tensor<8xf32>
// CHECK-NEXT: return %sharding_annotated_3 : tensor<8xf32>
// CHECK-NEXT: }
func.func @reduce(%x: tensor<8x16xf32>, %o: tensor<8xf32>) -> tensor<8xf32> {
  %xs = mesh.shard %x to <@m, [[], [0]]> annotate_for_users : tensor<8x16xf32>
  %t = linalg.reduce { arith.addf } ins(%xs : tensor<8x16xf32>) outs(%o : tensor<8xf32>) dimensions = [1]
  %ts = mesh.shard %t to <@m, [[]]> : tensor<8xf32>
  return %ts : tensor<8xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @broadcast(%arg0: tensor<8xf32>, %arg1: tensor<8x16xf32>) -> tensor<8x16xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<8xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %arg1 to <@m, {{\[\[}}0]]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %broadcasted = linalg.broadcast ins(%sharding_annotated : tensor<8xf32>) outs(%sharding_annotated_0 : tensor<8x16xf32>) dimensions = [1]
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %broadcasted to <@m, {{\[\[}}0]]> : tensor<8x16xf32>
// CHECK-NEXT: return %sharding_annotated_1 : tensor<8x16xf32>
// CHECK-NEXT: }
func.func @broadcast(%x: tensor<8xf32>, %o: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<8xf32>
  %t = linalg.broadcast ins(%xs : tensor<8xf32>) outs(%o : tensor<8x16xf32>) dimensions = [1]
  return %t : tensor<8x16xf32>
}

// -----

mesh.mesh @mesh_2d(shape = 4x8)
// CHECK-LABEL: func.func @matmul_on_operand_shard_batch_and_k(%arg0: tensor<32x1000x4096xf32>, %arg1: tensor<32x4096x8192xf32>) -> tensor<32x1000x8192xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@mesh_2d, {{\[\[}}0], [], [1]]> annotate_for_users : tensor<32x1000x4096xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %arg1 to <@mesh_2d, {{\[\[}}0], [1]]> annotate_for_users : tensor<32x4096x8192xf32>
// CHECK-NEXT: %0 = tosa.matmul %sharding_annotated, %sharding_annotated_0 : (tensor<32x1000x4096xf32>, tensor<32x4096x8192xf32>) -> tensor<32x1000x8192xf32>
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %0 to <@mesh_2d, {{\[\[}}0]], partial = sum[1]> : tensor<32x1000x8192xf32>
// CHECK-NEXT: return %sharding_annotated_1 : tensor<32x1000x8192xf32>
// CHECK-NEXT: }
func.func @matmul_on_operand_shard_batch_and_k(%arg0: tensor<32x1000x4096xf32>, %arg1: tensor<32x4096x8192xf32>) -> tensor<32x1000x8192xf32> {
  %sharding_annotated = mesh.shard %arg0 to <@mesh_2d, [[0], [], [1]]> annotate_for_users : tensor<32x1000x4096xf32>
  %sharding_annotated_0 = mesh.shard %arg1 to <@mesh_2d, [[0], [1]]> annotate_for_users : tensor<32x4096x8192xf32>
  %0 = tosa.matmul %sharding_annotated, %sharding_annotated_0 : (tensor<32x1000x4096xf32>, tensor<32x4096x8192xf32>) -> tensor<32x1000x8192xf32>
  %sharding_annotated_1 = mesh.shard %0 to <@mesh_2d, [[0]], partial = sum[1]> : tensor<32x1000x8192xf32>
  return %sharding_annotated_1 : tensor<32x1000x8192xf32>
}

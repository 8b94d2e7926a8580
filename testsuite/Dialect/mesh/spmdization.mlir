// REQUIRES: mesh-dialect
// RUN: gvm-opt %s --split-input-file --pass-pipeline="builtin.module(func.func(sharding-propagation,mesh-spmdization))" | FileCheck %s

// mesh-spmdization after sharding-propagation: resharding on a 1-D mesh (all_to_all, all_gather,
// all_slice, all_reduce of partial results), sharded function signatures, split reductions (scf.if
// picks the init or the reduction's neutral element, then all_reduce with the reduction's kind).
// The last case is seeds/002's matmul: LLVM 19 gives tosa.matmul no spmdize, so it is cloned as is.
// CHECK lines: mlir-opt-19 output on this file.
mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @move_split_axis(%arg0: tensor<2x16xf32>) -> tensor<8x4xf32> {
// CHECK-NEXT: %all_to_all = mesh.all_to_all %arg0 on @m mesh_axes = [0] split_axis = 1 concat_axis = 0 : tensor<2x16xf32> -> tensor<8x4xf32>
// CHECK-NEXT: %cast = tensor.cast %all_to_all : tensor<8x4xf32> to tensor<8x4xf32>
// CHECK-NEXT: %0 = tosa.exp %cast : (tensor<8x4xf32>) -> tensor<8x4xf32>
// CHECK-NEXT: return %0 : tensor<8x4xf32>
// CHECK-NEXT: }
func.func @move_split_axis(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %0 = mesh.shard %x to <@m, [[0]]> : tensor<8x16xf32>
  %1 = mesh.shard %0 to <@m, [[], [0]]> annotate_for_users : tensor<8x16xf32>
  %2 = tosa.exp %1 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @unsplit(%arg0: tensor<2x16xf32>) -> tensor<8x16xf32> {
// CHECK-NEXT: %all_gather = mesh.all_gather %arg0 on @m mesh_axes = [0] gather_axis = 0 : tensor<2x16xf32> -> tensor<8x16xf32>
// CHECK-NEXT: %cast = tensor.cast %all_gather : tensor<8x16xf32> to tensor<8x16xf32>
// CHECK-NEXT: %0 = tosa.exp %cast : (tensor<8x16xf32>) -> tensor<8x16xf32>
// CHECK-NEXT: return %0 : tensor<8x16xf32>
// CHECK-NEXT: }
func.func @unsplit(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %0 = mesh.shard %x to <@m, [[0]]> : tensor<8x16xf32>
  %1 = mesh.shard %0 to <@m, [[]]> annotate_for_users : tensor<8x16xf32>
  %2 = tosa.exp %1 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @split(%arg0: tensor<8x16xf32>) -> tensor<8x4xf32> {
// CHECK-NEXT: %all_slice = mesh.all_slice %arg0 on @m mesh_axes = [0] slice_axis = 1 : tensor<8x16xf32> -> tensor<8x4xf32>
// CHECK-NEXT: %0 = tosa.exp %all_slice : (tensor<8x4xf32>) -> tensor<8x4xf32>
// CHECK-NEXT: return %0 : tensor<8x4xf32>
// CHECK-NEXT: }
func.func @split(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %0 = mesh.shard %x to <@m, [[]]> : tensor<8x16xf32>
  %1 = mesh.shard %0 to <@m, [[], [0]]> annotate_for_users : tensor<8x16xf32>
  %2 = tosa.exp %1 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @elementwise_chain_then_move(%arg0: tensor<2x16xf32>, %arg1: tensor<2x16xf32>) -> tensor<8x4xf32> {
// CHECK-NEXT: %0 = tosa.add %arg0, %arg1 : (tensor<2x16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
// CHECK-NEXT: %all_to_all = mesh.all_to_all %0 on @m mesh_axes = [0] split_axis = 1 concat_axis = 0 : tensor<2x16xf32> -> tensor<8x4xf32>
// CHECK-NEXT: %cast = tensor.cast %all_to_all : tensor<8x4xf32> to tensor<8x4xf32>
// CHECK-NEXT: %1 = tosa.exp %cast : (tensor<8x4xf32>) -> tensor<8x4xf32>
// CHECK-NEXT: return %1 : tensor<8x4xf32>
// CHECK-NEXT: }
func.func @elementwise_chain_then_move(%x: tensor<8x16xf32>, %y: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<8x16xf32>
  %0 = tosa.add %xs, %y : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
  %1 = tosa.exp %0 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %2 = mesh.shard %1 to <@m, [[], [0]]> : tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @column_parallel_gathered(%arg0: tensor<8x16xf32>, %arg1: tensor<16x1xf32>, %arg2: tensor<8x1xf32>) -> tensor<8x4xf32> {
// CHECK-NEXT: %0 = linalg.matmul ins(%arg0, %arg1 : tensor<8x16xf32>, tensor<16x1xf32>) outs(%arg2 : tensor<8x1xf32>) -> tensor<8x1xf32>
// CHECK-NEXT: %all_gather = mesh.all_gather %0 on @m mesh_axes = [0] gather_axis = 1 : tensor<8x1xf32> -> tensor<8x4xf32>
// CHECK-NEXT: %cast = tensor.cast %all_gather : tensor<8x4xf32> to tensor<8x4xf32>
// CHECK-NEXT: return %cast : tensor<8x4xf32>
// CHECK-NEXT: }
func.func @column_parallel_gathered(%x: tensor<8x16xf32>, %w: tensor<16x4xf32>, %acc: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %ws = mesh.shard %w to <@m, [[], [0]]> annotate_for_users : tensor<16x4xf32>
  %e = linalg.matmul ins(%x, %ws : tensor<8x16xf32>, tensor<16x4xf32>) outs(%acc : tensor<8x4xf32>) -> tensor<8x4xf32>
  %r = mesh.shard %e to <@m, [[]]> : tensor<8x4xf32>
  return %r : tensor<8x4xf32>
}

// -----

mesh.mesh @m(shape = 2)
// CHECK-LABEL: func.func @row_parallel_all_reduce(%arg0: tensor<4x4xf32>, %arg1: tensor<4x6xf32>, %arg2: tensor<4x6xf32>) -> tensor<4x6xf32> {
// CHECK-NEXT: %proc_linear_idx = mesh.process_multi_index on @m axes = [0] : index
// CHECK-NEXT: %mesh_shape = mesh.mesh_shape @m axes = [0] : index
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %0 = arith.cmpi eq, %proc_linear_idx, %c0 : index
// CHECK-NEXT: %1 = scf.if %0 -> (tensor<4x6xf32>) {
// CHECK-NEXT: scf.yield %arg2 : tensor<4x6xf32>
// CHECK-NEXT: } else {
// CHECK-NEXT: %3 = tensor.empty() : tensor<4x6xf32>
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<4x6xf32>) -> tensor<4x6xf32>
// CHECK-NEXT: scf.yield %4 : tensor<4x6xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %2 = linalg.matmul ins(%arg0, %arg1 : tensor<4x4xf32>, tensor<4x6xf32>) outs(%1 : tensor<4x6xf32>) -> tensor<4x6xf32>
// CHECK-NEXT: %all_reduce = mesh.all_reduce %2 on @m mesh_axes = [0] : tensor<4x6xf32> -> tensor<4x6xf32>
// CHECK-NEXT: return %all_reduce : tensor<4x6xf32>
// CHECK-NEXT: }
func.func @row_parallel_all_reduce(%x: tensor<4x8xf32>, %w: tensor<8x6xf32>, %acc: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %xs = mesh.shard %x to <@m, [[], [0]]> annotate_for_users : tensor<4x8xf32>
  %ws = mesh.shard %w to <@m, [[0]]> annotate_for_users : tensor<8x6xf32>
  %y = linalg.matmul ins(%xs, %ws : tensor<4x8xf32>, tensor<8x6xf32>) outs(%acc : tensor<4x6xf32>) -> tensor<4x6xf32>
  %ys = mesh.shard %y to <@m, [[]]> : tensor<4x6xf32>
  return %ys : tensor<4x6xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @generic_max_reduction(%arg0: tensor<4x2xf32>, %arg1: tensor<4xf32>) -> tensor<4xf32> {
// CHECK-NEXT: %proc_linear_idx = mesh.process_multi_index on @m axes = [0] : index
// CHECK-NEXT: %mesh_shape = mesh.mesh_shape @m axes = [0] : index
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %0 = arith.cmpi eq, %proc_linear_idx, %c0 : index
// CHECK-NEXT: %1 = scf.if %0 -> (tensor<4xf32>) {
// CHECK-NEXT: scf.yield %arg1 : tensor<4xf32>
// CHECK-NEXT: } else {
// CHECK-NEXT: %3 = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %cst = arith.constant 0xFF800000 : f32
// CHECK-NEXT: %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: scf.yield %4 : tensor<4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%arg0 : tensor<4x2xf32>) outs(%1 : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: %3 = arith.maximumf %in, %out : f32
// CHECK-NEXT: linalg.yield %3 : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: %all_reduce = mesh.all_reduce %2 on @m mesh_axes = [0] reduction = <max> : tensor<4xf32> -> tensor<4xf32>
// CHECK-NEXT: return %all_reduce : tensor<4xf32>
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
// CHECK-LABEL: func.func @generic_product_reduction(%arg0: tensor<4x2xi32>, %arg1: tensor<4xi32>) -> tensor<4xi32> {
// CHECK-NEXT: %proc_linear_idx = mesh.process_multi_index on @m axes = [0] : index
// CHECK-NEXT: %mesh_shape = mesh.mesh_shape @m axes = [0] : index
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %0 = arith.cmpi eq, %proc_linear_idx, %c0 : index
// CHECK-NEXT: %1 = scf.if %0 -> (tensor<4xi32>) {
// CHECK-NEXT: scf.yield %arg1 : tensor<4xi32>
// CHECK-NEXT: } else {
// CHECK-NEXT: %3 = tensor.empty() : tensor<4xi32>
// CHECK-NEXT: %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT: %4 = linalg.fill ins(%c1_i32 : i32) outs(%3 : tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: scf.yield %4 : tensor<4xi32>
// CHECK-NEXT: }
// CHECK-NEXT: %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%arg0 : tensor<4x2xi32>) outs(%1 : tensor<4xi32>) {
// CHECK-NEXT: ^bb0(%in: i32, %out: i32):
// CHECK-NEXT: %3 = arith.muli %in, %out : i32
// CHECK-NEXT: linalg.yield %3 : i32
// CHECK-NEXT: } -> tensor<4xi32>
// CHECK-NEXT: %all_reduce = mesh.all_reduce %2 on @m mesh_axes = [0] reduction = <product> : tensor<4xi32> -> tensor<4xi32>
// CHECK-NEXT: return %all_reduce : tensor<4xi32>
// CHECK-NEXT: }
func.func @generic_product_reduction(%x: tensor<4x8xi32>, %o: tensor<4xi32>) -> tensor<4xi32> {
  %xs = mesh.shard %x to <@m, [[], [0]]> annotate_for_users : tensor<4x8xi32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%xs : tensor<4x8xi32>) outs(%o : tensor<4xi32>) {
  ^bb0(%in: i32, %out: i32):
    %m = arith.muli %in, %out : i32
    linalg.yield %m : i32
  } -> tensor<4xi32>
  %rs = mesh.shard %r to <@m, [[]]> : tensor<4xi32>
  return %rs : tensor<4xi32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @dynamic_dim(%arg0: tensor<?x16xf32>) -> tensor<?x16xf32> {
// CHECK-NEXT: %0 = tosa.exp %arg0 : (tensor<?x16xf32>) -> tensor<?x16xf32>
// CHECK-NEXT: return %0 : tensor<?x16xf32>
// CHECK-NEXT: }
func.func @dynamic_dim(%x: tensor<?x16xf32>) -> tensor<?x16xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<?x16xf32>
  %1 = tosa.exp %xs : (tensor<?x16xf32>) -> tensor<?x16xf32>
  return %1 : tensor<?x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @one_result_two_users(%arg0: tensor<2x16xf32>) -> (tensor<2x16xf32>, tensor<2x16xf32>) {
// CHECK-NEXT: %0 = tosa.exp %arg0 : (tensor<2x16xf32>) -> tensor<2x16xf32>
// CHECK-NEXT: %1 = tosa.abs %0 : (tensor<2x16xf32>) -> tensor<2x16xf32>
// CHECK-NEXT: %2 = tosa.negate %0 : (tensor<2x16xf32>) -> tensor<2x16xf32>
// CHECK-NEXT: return %1, %2 : tensor<2x16xf32>, tensor<2x16xf32>
// CHECK-NEXT: }
func.func @one_result_two_users(%x: tensor<8x16xf32>) -> (tensor<8x16xf32>, tensor<8x16xf32>) {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<8x16xf32>
  %0 = tosa.exp %xs : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %1 = tosa.abs %0 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %2 = tosa.negate %0 : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %1, %2 : tensor<8x16xf32>, tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @transpose(%arg0: tensor<2x16xf32>, %arg1: tensor<16x2xf32>) -> tensor<16x2xf32> {
// CHECK-NEXT: %transposed = linalg.transpose ins(%arg0 : tensor<2x16xf32>) outs(%arg1 : tensor<16x2xf32>) permutation = [1, 0]
// CHECK-NEXT: return %transposed : tensor<16x2xf32>
// CHECK-NEXT: }
func.func @transpose(%x: tensor<8x16xf32>, %o: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<8x16xf32>
  %t = linalg.transpose ins(%xs : tensor<8x16xf32>) outs(%o : tensor<16x8xf32>) permutation = [1, 0]
  return %t : tensor<16x8xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @map(%arg0: tensor<2x16xf32>, %arg1: tensor<2x16xf32>) -> tensor<2x16xf32> {
// CHECK-NEXT: %mapped = linalg.map { math.exp } ins(%arg0 : tensor<2x16xf32>) outs(%arg1 : tensor<2x16xf32>)
// CHECK-NEXT: return %mapped : tensor<2x16xf32>
// CHECK-NEXT: }
func.func @map(%x: tensor<8x16xf32>, %o: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<8x16xf32>
  %t = linalg.map { math.exp } ins(%xs : tensor<8x16xf32>) outs(%o : tensor<8x16xf32>)
  return %t : tensor<8x16xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @reduce(%arg0: tensor<8x4xf32>, %arg1: tensor<8xf32>) -> tensor<8xf32> {
// CHECK-NEXT: %proc_linear_idx = mesh.process_multi_index on @m axes = [0] : index
// CHECK-NEXT: %mesh_shape = mesh.mesh_shape @m axes = [0] : index
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %0 = arith.cmpi eq, %proc_linear_idx, %c0 : index
// CHECK-NEXT: %1 = scf.if %0 -> (tensor<8xf32>) {
// CHECK-NEXT: scf.yield %arg1 : tensor<8xf32>
// CHECK-NEXT: } else {
// CHECK-NEXT: %2 = tensor.empty() : tensor<8xf32>
// CHECK-NEXT: %cst = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %3 = linalg.fill ins(%cst : f32) outs(%2 : tensor<8xf32>) -> tensor<8xf32>
// CHECK-NEXT: scf.yield %3 : tensor<8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %reduced = linalg.reduce { arith.addf } ins(%arg0 : tensor<8x4xf32>) outs(%1 : tensor<8xf32>) dimensions = [1]
// CHECK-NEXT: %all_reduce = mesh.all_reduce %reduced on @m mesh_axes = [0] : tensor<8xf32> -> tensor<8xf32>
// CHECK-NEXT: return %all_reduce : tensor<8xf32>
// CHECK-NEXT: }
func.func @reduce(%x: tensor<8x16xf32>, %o: tensor<8xf32>) -> tensor<8xf32> {
  %xs = mesh.shard %x to <@m, [[], [0]]> annotate_for_users : tensor<8x16xf32>
  %t = linalg.reduce { arith.addf } ins(%xs : tensor<8x16xf32>) outs(%o : tensor<8xf32>) dimensions = [1]
  %ts = mesh.shard %t to <@m, [[]]> : tensor<8xf32>
  return %ts : tensor<8xf32>
}

// -----

mesh.mesh @m(shape = 4)
// CHECK-LABEL: func.func @broadcast(%arg0: tensor<2xf32>, %arg1: tensor<2x16xf32>) -> tensor<2x16xf32> {
// CHECK-NEXT: %broadcasted = linalg.broadcast ins(%arg0 : tensor<2xf32>) outs(%arg1 : tensor<2x16xf32>) dimensions = [1]
// CHECK-NEXT: return %broadcasted : tensor<2x16xf32>
// CHECK-NEXT: }
func.func @broadcast(%x: tensor<8xf32>, %o: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %xs = mesh.shard %x to <@m, [[0]]> annotate_for_users : tensor<8xf32>
  %t = linalg.broadcast ins(%xs : tensor<8xf32>) outs(%o : tensor<8x16xf32>) dimensions = [1]
  return %t : tensor<8x16xf32>
}

// -----

mesh.mesh @mesh_2d(shape = 4x8)
// seeds/002: the local matmul result is 8x1000x8192, partial over axis 1 as annotated (mlir-opt-19
// keeps the global 32x1000x8192 type on it, which no device computes; we do not copy that).
// CHECK-LABEL: func.func @matmul_on_operand_shard_batch_and_k(%arg0: tensor<8x1000x512xf32>, %arg1: tensor<8x512x8192xf32>) -> tensor<8x1000x8192xf32> {
// CHECK-NEXT: %0 = tosa.matmul %arg0, %arg1 : (tensor<8x1000x512xf32>, tensor<8x512x8192xf32>) -> tensor<8x1000x8192xf32>
// CHECK-NEXT: return %0 : tensor<8x1000x8192xf32>
// CHECK-NEXT: }
func.func @matmul_on_operand_shard_batch_and_k(%arg0: tensor<32x1000x4096xf32>, %arg1: tensor<32x4096x8192xf32>) -> tensor<32x1000x8192xf32> {
  %sharding_annotated = mesh.shard %arg0 to <@mesh_2d, [[0], [], [1]]> annotate_for_users : tensor<32x1000x4096xf32>
  %sharding_annotated_0 = mesh.shard %arg1 to <@mesh_2d, [[0], [1]]> annotate_for_users : tensor<32x4096x8192xf32>
  %0 = tosa.matmul %sharding_annotated, %sharding_annotated_0 : (tensor<32x1000x4096xf32>, tensor<32x4096x8192xf32>) -> tensor<32x1000x8192xf32>
  %sharding_annotated_1 = mesh.shard %0 to <@mesh_2d, [[0]], partial = sum[1]> : tensor<32x1000x8192xf32>
  return %sharding_annotated_1 : tensor<32x1000x8192xf32>
}

// RUN: gvm-opt %s | FileCheck %s
// RUN: gvm-opt %s | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// Every mesh op and attribute, printed as mlir-opt 19 prints them: custom form (defaults such as
// mesh_axes = [] and reduction = <sum> left out, result names %sharding_annotated, %all_gather, ...),
// and generic form (i16 axes, #mesh.shard / #mesh.partial, kDynamic for `?` and dynamic roots).
// The CHECK lines are mlir-opt-19's output for this file.

mesh.mesh @mesh0(shape = 2x4)
mesh.mesh @mesh_dyn(shape = 4x?)
mesh.mesh @mesh3d(shape = ?x2x?)
mesh.mesh @ring(shape = 8)

func.func @shard(%arg0: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %0 = mesh.shard %arg0 to <@mesh0, [[0]]> : tensor<8x16xf32>
  %1 = mesh.shard %0 to <@mesh0, [[0], [1]]> annotate_for_users : tensor<8x16xf32>
  %2 = mesh.shard %1 to <@mesh0, [[], [0, 1]]> : tensor<8x16xf32>
  %3 = mesh.shard %2 to <@mesh0, [[]], partial = sum[0]> : tensor<8x16xf32>
  %4 = mesh.shard %3 to <@mesh0, [[1]], partial = max[0]> annotate_for_users : tensor<8x16xf32>
  %5 = mesh.shard %4 to <@mesh0, [[]], partial = min[0, 1]> : tensor<8x16xf32>
  %6 = mesh.shard %5 to <@mesh0, [[]], partial = product[1]> : tensor<8x16xf32>
  %7 = mesh.shard %6 to <@mesh0, [[]], partial = average[1]> : tensor<8x16xf32>
  %8 = mesh.shard %7 to <@mesh0, [[]], partial = bitwise_and[1]> : tensor<8x16xf32>
  %9 = mesh.shard %8 to <@mesh0, [[]], partial = bitwise_or[1]> : tensor<8x16xf32>
  %10 = mesh.shard %9 to <@mesh0, [[]], partial = bitwise_xor[1]> : tensor<8x16xf32>
  %11 = mesh.shard %10 to <@mesh0, [[0]], partial = generic[1]> : tensor<8x16xf32>
  return %11 : tensor<8x16xf32>
}

func.func @query() -> (index, index, index) {
  %0:2 = mesh.mesh_shape @mesh0 : index, index
  %1 = mesh.mesh_shape @mesh3d axes = [2] : index
  %2:3 = mesh.process_multi_index on @mesh3d : index, index, index
  %3:2 = mesh.process_multi_index on @mesh3d axes = [2, 0] : index, index
  %4 = mesh.process_linear_index on @ring : index
  return %0#1, %2#2, %4 : index, index, index
}

func.func @collectives(%a: tensor<4x8xf32>, %i: tensor<8xi32>, %dev: index) {
  %0 = mesh.all_gather %a on @mesh0 mesh_axes = [1] gather_axis = 1 : tensor<4x8xf32> -> tensor<4x32xf32>
  %1 = mesh.all_gather %a on @mesh_dyn mesh_axes = [1] gather_axis = 0 : tensor<4x8xf32> -> tensor<?x8xf32>
  %2 = mesh.all_reduce %a on @mesh0 : tensor<4x8xf32> -> tensor<4x8xf32>
  %3 = mesh.all_reduce %a on @mesh0 mesh_axes = [1, 0] reduction = <max> : tensor<4x8xf32> -> tensor<4x8xf64>
  %4 = mesh.all_reduce %i on @mesh0 mesh_axes = [0] reduction = <bitwise_xor> : tensor<8xi32> -> tensor<8xi32>
  %5 = mesh.all_slice %a on @mesh0 mesh_axes = [1] slice_axis = 1 : tensor<4x8xf32> -> tensor<4x2xf32>
  %6 = mesh.all_to_all %a on @mesh0 mesh_axes = [0] split_axis = 0 concat_axis = 1 : tensor<4x8xf32> -> tensor<2x16xf32>
  %7 = mesh.broadcast %a on @mesh0 mesh_axes = [0] root = [1] : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %8 = mesh.broadcast %a on @mesh_dyn mesh_axes = [1, 0] root = [%dev, 3] : (tensor<4x8xf32>, index) -> tensor<4x8xf32>
  %9 = mesh.gather %a on @mesh0 mesh_axes = [1] gather_axis = 0 root = [3] : (tensor<4x8xf32>) -> tensor<16x8xf32>
  %10 = mesh.recv %a on @mesh0 mesh_axes = [1] source = [2] : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %11 = mesh.recv %a on @mesh0 mesh_axes = [1] : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %12 = mesh.reduce %a on @mesh0 mesh_axes = [0] reduction = <min> root = [%dev] : (tensor<4x8xf32>, index) -> tensor<4x8xf64>
  %13 = mesh.reduce_scatter %a on @mesh0 mesh_axes = [1] reduction = <average> scatter_axis = 1 : tensor<4x8xf32> -> tensor<4x2xf64>
  %14 = mesh.scatter %a on @mesh0 mesh_axes = [0] scatter_axis = 0 root = [1] : (tensor<4x8xf32>) -> tensor<2x8xf32>
  %15 = mesh.send %a on @mesh0 mesh_axes = [1] destination = [%dev] : (tensor<4x8xf32>, index) -> tensor<4x8xf32>
  %16 = mesh.shift %a on @mesh0 mesh_axes = [1] shift_axis = 1 offset = -1 rotate : tensor<4x8xf32> -> tensor<4x8xf32>
  %17 = mesh.shift %a on @mesh0 mesh_axes = [0, 1] shift_axis = 0 offset = 1 {note = "kept"} : tensor<4x8xf32> -> tensor<4x8xf32>
  return
}

// CHECK: module {
// CHECK-NEXT: mesh.mesh @mesh0(shape = 2x4)
// CHECK-NEXT: mesh.mesh @mesh_dyn(shape = 4x?)
// CHECK-NEXT: mesh.mesh @mesh3d(shape = ?x2x?)
// CHECK-NEXT: mesh.mesh @ring(shape = 8)
// CHECK-NEXT: func.func @shard(%arg0: tensor<8x16xf32>) -> tensor<8x16xf32> {
// CHECK-NEXT: %sharding_annotated = mesh.shard %arg0 to <@mesh0, {{\[\[}}0]]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_0 = mesh.shard %sharding_annotated to <@mesh0, {{\[\[}}0], [1]]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_1 = mesh.shard %sharding_annotated_0 to <@mesh0, {{\[\[}}], [0, 1]]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_2 = mesh.shard %sharding_annotated_1 to <@mesh0, {{\[\[}}]], partial = sum[0]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_3 = mesh.shard %sharding_annotated_2 to <@mesh0, {{\[\[}}1]], partial = max[0]> annotate_for_users : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_4 = mesh.shard %sharding_annotated_3 to <@mesh0, {{\[\[}}]], partial = min[0, 1]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_5 = mesh.shard %sharding_annotated_4 to <@mesh0, {{\[\[}}]], partial = product[1]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_6 = mesh.shard %sharding_annotated_5 to <@mesh0, {{\[\[}}]], partial = average[1]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_7 = mesh.shard %sharding_annotated_6 to <@mesh0, {{\[\[}}]], partial = bitwise_and[1]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_8 = mesh.shard %sharding_annotated_7 to <@mesh0, {{\[\[}}]], partial = bitwise_or[1]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_9 = mesh.shard %sharding_annotated_8 to <@mesh0, {{\[\[}}]], partial = bitwise_xor[1]> : tensor<8x16xf32>
// CHECK-NEXT: %sharding_annotated_10 = mesh.shard %sharding_annotated_9 to <@mesh0, {{\[\[}}0]], partial = generic[1]> : tensor<8x16xf32>
// CHECK-NEXT: return %sharding_annotated_10 : tensor<8x16xf32>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @query() -> (index, index, index) {
// CHECK-NEXT: %mesh_shape:2 = mesh.mesh_shape @mesh0 : index, index
// CHECK-NEXT: %mesh_shape_0 = mesh.mesh_shape @mesh3d axes = [2] : index
// CHECK-NEXT: %proc_linear_idx:3 = mesh.process_multi_index on @mesh3d : index, index, index
// CHECK-NEXT: %proc_linear_idx_1:2 = mesh.process_multi_index on @mesh3d axes = [2, 0] : index, index
// CHECK-NEXT: %proc_linear_idx_2 = mesh.process_linear_index on @ring : index
// CHECK-NEXT: return %mesh_shape#1, %proc_linear_idx#2, %proc_linear_idx_2 : index, index, index
// CHECK-NEXT: }
// CHECK-NEXT: func.func @collectives(%arg0: tensor<4x8xf32>, %arg1: tensor<8xi32>, %arg2: index) {
// CHECK-NEXT: %all_gather = mesh.all_gather %arg0 on @mesh0 mesh_axes = [1] gather_axis = 1 : tensor<4x8xf32> -> tensor<4x32xf32>
// CHECK-NEXT: %all_gather_0 = mesh.all_gather %arg0 on @mesh_dyn mesh_axes = [1] gather_axis = 0 : tensor<4x8xf32> -> tensor<?x8xf32>
// CHECK-NEXT: %all_reduce = mesh.all_reduce %arg0 on @mesh0 : tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK-NEXT: %all_reduce_1 = mesh.all_reduce %arg0 on @mesh0 mesh_axes = [1, 0] reduction = <max> : tensor<4x8xf32> -> tensor<4x8xf64>
// CHECK-NEXT: %all_reduce_2 = mesh.all_reduce %arg1 on @mesh0 mesh_axes = [0] reduction = <bitwise_xor> : tensor<8xi32> -> tensor<8xi32>
// CHECK-NEXT: %all_slice = mesh.all_slice %arg0 on @mesh0 mesh_axes = [1] slice_axis = 1 : tensor<4x8xf32> -> tensor<4x2xf32>
// CHECK-NEXT: %all_to_all = mesh.all_to_all %arg0 on @mesh0 mesh_axes = [0] split_axis = 0 concat_axis = 1 : tensor<4x8xf32> -> tensor<2x16xf32>
// CHECK-NEXT: %broadcast = mesh.broadcast %arg0 on @mesh0 mesh_axes = [0] root = [1] : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %broadcast_3 = mesh.broadcast %arg0 on @mesh_dyn mesh_axes = [1, 0] root = [%arg2, 3] : (tensor<4x8xf32>, index) -> tensor<4x8xf32>
// CHECK-NEXT: %gather = mesh.gather %arg0 on @mesh0 mesh_axes = [1] gather_axis = 0 root = [3] : (tensor<4x8xf32>) -> tensor<16x8xf32>
// CHECK-NEXT: %recv = mesh.recv %arg0 on @mesh0 mesh_axes = [1] source = [2] : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %recv_4 = mesh.recv %arg0 on @mesh0 mesh_axes = [1] : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %reduce = mesh.reduce %arg0 on @mesh0 mesh_axes = [0] reduction = <min> root = [%arg2] : (tensor<4x8xf32>, index) -> tensor<4x8xf64>
// CHECK-NEXT: %reduce_scatter = mesh.reduce_scatter %arg0 on @mesh0 mesh_axes = [1] reduction = <average> scatter_axis = 1 : tensor<4x8xf32> -> tensor<4x2xf64>
// CHECK-NEXT: %scatter = mesh.scatter %arg0 on @mesh0 mesh_axes = [0] scatter_axis = 0 root = [1] : (tensor<4x8xf32>) -> tensor<2x8xf32>
// CHECK-NEXT: %send = mesh.send %arg0 on @mesh0 mesh_axes = [1] destination = [%arg2] : (tensor<4x8xf32>, index) -> tensor<4x8xf32>
// CHECK-NEXT: %shift = mesh.shift %arg0 on @mesh0 mesh_axes = [1] shift_axis = 1 offset = -1 rotate : tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK-NEXT: %shift_5 = mesh.shift %arg0 on @mesh0 mesh_axes = [0, 1] shift_axis = 0 offset = 1 {note = "kept"} : tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: }

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT: "mesh.mesh"() <{shape = array<i64: 2, 4>, sym_name = "mesh0"}> : () -> ()
// GENERIC-NEXT: "mesh.mesh"() <{shape = array<i64: 4, -9223372036854775808>, sym_name = "mesh_dyn"}> : () -> ()
// GENERIC-NEXT: "mesh.mesh"() <{shape = array<i64: -9223372036854775808, 2, -9223372036854775808>, sym_name = "mesh3d"}> : () -> ()
// GENERIC-NEXT: "mesh.mesh"() <{shape = array<i64: 8>, sym_name = "ring"}> : () -> ()
// GENERIC-NEXT: "func.func"() <{function_type = (tensor<8x16xf32>) -> tensor<8x16xf32>, sym_name = "shard"}> ({
// GENERIC-NEXT: ^bb0(%arg3: tensor<8x16xf32>):
// GENERIC-NEXT: %23 = "mesh.shard"(%arg3) <{shard = #mesh.shard<@mesh0, {{\[\[}}0]]>}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
// GENERIC-NEXT: %24 = "mesh.shard"(%23) <{annotate_for_users, shard = #mesh.shard<@mesh0, {{\[\[}}0], [1]]>}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
// GENERIC-NEXT: %25 = "mesh.shard"(%24) <{shard = #mesh.shard<@mesh0, {{\[\[}}], [0, 1]]>}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
// GENERIC-NEXT: %26 = "mesh.shard"(%25) <{shard = #mesh.shard<@mesh0, {{\[\[}}]], partial = sum[0]>}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
// GENERIC-NEXT: %27 = "mesh.shard"(%26) <{annotate_for_users, shard = #mesh.shard<@mesh0, {{\[\[}}1]], partial = max[0]>}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
// GENERIC-NEXT: %28 = "mesh.shard"(%27) <{shard = #mesh.shard<@mesh0, {{\[\[}}]], partial = min[0, 1]>}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
// GENERIC-NEXT: %29 = "mesh.shard"(%28) <{shard = #mesh.shard<@mesh0, {{\[\[}}]], partial = product[1]>}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
// GENERIC-NEXT: %30 = "mesh.shard"(%29) <{shard = #mesh.shard<@mesh0, {{\[\[}}]], partial = average[1]>}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
// GENERIC-NEXT: %31 = "mesh.shard"(%30) <{shard = #mesh.shard<@mesh0, {{\[\[}}]], partial = bitwise_and[1]>}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
// GENERIC-NEXT: %32 = "mesh.shard"(%31) <{shard = #mesh.shard<@mesh0, {{\[\[}}]], partial = bitwise_or[1]>}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
// GENERIC-NEXT: %33 = "mesh.shard"(%32) <{shard = #mesh.shard<@mesh0, {{\[\[}}]], partial = bitwise_xor[1]>}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
// GENERIC-NEXT: %34 = "mesh.shard"(%33) <{shard = #mesh.shard<@mesh0, {{\[\[}}0]], partial = generic[1]>}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
// GENERIC-NEXT: "func.return"(%34) : (tensor<8x16xf32>) -> ()
// GENERIC-NEXT: }) : () -> ()
// GENERIC-NEXT: "func.func"() <{function_type = () -> (index, index, index), sym_name = "query"}> ({
// GENERIC-NEXT: %18:2 = "mesh.mesh_shape"() <{axes = array<i16>, mesh = @mesh0}> : () -> (index, index)
// GENERIC-NEXT: %19 = "mesh.mesh_shape"() <{axes = array<i16: 2>, mesh = @mesh3d}> : () -> index
// GENERIC-NEXT: %20:3 = "mesh.process_multi_index"() <{axes = array<i16>, mesh = @mesh3d}> : () -> (index, index, index)
// GENERIC-NEXT: %21:2 = "mesh.process_multi_index"() <{axes = array<i16: 2, 0>, mesh = @mesh3d}> : () -> (index, index)
// GENERIC-NEXT: %22 = "mesh.process_linear_index"() <{mesh = @ring}> : () -> index
// GENERIC-NEXT: "func.return"(%18#1, %20#2, %22) : (index, index, index) -> ()
// GENERIC-NEXT: }) : () -> ()
// GENERIC-NEXT: "func.func"() <{function_type = (tensor<4x8xf32>, tensor<8xi32>, index) -> (), sym_name = "collectives"}> ({
// GENERIC-NEXT: ^bb0(%arg0: tensor<4x8xf32>, %arg1: tensor<8xi32>, %arg2: index):
// GENERIC-NEXT: %0 = "mesh.all_gather"(%arg0) <{gather_axis = 1 : index, mesh = @mesh0, mesh_axes = array<i16: 1>}> : (tensor<4x8xf32>) -> tensor<4x32xf32>
// GENERIC-NEXT: %1 = "mesh.all_gather"(%arg0) <{gather_axis = 0 : index, mesh = @mesh_dyn, mesh_axes = array<i16: 1>}> : (tensor<4x8xf32>) -> tensor<?x8xf32>
// GENERIC-NEXT: %2 = "mesh.all_reduce"(%arg0) <{mesh = @mesh0, mesh_axes = array<i16>, reduction = #mesh.partial<sum>}> : (tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: %3 = "mesh.all_reduce"(%arg0) <{mesh = @mesh0, mesh_axes = array<i16: 1, 0>, reduction = #mesh.partial<max>}> : (tensor<4x8xf32>) -> tensor<4x8xf64>
// GENERIC-NEXT: %4 = "mesh.all_reduce"(%arg1) <{mesh = @mesh0, mesh_axes = array<i16: 0>, reduction = #mesh.partial<bitwise_xor>}> : (tensor<8xi32>) -> tensor<8xi32>
// GENERIC-NEXT: %5 = "mesh.all_slice"(%arg0) <{mesh = @mesh0, mesh_axes = array<i16: 1>, slice_axis = 1 : index}> : (tensor<4x8xf32>) -> tensor<4x2xf32>
// GENERIC-NEXT: %6 = "mesh.all_to_all"(%arg0) <{concat_axis = 1 : index, mesh = @mesh0, mesh_axes = array<i16: 0>, split_axis = 0 : index}> : (tensor<4x8xf32>) -> tensor<2x16xf32>
// GENERIC-NEXT: %7 = "mesh.broadcast"(%arg0) <{mesh = @mesh0, mesh_axes = array<i16: 0>, root = array<i64: 1>}> : (tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: %8 = "mesh.broadcast"(%arg0, %arg2) <{mesh = @mesh_dyn, mesh_axes = array<i16: 1, 0>, root = array<i64: -9223372036854775808, 3>}> : (tensor<4x8xf32>, index) -> tensor<4x8xf32>
// GENERIC-NEXT: %9 = "mesh.gather"(%arg0) <{gather_axis = 0 : index, mesh = @mesh0, mesh_axes = array<i16: 1>, root = array<i64: 3>}> : (tensor<4x8xf32>) -> tensor<16x8xf32>
// GENERIC-NEXT: %10 = "mesh.recv"(%arg0) <{mesh = @mesh0, mesh_axes = array<i16: 1>, source = array<i64: 2>}> : (tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: %11 = "mesh.recv"(%arg0) <{mesh = @mesh0, mesh_axes = array<i16: 1>}> : (tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: %12 = "mesh.reduce"(%arg0, %arg2) <{mesh = @mesh0, mesh_axes = array<i16: 0>, reduction = #mesh.partial<min>, root = array<i64: -9223372036854775808>}> : (tensor<4x8xf32>, index) -> tensor<4x8xf64>
// GENERIC-NEXT: %13 = "mesh.reduce_scatter"(%arg0) <{mesh = @mesh0, mesh_axes = array<i16: 1>, reduction = #mesh.partial<average>, scatter_axis = 1 : index}> : (tensor<4x8xf32>) -> tensor<4x2xf64>
// GENERIC-NEXT: %14 = "mesh.scatter"(%arg0) <{mesh = @mesh0, mesh_axes = array<i16: 0>, root = array<i64: 1>, scatter_axis = 0 : index}> : (tensor<4x8xf32>) -> tensor<2x8xf32>
// GENERIC-NEXT: %15 = "mesh.send"(%arg0, %arg2) <{destination = array<i64: -9223372036854775808>, mesh = @mesh0, mesh_axes = array<i16: 1>}> : (tensor<4x8xf32>, index) -> tensor<4x8xf32>
// GENERIC-NEXT: %16 = "mesh.shift"(%arg0) <{mesh = @mesh0, mesh_axes = array<i16: 1>, offset = -1 : i64, rotate, shift_axis = 1 : index}> : (tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: %17 = "mesh.shift"(%arg0) <{mesh = @mesh0, mesh_axes = array<i16: 0, 1>, offset = 1 : i64, shift_axis = 0 : index}> {note = "kept"} : (tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: "func.return"() : () -> ()
// GENERIC-NEXT: }) : () -> ()
// GENERIC-NEXT: }) : () -> ()

// RUN: gvm-opt %s | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s

// Round trip of every tensor op, in custom and generic form, with MLIR's
// result names (%extracted, %cast, ...).

// CHECK-LABEL: func.func @empty
func.func @empty(%i: index, %j: index) -> (tensor<4x8xf32>, tensor<?x3x?xf32>) {
  // CHECK-NEXT: %0 = tensor.empty() : tensor<4x8xf32>
  %0 = tensor.empty() : tensor<4x8xf32>
  // CHECK-NEXT: %1 = tensor.empty(%arg0, %arg1) : tensor<?x3x?xf32>
  %1 = tensor.empty(%i, %j) : tensor<?x3x?xf32>
  return %0, %1 : tensor<4x8xf32>, tensor<?x3x?xf32>
}

// CHECK-LABEL: func.func @extract_insert
func.func @extract_insert(%t: tensor<8x16xf32>, %i: index, %j: index, %f: f32, %s: tensor<i32>) -> i32 {
  // CHECK-NEXT: %extracted = tensor.extract %arg0[%arg1, %arg2] : tensor<8x16xf32>
  %x = tensor.extract %t[%i, %j] : tensor<8x16xf32>
  // CHECK-NEXT: %inserted = tensor.insert %extracted into %arg0[%arg2, %arg1] : tensor<8x16xf32>
  %y = tensor.insert %x into %t[%j, %i] : tensor<8x16xf32>
  // CHECK-NEXT: %extracted_0 = tensor.extract %arg4[] : tensor<i32>
  %z = tensor.extract %s[] : tensor<i32>
  return %z : i32
}

// CHECK-LABEL: func.func @slices
func.func @slices(%t: tensor<8x16xf32>, %d: tensor<?x?xf32>, %i: index, %j: index) -> tensor<8x16xf32> {
  // CHECK-NEXT: %extracted_slice = tensor.extract_slice %arg0[0, %arg2] [4, 8] [1, 1] : tensor<8x16xf32> to tensor<4x8xf32>
  %a = tensor.extract_slice %t[0, %i] [4, 8] [1, 1] : tensor<8x16xf32> to tensor<4x8xf32>
  // CHECK-NEXT: %extracted_slice_0 = tensor.extract_slice %arg1[%arg2, %arg3] [%arg2, 1] [2, %arg3] : tensor<?x?xf32> to tensor<?xf32>
  %b = tensor.extract_slice %d[%i, %j] [%i, 1] [2, %j] : tensor<?x?xf32> to tensor<?xf32>
  // CHECK-NEXT: %extracted_slice_1 = tensor.extract_slice %arg0[0, 0] [1, 16] [1, 1] {tensor.tag} : tensor<8x16xf32> to tensor<16xf32>
  %c = tensor.extract_slice %t[0, 0] [1, 16] [1, 1] {tensor.tag} : tensor<8x16xf32> to tensor<16xf32>
  // CHECK-NEXT: %inserted_slice = tensor.insert_slice %extracted_slice into %arg0[0, %arg2] [4, 8] [1, 1] : tensor<4x8xf32> into tensor<8x16xf32>
  %e = tensor.insert_slice %a into %t[0, %i] [4, 8] [1, 1] : tensor<4x8xf32> into tensor<8x16xf32>
  // CHECK-NEXT: %inserted_slice_2 = tensor.insert_slice %extracted_slice_1 into %inserted_slice[%arg3, 0] [1, 16] [1, 1] : tensor<16xf32> into tensor<8x16xf32>
  %f = tensor.insert_slice %c into %e[%j, 0] [1, 16] [1, 1] : tensor<16xf32> into tensor<8x16xf32>
  return %f : tensor<8x16xf32>
}

// CHECK-LABEL: func.func @cast_dim
func.func @cast_dim(%t: tensor<8x16xf32>, %u: tensor<*xf32>) -> index {
  // CHECK-NEXT: %cast = tensor.cast %arg0 : tensor<8x16xf32> to tensor<?x?xf32>
  %0 = tensor.cast %t : tensor<8x16xf32> to tensor<?x?xf32>
  // CHECK-NEXT: %cast_0 = tensor.cast %arg1 : tensor<*xf32> to tensor<?x16xf32>
  %1 = tensor.cast %u : tensor<*xf32> to tensor<?x16xf32>
  // CHECK-NEXT: %c1 = arith.constant 1 : index
  %c1 = arith.constant 1 : index
  // CHECK-NEXT: %dim = tensor.dim %cast, %c1 : tensor<?x?xf32>
  %2 = tensor.dim %0, %c1 : tensor<?x?xf32>
  // CHECK-NEXT: %dim_1 = tensor.dim %arg1, %c1 : tensor<*xf32>
  %3 = tensor.dim %u, %c1 : tensor<*xf32>
  return %2 : index
}

// CHECK-LABEL: func.func @reshapes
func.func @reshapes(%t: tensor<8x16xf32>, %d: tensor<?x?xf32>, %shape: tensor<2xi32>, %dshape: tensor<?xindex>, %i: index, %j: index) {
  // CHECK-NEXT: %reshape = tensor.reshape %arg0(%arg2) : (tensor<8x16xf32>, tensor<2xi32>) -> tensor<16x8xf32>
  %0 = tensor.reshape %t(%shape) : (tensor<8x16xf32>, tensor<2xi32>) -> tensor<16x8xf32>
  // CHECK-NEXT: %reshape_0 = tensor.reshape %arg1(%arg3) : (tensor<?x?xf32>, tensor<?xindex>) -> tensor<*xf32>
  %1 = tensor.reshape %d(%dshape) : (tensor<?x?xf32>, tensor<?xindex>) -> tensor<*xf32>
  // CHECK-NEXT: %expanded = tensor.expand_shape %arg0 {{\[\[}}0, 1], [2]] output_shape [2, 4, 16] : tensor<8x16xf32> into tensor<2x4x16xf32>
  %2 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 4, 16] : tensor<8x16xf32> into tensor<2x4x16xf32>
  // CHECK-NEXT: %expanded_1 = tensor.expand_shape %arg1 {{\[\[}}0, 1], [2]] output_shape [%arg4, 4, %arg5] : tensor<?x?xf32> into tensor<?x4x?xf32>
  %3 = tensor.expand_shape %d [[0, 1], [2]] output_shape [%i, 4, %j] : tensor<?x?xf32> into tensor<?x4x?xf32>
  // CHECK-NEXT: %collapsed = tensor.collapse_shape %expanded {{\[\[}}0, 1], [2]] : tensor<2x4x16xf32> into tensor<8x16xf32>
  %4 = tensor.collapse_shape %2 [[0, 1], [2]] : tensor<2x4x16xf32> into tensor<8x16xf32>
  // CHECK-NEXT: %collapsed_2 = tensor.collapse_shape %expanded_1 {{\[\[}}0, 1, 2]] : tensor<?x4x?xf32> into tensor<?xf32>
  %5 = tensor.collapse_shape %3 [[0, 1, 2]] : tensor<?x4x?xf32> into tensor<?xf32>
  return
}

// CHECK-LABEL: func.func @splat_from_elements_concat
func.func @splat_from_elements_concat(%f: f32, %i: index, %t: tensor<8x16xf32>, %d: tensor<?x16xf32>) {
  // CHECK-NEXT: %splat = tensor.splat %arg0 : tensor<4x4xf32>
  %0 = tensor.splat %f : tensor<4x4xf32>
  // CHECK-NEXT: %splat_0 = tensor.splat %arg0[%arg1] : tensor<?x4xf32>
  %1 = tensor.splat %f[%i] : tensor<?x4xf32>
  // CHECK-NEXT: %from_elements = tensor.from_elements %arg0, %arg0 : tensor<2xf32>
  %2 = tensor.from_elements %f, %f : tensor<2xf32>
  // CHECK-NEXT: %from_elements_1 = tensor.from_elements %arg1 : tensor<index>
  %3 = tensor.from_elements %i : tensor<index>
  // CHECK-NEXT: %concat = tensor.concat dim(0) %arg2, %arg2 : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<16x16xf32>
  %4 = tensor.concat dim(0) %t, %t : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<16x16xf32>
  // CHECK-NEXT: %concat_2 = tensor.concat dim(0) %arg2, %arg3 : (tensor<8x16xf32>, tensor<?x16xf32>) -> tensor<?x16xf32>
  %5 = tensor.concat dim(0) %t, %d : (tensor<8x16xf32>, tensor<?x16xf32>) -> tensor<?x16xf32>
  return
}

// CHECK-LABEL: func.func @pad_generate
func.func @pad_generate(%t: tensor<8x16xf32>, %f: f32, %i: index) {
  // CHECK-NEXT: %padded = tensor.pad %arg0 low[1, %arg2] high[2, 3] {
  // CHECK-NEXT: ^bb0(%arg3: index, %arg4: index):
  // CHECK-NEXT:   tensor.yield %arg1 : f32
  // CHECK-NEXT: } : tensor<8x16xf32> to tensor<11x?xf32>
  %0 = tensor.pad %t low[1, %i] high[2, 3] {
  ^bb0(%a: index, %b: index):
    tensor.yield %f : f32
  } : tensor<8x16xf32> to tensor<11x?xf32>
  // CHECK-NEXT: %padded_0 = tensor.pad %arg0 nofold low[0, 0] high[0, 0] {
  // CHECK-NEXT: ^bb0(%arg3: index, %arg4: index):
  // CHECK-NEXT:   tensor.yield %arg1 : f32
  // CHECK-NEXT: } : tensor<8x16xf32> to tensor<8x16xf32>
  %1 = tensor.pad %t nofold low[0, 0] high[0, 0] {
  ^bb0(%a: index, %b: index):
    tensor.yield %f : f32
  } : tensor<8x16xf32> to tensor<8x16xf32>
  // CHECK-NEXT: %generated = tensor.generate %arg2 {
  // CHECK-NEXT: ^bb0(%arg3: index, %arg4: index):
  // CHECK-NEXT:   %0 = arith.addi %arg3, %arg4 : index
  // CHECK-NEXT:   %1 = arith.index_cast %0 : index to i32
  // CHECK-NEXT:   tensor.yield %1 : i32
  // CHECK-NEXT: } : tensor<?x3xi32>
  %2 = tensor.generate %i {
  ^bb0(%a: index, %b: index):
    %sum = arith.addi %a, %b : index
    %e = arith.index_cast %sum : index to i32
    tensor.yield %e : i32
  } : tensor<?x3xi32>
  return
}

// CHECK-LABEL: func.func @rank_bitcast
func.func @rank_bitcast(%t: tensor<4x?xf32>, %u: tensor<*xi32>) -> (index, index, tensor<4x?xi32>, tensor<*xf32>) {
  // CHECK-NEXT: %rank = tensor.rank %arg0 : tensor<4x?xf32>
  %0 = tensor.rank %t : tensor<4x?xf32>
  // CHECK-NEXT: %rank_0 = tensor.rank %arg1 : tensor<*xi32>
  %1 = tensor.rank %u : tensor<*xi32>
  // CHECK-NEXT: %0 = tensor.bitcast %arg0 : tensor<4x?xf32> to tensor<4x?xi32>
  %2 = tensor.bitcast %t : tensor<4x?xf32> to tensor<4x?xi32>
  // CHECK-NEXT: %1 = tensor.bitcast %arg1 : tensor<*xi32> to tensor<*xf32>
  %3 = tensor.bitcast %u : tensor<*xi32> to tensor<*xf32>
  return %0, %1, %2, %3 : index, index, tensor<4x?xi32>, tensor<*xf32>
}

// CHECK-LABEL: func.func @gather_scatter
func.func @gather_scatter(%s: tensor<4x5x6xf32>, %i: tensor<2x3x1xindex>, %j: tensor<7x2xi32>, %d: tensor<4x5x6xf32>, %u: tensor<2x3x4x1x6xf32>) {
  // CHECK-NEXT: %gather = tensor.gather %arg0[%arg1] gather_dims([1]) : (tensor<4x5x6xf32>, tensor<2x3x1xindex>) -> tensor<2x3x4x1x6xf32>
  %0 = tensor.gather %s[%i] gather_dims([1]) : (tensor<4x5x6xf32>, tensor<2x3x1xindex>) -> tensor<2x3x4x1x6xf32>
  // CHECK-NEXT: %gather_0 = tensor.gather %arg0[%arg1] gather_dims([1]) unique : (tensor<4x5x6xf32>, tensor<2x3x1xindex>) -> tensor<2x3x4x6xf32>
  %1 = tensor.gather %s[%i] gather_dims([1]) unique : (tensor<4x5x6xf32>, tensor<2x3x1xindex>) -> tensor<2x3x4x6xf32>
  // CHECK-NEXT: %gather_1 = tensor.gather %arg0[%arg2] gather_dims([0, 2]) : (tensor<4x5x6xf32>, tensor<7x2xi32>) -> tensor<7x1x5x1xf32>
  %2 = tensor.gather %s[%j] gather_dims([0, 2]) : (tensor<4x5x6xf32>, tensor<7x2xi32>) -> tensor<7x1x5x1xf32>
  // CHECK-NEXT: %scatter = tensor.scatter %arg4 into %arg3[%arg1] scatter_dims([1]) unique : (tensor<2x3x4x1x6xf32>, tensor<4x5x6xf32>, tensor<2x3x1xindex>) -> tensor<4x5x6xf32>
  %3 = tensor.scatter %u into %d[%i] scatter_dims([1]) unique : (tensor<2x3x4x1x6xf32>, tensor<4x5x6xf32>, tensor<2x3x1xindex>) -> tensor<4x5x6xf32>
  return
}

// CHECK-LABEL: func.func @parallel_insert_slice
func.func @parallel_insert_slice(%t: tensor<8x16xf32>, %s: tensor<4xf32>) -> tensor<8x16xf32> {
  // CHECK-NEXT: %0 = scf.forall (%arg2) in (8) shared_outs(%arg3 = %arg0) -> (tensor<8x16xf32>) {
  // CHECK-NEXT:   scf.forall.in_parallel {
  // CHECK-NEXT:     tensor.parallel_insert_slice %arg1 into %arg3[%arg2, 4] [1, 4] [1, 2] : tensor<4xf32> into tensor<8x16xf32>
  // CHECK-NEXT:   }
  // CHECK-NEXT: }
  %r = scf.forall (%i) in (8) shared_outs(%o = %t) -> (tensor<8x16xf32>) {
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %s into %o[%i, 4] [1, 4] [1, 2] : tensor<4xf32> into tensor<8x16xf32>
    }
  }
  return %r : tensor<8x16xf32>
}

// CHECK-LABEL: func.func @pack_unpack
func.func @pack_unpack(%s: tensor<128x256xf32>, %d: tensor<16x8x8x32xf32>, %d2: tensor<8x16x8x32xf32>, %n: index, %dd: tensor<?x?x?x?xf32>, %f: f32, %s3: tensor<13x15xf32>, %d3: tensor<2x2x8x8xf32>) {
  // CHECK-NEXT: %pack = tensor.pack %arg0 inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %arg1 : tensor<128x256xf32> -> tensor<16x8x8x32xf32>
  %0 = tensor.pack %s inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %d : tensor<128x256xf32> -> tensor<16x8x8x32xf32>
  // CHECK-NEXT: %pack_0 = tensor.pack %arg0 outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %arg2 : tensor<128x256xf32> -> tensor<8x16x8x32xf32>
  %1 = tensor.pack %s outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %d2 : tensor<128x256xf32> -> tensor<8x16x8x32xf32>
  // CHECK-NEXT: %pack_1 = tensor.pack %arg0 inner_dims_pos = [0, 1] inner_tiles = [%arg3, 32] into %arg4 : tensor<128x256xf32> -> tensor<?x?x?x?xf32>
  %2 = tensor.pack %s inner_dims_pos = [0, 1] inner_tiles = [%n, 32] into %dd : tensor<128x256xf32> -> tensor<?x?x?x?xf32>
  // CHECK-NEXT: %pack_2 = tensor.pack %arg6 padding_value(%arg5 : f32) inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %arg7 : tensor<13x15xf32> -> tensor<2x2x8x8xf32>
  %3 = tensor.pack %s3 padding_value(%f : f32) inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %d3 : tensor<13x15xf32> -> tensor<2x2x8x8xf32>
  // CHECK-NEXT: %unpack = tensor.unpack %arg1 inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %arg0 : tensor<16x8x8x32xf32> -> tensor<128x256xf32>
  %4 = tensor.unpack %d inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %s : tensor<16x8x8x32xf32> -> tensor<128x256xf32>
  // CHECK-NEXT: %unpack_3 = tensor.unpack %arg2 outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %arg0 : tensor<8x16x8x32xf32> -> tensor<128x256xf32>
  %5 = tensor.unpack %d2 outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %s : tensor<8x16x8x32xf32> -> tensor<128x256xf32>
  return
}

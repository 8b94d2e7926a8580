// RUN: gvm-opt %s | FileCheck %s
// RUN: gvm-opt %s | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// The linalg ops gvm defines, printed as mlir-opt 19 prints them. The custom form of the named ops
// leaves their body out; the generic form shows the body LLVM's region builders make (casts for
// mixed element types, math ops, the memoized indexing maps of the matmul family). Short forms
// ({ arith.maximumf }) and %in/%out/%init argument names as MLIR. The CHECK lines are its output.

#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
func.func @structured(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>, %bt: tensor<16x8xf32>, %x: tensor<2x4x8xf32>, %y: tensor<2x8x16xf32>, %z: tensor<2x4x16xf32>, %s: f32, %v: tensor<4xf32>, %e: tensor<8x4xf32>, %i: tensor<4x8xi32>) {
  %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %1 = linalg.matmul_transpose_b ins(%a, %bt : tensor<4x8xf32>, tensor<16x8xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %2 = linalg.batch_matmul ins(%x, %y : tensor<2x4x8xf32>, tensor<2x8x16xf32>) outs(%z : tensor<2x4x16xf32>) -> tensor<2x4x16xf32>
  %3 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4x8xf32>) outs(%a : tensor<4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    %t = arith.addf %in, %out : f32
    linalg.yield %t : f32
  } -> tensor<4x8xf32>
  %4 = linalg.generic {doc = "row sums", indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"], library_call = "rowsum"} ins(%a : tensor<4x8xf32>) outs(%v : tensor<4xf32>) attrs = {note = 1 : i32} {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.addf %in, %acc : f32
    linalg.yield %t : f32
  } -> tensor<4xf32>
  %5 = linalg.reduce ins(%a : tensor<4x8xf32>) outs(%v : tensor<4xf32>) dimensions = [1]
    (%in: f32, %init: f32) {
      %t = arith.addf %in, %init : f32
      linalg.yield %t : f32
    }
  %6 = linalg.reduce { arith.maximumf } ins(%a : tensor<4x8xf32>) outs(%v : tensor<4xf32>) dimensions = [1]
  %7 = linalg.map { arith.mulf {fastmath = #arith.fastmath<fast>} } ins(%a, %a : tensor<4x8xf32>, tensor<4x8xf32>) outs(%a : tensor<4x8xf32>)
  %8 = linalg.map ins(%a : tensor<4x8xf32>) outs(%a : tensor<4x8xf32>)
    (%l: f32) {
      %c1 = arith.constant 1.0 : f32
      %t = arith.subf %c1, %l : f32
      linalg.yield %t : f32
    }
  %9 = linalg.copy ins(%a : tensor<4x8xf32>) outs(%a : tensor<4x8xf32>) -> tensor<4x8xf32>
  %10 = linalg.copy ins(%i : tensor<4x8xi32>) outs(%a : tensor<4x8xf32>) -> tensor<4x8xf32>
  %11 = linalg.transpose ins(%a : tensor<4x8xf32>) outs(%e : tensor<8x4xf32>) permutation = [1, 0]
  %12 = linalg.broadcast ins(%v : tensor<4xf32>) outs(%a : tensor<4x8xf32>) dimensions = [1]
  %13 = linalg.fill ins(%s : f32) outs(%a : tensor<4x8xf32>) -> tensor<4x8xf32>
  %14 = linalg.fill ins(%s : f32) outs(%i : tensor<4x8xi32>) -> tensor<4x8xi32>
  return
}

func.func @elementwise(%a: tensor<4xf32>, %i: tensor<4xi32>, %m: memref<4xf32>) {
  %abs = linalg.abs ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %ceil = linalg.ceil ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %erf = linalg.erf ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %exp = linalg.exp ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %floor = linalg.floor ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %log = linalg.log ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %negf = linalg.negf ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %reciprocal = linalg.reciprocal ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %round = linalg.round ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %rsqrt = linalg.rsqrt ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %sqrt = linalg.sqrt ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %square = linalg.square ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %tanh = linalg.tanh ins(%a : tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %add = linalg.add ins(%a, %a : tensor<4xf32>, tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %sub = linalg.sub ins(%a, %a : tensor<4xf32>, tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %mul = linalg.mul ins(%a, %a : tensor<4xf32>, tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %div = linalg.div ins(%a, %a : tensor<4xf32>, tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %max = linalg.max ins(%a, %a : tensor<4xf32>, tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %min = linalg.min ins(%a, %a : tensor<4xf32>, tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %powf = linalg.powf ins(%a, %a : tensor<4xf32>, tensor<4xf32>) outs(%a : tensor<4xf32>) -> tensor<4xf32>
  %iadd = linalg.add ins(%i, %i : tensor<4xi32>, tensor<4xi32>) outs(%i : tensor<4xi32>) -> tensor<4xi32>
  %idiv = linalg.div ins(%i, %i : tensor<4xi32>, tensor<4xi32>) outs(%i : tensor<4xi32>) -> tensor<4xi32>
  %udiv = linalg.div_unsigned ins(%i, %i : tensor<4xi32>, tensor<4xi32>) outs(%i : tensor<4xi32>) -> tensor<4xi32>
  %imax = linalg.max ins(%i, %i : tensor<4xi32>, tensor<4xi32>) outs(%i : tensor<4xi32>) -> tensor<4xi32>
  %imin = linalg.min ins(%i, %i : tensor<4xi32>, tensor<4xi32>) outs(%i : tensor<4xi32>) -> tensor<4xi32>
  linalg.add {tag = "buffers"} ins(%m, %m : memref<4xf32>, memref<4xf32>) outs(%m : memref<4xf32>)
  return
}

// CHECK: #map = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-NEXT: #map1 = affine_map<(d0, d1) -> (d0)>
// CHECK-NEXT: module {
// CHECK-NEXT: func.func @structured(%arg0: tensor<4x8xf32>, %arg1: tensor<8x16xf32>, %arg2: tensor<4x16xf32>, %arg3: tensor<16x8xf32>, %arg4: tensor<2x4x8xf32>, %arg5: tensor<2x8x16xf32>, %arg6: tensor<2x4x16xf32>, %arg7: f32, %arg8: tensor<4xf32>, %arg9: tensor<8x4xf32>, %arg10: tensor<4x8xi32>) {
// CHECK-NEXT: %0 = linalg.matmul ins(%arg0, %arg1 : tensor<4x8xf32>, tensor<8x16xf32>) outs(%arg2 : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK-NEXT: %1 = linalg.matmul_transpose_b ins(%arg0, %arg3 : tensor<4x8xf32>, tensor<16x8xf32>) outs(%arg2 : tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK-NEXT: %2 = linalg.batch_matmul ins(%arg4, %arg5 : tensor<2x4x8xf32>, tensor<2x8x16xf32>) outs(%arg6 : tensor<2x4x16xf32>) -> tensor<2x4x16xf32>
// CHECK-NEXT: %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<4x8xf32>) outs(%arg0 : tensor<4x8xf32>) {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: %9 = arith.addf %in, %out : f32
// CHECK-NEXT: linalg.yield %9 : f32
// CHECK-NEXT: } -> tensor<4x8xf32>
// CHECK-NEXT: %4 = linalg.generic {doc = "row sums", indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"], library_call = "rowsum"} ins(%arg0 : tensor<4x8xf32>) outs(%arg8 : tensor<4xf32>) attrs =  {note = 1 : i32} {
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
// CHECK-NEXT: %9 = arith.addf %in, %out : f32
// CHECK-NEXT: linalg.yield %9 : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: %reduced = linalg.reduce ins(%arg0 : tensor<4x8xf32>) outs(%arg8 : tensor<4xf32>) dimensions = [1]
// CHECK-NEXT: (%in: f32, %init: f32) {
// CHECK-NEXT: %9 = arith.addf %in, %init : f32
// CHECK-NEXT: linalg.yield %9 : f32
// CHECK-NEXT: }
// CHECK-NEXT: %reduced_0 = linalg.reduce { arith.maximumf } ins(%arg0 : tensor<4x8xf32>) outs(%arg8 : tensor<4xf32>) dimensions = [1]
// CHECK-NEXT: %mapped = linalg.map { arith.mulf {fastmath = #arith.fastmath<fast>} } ins(%arg0, %arg0 : tensor<4x8xf32>, tensor<4x8xf32>) outs(%arg0 : tensor<4x8xf32>)
// CHECK-NEXT: %mapped_1 = linalg.map ins(%arg0 : tensor<4x8xf32>) outs(%arg0 : tensor<4x8xf32>)
// CHECK-NEXT: (%in: f32) {
// CHECK-NEXT: %cst = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %9 = arith.subf %cst, %in : f32
// CHECK-NEXT: linalg.yield %9 : f32
// CHECK-NEXT: }
// CHECK-NEXT: %5 = linalg.copy ins(%arg0 : tensor<4x8xf32>) outs(%arg0 : tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %6 = linalg.copy ins(%arg10 : tensor<4x8xi32>) outs(%arg0 : tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %transposed = linalg.transpose ins(%arg0 : tensor<4x8xf32>) outs(%arg9 : tensor<8x4xf32>) permutation = [1, 0]
// CHECK-NEXT: %broadcasted = linalg.broadcast ins(%arg8 : tensor<4xf32>) outs(%arg0 : tensor<4x8xf32>) dimensions = [1]
// CHECK-NEXT: %7 = linalg.fill ins(%arg7 : f32) outs(%arg0 : tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %8 = linalg.fill ins(%arg7 : f32) outs(%arg10 : tensor<4x8xi32>) -> tensor<4x8xi32>
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: func.func @elementwise(%arg0: tensor<4xf32>, %arg1: tensor<4xi32>, %arg2: memref<4xf32>) {
// CHECK-NEXT: %0 = linalg.abs ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %1 = linalg.ceil ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %2 = linalg.erf ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %3 = linalg.exp ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %4 = linalg.floor ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %5 = linalg.log ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %6 = linalg.negf ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %7 = linalg.reciprocal ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %8 = linalg.round ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %9 = linalg.rsqrt ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %10 = linalg.sqrt ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %11 = linalg.square ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %12 = linalg.tanh ins(%arg0 : tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %13 = linalg.add ins(%arg0, %arg0 : tensor<4xf32>, tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %14 = linalg.sub ins(%arg0, %arg0 : tensor<4xf32>, tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %15 = linalg.mul ins(%arg0, %arg0 : tensor<4xf32>, tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %16 = linalg.div ins(%arg0, %arg0 : tensor<4xf32>, tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %17 = linalg.max ins(%arg0, %arg0 : tensor<4xf32>, tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %18 = linalg.min ins(%arg0, %arg0 : tensor<4xf32>, tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %19 = linalg.powf ins(%arg0, %arg0 : tensor<4xf32>, tensor<4xf32>) outs(%arg0 : tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %20 = linalg.add ins(%arg1, %arg1 : tensor<4xi32>, tensor<4xi32>) outs(%arg1 : tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %21 = linalg.div ins(%arg1, %arg1 : tensor<4xi32>, tensor<4xi32>) outs(%arg1 : tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %22 = linalg.div_unsigned ins(%arg1, %arg1 : tensor<4xi32>, tensor<4xi32>) outs(%arg1 : tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %23 = linalg.max ins(%arg1, %arg1 : tensor<4xi32>, tensor<4xi32>) outs(%arg1 : tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %24 = linalg.min ins(%arg1, %arg1 : tensor<4xi32>, tensor<4xi32>) outs(%arg1 : tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: linalg.add {tag = "buffers"} ins(%arg2, %arg2 : memref<4xf32>, memref<4xf32>) outs(%arg2 : memref<4xf32>)
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: }

// GENERIC: #map = affine_map<(d0, d1, d2) -> (d0, d2)>
// GENERIC-NEXT: #map1 = affine_map<(d0, d1, d2) -> (d2, d1)>
// GENERIC-NEXT: #map2 = affine_map<(d0, d1, d2) -> (d0, d1)>
// GENERIC-NEXT: #map3 = affine_map<(d0, d1, d2) -> (d1, d2)>
// GENERIC-NEXT: #map4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// GENERIC-NEXT: #map5 = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
// GENERIC-NEXT: #map6 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// GENERIC-NEXT: #map7 = affine_map<(d0, d1) -> (d0, d1)>
// GENERIC-NEXT: #map8 = affine_map<(d0, d1) -> (d0)>
// GENERIC-NEXT: "builtin.module"() ({
// GENERIC-NEXT: "func.func"() <{function_type = (tensor<4x8xf32>, tensor<8x16xf32>, tensor<4x16xf32>, tensor<16x8xf32>, tensor<2x4x8xf32>, tensor<2x8x16xf32>, tensor<2x4x16xf32>, f32, tensor<4xf32>, tensor<8x4xf32>, tensor<4x8xi32>) -> (), sym_name = "structured"}> ({
// GENERIC-NEXT: ^bb0(%arg68: tensor<4x8xf32>, %arg69: tensor<8x16xf32>, %arg70: tensor<4x16xf32>, %arg71: tensor<16x8xf32>, %arg72: tensor<2x4x8xf32>, %arg73: tensor<2x8x16xf32>, %arg74: tensor<2x4x16xf32>, %arg75: f32, %arg76: tensor<4xf32>, %arg77: tensor<8x4xf32>, %arg78: tensor<4x8xi32>):
// GENERIC-NEXT: %52 = "linalg.matmul"(%arg68, %arg69, %arg70) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg108: f32, %arg109: f32, %arg110: f32):
// GENERIC-NEXT: %80 = "arith.mulf"(%arg108, %arg109) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: %81 = "arith.addf"(%arg110, %80) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%81) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map, #map1, #map2]} : (tensor<4x8xf32>, tensor<8x16xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
// GENERIC-NEXT: %53 = "linalg.matmul_transpose_b"(%arg68, %arg71, %arg70) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg105: f32, %arg106: f32, %arg107: f32):
// GENERIC-NEXT: %78 = "arith.mulf"(%arg105, %arg106) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: %79 = "arith.addf"(%arg107, %78) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%79) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map, #map3, #map2]} : (tensor<4x8xf32>, tensor<16x8xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
// GENERIC-NEXT: %54 = "linalg.batch_matmul"(%arg72, %arg73, %arg74) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg102: f32, %arg103: f32, %arg104: f32):
// GENERIC-NEXT: %76 = "arith.mulf"(%arg102, %arg103) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: %77 = "arith.addf"(%arg104, %76) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%77) : (f32) -> ()
// GENERIC-NEXT: }) {linalg.memoized_indexing_maps = [#map4, #map5, #map6]} : (tensor<2x4x8xf32>, tensor<2x8x16xf32>, tensor<2x4x16xf32>) -> tensor<2x4x16xf32>
// GENERIC-NEXT: %55 = "linalg.generic"(%arg68, %arg68) <{indexing_maps = [#map7, #map7], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg100: f32, %arg101: f32):
// GENERIC-NEXT: %75 = "arith.addf"(%arg100, %arg101) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%75) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: %56 = "linalg.generic"(%arg68, %arg76) <{doc = "row sums", indexing_maps = [#map7, #map8], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<reduction>], library_call = "rowsum", operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg98: f32, %arg99: f32):
// GENERIC-NEXT: %74 = "arith.addf"(%arg98, %arg99) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%74) : (f32) -> ()
// GENERIC-NEXT: }) {note = 1 : i32} : (tensor<4x8xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %57 = "linalg.reduce"(%arg68, %arg76) <{dimensions = array<i64: 1>}> ({
// GENERIC-NEXT: ^bb0(%arg96: f32, %arg97: f32):
// GENERIC-NEXT: %73 = "arith.addf"(%arg96, %arg97) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%73) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4x8xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %58 = "linalg.reduce"(%arg68, %arg76) <{dimensions = array<i64: 1>}> ({
// GENERIC-NEXT: ^bb0(%arg94: f32, %arg95: f32):
// GENERIC-NEXT: %72 = "arith.maximumf"(%arg95, %arg94) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%72) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4x8xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %59 = "linalg.map"(%arg68, %arg68, %arg68) ({
// GENERIC-NEXT: ^bb0(%arg92: f32, %arg93: f32):
// GENERIC-NEXT: %71 = "arith.mulf"(%arg92, %arg93) <{fastmath = #arith.fastmath<fast>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%71) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: %60 = "linalg.map"(%arg68, %arg68) ({
// GENERIC-NEXT: ^bb0(%arg91: f32):
// GENERIC-NEXT: %69 = "arith.constant"() <{value = 1.000000e+00 : f32}> : () -> f32
// GENERIC-NEXT: %70 = "arith.subf"(%69, %arg91) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%70) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: %61 = "linalg.copy"(%arg68, %arg68) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg89: f32, %arg90: f32):
// GENERIC-NEXT: "linalg.yield"(%arg89) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: %62 = "linalg.copy"(%arg78, %arg68) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg87: i32, %arg88: f32):
// GENERIC-NEXT: %68 = "arith.sitofp"(%arg87) : (i32) -> f32
// GENERIC-NEXT: "linalg.yield"(%68) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4x8xi32>, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: %63 = "linalg.transpose"(%arg68, %arg77) <{permutation = array<i64: 1, 0>}> ({
// GENERIC-NEXT: ^bb0(%arg85: f32, %arg86: f32):
// GENERIC-NEXT: "linalg.yield"(%arg85) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4x8xf32>, tensor<8x4xf32>) -> tensor<8x4xf32>
// GENERIC-NEXT: %64 = "linalg.broadcast"(%arg76, %arg68) <{dimensions = array<i64: 1>}> ({
// GENERIC-NEXT: ^bb0(%arg83: f32, %arg84: f32):
// GENERIC-NEXT: "linalg.yield"(%arg83) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: %65 = "linalg.fill"(%arg75, %arg68) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg81: f32, %arg82: f32):
// GENERIC-NEXT: "linalg.yield"(%arg81) : (f32) -> ()
// GENERIC-NEXT: }) : (f32, tensor<4x8xf32>) -> tensor<4x8xf32>
// GENERIC-NEXT: %66 = "linalg.fill"(%arg75, %arg78) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg79: f32, %arg80: i32):
// GENERIC-NEXT: %67 = "arith.fptosi"(%arg79) : (f32) -> i32
// GENERIC-NEXT: "linalg.yield"(%67) : (i32) -> ()
// GENERIC-NEXT: }) : (f32, tensor<4x8xi32>) -> tensor<4x8xi32>
// GENERIC-NEXT: "func.return"() : () -> ()
// GENERIC-NEXT: }) : () -> ()
// GENERIC-NEXT: "func.func"() <{function_type = (tensor<4xf32>, tensor<4xi32>, memref<4xf32>) -> (), sym_name = "elementwise"}> ({
// GENERIC-NEXT: ^bb0(%arg0: tensor<4xf32>, %arg1: tensor<4xi32>, %arg2: memref<4xf32>):
// GENERIC-NEXT: %0 = "linalg.abs"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg66: f32, %arg67: f32):
// GENERIC-NEXT: %51 = "math.absf"(%arg66) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%51) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %1 = "linalg.ceil"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg64: f32, %arg65: f32):
// GENERIC-NEXT: %50 = "math.ceil"(%arg64) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%50) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %2 = "linalg.erf"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg62: f32, %arg63: f32):
// GENERIC-NEXT: %49 = "math.erf"(%arg62) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%49) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %3 = "linalg.exp"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg60: f32, %arg61: f32):
// GENERIC-NEXT: %48 = "math.exp"(%arg60) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%48) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %4 = "linalg.floor"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg58: f32, %arg59: f32):
// GENERIC-NEXT: %47 = "math.floor"(%arg58) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%47) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %5 = "linalg.log"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg56: f32, %arg57: f32):
// GENERIC-NEXT: %46 = "math.log"(%arg56) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%46) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %6 = "linalg.negf"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg54: f32, %arg55: f32):
// GENERIC-NEXT: %45 = "arith.negf"(%arg54) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%45) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %7 = "linalg.reciprocal"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg52: f32, %arg53: f32):
// GENERIC-NEXT: %43 = "arith.constant"() <{value = 1.000000e+00 : f32}> : () -> f32
// GENERIC-NEXT: %44 = "arith.divf"(%43, %arg52) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%44) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %8 = "linalg.round"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg50: f32, %arg51: f32):
// GENERIC-NEXT: %42 = "math.round"(%arg50) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%42) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %9 = "linalg.rsqrt"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg48: f32, %arg49: f32):
// GENERIC-NEXT: %41 = "math.rsqrt"(%arg48) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%41) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %10 = "linalg.sqrt"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg46: f32, %arg47: f32):
// GENERIC-NEXT: %40 = "math.sqrt"(%arg46) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%40) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %11 = "linalg.square"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg44: f32, %arg45: f32):
// GENERIC-NEXT: %39 = "arith.mulf"(%arg44, %arg44) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%39) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %12 = "linalg.tanh"(%arg0, %arg0) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg42: f32, %arg43: f32):
// GENERIC-NEXT: %38 = "math.tanh"(%arg42) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%38) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %13 = "linalg.add"(%arg0, %arg0, %arg0) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg39: f32, %arg40: f32, %arg41: f32):
// GENERIC-NEXT: %37 = "arith.addf"(%arg39, %arg40) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%37) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %14 = "linalg.sub"(%arg0, %arg0, %arg0) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg36: f32, %arg37: f32, %arg38: f32):
// GENERIC-NEXT: %36 = "arith.subf"(%arg36, %arg37) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%36) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %15 = "linalg.mul"(%arg0, %arg0, %arg0) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg33: f32, %arg34: f32, %arg35: f32):
// GENERIC-NEXT: %35 = "arith.mulf"(%arg33, %arg34) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%35) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %16 = "linalg.div"(%arg0, %arg0, %arg0) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg30: f32, %arg31: f32, %arg32: f32):
// GENERIC-NEXT: %34 = "arith.divf"(%arg30, %arg31) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%34) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %17 = "linalg.max"(%arg0, %arg0, %arg0) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg27: f32, %arg28: f32, %arg29: f32):
// GENERIC-NEXT: %33 = "arith.maximumf"(%arg27, %arg28) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%33) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %18 = "linalg.min"(%arg0, %arg0, %arg0) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg24: f32, %arg25: f32, %arg26: f32):
// GENERIC-NEXT: %32 = "arith.minimumf"(%arg24, %arg25) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%32) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %19 = "linalg.powf"(%arg0, %arg0, %arg0) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg21: f32, %arg22: f32, %arg23: f32):
// GENERIC-NEXT: %31 = "math.powf"(%arg21, %arg22) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%31) : (f32) -> ()
// GENERIC-NEXT: }) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// GENERIC-NEXT: %20 = "linalg.add"(%arg1, %arg1, %arg1) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg18: i32, %arg19: i32, %arg20: i32):
// GENERIC-NEXT: %30 = "arith.addi"(%arg18, %arg19) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%30) : (i32) -> ()
// GENERIC-NEXT: }) : (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
// GENERIC-NEXT: %21 = "linalg.div"(%arg1, %arg1, %arg1) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg15: i32, %arg16: i32, %arg17: i32):
// GENERIC-NEXT: %29 = "arith.divsi"(%arg15, %arg16) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%29) : (i32) -> ()
// GENERIC-NEXT: }) : (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
// GENERIC-NEXT: %22 = "linalg.div_unsigned"(%arg1, %arg1, %arg1) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg12: i32, %arg13: i32, %arg14: i32):
// GENERIC-NEXT: %28 = "arith.divui"(%arg12, %arg13) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%28) : (i32) -> ()
// GENERIC-NEXT: }) : (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
// GENERIC-NEXT: %23 = "linalg.max"(%arg1, %arg1, %arg1) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg9: i32, %arg10: i32, %arg11: i32):
// GENERIC-NEXT: %27 = "arith.maxsi"(%arg9, %arg10) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%27) : (i32) -> ()
// GENERIC-NEXT: }) : (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
// GENERIC-NEXT: %24 = "linalg.min"(%arg1, %arg1, %arg1) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg6: i32, %arg7: i32, %arg8: i32):
// GENERIC-NEXT: %26 = "arith.minsi"(%arg6, %arg7) : (i32, i32) -> i32
// GENERIC-NEXT: "linalg.yield"(%26) : (i32) -> ()
// GENERIC-NEXT: }) : (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
// GENERIC-NEXT: "linalg.add"(%arg2, %arg2, %arg2) <{operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%arg3: f32, %arg4: f32, %arg5: f32):
// GENERIC-NEXT: %25 = "arith.addf"(%arg3, %arg4) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT: "linalg.yield"(%25) : (f32) -> ()
// GENERIC-NEXT: }) {tag = "buffers"} : (memref<4xf32>, memref<4xf32>, memref<4xf32>) -> ()
// GENERIC-NEXT: "func.return"() : () -> ()
// GENERIC-NEXT: }) : () -> ()
// GENERIC-NEXT: }) : () -> ()

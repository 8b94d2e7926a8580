// RUN: gvm-opt %s --canonicalize | FileCheck %s

// Folders and canonicalization patterns of the arith dialect: identities, constant folding
// (scalars, splats, dense), constants moved right, comparisons, select, casts, re-association
// and the extended (two-result) ops.
// CHECK lines: what mlir-opt-19 --canonicalize prints for this file.

// CHECK-LABEL: func.func @addi_zero(%arg0: i32) -> i32 {
// CHECK-NEXT: return %arg0 : i32
// CHECK-NEXT: }
func.func @addi_zero(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %r = arith.addi %x, %c0 : i32
  return %r : i32
}
// CHECK-LABEL: func.func @addi_sub(%arg0: i32, %arg1: i32) -> (i32, i32) {
// CHECK-NEXT: return %arg0, %arg0 : i32, i32
// CHECK-NEXT: }
func.func @addi_sub(%a: i32, %b: i32) -> (i32, i32) {
  %s = arith.subi %a, %b : i32
  %r = arith.addi %s, %b : i32
  %q = arith.addi %b, %s : i32
  return %r, %q : i32, i32
}
// CHECK-LABEL: func.func @const_lhs_moves_right(%arg0: i32) -> i32 {
// CHECK-NEXT: %c5_i32 = arith.constant 5 : i32
// CHECK-NEXT: %0 = arith.muli %arg0, %c5_i32 : i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
func.func @const_lhs_moves_right(%x: i32) -> i32 {
  %c5 = arith.constant 5 : i32
  %r = arith.muli %c5, %x : i32
  return %r : i32
}
// CHECK-LABEL: func.func @subi_self(%arg0: index) -> index {
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: return %c0 : index
// CHECK-NEXT: }
func.func @subi_self(%x: index) -> index {
  %r = arith.subi %x, %x : index
  return %r : index
}
// CHECK-LABEL: func.func @muli_consts() -> (i8, i8, i64) {
// CHECK-NEXT: %c-1_i64 = arith.constant -1 : i64
// CHECK-NEXT: %c-9223372036854775808_i64 = arith.constant -9223372036854775808 : i64
// CHECK-NEXT: %c44_i8 = arith.constant 44 : i8
// CHECK-NEXT: %c33_i8 = arith.constant 33 : i8
// CHECK-NEXT: %0 = arith.divsi %c-9223372036854775808_i64, %c-1_i64 : i64
// CHECK-NEXT: return %c44_i8, %c33_i8, %0 : i8, i8, i64
// CHECK-NEXT: }
func.func @muli_consts() -> (i8, i8, i64) {
  %a = arith.constant 100 : i8
  %b = arith.constant 3 : i8
  %r = arith.muli %a, %b : i8
  %d = arith.divsi %a, %b : i8
  %m = arith.constant -9223372036854775808 : i64
  %m1 = arith.constant -1 : i64
  %o = arith.divsi %m, %m1 : i64
  return %r, %d, %o : i8, i8, i64
}
// CHECK-LABEL: func.func @div_zero(%arg0: i32) -> (i32, i32) {
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %c7_i32 = arith.constant 7 : i32
// CHECK-NEXT: %0 = arith.divui %c7_i32, %c0_i32 : i32
// CHECK-NEXT: %1 = arith.remsi %c7_i32, %c0_i32 : i32
// CHECK-NEXT: return %0, %1 : i32, i32
// CHECK-NEXT: }
func.func @div_zero(%x: i32) -> (i32, i32) {
  %c0 = arith.constant 0 : i32
  %c7 = arith.constant 7 : i32
  %r = arith.divui %c7, %c0 : i32
  %s = arith.remsi %c7, %c0 : i32
  return %r, %s : i32, i32
}
// CHECK-LABEL: func.func @divs(%arg0: i32) -> (i32, i32, i32, i32, i32, i32) {
// CHECK-NEXT: %c-3_i32 = arith.constant -3 : i32
// CHECK-NEXT: %c-4_i32 = arith.constant -4 : i32
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %c2147483645_i32 = arith.constant 2147483645 : i32
// CHECK-NEXT: %c-1_i32 = arith.constant -1 : i32
// CHECK-NEXT: return %arg0, %c-3_i32, %c-4_i32, %c0_i32, %c2147483645_i32, %c-1_i32 : i32, i32, i32, i32, i32, i32
// CHECK-NEXT: }
func.func @divs(%x: i32) -> (i32, i32, i32, i32, i32, i32) {
  %c1 = arith.constant 1 : i32
  %cm7 = arith.constant -7 : i32
  %c2 = arith.constant 2 : i32
  %a = arith.divsi %x, %c1 : i32
  %b = arith.ceildivsi %cm7, %c2 : i32
  %c = arith.floordivsi %cm7, %c2 : i32
  %d = arith.remui %x, %c1 : i32
  %e = arith.ceildivui %cm7, %c2 : i32
  %f = arith.remsi %cm7, %c2 : i32
  return %a, %b, %c, %d, %e, %f : i32, i32, i32, i32, i32, i32
}
// CHECK-LABEL: func.func @bitwise(%arg0: i32) -> (i32, i32, i32, i32, i32, i32) {
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %c-1_i32 = arith.constant -1 : i32
// CHECK-NEXT: return %c0_i32, %arg0, %c-1_i32, %c0_i32, %c0_i32, %arg0 : i32, i32, i32, i32, i32, i32
// CHECK-NEXT: }
func.func @bitwise(%x: i32) -> (i32, i32, i32, i32, i32, i32) {
  %c0 = arith.constant 0 : i32
  %m1 = arith.constant -1 : i32
  %a = arith.andi %x, %c0 : i32
  %b = arith.andi %x, %m1 : i32
  %c = arith.ori %x, %m1 : i32
  %d = arith.xori %x, %x : i32
  %n = arith.xori %x, %m1 : i32
  %e = arith.andi %x, %n : i32
  %f = arith.andi %x, %x : i32
  return %a, %b, %c, %d, %e, %f : i32, i32, i32, i32, i32, i32
}
// CHECK-LABEL: func.func @shifts() -> (i32, i32, i32, i32) {
// CHECK-NEXT: %c-16_i32 = arith.constant -16 : i32
// CHECK-NEXT: %c40_i32 = arith.constant 40 : i32
// CHECK-NEXT: %c-128_i32 = arith.constant -128 : i32
// CHECK-NEXT: %c536870910_i32 = arith.constant 536870910 : i32
// CHECK-NEXT: %c-2_i32 = arith.constant -2 : i32
// CHECK-NEXT: %0 = arith.shli %c-16_i32, %c40_i32 : i32
// CHECK-NEXT: return %c-128_i32, %c536870910_i32, %c-2_i32, %0 : i32, i32, i32, i32
// CHECK-NEXT: }
func.func @shifts() -> (i32, i32, i32, i32) {
  %c1 = arith.constant -16 : i32
  %c3 = arith.constant 3 : i32
  %c40 = arith.constant 40 : i32
  %a = arith.shli %c1, %c3 : i32
  %b = arith.shrui %c1, %c3 : i32
  %c = arith.shrsi %c1, %c3 : i32
  %d = arith.shli %c1, %c40 : i32
  return %a, %b, %c, %d : i32, i32, i32, i32
}
// CHECK-LABEL: func.func @minmax(%arg0: i32) -> (i32, i32, i32, i32) {
// CHECK-NEXT: %c2147483647_i32 = arith.constant 2147483647 : i32
// CHECK-NEXT: %c9_i32 = arith.constant 9 : i32
// CHECK-NEXT: return %c2147483647_i32, %arg0, %c9_i32, %arg0 : i32, i32, i32, i32
// CHECK-NEXT: }
func.func @minmax(%x: i32) -> (i32, i32, i32, i32) {
  %max = arith.constant 2147483647 : i32
  %c3 = arith.constant 3 : i32
  %c9 = arith.constant 9 : i32
  %a = arith.maxsi %x, %max : i32
  %b = arith.minsi %x, %max : i32
  %c = arith.maxui %c3, %c9 : i32
  %d = arith.minsi %x, %x : i32
  return %a, %b, %c, %d : i32, i32, i32, i32
}
// CHECK-LABEL: func.func @cmpi(%arg0: i32, %arg1: i1) -> (i1, i1, i1, i1, i1) {
// CHECK-NEXT: %c3_i32 = arith.constant 3 : i32
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %0 = arith.cmpi ugt, %arg0, %c3_i32 : i32
// CHECK-NEXT: %1 = arith.cmpi ne, %arg1, %false : i1
// CHECK-NEXT: return %true, %true, %0, %1, %false : i1, i1, i1, i1, i1
// CHECK-NEXT: }
func.func @cmpi(%x: i32, %b: i1) -> (i1, i1, i1, i1, i1) {
  %c3 = arith.constant 3 : i32
  %c9 = arith.constant 9 : i32
  %false = arith.constant false
  %a = arith.cmpi slt, %c3, %c9 : i32
  %s = arith.cmpi sle, %x, %x : i32
  %m = arith.cmpi ult, %c3, %x : i32
  %n = arith.cmpi ne, %b, %false : i1
  %u = arith.cmpi ugt, %c3, %c9 : i32
  return %a, %s, %m, %n, %u : i1, i1, i1, i1, i1
}
// CHECK-LABEL: func.func @select(%arg0: i1, %arg1: i32, %arg2: i32) -> (i32, i1, i32) {
// CHECK-NEXT: return %arg1, %arg0, %arg2 : i32, i1, i32
// CHECK-NEXT: }
func.func @select(%c: i1, %x: i32, %y: i32) -> (i32, i1, i32) {
  %t = arith.constant true
  %f = arith.constant false
  %a = arith.select %c, %x, %x : i32
  %b = arith.select %c, %t, %f : i1
  %e = arith.cmpi eq, %x, %y : i32
  %d = arith.select %e, %x, %y : i32
  return %a, %b, %d : i32, i1, i32
}
// CHECK-LABEL: func.func @floats(%arg0: f32) -> (f32, f32, f32, f32, f32, f32, f64) {
// CHECK-NEXT: %cst = arith.constant 2.600000e+00 : f32
// CHECK-NEXT: %cst_0 = arith.constant 2.500000e+01 : f32
// CHECK-NEXT: %cst_1 = arith.constant 2.500000e+00 : f32
// CHECK-NEXT: %cst_2 = arith.constant 0.30000000000000004 : f64
// CHECK-NEXT: return %arg0, %arg0, %cst, %cst_0, %arg0, %cst_1, %cst_2 : f32, f32, f32, f32, f32, f32, f64
// CHECK-NEXT: }
func.func @floats(%x: f32) -> (f32, f32, f32, f32, f32, f32, f64) {
  %nz = arith.constant -0.0 : f32
  %one = arith.constant 1.0 : f32
  %c2 = arith.constant 2.5 : f32
  %c3 = arith.constant 0.1 : f32
  %a = arith.addf %x, %nz : f32
  %b = arith.mulf %x, %one : f32
  %c = arith.addf %c2, %c3 : f32
  %d = arith.divf %c2, %c3 : f32
  %n = arith.negf %x : f32
  %nn = arith.negf %n : f32
  %e = arith.maximumf %c2, %c3 : f32
  %d1 = arith.constant 0.1 : f64
  %d2 = arith.constant 0.2 : f64
  %g = arith.addf %d1, %d2 : f64
  return %a, %b, %c, %d, %nn, %e, %g : f32, f32, f32, f32, f32, f32, f64
}
// CHECK-LABEL: func.func @cmpf() -> (i1, i1, i1) {
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: return %false, %true, %true : i1, i1, i1
// CHECK-NEXT: }
func.func @cmpf() -> (i1, i1, i1) {
  %a = arith.constant 1.0 : f32
  %b = arith.constant 0x7FC00000 : f32
  %c = arith.cmpf olt, %a, %b : f32
  %d = arith.cmpf ult, %a, %b : f32
  %e = arith.cmpf oge, %a, %a : f32
  return %c, %d, %e : i1, i1, i1
}
// CHECK-LABEL: func.func @casts(%arg0: i8) -> (i32, i16, i8, index, i32, f32, i32, f16, f64, i32) {
// CHECK-NEXT: %c253_i32 = arith.constant 253 : i32
// CHECK-NEXT: %c-3_i16 = arith.constant -3 : i16
// CHECK-NEXT: %c-3 = arith.constant -3 : index
// CHECK-NEXT: %c-3_i32 = arith.constant -3 : i32
// CHECK-NEXT: %cst = arith.constant -3.000000e+00 : f32
// CHECK-NEXT: %c-2_i32 = arith.constant -2 : i32
// CHECK-NEXT: %cst_0 = arith.constant -2.750000e+00 : f16
// CHECK-NEXT: %cst_1 = arith.constant -2.750000e+00 : f64
// CHECK-NEXT: %c-1070596096_i32 = arith.constant -1070596096 : i32
// CHECK-NEXT: return %c253_i32, %c-3_i16, %arg0, %c-3, %c-3_i32, %cst, %c-2_i32, %cst_0, %cst_1, %c-1070596096_i32 : i32, i16, i8, index, i32, f32, i32, f16, f64, i32
// CHECK-NEXT: }
func.func @casts(%x: i8) -> (i32, i16, i8, index, i32, f32, i32, f16, f64, i32) {
  %c = arith.constant -3 : i8
  %a = arith.extui %c : i8 to i32
  %b = arith.extsi %c : i8 to i16
  %e = arith.extsi %x : i8 to i32
  %t = arith.trunci %e : i32 to i8
  %i = arith.index_cast %c : i8 to index
  %ii = arith.index_cast %i : index to i32
  %f = arith.sitofp %c : i8 to f32
  %fc = arith.constant -2.75 : f32
  %g = arith.fptosi %fc : f32 to i32
  %h = arith.truncf %fc : f32 to f16
  %k = arith.extf %fc : f32 to f64
  %bc = arith.bitcast %fc : f32 to i32
  return %a, %b, %t, %i, %ii, %f, %g, %h, %k, %bc : i32, i16, i8, index, i32, f32, i32, f16, f64, i32
}
// CHECK-LABEL: func.func @splat() -> (tensor<4xi32>, tensor<2xi32>, tensor<4xi1>) {
// CHECK-NEXT: %cst = arith.constant dense<7> : tensor<4xi32>
// CHECK-NEXT: %cst_0 = arith.constant dense<[1, 4]> : tensor<2xi32>
// CHECK-NEXT: %cst_1 = arith.constant dense<true> : tensor<4xi1>
// CHECK-NEXT: return %cst, %cst_0, %cst_1 : tensor<4xi32>, tensor<2xi32>, tensor<4xi1>
// CHECK-NEXT: }
func.func @splat() -> (tensor<4xi32>, tensor<2xi32>, tensor<4xi1>) {
  %a = arith.constant dense<3> : tensor<4xi32>
  %b = arith.constant dense<4> : tensor<4xi32>
  %c = arith.addi %a, %b : tensor<4xi32>
  %d = arith.constant dense<[1, 2]> : tensor<2xi32>
  %e = arith.muli %d, %d : tensor<2xi32>
  %f = arith.cmpi slt, %a, %b : tensor<4xi32>
  return %c, %e, %f : tensor<4xi32>, tensor<2xi32>, tensor<4xi1>
}
// CHECK-LABEL: func.func @reassoc(%arg0: i32) -> (i32, i32, i32, i32, i32) {
// CHECK-NEXT: %c4_i32 = arith.constant 4 : i32
// CHECK-NEXT: %c3_i32 = arith.constant 3 : i32
// CHECK-NEXT: %0 = arith.addi %arg0, %c3_i32 : i32
// CHECK-NEXT: %1 = arith.subi %arg0, %c3_i32 : i32
// CHECK-NEXT: %2 = arith.muli %arg0, %c4_i32 : i32
// CHECK-NEXT: %3 = arith.subi %c3_i32, %arg0 : i32
// CHECK-NEXT: %4 = arith.subi %c3_i32, %arg0 : i32
// CHECK-NEXT: return %0, %1, %2, %3, %4 : i32, i32, i32, i32, i32
// CHECK-NEXT: }
func.func @reassoc(%x: i32) -> (i32, i32, i32, i32, i32) {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %a = arith.addi %x, %c1 : i32
  %b = arith.addi %a, %c2 : i32
  %s = arith.subi %x, %c1 : i32
  %t = arith.subi %s, %c2 : i32
  %m = arith.muli %x, %c2 : i32
  %n = arith.muli %m, %c2 : i32
  %u = arith.subi %c2, %x : i32
  %v = arith.addi %u, %c1 : i32
  %w = arith.subi %x, %c1 : i32
  %y = arith.subi %c2, %w : i32
  return %b, %t, %n, %v, %y : i32, i32, i32, i32, i32
}
// CHECK-LABEL: func.func @f(%arg0: i1, %arg1: i1) -> (i1, i1, i1, i1) {
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %0 = arith.cmpi ne, %arg0, %false : i1
// CHECK-NEXT: %1 = arith.cmpi eq, %arg0, %true : i1
// CHECK-NEXT: return %0, %1, %arg1, %arg1 : i1, i1, i1, i1
// CHECK-NEXT: }
func.func @f(%b: i1, %x: i1) -> (i1, i1, i1, i1) {
  %false = arith.constant false
  %true = arith.constant true
  %n = arith.cmpi ne, %b, %false : i1
  %e = arith.cmpi eq, %b, %true : i1
  %z = arith.extui %x : i1 to i32
  %c0 = arith.constant 0 : i32
  %q = arith.cmpi ne, %z, %c0 : i32
  %z2 = arith.extsi %x : i1 to i32
  %q2 = arith.cmpi ne, %z2, %c0 : i32
  return %n, %e, %q, %q2 : i1, i1, i1, i1
}
// CHECK-LABEL: func.func @ext(%arg0: i32) -> (i32, i1, i32, i32, i32, i32, i32, i1, i64, i64) {
// CHECK-NEXT: %c14_i32 = arith.constant 14 : i32
// CHECK-NEXT: %false = arith.constant false
// CHECK-NEXT: %c-2147483648_i32 = arith.constant -2147483648 : i32
// CHECK-NEXT: %c-4_i32 = arith.constant -4 : i32
// CHECK-NEXT: %c3_i32 = arith.constant 3 : i32
// CHECK-NEXT: %c1_i64 = arith.constant 1 : i64
// CHECK-NEXT: %c-2_i64 = arith.constant -2 : i64
// CHECK-NEXT: return %c14_i32, %false, %c-2147483648_i32, %c-4_i32, %c3_i32, %c-2147483648_i32, %arg0, %false, %c1_i64, %c-2_i64 : i32, i1, i32, i32, i32, i32, i32, i1, i64, i64
// CHECK-NEXT: }
func.func @ext(%x: i32) -> (i32, i1, i32, i32, i32, i32, i32, i1, i64, i64) {
  %c7 = arith.constant 7 : i32
  %m = arith.constant -2147483648 : i32
  %c0 = arith.constant 0 : i32
  %s, %o = arith.addui_extended %c7, %c7 : i32, i1
  %l, %h = arith.mulsi_extended %m, %c7 : i32
  %ul, %uh = arith.mului_extended %m, %c7 : i32
  %z, %zo = arith.addui_extended %x, %c0 : i32, i1
  %b = arith.constant -1 : i64
  %bl, %bh = arith.mului_extended %b, %b : i64
  return %s, %o, %l, %h, %uh, %ul, %z, %zo, %bl, %bh : i32, i1, i32, i32, i32, i32, i32, i1, i64, i64
}

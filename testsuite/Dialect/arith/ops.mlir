// RUN: gvm-opt %s | gvm-opt | FileCheck %s
// RUN: gvm-opt %s --mlir-print-op-generic | gvm-opt | FileCheck %s

// Round trip of every arith op, in custom and generic form: constants and their
// result names, integer and float arithmetic with overflow and fastmath flags,
// the extended ops, casts, comparisons and select.

// CHECK-LABEL: func.func @constant() -> (i32, i16, i1, i1, index, f32, tensor<2xi32>, vector<2xf16>, i128)
func.func @constant() -> (i32, i16, i1, i1, index, f32, tensor<2xi32>, vector<2xf16>, i128) {
  // CHECK-NEXT: %c7_i32 = arith.constant 7 : i32
  %0 = arith.constant 7 : i32
  // CHECK-NEXT: %c-12_i16 = arith.constant -12 : i16
  %1 = arith.constant -12 : i16
  // CHECK-NEXT: %true = arith.constant true
  %2 = arith.constant true
  // CHECK-NEXT: %false = arith.constant false
  %3 = arith.constant false
  // CHECK-NEXT: %c64 = arith.constant 64 : index
  %4 = arith.constant 64 : index
  // CHECK-NEXT: %cst = arith.constant 2.500000e+00 : f32
  %5 = arith.constant 2.5 : f32
  // CHECK-NEXT: %cst_0 = arith.constant dense<[1, 2]> : tensor<2xi32>
  %6 = arith.constant dense<[1, 2]> : tensor<2xi32>
  // CHECK-NEXT: %cst_1 = arith.constant dense<1.000000e+00> : vector<2xf16>
  %7 = arith.constant dense<1.0> : vector<2xf16>
  // CHECK-NEXT: %c-5_i128 = arith.constant -5 : i128
  %8 = arith.constant -5 : i128
  // CHECK-NEXT: return %c7_i32, %c-12_i16, %true, %false, %c64, %cst, %cst_0, %cst_1, %c-5_i128 : i32, i16, i1, i1, index, f32, tensor<2xi32>, vector<2xf16>, i128
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : i32, i16, i1, i1, index, f32, tensor<2xi32>, vector<2xf16>, i128
}

// CHECK-LABEL: func.func @int_binary(%arg0: i32, %arg1: i32)
func.func @int_binary(%a: i32, %b: i32) {
  // CHECK-NEXT: %0 = arith.addi %arg0, %arg1 : i32
  %0 = arith.addi %a, %b : i32
  // CHECK-NEXT: %1 = arith.subi %arg0, %arg1 : i32
  %1 = arith.subi %a, %b : i32
  // CHECK-NEXT: %2 = arith.muli %arg0, %arg1 : i32
  %2 = arith.muli %a, %b : i32
  // CHECK-NEXT: %3 = arith.divsi %arg0, %arg1 : i32
  %3 = arith.divsi %a, %b : i32
  // CHECK-NEXT: %4 = arith.divui %arg0, %arg1 : i32
  %4 = arith.divui %a, %b : i32
  // CHECK-NEXT: %5 = arith.ceildivsi %arg0, %arg1 : i32
  %5 = arith.ceildivsi %a, %b : i32
  // CHECK-NEXT: %6 = arith.ceildivui %arg0, %arg1 : i32
  %6 = arith.ceildivui %a, %b : i32
  // CHECK-NEXT: %7 = arith.floordivsi %arg0, %arg1 : i32
  %7 = arith.floordivsi %a, %b : i32
  // CHECK-NEXT: %8 = arith.remsi %arg0, %arg1 : i32
  %8 = arith.remsi %a, %b : i32
  // CHECK-NEXT: %9 = arith.remui %arg0, %arg1 : i32
  %9 = arith.remui %a, %b : i32
  // CHECK-NEXT: %10 = arith.andi %arg0, %arg1 : i32
  %10 = arith.andi %a, %b : i32
  // CHECK-NEXT: %11 = arith.ori %arg0, %arg1 : i32
  %11 = arith.ori %a, %b : i32
  // CHECK-NEXT: %12 = arith.xori %arg0, %arg1 : i32
  %12 = arith.xori %a, %b : i32
  // CHECK-NEXT: %13 = arith.shli %arg0, %arg1 : i32
  %13 = arith.shli %a, %b : i32
  // CHECK-NEXT: %14 = arith.shrsi %arg0, %arg1 : i32
  %14 = arith.shrsi %a, %b : i32
  // CHECK-NEXT: %15 = arith.shrui %arg0, %arg1 : i32
  %15 = arith.shrui %a, %b : i32
  // CHECK-NEXT: %16 = arith.maxsi %arg0, %arg1 : i32
  %16 = arith.maxsi %a, %b : i32
  // CHECK-NEXT: %17 = arith.maxui %arg0, %arg1 : i32
  %17 = arith.maxui %a, %b : i32
  // CHECK-NEXT: %18 = arith.minsi %arg0, %arg1 : i32
  %18 = arith.minsi %a, %b : i32
  // CHECK-NEXT: %19 = arith.minui %arg0, %arg1 : i32
  %19 = arith.minui %a, %b : i32
  // CHECK-NEXT: return
  return
}

// CHECK-LABEL: func.func @int_shaped(%arg0: vector<4xi32>, %arg1: tensor<?x8xi64>, %arg2: index)
func.func @int_shaped(%v: vector<4xi32>, %t: tensor<?x8xi64>, %i: index) {
  // CHECK-NEXT: %0 = arith.addi %arg0, %arg0 : vector<4xi32>
  %0 = arith.addi %v, %v : vector<4xi32>
  // CHECK-NEXT: %1 = arith.muli %arg1, %arg1 : tensor<?x8xi64>
  %1 = arith.muli %t, %t : tensor<?x8xi64>
  // CHECK-NEXT: %2 = arith.remsi %arg2, %arg2 : index
  %2 = arith.remsi %i, %i : index
  // CHECK-NEXT: return
  return
}

// CHECK-LABEL: func.func @overflow_flags(%arg0: i32, %arg1: i32)
func.func @overflow_flags(%a: i32, %b: i32) {
  // CHECK-NEXT: %0 = arith.addi %arg0, %arg1 overflow<nsw> : i32
  %0 = arith.addi %a, %b overflow<nsw> : i32
  // CHECK-NEXT: %1 = arith.subi %arg0, %arg1 overflow<nuw> : i32
  %1 = arith.subi %a, %b overflow<nuw> : i32
  // CHECK-NEXT: %2 = arith.muli %arg0, %arg1 overflow<nsw, nuw> : i32
  %2 = arith.muli %a, %b overflow<nsw, nuw> : i32
  // CHECK-NEXT: %3 = arith.shli %arg0, %arg1 overflow<nsw, nuw> : i32
  %3 = arith.shli %a, %b overflow<nuw, nsw> : i32
  // CHECK-NEXT: %4 = arith.addi %arg0, %arg1 : i32
  %4 = arith.addi %a, %b overflow<none> : i32
  // CHECK-NEXT: %5 = arith.addi %arg0, %arg1 overflow<nuw> {gvm.tag} : i32
  %5 = "arith.addi"(%a, %b) <{overflowFlags = #arith.overflow<nuw>}> {gvm.tag} : (i32, i32) -> i32
  // CHECK-NEXT: return
  return
}

// CHECK-LABEL: func.func @extended(%arg0: i64, %arg1: i64, %arg2: vector<3xi8>)
func.func @extended(%a: i64, %b: i64, %v: vector<3xi8>) {
  // CHECK-NEXT: %sum, %overflow = arith.addui_extended %arg0, %arg1 : i64, i1
  %sum, %overflow = arith.addui_extended %a, %b : i64, i1
  // CHECK-NEXT: %low, %high = arith.mulsi_extended %arg0, %arg1 : i64
  %low, %high = arith.mulsi_extended %a, %b : i64
  // CHECK-NEXT: %low_0, %high_1 = arith.mului_extended %arg2, %arg2 : vector<3xi8>
  %2:2 = arith.mului_extended %v, %v : vector<3xi8>
  // CHECK-NEXT: %sum_2, %overflow_3 = arith.addui_extended %arg2, %arg2 : vector<3xi8>, vector<3xi1>
  %3:2 = arith.addui_extended %v, %v : vector<3xi8>, vector<3xi1>
  // CHECK-NEXT: return
  return
}

// CHECK-LABEL: func.func @float_binary(%arg0: f32, %arg1: f32)
func.func @float_binary(%x: f32, %y: f32) {
  // CHECK-NEXT: %0 = arith.addf %arg0, %arg1 : f32
  %0 = arith.addf %x, %y : f32
  // CHECK-NEXT: %1 = arith.subf %arg0, %arg1 : f32
  %1 = arith.subf %x, %y : f32
  // CHECK-NEXT: %2 = arith.mulf %arg0, %arg1 : f32
  %2 = arith.mulf %x, %y : f32
  // CHECK-NEXT: %3 = arith.divf %arg0, %arg1 : f32
  %3 = arith.divf %x, %y : f32
  // CHECK-NEXT: %4 = arith.remf %arg0, %arg1 : f32
  %4 = arith.remf %x, %y : f32
  // CHECK-NEXT: %5 = arith.maximumf %arg0, %arg1 : f32
  %5 = arith.maximumf %x, %y : f32
  // CHECK-NEXT: %6 = arith.minimumf %arg0, %arg1 : f32
  %6 = arith.minimumf %x, %y : f32
  // CHECK-NEXT: %7 = arith.maxnumf %arg0, %arg1 : f32
  %7 = arith.maxnumf %x, %y : f32
  // CHECK-NEXT: %8 = arith.minnumf %arg0, %arg1 : f32
  %8 = arith.minnumf %x, %y : f32
  // CHECK-NEXT: %9 = arith.negf %arg0 : f32
  %9 = arith.negf %x : f32
  // CHECK-NEXT: return
  return
}

// CHECK-LABEL: func.func @fastmath(%arg0: f64, %arg1: tensor<4xbf16>)
func.func @fastmath(%x: f64, %t: tensor<4xbf16>) {
  // CHECK-NEXT: %0 = arith.addf %arg0, %arg0 fastmath<fast> : f64
  %0 = arith.addf %x, %x fastmath<fast> : f64
  // CHECK-NEXT: %1 = arith.mulf %arg0, %arg0 fastmath<nnan,ninf> : f64
  %1 = arith.mulf %x, %x fastmath<nnan, ninf> : f64
  // CHECK-NEXT: %2 = arith.divf %arg0, %arg0 fastmath<reassoc,arcp,contract,afn> : f64
  %2 = arith.divf %x, %x fastmath<afn, arcp, contract, reassoc> : f64
  // CHECK-NEXT: %3 = arith.subf %arg0, %arg0 : f64
  %3 = arith.subf %x, %x fastmath<none> : f64
  // CHECK-NEXT: %4 = arith.negf %arg0 fastmath<nsz> : f64
  %4 = arith.negf %x fastmath<nsz> : f64
  // CHECK-NEXT: %5 = arith.maxnumf %arg1, %arg1 fastmath<fast> : tensor<4xbf16>
  %5 = arith.maxnumf %t, %t fastmath<nnan,ninf,nsz,reassoc,arcp,contract,afn> : tensor<4xbf16>
  // CHECK-NEXT: %6 = arith.cmpf ogt, %arg0, %arg0 fastmath<nnan> : f64
  %6 = arith.cmpf ogt, %x, %x fastmath<nnan> : f64
  // CHECK-NEXT: return
  return
}

// CHECK-LABEL: func.func @casts(%arg0: i32, %arg1: f32, %arg2: f16, %arg3: index, %arg4: vector<2xi8>, %arg5: tensor<?xi16>, %arg6: memref<4xi32>)
func.func @casts(%i: i32, %f: f32, %h: f16, %x: index, %vi: vector<2xi8>, %ti: tensor<?xi16>, %m: memref<4xi32>) {
  // CHECK-NEXT: %0 = arith.extsi %arg0 : i32 to i64
  %0 = arith.extsi %i : i32 to i64
  // CHECK-NEXT: %1 = arith.extui %arg4 : vector<2xi8> to vector<2xi32>
  %1 = arith.extui %vi : vector<2xi8> to vector<2xi32>
  // CHECK-NEXT: %2 = arith.trunci %arg0 : i32 to i8
  %2 = arith.trunci %i : i32 to i8
  // CHECK-NEXT: %3 = arith.extf %arg2 : f16 to f32
  %3 = arith.extf %h : f16 to f32
  // CHECK-NEXT: %4 = arith.extf %arg2 fastmath<contract> : f16 to f64
  %4 = arith.extf %h fastmath<contract> : f16 to f64
  // CHECK-NEXT: %5 = arith.truncf %arg1 : f32 to f16
  %5 = arith.truncf %f : f32 to f16
  // CHECK-NEXT: %6 = arith.truncf %arg1 downward : f32 to bf16
  %6 = arith.truncf %f downward : f32 to bf16
  // CHECK-NEXT: %7 = arith.truncf %arg1 to_nearest_away fastmath<contract> : f32 to f16
  %7 = arith.truncf %f to_nearest_away fastmath<contract> : f32 to f16
  // CHECK-NEXT: %8 = arith.sitofp %arg0 : i32 to f32
  %8 = arith.sitofp %i : i32 to f32
  // CHECK-NEXT: %9 = arith.uitofp %arg5 : tensor<?xi16> to tensor<?xf32>
  %9 = arith.uitofp %ti : tensor<?xi16> to tensor<?xf32>
  // CHECK-NEXT: %10 = arith.fptosi %arg1 : f32 to i32
  %10 = arith.fptosi %f : f32 to i32
  // CHECK-NEXT: %11 = arith.fptoui %arg1 : f32 to i8
  %11 = arith.fptoui %f : f32 to i8
  // CHECK-NEXT: %12 = arith.index_cast %arg0 : i32 to index
  %12 = arith.index_cast %i : i32 to index
  // CHECK-NEXT: %13 = arith.index_castui %arg3 : index to i64
  %13 = arith.index_castui %x : index to i64
  // CHECK-NEXT: %14 = arith.index_cast %arg6 : memref<4xi32> to memref<4xindex>
  %14 = arith.index_cast %m : memref<4xi32> to memref<4xindex>
  // CHECK-NEXT: %15 = arith.bitcast %arg0 : i32 to f32
  %15 = arith.bitcast %i : i32 to f32
  // CHECK-NEXT: %16 = arith.bitcast %arg6 : memref<4xi32> to memref<4xf32>
  %16 = arith.bitcast %m : memref<4xi32> to memref<4xf32>
  // CHECK-NEXT: return
  return
}

// CHECK-LABEL: func.func @compare(%arg0: i32, %arg1: i32, %arg2: f32, %arg3: vector<4xindex>, %arg4: tensor<*xf64>)
func.func @compare(%a: i32, %b: i32, %x: f32, %v: vector<4xindex>, %t: tensor<*xf64>) {
  // CHECK-NEXT: %0 = arith.cmpi eq, %arg0, %arg1 : i32
  %0 = arith.cmpi eq, %a, %b : i32
  // CHECK-NEXT: %1 = arith.cmpi ne, %arg0, %arg1 : i32
  %1 = arith.cmpi ne, %a, %b : i32
  // CHECK-NEXT: %2 = arith.cmpi slt, %arg0, %arg1 : i32
  %2 = arith.cmpi slt, %a, %b : i32
  // CHECK-NEXT: %3 = arith.cmpi sle, %arg0, %arg1 : i32
  %3 = arith.cmpi sle, %a, %b : i32
  // CHECK-NEXT: %4 = arith.cmpi sgt, %arg0, %arg1 : i32
  %4 = arith.cmpi sgt, %a, %b : i32
  // CHECK-NEXT: %5 = arith.cmpi sge, %arg0, %arg1 : i32
  %5 = arith.cmpi sge, %a, %b : i32
  // CHECK-NEXT: %6 = arith.cmpi ult, %arg0, %arg1 : i32
  %6 = arith.cmpi ult, %a, %b : i32
  // CHECK-NEXT: %7 = arith.cmpi ule, %arg0, %arg1 : i32
  %7 = arith.cmpi ule, %a, %b : i32
  // CHECK-NEXT: %8 = arith.cmpi ugt, %arg0, %arg1 : i32
  %8 = arith.cmpi ugt, %a, %b : i32
  // CHECK-NEXT: %9 = arith.cmpi uge, %arg0, %arg1 : i32
  %9 = arith.cmpi uge, %a, %b : i32
  // CHECK-NEXT: %10 = arith.cmpi slt, %arg3, %arg3 : vector<4xindex>
  %10 = arith.cmpi "slt", %v, %v : vector<4xindex>
  // CHECK-NEXT: %11 = arith.cmpf false, %arg2, %arg2 : f32
  %11 = arith.cmpf false, %x, %x : f32
  // CHECK-NEXT: %12 = arith.cmpf oeq, %arg2, %arg2 : f32
  %12 = arith.cmpf oeq, %x, %x : f32
  // CHECK-NEXT: %13 = arith.cmpf ogt, %arg2, %arg2 : f32
  %13 = arith.cmpf ogt, %x, %x : f32
  // CHECK-NEXT: %14 = arith.cmpf oge, %arg2, %arg2 : f32
  %14 = arith.cmpf oge, %x, %x : f32
  // CHECK-NEXT: %15 = arith.cmpf olt, %arg2, %arg2 : f32
  %15 = arith.cmpf olt, %x, %x : f32
  // CHECK-NEXT: %16 = arith.cmpf ole, %arg2, %arg2 : f32
  %16 = arith.cmpf ole, %x, %x : f32
  // CHECK-NEXT: %17 = arith.cmpf one, %arg2, %arg2 : f32
  %17 = arith.cmpf one, %x, %x : f32
  // CHECK-NEXT: %18 = arith.cmpf ord, %arg2, %arg2 : f32
  %18 = arith.cmpf ord, %x, %x : f32
  // CHECK-NEXT: %19 = arith.cmpf ueq, %arg2, %arg2 : f32
  %19 = arith.cmpf ueq, %x, %x : f32
  // CHECK-NEXT: %20 = arith.cmpf ugt, %arg2, %arg2 : f32
  %20 = arith.cmpf ugt, %x, %x : f32
  // CHECK-NEXT: %21 = arith.cmpf uge, %arg2, %arg2 : f32
  %21 = arith.cmpf uge, %x, %x : f32
  // CHECK-NEXT: %22 = arith.cmpf ult, %arg2, %arg2 : f32
  %22 = arith.cmpf ult, %x, %x : f32
  // CHECK-NEXT: %23 = arith.cmpf ule, %arg2, %arg2 : f32
  %23 = arith.cmpf ule, %x, %x : f32
  // CHECK-NEXT: %24 = arith.cmpf une, %arg2, %arg2 : f32
  %24 = arith.cmpf une, %x, %x : f32
  // CHECK-NEXT: %25 = arith.cmpf uno, %arg2, %arg2 : f32
  %25 = arith.cmpf uno, %x, %x : f32
  // CHECK-NEXT: %26 = arith.cmpf true, %arg2, %arg2 : f32
  %26 = arith.cmpf true, %x, %x : f32
  // CHECK-NEXT: %27 = arith.cmpf une, %arg4, %arg4 : tensor<*xf64>
  %27 = arith.cmpf "une", %t, %t : tensor<*xf64>
  // CHECK-NEXT: return
  return
}

// CHECK-LABEL: func.func @select(%arg0: i1, %arg1: i32, %arg2: i32, %arg3: vector<4xi1>, %arg4: vector<4xf32>, %arg5: tensor<2x?xi1>, %arg6: tensor<2x?xi8>)
func.func @select(%c: i1, %a: i32, %b: i32, %m: vector<4xi1>, %v: vector<4xf32>, %tm: tensor<2x?xi1>, %t: tensor<2x?xi8>) {
  // CHECK-NEXT: %0 = arith.select %arg0, %arg1, %arg2 : i32
  %0 = arith.select %c, %a, %b : i32
  // CHECK-NEXT: %1 = arith.select %arg0, %arg4, %arg4 : vector<4xf32>
  %1 = arith.select %c, %v, %v : vector<4xf32>
  // CHECK-NEXT: %2 = arith.select %arg3, %arg4, %arg4 : vector<4xi1>, vector<4xf32>
  %2 = arith.select %m, %v, %v : vector<4xi1>, vector<4xf32>
  // CHECK-NEXT: %3 = arith.select %arg5, %arg6, %arg6 {gvm.tag} : tensor<2x?xi1>, tensor<2x?xi8>
  %3 = arith.select %tm, %t, %t {gvm.tag} : tensor<2x?xi1>, tensor<2x?xi8>
  // CHECK-NEXT: return
  return
}

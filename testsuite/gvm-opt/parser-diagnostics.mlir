// RUN: not gvm-opt %s -split-input-file 2>&1 | FileCheck %s

// Parser diagnostics worded and placed as mlir-opt-19's: the 'custom op' prefix
// of errors raised by an op's own parser (not of the fixed syntax inside it),
// AsmParser failures at the current token, unregistered dialect types and
// attributes, the column of the unregistered dialect error, dense literal
// shape errors at the type's ':'. Each CHECK is mlir-opt-19's output.

// CHECK: parser-diagnostics.mlir:1 offset :38:33: error: `!"foo"<"bar">` type created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used
// CHECK: parser-diagnostics.mlir:42 offset :3:19: error: custom op 'arith.cmpi' expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge]
// CHECK: parser-diagnostics.mlir:48 offset :3:36: error: inferred shape of elements literal ([2]) does not match type ([3])
// CHECK: parser-diagnostics.mlir:54 offset :3:21: error: expected ','
// CHECK: parser-diagnostics.mlir:60 offset :3:23: error: use of undeclared SSA value name
// CHECK: parser-diagnostics.mlir:66 offset :3:30: error: expected operation name in quotes
// CHECK: parser-diagnostics.mlir:72 offset :3:14: error: custom op 'cf.br' 1 operands present, but expected 2
// CHECK: parser-diagnostics.mlir:79 offset :3:19: error: custom op 'scf.for' expected 'to'
// CHECK: parser-diagnostics.mlir:86 offset :3:31: error: expected operation name in quotes
// CHECK: parser-diagnostics.mlir:92 offset :5:26: error: use of value '%0' expects different type than prior uses: 'index' vs 'i32'
// CHECK: parser-diagnostics.mlir:100 offset :2:11: error: custom op 'func.func' expected valid '@'-identifier for symbol name
// CHECK: parser-diagnostics.mlir:105 offset :3:19: error: custom op 'scf.for' expected 'to'
// CHECK: parser-diagnostics.mlir:112 offset :3:19: error: custom op 'arith.cmpi' expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge]
// CHECK: parser-diagnostics.mlir:118 offset :5:5: error: custom op 'cf.switch' expected integer value
// CHECK: parser-diagnostics.mlir:128 offset :2:23: error: `!"foo"<"bar">` type created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used
// CHECK: parser-diagnostics.mlir:133 offset :2:37: error: #"foo"<"bar"> : 'none' attribute created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used
// CHECK: parser-diagnostics.mlir:138 offset :2:32: error: #"foo"<""bar""> : 'none' attribute created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used
// CHECK: parser-diagnostics.mlir:143 offset :2:18: error: `!"foo"<"bar">` type created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used
// CHECK: parser-diagnostics.mlir:148 offset :2:37: error: #"foo"<"bar<1, 2>"> : 'none' attribute created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used
// CHECK: parser-diagnostics.mlir:153 offset :2:45: error: inferred shape of elements literal ([2]) does not match type ([3])
// CHECK: parser-diagnostics.mlir:158 offset :2:49: error: inferred shape of elements literal ([2, 1]) does not match type ([3])
// CHECK: parser-diagnostics.mlir:163 offset :2:9: error: operation being parsed with an unregistered dialect. If this is intended, please use -allow-unregistered-dialect with the MLIR tool used
// CHECK: parser-diagnostics.mlir:166 offset :2:1: error: unregistered operation 'func.foo' found in dialect ('func') that does not allow unknown operations
// CHECK: parser-diagnostics.mlir:169 offset :2:1: error: empty operation name is invalid
// CHECK: parser-diagnostics.mlir:172 offset :2:40: error: parsed zero elements, but type ('tensor<3xi32>') expected at least 1
// CHECK: parser-diagnostics.mlir:177 offset :2:47: error: inferred shape of elements literal ([2]) does not match type ([3])
// CHECK: parser-diagnostics.mlir:182 offset :3:36: error: inferred shape of elements literal ([2]) does not match type ([3])

func.func @a(%a: i32, %b: i32) {
  %0 = arith.addi %a, %b : !foo.bar
  return
}

// -----
func.func @a(%a: i32, %b: i32) {
  %0 = arith.cmpi foo, %a, %b : i32
  return
}

// -----
func.func @a(%a: i32, %b: i32) {
  %0 = arith.constant dense<[1,2]> : tensor<3xi32>
  return
}

// -----
func.func @a(%a: i32, %b: i32) {
  %0 = arith.addi %a %b : i32
  return
}

// -----
func.func @a(%a: i32, %b: i32) {
  %0 = arith.addi %a, %c : i32
  return
}

// -----
func.func @a(%a: i32, %b: i32) {
  %0 = arith.constant 1 : i32 : i32
  return
}

// -----
func.func @a(%a: i32, %b: i32) {
  cf.br ^bb1(%a : i32, i32)
^bb1(%x: i32):
  return
}

// -----
func.func @a(%a: index) {
  scf.for %i = %a too %a step %a {
  }
  return
}

// -----
func.func @a(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32 {x = 1}
  return %0 : i32
}

// -----
func.func @a(%a: i32) -> i32 {
  %0 = arith.constant 1 : i32
  %1 = "tensor.from_elements"(%a) : (i32) -> tensor<1xi32>
  %r = tensor.extract %1[%0] : tensor<1xi32>
  return %r : i32
}

// -----
func.func foo() {
  return
}

// -----
func.func @a(%a: index) {
  scf.for %i = %a too %a step %a {
  }
  return
}

// -----
func.func @a(%a: i32) {
  %0 = arith.cmpi 7, %a, %a : i32
  return
}

// -----
func.func @a(%a: i32) {
  cf.switch %a : i32, [
    default: ^bb1,
    x: ^bb1
  ]
^bb1:
  return
}

// -----
func.func @a(%a: !foo.bar) {
  return
}

// -----
func.func @a() attributes {x = #foo.bar} {
  return
}

// -----
func.func @a() attributes {x = #foo<"bar">} {
  return
}

// -----
func.func @a(%a: !foo<bar>) {
  return
}

// -----
func.func @a() attributes {x = #foo.bar<1, 2>} {
  return
}

// -----
func.func @a() attributes {x = dense<[1,2]> : tensor<3xi32>} {
  return
}

// -----
func.func @a() attributes {x = dense<[[1],[2]]> : tensor<3xi32>} {
  return
}

// -----
"foo.op"() : () -> ()

// -----
"func.foo"   () : () -> ()

// -----
"" () : () -> ()

// -----
func.func @a() attributes {x = dense<> : tensor<3xi32>} {
  return
}

// -----
func.func @a() attributes {x = dense<[1,2]>   :    tensor<3xi32>} {
  return
}

// -----
func.func @a() {
  %0 = arith.constant dense<[1,2]> : tensor<3xi32>
  return
}

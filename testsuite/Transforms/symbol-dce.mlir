// RUN: gvm-opt %s -split-input-file --symbol-dce --allow-unregistered-dialect | FileCheck %s
// RUN: gvm-opt %s -split-input-file -p 'builtin.module(symbol-dce)' --allow-unregistered-dialect | FileCheck %s
// RUN: not gvm-opt %s -split-input-file -p 'builtin.module(func.func(symbol-dce))' --allow-unregistered-dialect 2>&1 | FileCheck %s --check-prefix=NOTABLE

// Checked against mlir-opt-19 --symbol-dce: private symbols nothing live
// references are deleted, transitively and in nested symbol tables.

// CHECK-LABEL: module attributes {test.simple}
// CHECK-NOT: @dead_private
// CHECK: func.func @public
// CHECK: func.func private @live_private
// CHECK-NOT: @dead_chain
module attributes {test.simple} {
  func.func private @dead_private()
  func.func @public() {
    call @live_private() : () -> ()
    return
  }
  func.func private @live_private()
  func.func private @dead_chain_a() {
    call @dead_chain_b() : () -> ()
    return
  }
  func.func private @dead_chain_b()
}

// -----

// A nested table: its private symbols go unless referenced, a nested
// reference keeps the whole path alive.
// CHECK-LABEL: module attributes {test.nested}
// CHECK: module @inner
// CHECK-NEXT: func.func private @used_inner
// CHECK-NEXT: }
// CHECK: func.func @user
// CHECK-NOT: @unused_inner
module attributes {test.nested} {
  module @inner {
    func.func private @used_inner()
    func.func private @unused_inner()
  }
  func.func @user() {
    "test.use"() {ref = @inner::@used_inner} : () -> ()
    return
  }
}

// -----

// A private nested table nobody references is deleted with its contents.
// CHECK-LABEL: module attributes {test.private_table}
// CHECK-NOT: @hidden
// CHECK: }
module attributes {test.private_table} {
  module @hidden attributes {sym_visibility = "private"} {
    func.func private @f()
  }
}

// NOTABLE: error: 'func.func' op  was scheduled to run under SymbolDCE, but does not define a symbol table

// -----

// A use inside a dialect attribute (#mesh.shard<@m, ...>) keeps the symbol.
// CHECK-LABEL: module attributes {test.dialect_attr}
// CHECK-NEXT: mesh.mesh @m(shape = 2) {sym_visibility = "private"}
// CHECK-NOT: @dead
// CHECK: mesh.shard %{{.*}} to <@m, {{\[\[}}0]]>
module attributes {test.dialect_attr} {
  "mesh.mesh"() <{shape = array<i64: 2>, sym_name = "m"}> {sym_visibility = "private"} : () -> ()
  "mesh.mesh"() <{shape = array<i64: 2>, sym_name = "dead"}> {sym_visibility = "private"} : () -> ()
  func.func @f(%a: tensor<4xf32>) -> tensor<4xf32> {
    %0 = mesh.shard %a to <@m, [[0]]> : tensor<4xf32>
    return %0 : tensor<4xf32>
  }
}

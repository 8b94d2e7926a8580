// REQUIRES: mesh-dialect
// RUN: gvm-opt %s --split-input-file --verify-diagnostics --pass-pipeline="builtin.module(func.func(sharding-propagation,mesh-spmdization))"

// What spmdization of gptvm and kv ops rejects.

mesh.mesh @m(shape = 4)
func.func @heads_do_not_divide(%q: tensor<4x6x8xf32>, %k: tensor<4x6x8xf32>, %v: tensor<4x6x8xf32>) -> tensor<4x6x8xf32> {
  %qs = mesh.shard %q to <@m, [[], [0]]> annotate_for_users : tensor<4x6x8xf32>
  // expected-error @+1 {{'gptvm.attention' op cannot split dimension 1 of size 6 over 4 devices}}
  %o = gptvm.attention %qs, %k, %v : tensor<4x6x8xf32>, tensor<4x6x8xf32>, tensor<4x6x8xf32>
  return %o : tensor<4x6x8xf32>
}

// -----

!cache = !kv.cache<layers = 1, kv_heads = 2, head_dim = 8, capacity = 16, dtype = f32>
mesh.mesh @m(shape = 4)
func.func @kv_heads_do_not_divide(%c: !cache, %q: tensor<1x4x8xf32>, %k: tensor<1x2x8xf32>, %v: tensor<1x2x8xf32>) -> tensor<1x4x8xf32> {
  %ks = mesh.shard %k to <@m, [[], [0]]> annotate_for_users : tensor<1x2x8xf32>
  // expected-error @+1 {{'kv.attend' op cannot split 2 kv heads over 4 devices}}
  %o = kv.attend %c[0], %q, %ks, %v : !cache, tensor<1x4x8xf32>, tensor<1x2x8xf32>
  return %o : tensor<1x4x8xf32>
}

// -----

!cache = !kv.cache<layers = 1, kv_heads = 4, head_dim = 8, capacity = 16, dtype = f32>
mesh.mesh @m(shape = 2)
func.func @cache_split_off_its_heads() -> !cache {
  // expected-error @+1 {{'kv.create' op a kv cache can only be split along its kv heads}}
  %c = kv.create {mesh.sharding = #mesh.shard<@m, [[], [0]]>} : !cache
  return %c : !cache
}

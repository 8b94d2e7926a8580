// RUN: gvm-opt %s -split-input-file -verify-diagnostics

// One case per kv verifier and type-parser message.

// expected-error@+1 {{kv.cache layers must be positive}}
func.func @zero_layers(%c: !kv.cache<layers = 0, kv_heads = 2, head_dim = 16, capacity = 128, dtype = f32>) {
  return
}

// -----

// expected-error@+1 {{kv.cache dtype must be a floating-point type}}
func.func @int_dtype(%c: !kv.cache<layers = 1, kv_heads = 2, head_dim = 16, capacity = 128, dtype = i8>) {
  return
}

// -----

// expected-error@+1 {{unknown type `pages` in dialect `kv`}}
func.func @unknown_type(%c: !kv.pages<16>) {
  return
}

// -----

// expected-error@+1 {{expected 'capacity'}}
func.func @missing_key(%c: !kv.cache<layers = 1, kv_heads = 2, head_dim = 16, dtype = f32>) {
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>

func.func @append_layer(%c: !cache, %k: tensor<1x2x16xf32>) {
  // expected-error@+1 {{'kv.append' op requires layer to be in [0, 2), but got 2}}
  %0 = kv.append %c[2], %k, %k : !cache, tensor<1x2x16xf32>
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>

func.func @append_key_shape(%c: !cache, %k: tensor<1x4x16xf32>) {
  // expected-error@+1 {{'kv.append' op requires key of shape [?, 2, 16], but got 'tensor<1x4x16xf32>'}}
  %0 = kv.append %c[0], %k, %k : !cache, tensor<1x4x16xf32>
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>

func.func @append_dtype(%c: !cache, %k: tensor<1x2x16xf16>) {
  // expected-error@+1 {{'kv.append' op requires key and value element type to match the cache dtype}}
  %0 = kv.append %c[0], %k, %k : !cache, tensor<1x2x16xf16>
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>

func.func @append_capacity(%c: !cache, %k: tensor<9x2x16xf32>) {
  // expected-error@+1 {{'kv.append' op requires at most capacity (8) new tokens, but got 9}}
  %0 = kv.append %c[0], %k, %k : !cache, tensor<9x2x16xf32>
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>

func.func @append_value_type(%c: !cache, %k: tensor<1x2x16xf32>, %v: tensor<2x2x16xf32>) {
  // expected-error@+1 {{'kv.append' op failed to verify that all of {key, value} have same type}}
  %0 = "kv.append"(%c, %k, %v) <{layer = 0 : i64}> : (!cache, tensor<1x2x16xf32>, tensor<2x2x16xf32>) -> !cache
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>

func.func @attend_queries(%c: !cache, %q: tensor<2x8x16xf32>, %k: tensor<1x2x16xf32>) {
  // expected-error@+1 {{'kv.attend' op requires as many queries as new keys (2 vs 1)}}
  %0 = kv.attend %c[0], %q, %k, %k : !cache, tensor<2x8x16xf32>, tensor<1x2x16xf32>
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>

func.func @attend_heads(%c: !cache, %q: tensor<1x3x16xf32>, %k: tensor<1x2x16xf32>) {
  // expected-error@+1 {{'kv.attend' op requires the number of query heads (3) to be a multiple of the number of kv heads (2)}}
  %0 = kv.attend %c[0], %q, %k, %k : !cache, tensor<1x3x16xf32>, tensor<1x2x16xf32>
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>

func.func @attend_layer(%c: !cache, %q: tensor<1x4x16xf32>, %k: tensor<1x2x16xf32>) {
  // expected-error@+1 {{'kv.attend' op requires layer to be in [0, 2), but got -1}}
  %0 = kv.attend %c[-1], %q, %k, %k : !cache, tensor<1x4x16xf32>, tensor<1x2x16xf32>
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>

func.func @attend_window(%c: !cache, %q: tensor<1x4x16xf32>, %k: tensor<1x2x16xf32>) {
  // expected-error@+1 {{'kv.attend' op requires window to be positive}}
  %0 = kv.attend %c[0], %q, %k, %k window(-4) : !cache, tensor<1x4x16xf32>, tensor<1x2x16xf32>
  return
}

// -----

func.func @seq_len_operand(%t: tensor<4xf32>) {
  // expected-error@+1 {{'kv.seq_len' op operand #0 must be kv cache, but got 'tensor<4xf32>'}}
  %0 = "kv.seq_len"(%t) : (tensor<4xf32>) -> index
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>
!other = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 16, dtype = f32>

func.func @advance_result(%c: !cache, %n: index) {
  // expected-error@+1 {{'kv.advance' op failed to verify that all of {cache, result} have same type}}
  %0 = "kv.advance"(%c, %n) : (!cache, index) -> !other
  return
}

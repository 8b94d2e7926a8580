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
  // expected-error@+1 {{'kv.seq_len' op operand #0 must be kv cache or paged kv cache, but got 'tensor<4xf32>'}}
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

// -----

// expected-error@+1 {{kv.paged_cache page_size must be a power of two in [1, 256], but got 24}}
func.func @page_size_not_power_of_two(%c: !kv.paged_cache<layers = 1, kv_heads = 2, head_dim = 16, page_size = 24, num_pages = 8, dtype = f32>) {
  return
}

// -----

// expected-error@+1 {{kv.paged_cache page_size must be a power of two in [1, 256], but got 512}}
func.func @page_size_too_large(%c: !kv.paged_cache<layers = 1, kv_heads = 2, head_dim = 16, page_size = 512, num_pages = 8, dtype = f32>) {
  return
}

// -----

// expected-error@+1 {{kv.paged_cache page_size must be a power of two in [1, 256], but got 0}}
func.func @page_size_zero(%c: !kv.paged_cache<layers = 1, kv_heads = 2, head_dim = 16, page_size = 0, num_pages = 8, dtype = f32>) {
  return
}

// -----

// expected-error@+1 {{kv.paged_cache num_pages must be positive}}
func.func @no_pages(%c: !kv.paged_cache<layers = 1, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 0, dtype = f32>) {
  return
}

// -----

// expected-error@+1 {{kv.paged_cache dtype must be a floating-point type}}
func.func @paged_int_dtype(%c: !kv.paged_cache<layers = 1, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = i32>) {
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>

func.func @begin_forward_lengths(%c: !cache, %ids: tensor<3xi64>, %lens: tensor<2xi64>) {
  // expected-error@+1 {{'kv.begin_forward' op requires as many append lengths as sequence ids (3 vs 2)}}
  %0 = kv.begin_forward %c, %ids, %lens : !cache, tensor<3xi64>, tensor<2xi64>
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>

func.func @begin_forward_ids_type(%c: !cache, %ids: tensor<3xi32>) {
  // expected-error@+1 {{'kv.begin_forward' op operand #1 must be 1-D tensor of 64-bit signless integer values, but got 'tensor<3xi32>'}}
  %0 = kv.begin_forward %c, %ids, %ids : !cache, tensor<3xi32>, tensor<3xi32>
  return
}

// -----

!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = f32>

func.func @paged_write_key_shape(%c: !paged, %k: tensor<?x4x16xf32>, %s: tensor<?xi64>) {
  // expected-error@+1 {{'kv.paged_write' op requires key of shape [?, 2, 16], but got 'tensor<?x4x16xf32>'}}
  %0 = kv.paged_write %c[0], %k, %k, %s : !paged, tensor<?x4x16xf32>, tensor<?xi64>
  return
}

// -----

!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = f32>

func.func @paged_write_dtype(%c: !paged, %k: tensor<?x2x16xf16>, %s: tensor<?xi64>) {
  // expected-error@+1 {{'kv.paged_write' op requires key and value element type to match the cache dtype}}
  %0 = kv.paged_write %c[0], %k, %k, %s : !paged, tensor<?x2x16xf16>, tensor<?xi64>
  return
}

// -----

!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = f32>

func.func @paged_write_slots(%c: !paged, %k: tensor<3x2x16xf32>, %s: tensor<2xi64>) {
  // expected-error@+1 {{'kv.paged_write' op requires a slot for each new key (2 vs 3)}}
  %0 = kv.paged_write %c[0], %k, %k, %s : !paged, tensor<3x2x16xf32>, tensor<2xi64>
  return
}

// -----

!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = f32>

func.func @paged_write_layer(%c: !paged, %k: tensor<?x2x16xf32>, %s: tensor<?xi64>) {
  // expected-error@+1 {{'kv.paged_write' op requires layer to be in [0, 2), but got 2}}
  %0 = kv.paged_write %c[2], %k, %k, %s : !paged, tensor<?x2x16xf32>, tensor<?xi64>
  return
}

// -----

!cache = !kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>

func.func @paged_write_logical(%c: !cache, %k: tensor<?x2x16xf32>, %s: tensor<?xi64>) {
  // expected-error@+1 {{'kv.paged_write' op operand #0 must be paged kv cache, but got '!kv.cache<layers = 2, kv_heads = 2, head_dim = 16, capacity = 8, dtype = f32>'}}
  %0 = "kv.paged_write"(%c, %k, %k, %s) <{layer = 0 : i64}> : (!cache, tensor<?x2x16xf32>, tensor<?x2x16xf32>, tensor<?xi64>) -> !cache
  return
}

// -----

!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = f32>

func.func @paged_attention_head_dim(%c: !paged, %q: tensor<?x4x8xf32>, %bt: tensor<?x?xi32>, %l: tensor<?xi32>) {
  // expected-error@+1 {{'kv.paged_attention' op requires query of shape [?, ?, 16], but got 'tensor<?x4x8xf32>'}}
  %0 = kv.paged_attention %c[0], %q, %bt, %l, %l : !paged, tensor<?x4x8xf32>, tensor<?x?xi32>, tensor<?xi32>, tensor<?xi32>
  return
}

// -----

!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = f32>

func.func @paged_attention_dtype(%c: !paged, %q: tensor<?x4x16xf16>, %bt: tensor<?x?xi32>, %l: tensor<?xi32>) {
  // expected-error@+1 {{'kv.paged_attention' op requires query element type to match the cache dtype}}
  %0 = kv.paged_attention %c[0], %q, %bt, %l, %l : !paged, tensor<?x4x16xf16>, tensor<?x?xi32>, tensor<?xi32>, tensor<?xi32>
  return
}

// -----

!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = f32>

func.func @paged_attention_heads(%c: !paged, %q: tensor<?x3x16xf32>, %bt: tensor<?x?xi32>, %l: tensor<?xi32>) {
  // expected-error@+1 {{'kv.paged_attention' op requires the number of query heads (3) to be a multiple of the number of kv heads (2)}}
  %0 = kv.paged_attention %c[0], %q, %bt, %l, %l : !paged, tensor<?x3x16xf32>, tensor<?x?xi32>, tensor<?xi32>, tensor<?xi32>
  return
}

// -----

!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = f32>

func.func @paged_attention_table_rows(%c: !paged, %q: tensor<?x4x16xf32>, %bt: tensor<3x4xi32>, %l: tensor<2xi32>, %s: tensor<3xi32>) {
  // expected-error@+1 {{'kv.paged_attention' op requires a block table row for each sequence length (3 vs 2)}}
  %0 = kv.paged_attention %c[0], %q, %bt, %l, %s : !paged, tensor<?x4x16xf32>, tensor<3x4xi32>, tensor<2xi32>, tensor<3xi32>
  return
}

// -----

!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = f32>

func.func @paged_attention_starts(%c: !paged, %q: tensor<?x4x16xf32>, %bt: tensor<2x4xi32>, %l: tensor<2xi32>) {
  // expected-error@+1 {{'kv.paged_attention' op requires one more query start than sequence lengths (2 vs 2)}}
  %0 = kv.paged_attention %c[0], %q, %bt, %l, %l : !paged, tensor<?x4x16xf32>, tensor<2x4xi32>, tensor<2xi32>, tensor<2xi32>
  return
}

// -----

!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = f32>

func.func @paged_attention_table_type(%c: !paged, %q: tensor<?x4x16xf32>, %bt: tensor<?xi32>, %l: tensor<?xi32>) {
  // expected-error@+1 {{'kv.paged_attention' op operand #2 must be 2-D tensor of 32-bit signless integer values, but got 'tensor<?xi32>'}}
  %0 = kv.paged_attention %c[0], %q, %bt, %l, %l : !paged, tensor<?x4x16xf32>, tensor<?xi32>, tensor<?xi32>, tensor<?xi32>
  return
}

// -----

!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = f32>

func.func @paged_attention_window(%c: !paged, %q: tensor<?x4x16xf32>, %bt: tensor<?x?xi32>, %l: tensor<?xi32>) {
  // expected-error@+1 {{'kv.paged_attention' op requires window to be positive}}
  %0 = kv.paged_attention %c[0], %q, %bt, %l, %l window(0) : !paged, tensor<?x4x16xf32>, tensor<?x?xi32>, tensor<?xi32>, tensor<?xi32>
  return
}

// -----

!paged = !kv.paged_cache<layers = 2, kv_heads = 2, head_dim = 16, page_size = 16, num_pages = 8, dtype = f32>

func.func @block_table_result(%c: !paged) {
  // expected-error@+1 {{'kv.block_table' op result #0 must be 2-D tensor of 32-bit signless integer values, but got 'tensor<?xi32>'}}
  %0 = kv.block_table %c : !paged -> tensor<?xi32>
  return
}

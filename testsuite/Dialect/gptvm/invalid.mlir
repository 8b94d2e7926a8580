// RUN: gvm-opt %s -split-input-file -verify-diagnostics

// One case per gptvm verifier message.

func.func @param_empty_name() {
  // expected-error@+1 {{'gptvm.param' op requires a non-empty parameter name}}
  %0 = gptvm.param "" : tensor<4xf32>
  return
}

// -----

func.func @param_dynamic(%x: tensor<?xf32>) {
  // expected-error@+1 {{'gptvm.param' op result #0 must be statically shaped tensor of any type values, but got 'tensor<?x4xf32>'}}
  %0 = gptvm.param "w" : tensor<?x4xf32>
  return
}

// -----

func.func @embedding_table_rank(%t: tensor<512xf32>, %ids: tensor<4xi32>) {
  // expected-error@+1 {{'gptvm.embedding' op requires a rank-2 table [vocab, hidden]}}
  %0 = gptvm.embedding %t, %ids : (tensor<512xf32>, tensor<4xi32>) -> tensor<4x64xf32>
  return
}

// -----

func.func @embedding_result_shape(%t: tensor<512x64xf32>, %ids: tensor<?xi32>) {
  // expected-error@+1 {{'gptvm.embedding' op requires result of shape [?, 64], but got 'tensor<?x32xf32>'}}
  %0 = gptvm.embedding %t, %ids : (tensor<512x64xf32>, tensor<?xi32>) -> tensor<?x32xf32>
  return
}

// -----

func.func @embedding_float_ids(%t: tensor<512x64xf32>, %ids: tensor<4xf32>) {
  // expected-error@+1 {{'gptvm.embedding' op operand #1 must be ranked tensor of signless integer or index values, but got 'tensor<4xf32>'}}
  %0 = gptvm.embedding %t, %ids : (tensor<512x64xf32>, tensor<4xf32>) -> tensor<4x64xf32>
  return
}

// -----

func.func @linear_weight_rank(%x: tensor<4x64xf32>, %w: tensor<64xf32>) {
  // expected-error@+1 {{'gptvm.linear' op requires a rank-2 weight [out_features, in_features]}}
  %0 = gptvm.linear %x, %w : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  return
}

// -----

func.func @linear_input_rank(%x: tensor<f32>, %w: tensor<8x64xf32>) {
  // expected-error@+1 {{'gptvm.linear' op requires an input of rank at least 1}}
  %0 = gptvm.linear %x, %w : (tensor<f32>, tensor<8x64xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @linear_in_features(%x: tensor<4x32xf32>, %w: tensor<128x64xf32>) {
  // expected-error@+1 {{'gptvm.linear' op requires the input's last dimension (32) to match in_features (64)}}
  %0 = gptvm.linear %x, %w : (tensor<4x32xf32>, tensor<128x64xf32>) -> tensor<4x128xf32>
  return
}

// -----

func.func @linear_bias(%x: tensor<4x64xf32>, %w: tensor<128x64xf32>, %b: tensor<64xf32>) {
  // expected-error@+1 {{'gptvm.linear' op requires bias of shape [128], but got 'tensor<64xf32>'}}
  %0 = gptvm.linear %x, %w, %b : (tensor<4x64xf32>, tensor<128x64xf32>, tensor<64xf32>) -> tensor<4x128xf32>
  return
}

// -----

func.func @linear_result(%x: tensor<4x64xf32>, %w: tensor<128x64xf32>) {
  // expected-error@+1 {{'gptvm.linear' op requires result of shape [4, 128], but got 'tensor<4x64xf32>'}}
  %0 = gptvm.linear %x, %w : (tensor<4x64xf32>, tensor<128x64xf32>) -> tensor<4x64xf32>
  return
}

// -----

func.func @linear_element_types(%x: tensor<4x64xf16>, %w: tensor<128x64xf32>) {
  // expected-error@+1 {{'gptvm.linear' op requires input and result of the same element type (weights may have another float type)}}
  %0 = gptvm.linear %x, %w : (tensor<4x64xf16>, tensor<128x64xf32>) -> tensor<4x128xf32>
  return
}

// -----

func.func @matmul_rank(%a: tensor<2x4x8xf32>, %b: tensor<8x16xf32>) {
  // expected-error@+1 {{'gptvm.matmul' op requires operands of rank 2}}
  %0 = gptvm.matmul %a, %b : (tensor<2x4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  return
}

// -----

func.func @matmul_contracting(%a: tensor<4x8xf32>, %b: tensor<4x16xf32>) {
  // expected-error@+1 {{'gptvm.matmul' op requires contracting dimensions to match (8 vs 4)}}
  %0 = gptvm.matmul %a, %b : (tensor<4x8xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
  return
}

// -----

func.func @matmul_result(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>) {
  // expected-error@+1 {{'gptvm.matmul' op requires result of shape [4, 16], but got 'tensor<16x4xf32>'}}
  %0 = gptvm.matmul %a, %b : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<16x4xf32>
  return
}

// -----

func.func @batch_matmul_batch(%a: tensor<2x4x8xf32>, %b: tensor<3x8x16xf32>) {
  // expected-error@+1 {{'gptvm.batch_matmul' op requires batch dimensions to match}}
  %0 = gptvm.batch_matmul %a, %b : (tensor<2x4x8xf32>, tensor<3x8x16xf32>) -> tensor<2x4x16xf32>
  return
}

// -----

func.func @rms_norm_rank(%x: tensor<f32>, %w: tensor<1xf32>) {
  // expected-error@+1 {{'gptvm.rms_norm' op requires an input of rank at least 1}}
  %0 = gptvm.rms_norm %x, %w eps(1.0e-5) : tensor<f32>, tensor<1xf32>
  return
}

// -----

func.func @rms_norm_weight(%x: tensor<4x64xf32>, %w: tensor<32xf32>) {
  // expected-error@+1 {{'gptvm.rms_norm' op requires weight of shape [64], but got 'tensor<32xf32>'}}
  %0 = gptvm.rms_norm %x, %w eps(1.0e-5) : tensor<4x64xf32>, tensor<32xf32>
  return
}

// -----

func.func @rms_norm_eps(%x: tensor<4x64xf32>, %w: tensor<64xf32>) {
  // expected-error@+1 {{'gptvm.rms_norm' op requires eps to be positive}}
  %0 = gptvm.rms_norm %x, %w eps(0.0) : tensor<4x64xf32>, tensor<64xf32>
  return
}

// -----

func.func @layer_norm_bias(%x: tensor<4x64xf32>, %w: tensor<64xf32>, %b: tensor<4x64xf32>) {
  // expected-error@+1 {{'gptvm.layer_norm' op requires bias of shape [64], but got 'tensor<4x64xf32>'}}
  %0 = gptvm.layer_norm %x, %w, %b eps(1.0e-5) : tensor<4x64xf32>, tensor<64xf32>, tensor<4x64xf32>
  return
}

// -----

func.func @add_types(%x: tensor<4x64xf32>, %y: tensor<4x32xf32>) {
  // expected-error@+1 {{'gptvm.add' op requires the same type for all operands and results}}
  %0 = "gptvm.add"(%x, %y) : (tensor<4x64xf32>, tensor<4x32xf32>) -> tensor<4x64xf32>
  return
}

// -----

func.func @silu_int(%x: tensor<4xi32>) {
  // expected-error@+1 {{'gptvm.silu' op operand #0 must be ranked tensor of floating-point values, but got 'tensor<4xi32>'}}
  %0 = gptvm.silu %x : tensor<4xi32>
  return
}

// -----

func.func @softmax_axis(%x: tensor<4x64xf32>) {
  // expected-error@+1 {{'gptvm.softmax' op requires axis to be in [-rank, rank), but got 2 for rank 2}}
  %0 = gptvm.softmax %x axis(2) : tensor<4x64xf32>
  return
}

// -----

func.func @rope_rank(%x: tensor<4x64xf32>, %pos: tensor<4xi32>) {
  // expected-error@+1 {{'gptvm.rope' op requires input of shape [seq, heads, head_dim]}}
  %0 = gptvm.rope %x, %pos theta(10000.0) layout(interleaved) : tensor<4x64xf32>, tensor<4xi32>
  return
}

// -----

func.func @rope_positions(%x: tensor<4x8x16xf32>, %pos: tensor<3xi32>) {
  // expected-error@+1 {{'gptvm.rope' op requires positions of shape [4], but got 'tensor<3xi32>'}}
  %0 = gptvm.rope %x, %pos theta(10000.0) layout(interleaved) : tensor<4x8x16xf32>, tensor<3xi32>
  return
}

// -----

func.func @rope_rotary_dim(%x: tensor<4x8x16xf32>, %pos: tensor<4xi32>) {
  // expected-error@+1 {{'gptvm.rope' op requires rotary_dim to be even and in (0, head_dim], but got 7 for head_dim 16}}
  %0 = gptvm.rope %x, %pos theta(10000.0) rotary_dim(7) layout(rotate_half) : tensor<4x8x16xf32>, tensor<4xi32>
  return
}

// -----

func.func @rope_theta(%x: tensor<4x8x16xf32>, %pos: tensor<4xi32>) {
  // expected-error@+1 {{'gptvm.rope' op requires theta to be positive}}
  %0 = gptvm.rope %x, %pos theta(-1.0) layout(rotate_half) : tensor<4x8x16xf32>, tensor<4xi32>
  return
}

// -----

func.func @rope_layout(%x: tensor<4x8x16xf32>, %pos: tensor<4xi32>) {
  // expected-error@+1 {{expected string or keyword containing one of the following enum values for attribute 'layout' [rotate_half, interleaved]}}
  %0 = gptvm.rope %x, %pos theta(10000.0) layout(pairs) : tensor<4x8x16xf32>, tensor<4xi32>
  return
}

// -----

func.func @attention_rank(%q: tensor<4x128xf32>, %k: tensor<4x2x16xf32>) {
  // expected-error@+1 {{'gptvm.attention' op requires query, key and value of rank 3 ([seq, heads, head_dim])}}
  %0 = gptvm.attention %q, %k, %k causal : tensor<4x128xf32>, tensor<4x2x16xf32>, tensor<4x2x16xf32>
  return
}

// -----

func.func @attention_value(%q: tensor<4x8x16xf32>, %k: tensor<4x2x16xf32>, %v: tensor<4x4x16xf32>) {
  // expected-error@+1 {{'gptvm.attention' op requires value of shape [4, 2, 16], but got 'tensor<4x4x16xf32>'}}
  %0 = gptvm.attention %q, %k, %v causal : tensor<4x8x16xf32>, tensor<4x2x16xf32>, tensor<4x4x16xf32>
  return
}

// -----

func.func @attention_head_dim(%q: tensor<4x8x16xf32>, %k: tensor<4x2x8xf32>) {
  // expected-error@+1 {{'gptvm.attention' op requires query and key to have the same head_dim (16 vs 8)}}
  %0 = gptvm.attention %q, %k, %k causal : tensor<4x8x16xf32>, tensor<4x2x8xf32>, tensor<4x2x8xf32>
  return
}

// -----

func.func @attention_gqa(%q: tensor<4x8x16xf32>, %k: tensor<4x3x16xf32>) {
  // expected-error@+1 {{'gptvm.attention' op requires the number of query heads (8) to be a multiple of the number of kv heads (3)}}
  %0 = gptvm.attention %q, %k, %k causal : tensor<4x8x16xf32>, tensor<4x3x16xf32>, tensor<4x3x16xf32>
  return
}

// -----

func.func @attention_scale(%q: tensor<4x8x16xf32>, %k: tensor<4x2x16xf32>) {
  // expected-error@+1 {{'gptvm.attention' op requires scale to be positive}}
  %0 = gptvm.attention %q, %k, %k causal scale(0.0) : tensor<4x8x16xf32>, tensor<4x2x16xf32>, tensor<4x2x16xf32>
  return
}

// -----

func.func @attention_window(%q: tensor<4x8x16xf32>, %k: tensor<4x2x16xf32>) {
  // expected-error@+1 {{'gptvm.attention' op requires window to be positive}}
  %0 = gptvm.attention %q, %k, %k causal window(0) : tensor<4x8x16xf32>, tensor<4x2x16xf32>, tensor<4x2x16xf32>
  return
}

// -----

func.func @attention_causal_keys(%q: tensor<4x8x16xf32>, %k: tensor<2x2x16xf32>) {
  // expected-error@+1 {{'gptvm.attention' op requires at least as many keys (2) as queries (4) when causal}}
  %0 = gptvm.attention %q, %k, %k causal : tensor<4x8x16xf32>, tensor<2x2x16xf32>, tensor<2x2x16xf32>
  return
}

// -----

func.func @attention_element(%q: tensor<4x8x16xf16>, %k: tensor<4x2x16xf32>) {
  // expected-error@+1 {{'gptvm.attention' op requires the same element type for all operands and results}}
  %0 = gptvm.attention %q, %k, %k causal : tensor<4x8x16xf16>, tensor<4x2x16xf32>, tensor<4x2x16xf32>
  return
}

// -----

func.func @split_axis(%x: tensor<4x128xf32>) {
  // expected-error@+1 {{'gptvm.split' op requires axis to be in [0, rank), but got 2}}
  %0:2 = gptvm.split %x axis(2) : tensor<4x128xf32> -> tensor<4x64xf32>, tensor<4x64xf32>
  return
}

// -----

func.func @split_no_results(%x: tensor<4x128xf32>) {
  // expected-error@+1 {{'gptvm.split' op requires at least one result}}
  "gptvm.split"(%x) <{axis = 1 : i64}> : (tensor<4x128xf32>) -> ()
  return
}

// -----

func.func @split_off_axis(%x: tensor<4x128xf32>) {
  // expected-error@+1 {{'gptvm.split' op requires every result of shape [4, 32], but got 'tensor<2x32xf32>'}}
  %0:2 = gptvm.split %x axis(1) : tensor<4x128xf32> -> tensor<4x96xf32>, tensor<2x32xf32>
  return
}

// -----

func.func @split_sum(%x: tensor<4x128xf32>) {
  // expected-error@+1 {{'gptvm.split' op requires result sizes along the axis to sum to the input's (96 vs 128)}}
  %0:2 = gptvm.split %x axis(1) : tensor<4x128xf32> -> tensor<4x64xf32>, tensor<4x32xf32>
  return
}

// -----

func.func @reshape_dynamic(%x: tensor<?x64xf32>) {
  // expected-error@+1 {{'gptvm.reshape' op requires at most one dynamic result dimension}}
  %0 = gptvm.reshape %x : tensor<?x64xf32> -> tensor<?x?x8xf32>
  return
}

// -----

func.func @reshape_count(%x: tensor<4x64xf32>) {
  // expected-error@+1 {{'gptvm.reshape' op requires the same number of elements (256 vs 240)}}
  %0 = gptvm.reshape %x : tensor<4x64xf32> -> tensor<4x6x10xf32>
  return
}

// -----

func.func @transpose_permutation(%x: tensor<4x8x16xf32>) {
  // expected-error@+1 {{'gptvm.transpose' op requires permutation to be a permutation of [0, 3)}}
  %0 = gptvm.transpose %x [1, 1, 0] : tensor<4x8x16xf32> -> tensor<8x8x4xf32>
  return
}

// -----

func.func @transpose_result(%x: tensor<4x8x16xf32>) {
  // expected-error@+1 {{'gptvm.transpose' op requires result of shape [8, 4, 16], but got 'tensor<4x8x16xf32>'}}
  %0 = gptvm.transpose %x [1, 0, 2] : tensor<4x8x16xf32> -> tensor<4x8x16xf32>
  return
}

// -----

func.func @argmax_rank(%x: tensor<f32>) {
  // expected-error@+1 {{'gptvm.argmax' op requires logits of rank at least 1}}
  %0 = gptvm.argmax %x : tensor<f32> -> tensor<i32>
  return
}

// -----

func.func @argmax_result(%x: tensor<2x512xf32>) {
  // expected-error@+1 {{'gptvm.argmax' op requires result of shape [2], but got 'tensor<512xi32>'}}
  %0 = gptvm.argmax %x : tensor<2x512xf32> -> tensor<512xi32>
  return
}

// -----

func.func @sample_temperature(%x: tensor<1x512xf32>, %s: i64) {
  // expected-error@+1 {{'gptvm.sample' op requires temperature to be non-negative}}
  %0:2 = gptvm.sample %x seed(%s) temperature(-0.5) : tensor<1x512xf32> -> tensor<1xi32>
  return
}

// -----

func.func @sample_top_k(%x: tensor<1x512xf32>, %s: i64) {
  // expected-error@+1 {{'gptvm.sample' op requires top_k to be non-negative}}
  %0:2 = gptvm.sample %x seed(%s) temperature(1.0) top_k(-1) : tensor<1x512xf32> -> tensor<1xi32>
  return
}

// -----

func.func @sample_top_p(%x: tensor<1x512xf32>, %s: i64) {
  // expected-error@+1 {{'gptvm.sample' op requires top_p to be in (0, 1]}}
  %0:2 = gptvm.sample %x seed(%s) temperature(1.0) top_p(1.5) : tensor<1x512xf32> -> tensor<1xi32>
  return
}

// -----

func.func @sample_seed_type(%x: tensor<1x512xf32>, %s: i32) {
  // expected-error@+1 {{'gptvm.sample' op operand #1 must be 64-bit signless integer, but got 'i32'}}
  %0:2 = "gptvm.sample"(%x, %s) <{temperature = 1.0 : f64, top_k = 0 : i64, top_p = 1.0 : f64}> : (tensor<1x512xf32>, i32) -> (tensor<1xi32>, i64)
  return
}

// -----

func.func @fused_arguments(%x: tensor<4xf32>) {
  // expected-error@+1 {{'gptvm.fused' op requires one body argument per input, but has 0 for 1 inputs}}
  %0 = gptvm.fused kind(elementwise) %x : (tensor<4xf32>) -> tensor<4xf32> {
    %c = arith.constant dense<1.0> : tensor<4xf32>
    gptvm.yield %c : tensor<4xf32>
  }
  return
}

// -----

func.func @fused_argument_type(%x: tensor<4xf32>) {
  // expected-error@+1 {{'gptvm.fused' op requires body argument #0 to have the type of input #0}}
  %0 = gptvm.fused kind(elementwise) %x : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<8xf32>):
    %c = arith.constant dense<1.0> : tensor<4xf32>
    gptvm.yield %c : tensor<4xf32>
  }
  return
}

// -----

func.func @fused_yield_types(%x: tensor<4xf32>) {
  // expected-error@+1 {{'gptvm.fused' op requires the yielded types to match the result types}}
  %0 = gptvm.fused kind(elementwise) %x : (tensor<4xf32>) -> tensor<8xf32> {
  ^bb0(%a: tensor<4xf32>):
    %s = gptvm.silu %a : tensor<4xf32>
    gptvm.yield %s : tensor<4xf32>
  }
  return
}

// -----

func.func @concat_params_none() {
  // expected-error@+1 {{'gptvm.concat_params' op requires at least one parameter}}
  %0 = "gptvm.concat_params"() : () -> tensor<4x4xf32>
  return
}

// -----

func.func @concat_params_not_param(%w: tensor<4x4xf32>) {
  // expected-error@+1 {{'gptvm.concat_params' op requires every operand to be a 'gptvm.param'}}
  %0 = gptvm.concat_params %w : tensor<4x4xf32> -> tensor<4x4xf32>
  return
}

// -----

func.func @concat_params_rank() {
  %a = gptvm.param "a" : tensor<4x4xf32>
  %b = gptvm.param "b" : tensor<4xf32>
  // expected-error@+1 {{'gptvm.concat_params' op requires operands of the result's rank and element type}}
  %0 = gptvm.concat_params %a, %b : tensor<4x4xf32>, tensor<4xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @concat_params_dims() {
  %a = gptvm.param "a" : tensor<4x4xf32>
  %b = gptvm.param "b" : tensor<4x8xf32>
  // expected-error@+1 {{'gptvm.concat_params' op requires operands to match the result in every dimension but the first}}
  %0 = gptvm.concat_params %a, %b : tensor<4x4xf32>, tensor<4x8xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @concat_params_rows() {
  %a = gptvm.param "a" : tensor<4x4xf32>
  %b = gptvm.param "b" : tensor<2x4xf32>
  // expected-error@+1 {{'gptvm.concat_params' op requires the result's first dimension to be the sum of the operands' (6)}}
  %0 = gptvm.concat_params %a, %b : tensor<4x4xf32>, tensor<2x4xf32> -> tensor<8x4xf32>
  return
}

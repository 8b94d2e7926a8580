// RUN: gvm-opt %s -split-input-file -verify-diagnostics --allow-unregistered-dialect

func.func @empty_dynamic_sizes(%i: index) {
  // expected-error@+1 {{'tensor.empty' op incorrect number of dynamic sizes, has 1, expected 2}}
  %0 = tensor.empty(%i) : tensor<4x?x?xf32>
  return
}

// -----

func.func @extract_index_count(%t: tensor<4x4xf32>, %i: index) {
  // expected-error@+1 {{'tensor.extract' op incorrect number of indices for extract_element}}
  %0 = tensor.extract %t[%i] : tensor<4x4xf32>
  return
}

// -----

func.func @extract_result_type(%t: tensor<4x4xf32>, %i: index) {
  // expected-error@+1 {{'tensor.extract' op failed to verify that result type matches element type of tensor}}
  %0 = "tensor.extract"(%t, %i, %i) : (tensor<4x4xf32>, index, index) -> i32
  return
}

// -----

func.func @insert_index_count(%t: tensor<4x4xf32>, %i: index, %f: f32) {
  // expected-error@+1 {{'tensor.insert' op incorrect number of indices}}
  %0 = tensor.insert %f into %t[%i] : tensor<4x4xf32>
  return
}

// -----

func.func @insert_result_type(%t: tensor<4x4xf32>, %i: index, %f: f32) {
  // expected-error@+1 {{'tensor.insert' op failed to verify that result type matches type of dest}}
  %0 = "tensor.insert"(%f, %t, %i, %i) : (f32, tensor<4x4xf32>, index, index) -> tensor<4x5xf32>
  return
}

// -----

func.func @insert_scalar_type(%t: tensor<4x4xf32>, %i: index, %f: i32) {
  // expected-error@+1 {{'tensor.insert' op failed to verify that scalar type matches element type of dest}}
  %0 = "tensor.insert"(%f, %t, %i, %i) : (i32, tensor<4x4xf32>, index, index) -> tensor<4x4xf32>
  return
}

// -----

func.func @cast_incompatible(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.cast' op operand type 'tensor<4xf32>' and result type 'tensor<5xf32>' are cast incompatible}}
  %0 = tensor.cast %t : tensor<4xf32> to tensor<5xf32>
  return
}

// -----

func.func @dim_of_0d(%t: tensor<f32>, %i: index) {
  // expected-error@+1 {{'tensor.dim' op operand #0 must be non-0-ranked or unranked tensor, but got 'tensor<f32>'}}
  %0 = tensor.dim %t, %i : tensor<f32>
  return
}

// -----

func.func @slice_offsets_rank(%t: tensor<8x8xf32>) {
  // expected-error@+1 {{expected mixed offsets rank to match mixed sizes rank (1 vs 2) so the rank of the result type is well-formed.}}
  %0 = tensor.extract_slice %t[0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  return
}

// -----

func.func @slice_strides_rank(%t: tensor<8x8xf32>) {
  // expected-error@+1 {{expected mixed sizes rank to match mixed strides rank (2 vs 1) so the rank of the result type is well-formed.}}
  %0 = tensor.extract_slice %t[0, 0] [4, 4] [1] : tensor<8x8xf32> to tensor<4x4xf32>
  return
}

// -----

func.func @slice_offset_count(%t: tensor<8x8xf32>) {
  // expected-error@+1 {{expected 2 offset values, got 3}}
  %0 = tensor.extract_slice %t[0, 0, 0] [4, 4, 4] [1, 1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  return
}

// -----

func.func @slice_dynamic_offset_count(%t: tensor<8x8xf32>, %i: index) {
  // expected-error@+1 {{expected 0 dynamic offset values}}
  %0 = "tensor.extract_slice"(%t, %i) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: 0, 0>, static_sizes = array<i64: 4, 4>, static_strides = array<i64: 1, 1>}> : (tensor<8x8xf32>, index) -> tensor<4x4xf32>
  return
}

// -----

func.func @slice_negative_offset(%t: tensor<8x8xf32>) {
  // expected-error@+1 {{expected offsets to be non-negative, but got -1}}
  %0 = tensor.extract_slice %t[-1, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  return
}

// -----

func.func @slice_negative_size(%t: tensor<8x8xf32>) {
  // expected-error@+1 {{expected sizes to be non-negative, but got -4}}
  %0 = tensor.extract_slice %t[0, 0] [-4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  return
}

// -----

func.func @extract_slice_rank_too_large(%t: tensor<8xf32>) {
  // expected-error@+1 {{expected rank to be smaller or equal to the other rank.}}
  %0 = tensor.extract_slice %t[0] [4] [1] : tensor<8xf32> to tensor<4x4xf32>
  return
}

// -----

func.func @extract_slice_element_type(%t: tensor<8xf32>) {
  // expected-error@+1 {{expected element type to be 'f32'}}
  %0 = tensor.extract_slice %t[0] [4] [1] : tensor<8xf32> to tensor<4xi32>
  return
}

// -----

func.func @extract_slice_size_mismatch(%t: tensor<8x16xf32>, %i: index) {
  // expected-error@+1 {{expected type to be 'tensor<?x1xf32>' or a rank-reduced version. (size mismatch)}}
  %0 = tensor.extract_slice %t[0, 0] [%i, 1] [1, 1] : tensor<8x16xf32> to tensor<4xf32>
  return
}

// -----

func.func @insert_slice_size_mismatch(%s: tensor<5xf32>, %t: tensor<8xf32>) {
  // expected-error@+1 {{expected type to be 'tensor<4xf32>' or a rank-reduced version. (size mismatch)}}
  %0 = tensor.insert_slice %s into %t[0] [4] [1] : tensor<5xf32> into tensor<8xf32>
  return
}

// -----

func.func @insert_slice_result_type(%s: tensor<4xf32>, %t: tensor<8xf32>) {
  // expected-error@+1 {{'tensor.insert_slice' op failed to verify that expected result type to match dest type}}
  %0 = "tensor.insert_slice"(%s, %t) <{operandSegmentSizes = array<i32: 1, 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 4>, static_strides = array<i64: 1>}> : (tensor<4xf32>, tensor<8xf32>) -> tensor<9xf32>
  return
}

// -----

func.func @reshape_element_type(%t: tensor<4xf32>, %s: tensor<1xi32>) {
  // expected-error@+1 {{'tensor.reshape' op element types of source and destination tensor types should be the same}}
  %0 = tensor.reshape %t(%s) : (tensor<4xf32>, tensor<1xi32>) -> tensor<4xi32>
  return
}

// -----

func.func @reshape_element_count(%t: tensor<4xf32>, %s: tensor<1xi32>) {
  // expected-error@+1 {{'tensor.reshape' op source and destination tensor should have the same number of elements}}
  %0 = tensor.reshape %t(%s) : (tensor<4xf32>, tensor<1xi32>) -> tensor<5xf32>
  return
}

// -----

func.func @reshape_dynamic_shape_length(%t: tensor<4xf32>, %s: tensor<?xi32>) {
  // expected-error@+1 {{'tensor.reshape' op cannot use shape operand with dynamic length to reshape to statically-ranked tensor type}}
  %0 = tensor.reshape %t(%s) : (tensor<4xf32>, tensor<?xi32>) -> tensor<4xf32>
  return
}

// -----

func.func @reshape_shape_length(%t: tensor<4xf32>, %s: tensor<2xi32>) {
  // expected-error@+1 {{'tensor.reshape' op length of shape operand differs from the result's tensor rank}}
  %0 = tensor.reshape %t(%s) : (tensor<4xf32>, tensor<2xi32>) -> tensor<4xf32>
  return
}

// -----

func.func @reshape_shape_type(%t: tensor<4xf32>, %s: tensor<2xf32>) {
  // expected-error@+1 {{'tensor.reshape' op operand #1 must be 1D tensor of signless integer or index values, but got 'tensor<2xf32>'}}
  %0 = tensor.reshape %t(%s) : (tensor<4xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @expand_shape_output_rank(%t: tensor<8xf32>) {
  // expected-error@+1 {{'tensor.expand_shape' op expected number of static shape dims to be equal to the output rank (2) but found 1 inputs instead}}
  %0 = tensor.expand_shape %t [[0, 1]] output_shape [2] : tensor<8xf32> into tensor<2x4xf32>
  return
}

// -----

func.func @expand_shape_dynamic_dims(%t: tensor<?xf32>, %i: index) {
  // expected-error@+1 {{'tensor.expand_shape' op mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has 1 dynamic dims while output_shape has 2 values}}
  %0 = "tensor.expand_shape"(%t, %i, %i) <{reassociation = [[0, 1]], static_output_shape = array<i64: -9223372036854775808, 4>}> : (tensor<?xf32>, index, index) -> tensor<?x4xf32>
  return
}

// -----

func.func @expand_shape_rank(%t: tensor<2x4xf32>) {
  // expected-error@+1 {{'tensor.expand_shape' op expected the expanded type, 'tensor<8xf32>' to have a higher (or same) rank than the collapsed type, 'tensor<2x4xf32>'.}}
  %0 = tensor.expand_shape %t [[0], [1]] output_shape [8] : tensor<2x4xf32> into tensor<8xf32>
  return
}

// -----

func.func @expand_shape_map_count(%t: tensor<8x2xf32>) {
  // expected-error@+1 {{'tensor.expand_shape' op expected collapsed rank (2) to equal the number of reassociation maps (1).}}
  %0 = tensor.expand_shape %t [[0, 1]] output_shape [2, 4] : tensor<8x2xf32> into tensor<2x4xf32>
  return
}

// -----

func.func @expand_shape_map_size(%t: tensor<8x2xf32>) {
  // expected-error@+1 {{'tensor.expand_shape' op expected reassociation map #0 to have size equal to the expanded rank (4), but it is  3.}}
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 4, 2, 1] : tensor<8x2xf32> into tensor<2x4x2x1xf32>
  return
}

// -----

func.func @expand_shape_map_contiguous(%t: tensor<8x2xf32>) {
  // expected-error@+1 {{'tensor.expand_shape' op expected reassociation map #0 to be valid and contiguous.}}
  %0 = tensor.expand_shape %t [[0, 2], [1]] output_shape [2, 4, 2] : tensor<8x2xf32> into tensor<2x4x2xf32>
  return
}

// -----

func.func @expand_shape_static_size(%t: tensor<2x20xf32>) {
  // expected-error@+1 {{'tensor.expand_shape' op expected dimension 1 of collapsed type to be static value of 16}}
  %0 = tensor.expand_shape %t [[0], [1, 2]] output_shape [2, 4, 4] : tensor<2x20xf32> into tensor<2x4x4xf32>
  return
}

// -----

func.func @expand_shape_dynamic_size(%t: tensor<8xf32>) {
  // expected-error@+1 {{'tensor.expand_shape' op expected dimension 0 of collapsed type to be dynamic since one or more of the corresponding dimensions in the expanded type is dynamic}}
  %0 = tensor.expand_shape %t [[0, 1]] output_shape [2, 4] : tensor<8xf32> into tensor<?x4xf32>
  return
}

// -----

func.func @expand_shape_element_type(%t: tensor<8xf32>) {
  // expected-error@+1 {{'tensor.expand_shape' op expected collapsed type to be 'tensor<8xi32>', but got 'tensor<8xf32>'}}
  %0 = tensor.expand_shape %t [[0, 1]] output_shape [2, 4] : tensor<8xf32> into tensor<2x4xi32>
  return
}

// -----

func.func @collapse_shape_rank(%t: tensor<2x4xf32>) {
  // expected-error@+1 {{'tensor.collapse_shape' op expected the expanded type, 'tensor<2x4xf32>' to have a higher (or same) rank than the collapsed type, 'tensor<2x4x1xf32>'.}}
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<2x4xf32> into tensor<2x4x1xf32>
  return
}

// -----

func.func @collapse_shape_static_size(%t: tensor<2x4x4xf32>) {
  // expected-error@+1 {{'tensor.collapse_shape' op expected dimension 1 of collapsed type to be static value of 16}}
  %0 = tensor.collapse_shape %t [[0], [1, 2]] : tensor<2x4x4xf32> into tensor<2x20xf32>
  return
}

// -----

func.func @splat_dynamic_sizes(%f: f32, %i: index) {
  // expected-error@+1 {{'tensor.splat' op incorrect number of dynamic sizes, has 1, expected 2}}
  %0 = tensor.splat %f[%i] : tensor<?x?xf32>
  return
}

// -----

func.func @splat_operand_type(%v: vector<4xf32>) {
  // expected-error@+1 {{'tensor.splat' op operand #0 must be integer/index/float type, but got 'vector<4xf32>'}}
  %0 = tensor.splat %v : tensor<4xvector<4xf32>>
  return
}

// -----

func.func @splat_element_type(%f: f32) {
  // expected-error@+1 {{'tensor.splat' op failed to verify that operand type matches element type of result}}
  %0 = "tensor.splat"(%f) : (f32) -> tensor<4xi32>
  return
}

// -----

func.func @from_elements_count(%f: f32) {
  // expected-error@+1 {{'tensor.from_elements' op failed to verify that operand types match result element type}}
  %0 = "tensor.from_elements"(%f) : (f32) -> tensor<2xf32>
  return
}

// -----

func.func @from_elements_custom_count(%f: f32) {
  // expected-error@+1 {{custom op 'tensor.from_elements' 1 operands present, but expected 2}}
  %0 = tensor.from_elements %f : tensor<2xf32>
  return
}

// -----

func.func @from_elements_dynamic(%f: f32) {
  // expected-error@+1 {{'tensor.from_elements' op result #0 must be statically shaped tensor of any type values, but got 'tensor<?xf32>'}}
  %0 = "tensor.from_elements"(%f) : (f32) -> tensor<?xf32>
  return
}

// -----

func.func @concat_no_inputs() {
  // expected-error@+1 {{'tensor.concat' op requires at least one input}}
  %0 = tensor.concat dim(0) : () -> tensor<1xf32>
  return
}

// -----

func.func @concat_rank(%a: tensor<1xf32>) {
  // expected-error@+1 {{'tensor.concat' op rank of concatenated inputs must match result rank}}
  %0 = tensor.concat dim(0) %a : (tensor<1xf32>) -> tensor<1x1xf32>
  return
}

// -----

func.func @concat_element_type(%a: tensor<1xf32>, %b: tensor<1xi32>) {
  // expected-error@+1 {{'tensor.concat' op inputs and result element type must match}}
  %0 = tensor.concat dim(0) %a, %b : (tensor<1xf32>, tensor<1xi32>) -> tensor<2xf32>
  return
}

// -----

func.func @concat_dim(%a: tensor<1xf32>) {
  // expected-error@+1 {{'tensor.concat' op concatenation dim must be less than the tensor rank}}
  %0 = tensor.concat dim(1) %a : (tensor<1xf32>) -> tensor<1xf32>
  return
}

// -----

func.func @concat_other_dim(%a: tensor<1x3xf32>, %b: tensor<1x4xf32>) {
  // expected-error@+1 {{'tensor.concat' op static concatenation size mismatch along non-concatenated dimension 1}}
  %0 = tensor.concat dim(0) %a, %b : (tensor<1x3xf32>, tensor<1x4xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @concat_result_shape(%a: tensor<3xf32>) {
  // expected-error@+1 {{'tensor.concat' op result type 'tensor<7xf32>'does not match inferred shape 'tensor<6xf32>' static sizes}}
  %0 = tensor.concat dim(0) %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<7xf32>
  return
}

// -----

func.func @pad_result_type(%t: tensor<4xf32>, %f: f32) {
  // expected-error@+1 {{specified type 'tensor<7xf32>' does not match the inferred type 'tensor<6xf32>'}}
  %0 = tensor.pad %t low[1] high[1] {
  ^bb0(%i: index):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<7xf32>
  return
}

// -----

func.func @pad_low_count(%t: tensor<4xf32>, %f: f32) {
  // expected-error@+1 {{failed to infer expectedType from sourceType 'tensor<4xf32>', specified resultType is 'tensor<6xf32>'}}
  %0 = tensor.pad %t low[1, 1] high[1] {
  ^bb0(%i: index):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<6xf32>
  return
}

// -----

func.func @pad_block_argument_count(%t: tensor<4xf32>, %f: f32) {
  // expected-error@+1 {{expected the block to have 1 arguments}}
  %0 = tensor.pad %t low[1] high[1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<6xf32>
  return
}

// -----

func.func @pad_block_argument_type(%t: tensor<4xf32>, %f: f32) {
  // expected-error@+1 {{'tensor.pad' op expected block argument 1 to be an index}}
  %0 = tensor.pad %t low[1] high[1] {
  ^bb0(%i: i32):
    tensor.yield %f : f32
  } : tensor<4xf32> to tensor<6xf32>
  return
}

// -----

func.func @pad_yield_type(%t: tensor<4xf32>, %v: i32) {
  // expected-error@+1 {{'tensor.pad' op expected yield type to match shape element type}}
  %0 = tensor.pad %t low[1] high[1] {
  ^bb0(%i: index):
    tensor.yield %v : i32
  } : tensor<4xf32> to tensor<6xf32>
  return
}

// -----

func.func @generate_dynamic_extents(%i: index, %f: f32) {
  // expected-error@+1 {{must have as many index operands as dynamic extents in the result type}}
  %0 = tensor.generate %i, %i {
  ^bb0(%a: index):
    tensor.yield %f : f32
  } : tensor<?xf32>
  return
}

// -----

func.func @generate_argument_count(%i: index, %f: f32) {
  // expected-error@+1 {{must have one body argument per input dimension}}
  %0 = tensor.generate %i {
  ^bb0(%a: index, %b: index):
    tensor.yield %f : f32
  } : tensor<?xf32>
  return
}

// -----

func.func @generate_argument_type(%i: index, %f: f32) {
  // expected-error@+1 {{all body arguments must be index}}
  %0 = tensor.generate %i {
  ^bb0(%a: i32):
    tensor.yield %f : f32
  } : tensor<?xf32>
  return
}

// -----

func.func @generate_yield_type(%i: index, %v: i32) {
  // expected-error@+1 {{'tensor.generate' op body must be terminated with a `yield` operation of the tensor element type}}
  %0 = tensor.generate %i {
  ^bb0(%a: index):
    tensor.yield %v : i32
  } : tensor<?xf32>
  return
}

// -----

func.func @generate_terminator(%i: index) {
  // expected-error@+2 {{'tensor.generate' op expects regions to end with 'tensor.yield', found 'test.terminator'}}
  // expected-note@+1 {{in custom textual format, the absence of terminator implies 'tensor.yield'}}
  %0 = "tensor.generate"(%i) ({
  ^bb0(%a: index):
    "test.terminator"() : () -> ()
  }) : (index) -> tensor<?xf32>
  return
}

// -----

func.func @yield_parent(%f: f32) {
  // expected-error@+1 {{'tensor.yield' op expects parent op to be one of 'tensor.generate, tensor.pad'}}
  tensor.yield %f : f32
}

// -----

func.func @extract_result_type(%t: tensor<4xf32>, %i: index) {
  // expected-error@+1 {{'tensor.extract' op failed to verify that result type matches element type of tensor}}
  %0 = "tensor.extract"(%t, %i) : (tensor<4xf32>, index) -> i32
  return
}

// -----

func.func @insert_result_type(%f: f32, %t: tensor<4xf32>, %i: index) {
  // expected-error@+1 {{'tensor.insert' op failed to verify that result type matches type of dest}}
  %0 = "tensor.insert"(%f, %t, %i) : (f32, tensor<4xf32>, index) -> tensor<5xf32>
  return
}

// -----

func.func @insert_scalar_type(%f: i32, %t: tensor<4xf32>, %i: index) {
  // expected-error@+1 {{'tensor.insert' op failed to verify that scalar type matches element type of dest}}
  %0 = "tensor.insert"(%f, %t, %i) : (i32, tensor<4xf32>, index) -> tensor<4xf32>
  return
}

// -----

func.func @from_elements_generic(%f: f32, %i: index) {
  // expected-error@+1 {{'tensor.from_elements' op failed to verify that operand types match result element type}}
  %0 = "tensor.from_elements"(%f, %i) : (f32, index) -> tensor<2xf32>
  return
}

// -----

func.func @bitcast_width(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.bitcast' op operand type 'tensor<4xf32>' and result type 'tensor<4xi64>' are cast incompatible}}
  %0 = tensor.bitcast %t : tensor<4xf32> to tensor<4xi64>
  return
}

// -----

func.func @bitcast_shape(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.bitcast' op operand type 'tensor<4xf32>' and result type 'tensor<5xi32>' are cast incompatible}}
  %0 = tensor.bitcast %t : tensor<4xf32> to tensor<5xi32>
  return
}

// -----

func.func @rank_result(%t: tensor<4xf32>) {
  // expected-error@+1 {{'tensor.rank' op result #0 must be index, but got 'i32'}}
  %0 = "tensor.rank"(%t) : (tensor<4xf32>) -> i32
  return
}

// -----

func.func @rank_operand(%t: f32) {
  // expected-error@+1 {{'tensor.rank' op operand #0 must be tensor of any type values, but got 'f32'}}
  %0 = "tensor.rank"(%t) : (f32) -> index
  return
}

// -----

func.func @gather_dims_empty(%s: tensor<4x5x6xf32>, %i: tensor<2x3x0xindex>) {
  // expected-error@+1 {{'tensor.gather' op gather_dims must be non-empty}}
  %0 = tensor.gather %s[%i] gather_dims([]) : (tensor<4x5x6xf32>, tensor<2x3x0xindex>) -> tensor<2x3x4x5x6xf32>
  return
}

// -----

func.func @gather_dims_overflow(%s: tensor<4xf32>, %i: tensor<2x2xindex>) {
  // expected-error@+1 {{'tensor.gather' op gather_dims overflow source rank}}
  %0 = tensor.gather %s[%i] gather_dims([0, 1]) : (tensor<4xf32>, tensor<2x2xindex>) -> tensor<2x1x1xf32>
  return
}

// -----

func.func @gather_dims_negative(%s: tensor<4x5xf32>, %i: tensor<2x1xindex>) {
  // expected-error@+1 {{'tensor.gather' op gather_dims value must be non-negative}}
  %0 = tensor.gather %s[%i] gather_dims([-1]) : (tensor<4x5xf32>, tensor<2x1xindex>) -> tensor<2x1x5xf32>
  return
}

// -----

func.func @gather_dims_rank(%s: tensor<4x5xf32>, %i: tensor<2x1xindex>) {
  // expected-error@+1 {{'tensor.gather' op gather_dims value must be smaller than source rank}}
  %0 = tensor.gather %s[%i] gather_dims([2]) : (tensor<4x5xf32>, tensor<2x1xindex>) -> tensor<2x1x5xf32>
  return
}

// -----

func.func @gather_dims_order(%s: tensor<4x5xf32>, %i: tensor<2x2xindex>) {
  // expected-error@+1 {{'tensor.gather' op gather_dims values must be strictly increasing}}
  %0 = tensor.gather %s[%i] gather_dims([1, 0]) : (tensor<4x5xf32>, tensor<2x2xindex>) -> tensor<2x1x1xf32>
  return
}

// -----

func.func @gather_result_type(%s: tensor<4x5xf32>, %i: tensor<2x1xindex>) {
  // expected-error@+1 {{'tensor.gather' op result type mismatch: expected 'tensor<2x1x5xf32>' or its rank-reduced variant 'tensor<2x5xf32>' (got: 'tensor<2x1x6xf32>')}}
  %0 = tensor.gather %s[%i] gather_dims([0]) : (tensor<4x5xf32>, tensor<2x1xindex>) -> tensor<2x1x6xf32>
  return
}

// -----

func.func @gather_indices_type(%s: tensor<4x5xf32>, %i: tensor<2x1xf32>) {
  // expected-error@+1 {{'tensor.gather' op operand #1 must be ranked tensor of signless integer or index values, but got 'tensor<2x1xf32>'}}
  %0 = tensor.gather %s[%i] gather_dims([0]) : (tensor<4x5xf32>, tensor<2x1xf32>) -> tensor<2x1x5xf32>
  return
}

// -----

func.func @scatter_not_unique(%s: tensor<2x1x5xf32>, %d: tensor<4x5xf32>, %i: tensor<2x1xindex>) {
  // expected-error@+1 {{'tensor.scatter' op requires 'unique' attribute to be set}}
  %0 = tensor.scatter %s into %d[%i] scatter_dims([0]) : (tensor<2x1x5xf32>, tensor<4x5xf32>, tensor<2x1xindex>) -> tensor<4x5xf32>
  return
}

// -----

func.func @scatter_source_type(%s: tensor<2x1x6xf32>, %d: tensor<4x5xf32>, %i: tensor<2x1xindex>) {
  // expected-error@+1 {{'tensor.scatter' op source type mismatch: expected 'tensor<2x1x5xf32>' or its rank-reduced variant 'tensor<2x5xf32>' (got: 'tensor<2x1x6xf32>')}}
  %0 = tensor.scatter %s into %d[%i] scatter_dims([0]) unique : (tensor<2x1x6xf32>, tensor<4x5xf32>, tensor<2x1xindex>) -> tensor<4x5xf32>
  return
}

// -----

func.func @scatter_dims_rank(%s: tensor<2x1x5xf32>, %d: tensor<4x5xf32>, %i: tensor<2x1xindex>) {
  // expected-error@+1 {{'tensor.scatter' op scatter_dims value must be smaller than dest rank}}
  %0 = tensor.scatter %s into %d[%i] scatter_dims([2]) unique : (tensor<2x1x5xf32>, tensor<4x5xf32>, tensor<2x1xindex>) -> tensor<4x5xf32>
  return
}

// -----

func.func @pack_dynamic_tile_static_dim(%s: tensor<128x256xf32>, %d: tensor<16x8x8x32xf32>, %n: index) {
  // expected-error@+1 {{mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type}}
  %0 = tensor.pack %s inner_dims_pos = [0, 1] inner_tiles = [%n, 32] into %d : tensor<128x256xf32> -> tensor<16x8x8x32xf32>
  return
}

// -----

func.func @pack_zero_tile(%s: tensor<128x256xf32>, %d: tensor<16x8x8x32xf32>) {
  // expected-error@+1 {{invalid zero tile factor}}
  %0 = tensor.pack %s inner_dims_pos = [0, 1] inner_tiles = [0, 32] into %d : tensor<128x256xf32> -> tensor<16x8x8x32xf32>
  return
}

// -----

func.func @pack_inner_dims_pos(%s: tensor<128x256xf32>, %d: tensor<16x8x8x32xf32>) {
  // expected-error@+1 {{invalid inner_dims_pos vector}}
  %0 = tensor.pack %s inner_dims_pos = [0, 0] inner_tiles = [8, 32] into %d : tensor<128x256xf32> -> tensor<16x8x8x32xf32>
  return
}

// -----

func.func @pack_outer_dims_perm(%s: tensor<128x256xf32>, %d: tensor<16x8x8x32xf32>) {
  // expected-error@+1 {{invalid outer_dims_perm vector}}
  %0 = tensor.pack %s outer_dims_perm = [0, 2] inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %d : tensor<128x256xf32> -> tensor<16x8x8x32xf32>
  return
}

// -----

func.func @pack_outer_dims_perm_size(%s: tensor<128x256xf32>, %d: tensor<16x8x8x32xf32>) {
  // expected-error@+1 {{outer_dims_perm must be a permutation or empty}}
  %0 = tensor.pack %s outer_dims_perm = [0] inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %d : tensor<128x256xf32> -> tensor<16x8x8x32xf32>
  return
}

// -----

func.func @pack_tile_count(%s: tensor<128x256xf32>, %d: tensor<16x8x8x32xf32>) {
  // expected-error@+1 {{tiling factors must equal the number of dimensions to tile}}
  %0 = tensor.pack %s inner_dims_pos = [0] inner_tiles = [8, 32] into %d : tensor<128x256xf32> -> tensor<16x8x8x32xf32>
  return
}

// -----

func.func @pack_packed_rank(%s: tensor<128x256xf32>, %d: tensor<16x8x8xf32>) {
  // expected-error@+1 {{packed rank must equal unpacked rank + tiling factors}}
  %0 = tensor.pack %s inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %d : tensor<128x256xf32> -> tensor<16x8x8xf32>
  return
}

// -----

func.func @pack_output_small(%s: tensor<128x256xf32>, %d: tensor<8x8x8x32xf32>) {
  // expected-error@+1 {{the shape of output is not large enough to hold the packed data. Expected at least 'tensor<16x8x8x32xf32>', got 'tensor<8x8x8x32xf32>'}}
  %0 = tensor.pack %s inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %d : tensor<128x256xf32> -> tensor<8x8x8x32xf32>
  return
}

// -----

func.func @pack_tile_mismatch(%s: tensor<128x256xf32>, %d: tensor<16x8x8x16xf32>) {
  // expected-error@+1 {{the shape of output is not large enough to hold the packed data. Expected at least 'tensor<16x8x8x32xf32>', got 'tensor<16x8x8x16xf32>'}}
  %0 = tensor.pack %s inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %d : tensor<128x256xf32> -> tensor<16x8x8x16xf32>
  return
}

// -----

func.func @pack_padding_type(%s: tensor<13x15xf32>, %d: tensor<2x2x8x8xf32>, %f: i32) {
  // expected-error@+1 {{'tensor.pack' op expected padding_value has 'f32' but got: 'i32'}}
  %0 = tensor.pack %s padding_value(%f : i32) inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %d : tensor<13x15xf32> -> tensor<2x2x8x8xf32>
  return
}

// -----

func.func @pack_partial_tile(%s: tensor<13x15xf32>, %d: tensor<2x2x8x8xf32>) {
  // expected-error@+1 {{'tensor.pack' op invalid tile factor or output size provided. Only full tiles are supported when padding_value is not set}}
  %0 = tensor.pack %s inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %d : tensor<13x15xf32> -> tensor<2x2x8x8xf32>
  return
}

// -----

func.func @unpack_output_small(%s: tensor<16x8x8x32xf32>, %d: tensor<128x256xf32>) {
  // expected-error@+1 {{the shape of output is not large enough to hold the packed data. Expected at least 'tensor<16x16x8x16xf32>', got 'tensor<16x8x8x32xf32>'}}
  %0 = tensor.unpack %s inner_dims_pos = [0, 1] inner_tiles = [8, 16] into %d : tensor<16x8x8x32xf32> -> tensor<128x256xf32>
  return
}

// -----

func.func @unpack_inner_dims_pos(%s: tensor<16x8x8x32xf32>, %d: tensor<128x256xf32>) {
  // expected-error@+1 {{invalid inner_dims_pos vector}}
  %0 = tensor.unpack %s inner_dims_pos = [2, 1] inner_tiles = [8, 32] into %d : tensor<16x8x8x32xf32> -> tensor<128x256xf32>
  return
}

// -----

func.func @unpack_result_type(%s: tensor<16x8x8x32xf32>, %d: tensor<128x256xf32>) {
  // expected-error@+1 {{'tensor.unpack' op failed to verify that result type matches type of dest}}
  %0 = "tensor.unpack"(%s, %d) <{inner_dims_pos = array<i64: 0, 1>, static_inner_tiles = array<i64: 8, 32>}> : (tensor<16x8x8x32xf32>, tensor<128x256xf32>) -> tensor<128x255xf32>
  return
}

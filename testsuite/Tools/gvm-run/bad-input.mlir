// Bad input to gvm-translate and gvm-run gives one error line naming the file and the problem
// (and exit status 1): a truncated checkpoint, a config whose sizes do not fit together or do not
// fit the stored tensors, a missing tensor, a prompt id outside the vocabulary; for llama2.c
// checkpoints and Hugging Face directories.
// RUN: rm -rf %t && mkdir -p %t
// RUN: make-checkpoint llama2c %t/m.bin 16 40 2 4 2 64 32
// RUN: gvm-translate --import-llama2c %t/m.bin -o %t/m.mlir
// RUN: not gvm-run %t/m.mlir --weights %t/m.bin --prompt-ids 1,64 2>&1 | FileCheck %s --check-prefix=VOCAB -DFILE=%t/m.bin
// VOCAB: {{^}}gvm-run: error: prompt id 64 is out of the vocabulary [0, 64) of [[FILE]]{{$}}

// RUN: echo short > %t/cut.bin
// RUN: not gvm-translate --import-llama2c %t/cut.bin 2>&1 | FileCheck %s --check-prefix=CUT -DFILE=%t/cut.bin
// RUN: not gvm-run %t/m.mlir --weights %t/cut.bin 2>&1 | FileCheck %s --check-prefix=CUT -DFILE=%t/cut.bin
// CUT: {{^}}gvm-{{translate|run}}: error: [[FILE]]: truncated checkpoint: 6 bytes, shorter than the 28-byte header{{$}}

// A program reading a tensor the checkpoint lacks: a separate classifier, a shared checkpoint.
// RUN: make-checkpoint llama2c %t/sep.bin 16 40 2 4 2 64 32 separate
// RUN: gvm-translate --import-llama2c %t/sep.bin -o %t/sep.mlir
// RUN: not gvm-run %t/sep.mlir --weights %t/m.bin 2>&1 | FileCheck %s --check-prefix=PARAM -DFILE=%t/m.bin
// PARAM: {{^}}<unknown>:0: error: loc("lm_head"): the checkpoint [[FILE]] has no parameter named 'lm_head.weight'{{$}}

// Hugging Face: prompt id, then a truncated safetensors file.
// RUN: make-checkpoint hf %t/hf %t/m.bin bf16
// RUN: not gvm-run %t/m.mlir --weights %t/hf --prompt-ids 70 2>&1 | FileCheck %s --check-prefix=HF-VOCAB -DFILE=%t/hf
// HF-VOCAB: {{^}}gvm-run: error: prompt id 70 is out of the vocabulary [0, 64) of [[FILE]]{{$}}
// RUN: make-checkpoint hf %t/cut %t/m.bin f32
// RUN: echo xxxxxxxxxxxx > %t/cut/model.safetensors
// RUN: not gvm-translate --import-hf %t/cut 2>&1 | FileCheck %s --check-prefix=HF-CUT -DFILE=%t/cut/model.safetensors
// RUN: not gvm-run %t/m.mlir --weights %t/cut 2>&1 | FileCheck %s --check-prefix=HF-CUT -DFILE=%t/cut/model.safetensors
// HF-CUT: {{^}}gvm-{{translate|run}}: error: [[FILE]]: truncated safetensors file: a header of 8680820740569200760 bytes in a file of 13{{$}}

// A config whose sizes do not fit together, then one that implies a tensor the files lack.
// RUN: split-file %s %t/parts
// RUN: make-checkpoint hf %t/heads %t/m.bin f32
// RUN: cp %t/parts/heads.json %t/heads/config.json
// RUN: not gvm-translate --import-hf %t/heads 2>&1 | FileCheck %s --check-prefix=HEADS -DFILE=%t/heads/config.json
// RUN: not gvm-run %t/m.mlir --weights %t/heads 2>&1 | FileCheck %s --check-prefix=HEADS -DFILE=%t/heads/config.json
// HEADS: {{^}}gvm-{{translate|run}}: error: [[FILE]]: inconsistent config: dim 16 is not a multiple of the 3 heads{{$}}
// RUN: make-checkpoint hf %t/layers %t/m.bin f32
// RUN: cp %t/parts/layers.json %t/layers/config.json
// RUN: not gvm-translate --import-hf %t/layers 2>&1 | FileCheck %s --check-prefix=LAYERS -DFILE=%t/layers/model.safetensors
// RUN: not gvm-run %t/m.mlir --weights %t/layers 2>&1 | FileCheck %s --check-prefix=LAYERS -DFILE=%t/layers/model.safetensors
// LAYERS: {{^}}gvm-{{translate|run}}: error: [[FILE]]: missing tensor 'model.layers.2.input_layernorm.weight' (the model needs shape [16]){{$}}
// RUN: make-checkpoint hf %t/hidden %t/m.bin f32
// RUN: cp %t/parts/hidden.json %t/hidden/config.json
// RUN: not gvm-run %t/m.mlir --weights %t/hidden 2>&1 | FileCheck %s --check-prefix=HIDDEN -DFILE=%t/hidden/model.safetensors
// HIDDEN: {{^}}gvm-run: error: [[FILE]]: tensor 'model.layers.0.mlp.gate_proj.weight' has shape [40, 16], but the config implies [48, 16]{{$}}

//--- heads.json
{"architectures": ["LlamaForCausalLM"], "hidden_size": 16, "intermediate_size": 40, "num_hidden_layers": 2, "num_attention_heads": 3,
 "num_key_value_heads": 1, "vocab_size": 64, "max_position_embeddings": 32, "rms_norm_eps": 1e-05, "tie_word_embeddings": true}
//--- layers.json
{"architectures": ["LlamaForCausalLM"], "hidden_size": 16, "intermediate_size": 40, "num_hidden_layers": 3, "num_attention_heads": 4,
 "num_key_value_heads": 2, "vocab_size": 64, "max_position_embeddings": 32, "rms_norm_eps": 1e-05, "tie_word_embeddings": true}
//--- hidden.json
{"architectures": ["LlamaForCausalLM"], "hidden_size": 16, "intermediate_size": 48, "num_hidden_layers": 2, "num_attention_heads": 4,
 "num_key_value_heads": 2, "vocab_size": 64, "max_position_embeddings": 32, "rms_norm_eps": 1e-05, "tie_word_embeddings": true}

// RUN: gvm-opt %s --split-input-file --verify-diagnostics --pass-pipeline="builtin.module(gptvm-auto-shard)"
// RUN: not gvm-opt %s --split-input-file --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=16})" 2>&1 | FileCheck %s --check-prefix=LARGE
// RUN: not gvm-opt %s --split-input-file --pass-pipeline="builtin.module(gptvm-auto-shard{mesh-shape=2y})" 2>&1 | FileCheck %s --check-prefix=SHAPE
// RUN: not gvm-opt %s --split-input-file --pass-pipeline="builtin.module(gptvm-auto-shard{mesh=@nope})" 2>&1 | FileCheck %s --check-prefix=NAMED

// The errors of gptvm-auto-shard about its mesh: none, a mesh too small, of dynamic size, larger
// than the machine, or not named; a mesh-shape that is not one.
// LARGE: error: mesh @mesh0 has 16 devices but the machine (8x NVIDIA H100 SXM5 80GB, NVLink 4 through NVSwitch) has 8
// SHAPE: error: gptvm-auto-shard: mesh-shape=2y is not a list of positive sizes such as 4 or 2x4
// NAMED: error: gptvm-auto-shard: no mesh.mesh named @nope in the module

// expected-error@+1 {{gptvm-auto-shard needs a mesh: the module declares no mesh.mesh; give mesh-shape=N (or NxM) or mesh=@name}}
module {
  func.func @no_mesh(%x: tensor<1x64xf32>) -> tensor<1x64xf32> {
    return %x : tensor<1x64xf32>
  }
}

// -----

module {
  // expected-error@+1 {{mesh @one is too small: it has 1 device; auto-sharding needs at least 2}}
  mesh.mesh @one(shape = 1)
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}

// -----

module {
  // expected-error@+1 {{mesh @dyn has an axis of dynamic size; gptvm-auto-shard needs a static mesh}}
  mesh.mesh @dyn(shape = 2x?)
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}

// -----

// expected-error@+1 {{the module declares 2 meshes; choose one with mesh=@name}}
module {
  mesh.mesh @a(shape = 2)
  mesh.mesh @b(shape = 4)
}

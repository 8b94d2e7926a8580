// RUN: gvm-opt %s --allow-unregistered-dialect | gvm-opt --allow-unregistered-dialect | FileCheck %s

// arith.muli on index names `base * vector.vscale` (either order) %c<base>_vscale,
// as MLIR's MulIOp::getAsmResultNames; other products keep numbered names.

// CHECK-LABEL: func.func @vscale_names
func.func @vscale_names() -> (index, index, index) {
  %c4 = arith.constant 4 : index
  %vs = "vector.vscale"() : () -> index
  // CHECK: %c4_vscale = arith.muli %c4, %{{.*}} : index
  %0 = arith.muli %c4, %vs : index
  // CHECK-NEXT: %c4_vscale_0 = arith.muli %{{.*}}, %c4 : index
  %1 = arith.muli %vs, %c4 : index
  // CHECK-NEXT: %{{[0-9]+}} = arith.muli %c4, %c4 : index
  %2 = arith.muli %c4, %c4 : index
  return %0, %1, %2 : index, index, index
}

package gvm.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import org.junit.jupiter.api.Test;

/** Runs small programs of builtin, func, arith, cf, scf and tensor and checks their results. */
class InterpreterTest {
  private static Object[] run(String text, String fn, Object... args) {
    return Interpreter.of(Programs.parse("test.mlir", text), Weights.NONE).call(fn, args);
  }

  @Test void scfForSumsAndFuncCallRecurses() {
    String p = """
        func.func @sum(%n: index) -> i64 {
          %c0 = arith.constant 0 : index
          %c1 = arith.constant 1 : index
          %z = arith.constant 0 : i64
          %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %z) -> (i64) {
            %ii = arith.index_cast %i : index to i64
            %s = arith.addi %acc, %ii : i64
            scf.yield %s : i64
          }
          return %r : i64
        }
        func.func @fact(%n: i32) -> i32 {
          %c1 = arith.constant 1 : i32
          %le = arith.cmpi sle, %n, %c1 : i32
          %r = scf.if %le -> (i32) {
            scf.yield %c1 : i32
          } else {
            %m = arith.subi %n, %c1 : i32
            %f = func.call @fact(%m) : (i32) -> i32
            %p = arith.muli %n, %f : i32
            scf.yield %p : i32
          }
          return %r : i32
        }
        """;
    assertEquals(45L, run(p, "sum", 10L)[0]);
    assertEquals(0L, run(p, "sum", 0L)[0]);
    assertEquals(3628800L, run(p, "fact", 10L)[0]);
    // 13! overflows i32: wraps as two's complement
    assertEquals((long) (int) 6227020800L, run(p, "fact", 13L)[0]);
  }

  @Test void cfBranchesLoopWithBlockArguments() {
    String p = """
        func.func @gcd(%a: i64, %b: i64) -> i64 {
          cf.br ^loop(%a, %b : i64, i64)
        ^loop(%x: i64, %y: i64):
          %z = arith.constant 0 : i64
          %done = arith.cmpi eq, %y, %z : i64
          cf.cond_br %done, ^exit(%x : i64), ^body
        ^body:
          %r = arith.remsi %x, %y : i64
          cf.br ^loop(%y, %r : i64, i64)
        ^exit(%g: i64):
          return %g : i64
        }
        func.func @pick(%k: i32) -> i32 {
          cf.switch %k : i32, [
            default: ^d,
            5: ^five
          ]
        ^d:
          %a = arith.constant 100 : i32
          return %a : i32
        ^five:
          %b = arith.constant 55 : i32
          return %b : i32
        }
        """;
    assertEquals(6L, run(p, "gcd", 48L, 18L)[0]);
    assertEquals(55L, run(p, "pick", 5L)[0]);
    assertEquals(100L, run(p, "pick", 4L)[0]);
  }

  @Test void arithFloatsRoundToTheirTypeAndUnsignedOpsSeeLowBits() {
    String p = """
        func.func @f(%a: f32, %b: f32) -> (f32, f16, i1, i8, i32) {
          %s = arith.addf %a, %b : f32
          %h = arith.truncf %s : f32 to f16
          %lt = arith.cmpf olt, %a, %b : f32
          %m = arith.constant -1 : i8
          %two = arith.constant 2 : i8
          %d = arith.divui %m, %two : i8
          %e = arith.extui %m : i8 to i32
          return %s, %h, %lt, %d, %e : f32, f16, i1, i8, i32
        }
        """;
    Object[] r = run(p, "f", 0.1, 0.2);
    assertEquals((double) (0.1f + 0.2f), (double) r[0], 0.0);
    assertEquals(0.300048828125, (double) r[1], 0.0); // 0.1f + 0.2f to the nearest f16 (numpy agrees)
    assertEquals(-1L, r[2]); // i1 true
    assertEquals(127L, r[3]); // 255 / 2
    assertEquals(255L, r[4]);
  }

  @Test void arithOnTensorsIsElementwise() {
    String p = """
        func.func @f() -> (tensor<4xf32>, tensor<4xi1>, tensor<2x2xi32>) {
          %a = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
          %b = arith.constant dense<2.5> : tensor<4xf32>
          %m = arith.mulf %a, %b : tensor<4xf32>
          %c = arith.cmpf ogt, %a, %b : tensor<4xf32>
          %i = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
          %s = arith.shli %i, %i : tensor<2x2xi32>
          return %m, %c, %s : tensor<4xf32>, tensor<4xi1>, tensor<2x2xi32>
        }
        """;
    Object[] r = run(p, "f");
    assertArrayEquals(new float[] {2.5f, 5f, 7.5f, 10f}, ((Tensor) r[0]).floatArray());
    assertArrayEquals(new long[] {0, 0, -1, -1}, ((Tensor) r[1]).intArray());
    assertEquals(IntegerType.I32, ((Tensor) r[2]).elementType());
    assertArrayEquals(new long[] {2, 8, 24, 64}, ((Tensor) r[2]).intArray());
  }

  @Test void tensorOps() {
    String p = """
        func.func @f(%n: index) -> (tensor<?x3xf32>, f32, tensor<2x3xf32>, tensor<6xf32>, tensor<?xf32>, index, tensor<1x2xf32>, tensor<3x2xbf16>) {
          %c0 = arith.constant 0 : index
          %c1 = arith.constant 1 : index
          %g = tensor.generate %n {
          ^bb0(%i: index, %j: index):
            %k = arith.muli %i, %j : index
            %ki = arith.index_cast %k : index to i32
            %f = arith.sitofp %ki : i32 to f32
            tensor.yield %f : f32
          } : tensor<?x3xf32>
          %e = tensor.extract %g[%c1, %c1] : tensor<?x3xf32>
          %z = arith.constant 9.0 : f32
          %s = tensor.extract_slice %g[0, 0] [2, 3] [1, 1] : tensor<?x3xf32> to tensor<2x3xf32>
          %ins = tensor.insert %z into %s[%c0, %c0] : tensor<2x3xf32>
          %flat = tensor.collapse_shape %ins [[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
          %cat = tensor.concat dim(0) %flat, %flat : (tensor<6xf32>, tensor<6xf32>) -> tensor<?xf32>
          %d = tensor.dim %cat, %c0 : tensor<?xf32>
          %fe = tensor.from_elements %e, %z : tensor<1x2xf32>
          %zb = arith.truncf %z : f32 to bf16
          %sp = tensor.splat %zb : tensor<3x2xbf16>
          return %g, %e, %ins, %flat, %cat, %d, %fe, %sp : tensor<?x3xf32>, f32, tensor<2x3xf32>, tensor<6xf32>, tensor<?xf32>, index, tensor<1x2xf32>, tensor<3x2xbf16>
        }
        """;
    Object[] r = run(p, "f", 3L);
    assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2, 0, 2, 4}, ((Tensor) r[0]).floatArray());
    assertEquals(1.0, r[1]);
    assertArrayEquals(new float[] {9, 0, 0, 0, 1, 2}, ((Tensor) r[2]).floatArray());
    assertArrayEquals(new int[] {6}, ((Tensor) r[3]).shape());
    assertArrayEquals(new int[] {12}, ((Tensor) r[4]).shape());
    assertEquals(12L, r[5]);
    assertArrayEquals(new float[] {1, 9}, ((Tensor) r[6]).floatArray());
    assertEquals(FloatType.BF16, ((Tensor) r[7]).elementType());
    assertEquals(9f, ((Tensor) r[7]).f(5));
  }

  @Test void whileLoopAndAssert() {
    String p = """
        func.func @collatz(%n: i64) -> i64 {
          %c0 = arith.constant 0 : i64
          %r:2 = scf.while (%x = %n, %steps = %c0) : (i64, i64) -> (i64, i64) {
            %one = arith.constant 1 : i64
            %go = arith.cmpi ne, %x, %one : i64
            scf.condition(%go) %x, %steps : i64, i64
          } do {
          ^bb0(%x: i64, %steps: i64):
            %one = arith.constant 1 : i64
            %two = arith.constant 2 : i64
            %three = arith.constant 3 : i64
            %rem = arith.remui %x, %two : i64
            %odd = arith.cmpi eq, %rem, %one : i64
            %half = arith.divui %x, %two : i64
            %t = arith.muli %x, %three : i64
            %t1 = arith.addi %t, %one : i64
            %nx = arith.select %odd, %t1, %half : i64
            %ns = arith.addi %steps, %one : i64
            scf.yield %nx, %ns : i64, i64
          }
          return %r#1 : i64
        }
        func.func @check(%b: i1) {
          cf.assert %b, "must hold"
          return
        }
        """;
    assertEquals(111L, run(p, "collatz", 27L)[0]);
    InterpreterException e = assertThrows(InterpreterException.class, () -> run(p, "check", 0L));
    assertEquals("test.mlir:24:3: error: assertion failed: must hold", e.render());
  }

  @Test void unknownOpAndRuntimeFailuresAreLocated() {
    String p = """
        func.func @f(%a: i32) -> i32 {
          %z = arith.constant 0 : i32
          %d = arith.divsi %a, %z : i32
          return %d : i32
        }
        func.func @g(%t: tensor<4xf32>) -> index {
          %c9 = arith.constant 9 : index
          %x = tensor.extract %t[%c9] : tensor<4xf32>
          %c0 = arith.constant 0 : index
          return %c0 : index
        }
        """;
    InterpreterException e = assertThrows(InterpreterException.class, () -> run(p, "f", 1L));
    assertEquals("test.mlir:3:8: error: 'arith.divsi' op division by zero", e.render());
    e = assertThrows(InterpreterException.class, () -> run(p, "g", Tensor.zeros(FloatType.F32, new int[] {4})));
    assertEquals("test.mlir:8:8: error: 'tensor.extract' op index 9 out of bounds for dimension 0 of size 4", e.render());
    ImplTable empty = new ImplTable();
    e = assertThrows(InterpreterException.class, () -> new Interpreter(Programs.parse("test.mlir", p), empty, Weights.NONE).call("f", 1L));
    assertEquals("test.mlir:2:8: error: no interpreter implementation for op 'arith.constant'", e.render());
    e = assertThrows(InterpreterException.class, () -> Programs.parse("bad.mlir", "func.func @f() {\n  %x = arith.addi\n}"));
    assertEquals("bad.mlir:2:18: error: expected SSA operand" /* as mlir-opt-19 */, e.render());
  }

  @Test void scfParallelReducesAndTensorRankBitcast() {
    String p = """
        func.func @f(%t: tensor<2x3xi32>) -> (i32, index, tensor<2x3xf32>) {
          %c0 = arith.constant 0 : index
          %c1 = arith.constant 1 : index
          %c2 = arith.constant 2 : index
          %c3 = arith.constant 3 : index
          %z = arith.constant 0 : i32
          %s = scf.parallel (%i, %j) = (%c0, %c0) to (%c2, %c3) step (%c1, %c1) init (%z) -> i32 {
            %e = tensor.extract %t[%i, %j] : tensor<2x3xi32>
            scf.reduce(%e : i32) {
            ^bb0(%l: i32, %r: i32):
              %x = arith.addi %l, %r : i32
              scf.reduce.return %x : i32
            }
          }
          %r = tensor.rank %t : tensor<2x3xi32>
          %b = tensor.bitcast %t : tensor<2x3xi32> to tensor<2x3xf32>
          return %s, %r, %b : i32, index, tensor<2x3xf32>
        }
        """;
    Object[] r = run(p, "f", Tensor.ofInts(IntegerType.I32, new int[] {2, 3}, new long[] {1, 2, 3, 4, 5, 0x3f800000}));
    assertEquals(0x3f800000L + 15, r[0]);
    assertEquals(2L, r[1]);
    assertEquals(1.0f, ((Tensor) r[2]).f(5)); // 0x3f800000 is 1.0f
    assertEquals(Float.intBitsToFloat(1), ((Tensor) r[2]).f(0));
  }

  @Test void scfForallInsertsSlicesIntoSharedOutputs() {
    String p = """
        func.func @f(%t: tensor<4xf32>) -> tensor<4xf32> {
          %r = scf.forall (%i) in (2) shared_outs(%o = %t) -> (tensor<4xf32>) {
            %c2 = arith.constant 2 : index
            %at = arith.muli %i, %c2 : index
            %ii = arith.index_cast %i : index to i32
            %v = arith.sitofp %ii : i32 to f32
            %s = tensor.splat %v : tensor<2xf32>
            scf.forall.in_parallel {
              tensor.parallel_insert_slice %s into %o[%at] [2] [1] : tensor<2xf32> into tensor<4xf32>
            }
          }
          return %r : tensor<4xf32>
        }
        """;
    Tensor r = (Tensor) run(p, "f", Tensor.zeros(FloatType.F32, new int[] {4}))[0];
    assertArrayEquals(new float[] {0, 0, 1, 1}, r.floatArray());
  }
}

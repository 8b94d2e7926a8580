package gvm.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gvm.ir.types.IntegerType;
import org.junit.jupiter.api.Test;

/**
 * tensor.gather, scatter, pack and unpack against their definitions (LLVM 19's TensorOps.td),
 * each expected element computed from the definition's index formula; the program verifies under
 * mlir-opt-19 as written.
 */
class TensorRelayoutTest {
  private static final String PROGRAM = """
      func.func @gather(%src: tensor<3x4xi32>) -> (tensor<2x1x4xi32>, tensor<2x4xi32>, tensor<3x4xi32>) {
        %idx = arith.constant dense<[[2], [0]]> : tensor<2x1xindex>
        %g = tensor.gather %src[%idx] gather_dims([0]) : (tensor<3x4xi32>, tensor<2x1xindex>) -> tensor<2x1x4xi32>
        %r = tensor.gather %src[%idx] gather_dims([0]) : (tensor<3x4xi32>, tensor<2x1xindex>) -> tensor<2x4xi32>
        %z = arith.constant dense<0> : tensor<3x4xi32>
        %s = tensor.scatter %g into %z[%idx] scatter_dims([0]) unique : (tensor<2x1x4xi32>, tensor<3x4xi32>, tensor<2x1xindex>) -> tensor<3x4xi32>
        return %g, %r, %s : tensor<2x1x4xi32>, tensor<2x4xi32>, tensor<3x4xi32>
      }
      func.func @gather2(%src: tensor<3x4xi32>, %idx: tensor<2x2xindex>) -> tensor<2x1x1xi32> {
        %g = tensor.gather %src[%idx] gather_dims([0, 1]) : (tensor<3x4xi32>, tensor<2x2xindex>) -> tensor<2x1x1xi32>
        return %g : tensor<2x1x1xi32>
      }
      func.func @pack(%src: tensor<3x4xi32>, %t: index) -> (tensor<2x2x2x2xi32>, tensor<2x2x?x2xi32>, tensor<3x4xi32>) {
        %pad = arith.constant -1 : i32
        %d = tensor.empty() : tensor<2x2x2x2xi32>
        %p = tensor.pack %src padding_value(%pad : i32) inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %d : tensor<3x4xi32> -> tensor<2x2x2x2xi32>
        %d2 = tensor.empty(%t) : tensor<2x2x?x2xi32>
        %q = tensor.pack %src padding_value(%pad : i32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [%t, 2] into %d2 : tensor<3x4xi32> -> tensor<2x2x?x2xi32>
        %e = tensor.empty() : tensor<3x4xi32>
        %u = tensor.unpack %q outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [%t, 2] into %e : tensor<2x2x?x2xi32> -> tensor<3x4xi32>
        return %p, %q, %u : tensor<2x2x2x2xi32>, tensor<2x2x?x2xi32>, tensor<3x4xi32>
      }
      """;

  private static Object[] run(String fn, Object... args) { return Interpreter.of(Programs.parse("relayout.mlir", PROGRAM), Weights.NONE).call(fn, args); }

  /** src[i][j] = 10 i + j + 1. */
  private static Tensor source() {
    long[] v = new long[12];
    for (int i = 0; i < 3; i++)
      for (int j = 0; j < 4; j++) v[i * 4 + j] = 10 * i + j + 1;
    return Tensor.ofInts(IntegerType.I32, new int[] {3, 4}, v);
  }

  private static long src(int i, int j) { return 10 * i + j + 1; }

  @Test void gatherTakesRowsAtTheIndicesAndScatterWritesThemBack() {
    Object[] r = run("gather", source());
    long[] rows = {2, 0};
    long[] expected = new long[8];
    for (int k = 0; k < 2; k++)
      for (int j = 0; j < 4; j++) expected[k * 4 + j] = src((int) rows[k], j);
    Tensor g = (Tensor) r[0], reduced = (Tensor) r[1], s = (Tensor) r[2];
    assertArrayEquals(new int[] {2, 1, 4}, g.shape());
    assertArrayEquals(expected, g.intArray());
    assertArrayEquals(new int[] {2, 4}, reduced.shape());
    assertArrayEquals(expected, reduced.intArray());
    long[] scattered = new long[12];
    for (int j = 0; j < 4; j++) {
      scattered[2 * 4 + j] = src(2, j);
      scattered[j] = src(0, j);
    }
    assertArrayEquals(scattered, s.intArray());
  }

  @Test void gatherOfSingleElementsAndOutOfBoundsIndices() {
    Tensor idx = Tensor.ofInts(gvm.ir.types.IndexType.INSTANCE, new int[] {2, 2}, new long[] {1, 3, 2, 0});
    assertArrayEquals(new long[] {src(1, 3), src(2, 0)}, ((Tensor) run("gather2", source(), idx)[0]).intArray());
    Tensor bad = Tensor.ofInts(gvm.ir.types.IndexType.INSTANCE, new int[] {2, 2}, new long[] {1, 4, 2, 0});
    InterpreterException e = assertThrows(InterpreterException.class, () -> run("gather2", source(), bad));
    assertEquals("relayout.mlir:10:8: error: 'tensor.gather' op index 4 out of bounds for dimension 1 of size 4", e.render());
  }

  @Test void packTilesWithPaddingAndUnpackInverts() {
    Object[] r = run("pack", source(), 2L);
    Tensor p = (Tensor) r[0], q = (Tensor) r[1], u = (Tensor) r[2];
    long[] expected = new long[16], permuted = new long[16];
    for (int o0 = 0; o0 < 2; o0++)
      for (int o1 = 0; o1 < 2; o1++)
        for (int t0 = 0; t0 < 2; t0++)
          for (int t1 = 0; t1 < 2; t1++) {
            int i = o0 * 2 + t0, j = o1 * 2 + t1;
            long v = i < 3 && j < 4 ? src(i, j) : -1;
            expected[((o0 * 2 + o1) * 2 + t0) * 2 + t1] = v; // packed[o0][o1][t0][t1]
            permuted[((o1 * 2 + o0) * 2 + t0) * 2 + t1] = v; // outer_dims_perm = [1, 0]: packed[o1][o0][t0][t1]
          }
    assertArrayEquals(expected, p.intArray());
    assertArrayEquals(new int[] {2, 2, 2, 2}, q.shape());
    assertArrayEquals(permuted, q.intArray());
    assertArrayEquals(source().intArray(), u.intArray());
  }
}

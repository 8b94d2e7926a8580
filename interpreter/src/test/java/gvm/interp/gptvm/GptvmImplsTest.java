package gvm.interp.gptvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gvm.interp.Interpreter;
import gvm.interp.InterpreterException;
import gvm.interp.Programs;
import gvm.interp.Tensor;
import gvm.interp.Weights;
import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** gptvm and kv ops against values worked out from their Javadoc formulas. */
class GptvmImplsTest {
  private static Object[] run(String text, Weights w, Object... args) {
    return Interpreter.of(Programs.parse("t.mlir", text), w).call("f", args);
  }

  private static Tensor f32(int[] shape, float... v) { return Tensor.ofFloats(FloatType.F32, shape, v); }

  private static void close(float[] expected, Tensor got) {
    float[] g = got.floatArray();
    assertEquals(expected.length, g.length);
    for (int i = 0; i < g.length; i++) assertEquals(expected[i], g[i], 1e-5, "element " + i);
  }

  @Test void matmulsAgainstNaiveProducts() {
    // big enough (3·17·33·45 multiply-adds) to run on the kernel team, odd sizes for the vector tails
    int batch = 3, m = 17, k = 33, n = 45;
    String p = String.format("""
        func.func @f(%%a: tensor<%1$dx%2$dx%3$dxf32>, %%b: tensor<%1$dx%3$dx%4$dxf32>, %%c: tensor<%2$dx%3$dxf32>, %%d: tensor<%3$dx%4$dxf32>)
            -> (tensor<%1$dx%2$dx%4$dxf32>, tensor<%2$dx%4$dxf32>) {
          %%x = gptvm.batch_matmul %%a, %%b : (tensor<%1$dx%2$dx%3$dxf32>, tensor<%1$dx%3$dx%4$dxf32>) -> tensor<%1$dx%2$dx%4$dxf32>
          %%y = gptvm.matmul %%c, %%d : (tensor<%2$dx%3$dxf32>, tensor<%3$dx%4$dxf32>) -> tensor<%2$dx%4$dxf32>
          return %%x, %%y : tensor<%1$dx%2$dx%4$dxf32>, tensor<%2$dx%4$dxf32>
        }
        """, batch, m, k, n);
    java.util.Random rnd = new java.util.Random(5);
    float[] a = new float[batch * m * k], b = new float[batch * k * n];
    for (int i = 0; i < a.length; i++) a[i] = rnd.nextFloat() - 0.5f;
    for (int i = 0; i < b.length; i++) b[i] = rnd.nextFloat() - 0.5f;
    Object[] r = run(p, Weights.NONE, f32(new int[] {batch, m, k}, a.clone()), f32(new int[] {batch, k, n}, b.clone()),
        f32(new int[] {m, k}, java.util.Arrays.copyOf(a, m * k)), f32(new int[] {k, n}, java.util.Arrays.copyOf(b, k * n)));
    float[] want = new float[batch * m * n];
    for (int bi = 0; bi < batch; bi++)
      for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++) {
          double acc = 0;
          for (int q = 0; q < k; q++) acc += (double) a[(bi * m + i) * k + q] * b[(bi * k + q) * n + j];
          want[(bi * m + i) * n + j] = (float) acc;
        }
    close(want, (Tensor) r[0]);
    close(java.util.Arrays.copyOf(want, m * n), (Tensor) r[1]);
  }

  @Test void attentionMasksAndGroups() {
    // one kv head shared by two query heads; keys at positions 0, 1; query at position 1 (offset 1)
    String p = """
        func.func @f(%q: tensor<1x2x2xf32>, %k: tensor<2x1x2xf32>, %v: tensor<2x1x2xf32>) -> (tensor<1x2x2xf32>, tensor<1x2x2xf32>) {
          %a = gptvm.attention %q, %k, %v causal scale(1.0) : tensor<1x2x2xf32>, tensor<2x1x2xf32>, tensor<2x1x2xf32>
          %w = gptvm.attention %q, %k, %v causal scale(1.0) window(1) : tensor<1x2x2xf32>, tensor<2x1x2xf32>, tensor<2x1x2xf32>
          return %a, %w : tensor<1x2x2xf32>, tensor<1x2x2xf32>
        }
        """;
    Object[] r = run(p, Weights.NONE, f32(new int[] {1, 2, 2}, 1, 0, 0, 2), f32(new int[] {2, 1, 2}, 1, 0, 0, 1),
        f32(new int[] {2, 1, 2}, 10, 0, 0, 10));
    // head 0: scores (1, 0) -> softmax (e/(1+e), 1/(1+e)); head 1: scores (0, 2)
    double a0 = Math.E / (1 + Math.E), b1 = Math.exp(2) / (1 + Math.exp(2));
    close(new float[] {(float) (10 * a0), (float) (10 * (1 - a0)), (float) (10 * (1 - b1)), (float) (10 * b1)}, (Tensor) r[0]);
    close(new float[] {0, 10, 0, 10}, (Tensor) r[1]); // a window of 1 sees only the query's own position
  }

  @Test void normsActivationsAndSoftmax() {
    String p = """
        func.func @f(%x: tensor<2x2xf32>, %w: tensor<2xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>) {
          %r = gptvm.rms_norm %x, %w eps(1.0e-30) : tensor<2x2xf32>, tensor<2xf32>
          %l = gptvm.layer_norm %x, %w eps(1.0e-30) : tensor<2x2xf32>, tensor<2xf32>
          %s = gptvm.silu %x : tensor<2x2xf32>
          %g = gptvm.gelu %x : tensor<2x2xf32>
          %m = gptvm.softmax %x axis(0) : tensor<2x2xf32>
          return %r, %l, %s, %g, %m : tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>
        }
        """;
    Object[] r = run(p, Weights.NONE, f32(new int[] {2, 2}, 3, 4, 1, -1), f32(new int[] {2}, 1, 2));
    double rms = Math.sqrt(12.5);
    close(new float[] {(float) (3 / rms), (float) (8 / rms), 1, -2}, (Tensor) r[0]);
    close(new float[] {-1, 2, 1, -2}, (Tensor) r[1]);
    close(new float[] {(float) (3 / (1 + Math.exp(-3))), (float) (4 / (1 + Math.exp(-4))), (float) (1 / (1 + Math.exp(-1))),
        (float) (-1 / (1 + Math.exp(1)))}, (Tensor) r[2]);
    // gelu(1) = 0.8413447, gelu(-1) = -0.1586553 (erf form)
    assertEquals(0.8413447f, ((Tensor) r[3]).f(2), 1e-6);
    assertEquals(-0.1586553f, ((Tensor) r[3]).f(3), 1e-6);
    double e2 = 1 / (1 + Math.exp(-2)), e5 = 1 / (1 + Math.exp(-5));
    close(new float[] {(float) e2, (float) e5, (float) (1 - e2), (float) (1 - e5)}, (Tensor) r[4]);
  }

  @Test void ropeLayoutsAndShapes() {
    String p = """
        func.func @f(%x: tensor<1x1x4xf32>, %pos: tensor<1xi32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>, tensor<2x1x2xf32>, tensor<1x1x2xf32>) {
          %i = gptvm.rope %x, %pos theta(100.0) layout(interleaved) : tensor<1x1x4xf32>, tensor<1xi32>
          %h = gptvm.rope %x, %pos theta(100.0) layout(rotate_half) : tensor<1x1x4xf32>, tensor<1xi32>
          %t = gptvm.reshape %x : tensor<1x1x4xf32> -> tensor<2x1x2xf32>
          %tt = gptvm.transpose %t [1, 0, 2] : tensor<2x1x2xf32> -> tensor<1x2x2xf32>
          %a, %b = gptvm.split %tt axis(1) : tensor<1x2x2xf32> -> tensor<1x1x2xf32>, tensor<1x1x2xf32>
          %bb = gptvm.reshape %b : tensor<1x1x2xf32> -> tensor<2x1x1xf32>
          %back = gptvm.reshape %bb : tensor<2x1x1xf32> -> tensor<1x1x2xf32>
          return %i, %h, %t, %back : tensor<1x1x4xf32>, tensor<1x1x4xf32>, tensor<2x1x2xf32>, tensor<1x1x2xf32>
        }
        """;
    Object[] r = run(p, Weights.NONE, f32(new int[] {1, 1, 4}, 1, 2, 3, 4), Tensor.ofInts(IntegerType.I32, new int[] {1}, new long[] {3}));
    // pair 0: angle 3, pair 1: angle 3 * 100^(-1/2) = 0.3
    double c0 = Math.cos(3), s0 = Math.sin(3), c1 = Math.cos(0.3), s1 = Math.sin(0.3);
    close(new float[] {(float) (1 * c0 - 2 * s0), (float) (1 * s0 + 2 * c0), (float) (3 * c1 - 4 * s1), (float) (3 * s1 + 4 * c1)}, (Tensor) r[0]);
    close(new float[] {(float) (1 * c0 - 3 * s0), (float) (2 * c1 - 4 * s1), (float) (1 * s0 + 3 * c0), (float) (2 * s1 + 4 * c1)}, (Tensor) r[1]);
    close(new float[] {3, 4}, (Tensor) r[3]);
  }

  @Test void matmulsArgmaxSampleAndParams() {
    String p = """
        func.func @f(%a: tensor<2x3xf32>, %seed: i64) -> (tensor<2x2xf32>, tensor<1x2x2xf32>, tensor<2xi32>, tensor<2xi32>, i64, tensor<2x2xf32>) {
          %w = gptvm.param "w" : tensor<3x2xf32>
          %m = gptvm.matmul %a, %w : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x2xf32>
          %a3 = gptvm.reshape %a : tensor<2x3xf32> -> tensor<1x2x3xf32>
          %w3 = gptvm.reshape %w : tensor<3x2xf32> -> tensor<1x3x2xf32>
          %b = gptvm.batch_matmul %a3, %w3 : (tensor<1x2x3xf32>, tensor<1x3x2xf32>) -> tensor<1x2x2xf32>
          %g = gptvm.argmax %a : tensor<2x3xf32> -> tensor<2xi32>
          %s, %next = gptvm.sample %a seed(%seed) temperature(0.0) : tensor<2x3xf32> -> tensor<2xi32>
          %wt = gptvm.param "wt" : tensor<2x3xf32>
          %l = gptvm.linear %a, %wt : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x2xf32>
          return %m, %b, %g, %s, %next, %l : tensor<2x2xf32>, tensor<1x2x2xf32>, tensor<2xi32>, tensor<2xi32>, i64, tensor<2x2xf32>
        }
        """;
    Map<String, Tensor> params = Map.of("w", f32(new int[] {3, 2}, 1, 2, 3, 4, 5, 6), "wt", f32(new int[] {2, 3}, 1, 3, 5, 2, 4, 6));
    Object[] r = run(p, params::get, f32(new int[] {2, 3}, 1, 0, 2, 5, 5, 1), 7L);
    close(new float[] {11, 14, 25, 36}, (Tensor) r[0]);
    close(new float[] {11, 14, 25, 36}, (Tensor) r[1]);
    assertArrayEquals(new long[] {2, 0}, ((Tensor) r[2]).intArray()); // first index on ties
    assertArrayEquals(new long[] {2, 0}, ((Tensor) r[3]).intArray());
    assertEquals(7L, r[4]); // temperature 0 draws nothing
    close(new float[] {11, 14, 25, 36}, (Tensor) r[5]);
    InterpreterException e = assertThrows(InterpreterException.class, () -> run(p, Weights.NONE, f32(new int[] {2, 3}, 1, 0, 2, 5, 5, 1), 7L));
    assertEquals("t.mlir:2:8: error: the checkpoint has no parameter named 'w'", e.render());
  }

  @Test void samplerIsLlama2cXorshift() {
    // llama2.c: random_u32 with state 42 -> first coin; checked against the C formula by hand in Java longs
    long s = 42;
    s ^= s >>> 12;
    s ^= s << 25;
    s ^= s >>> 27;
    float coin = ((s * 0x2545F4914F6CDD1DL) >>> 32 >>> 8) / 16777216.0f;
    Sampler sampler = new Sampler(42);
    assertEquals(coin, sampler.coin());
    // a one-hot distribution always yields its token
    float[] logits = {-100, 100, -100};
    assertEquals(1, new Sampler(3).sample(logits, 0, 3, 1.0, 0, 1.0));
    assertEquals(1, new Sampler(3).sample(logits, 0, 3, 1.0, 2, 0.5));
  }

  @Test void kvCacheStepsAndCapacity() {
    String p = """
        !c = !kv.cache<layers = 1, kv_heads = 1, head_dim = 2, capacity = 2, dtype = f32>
        func.func @f(%k: tensor<1x1x2xf32>, %v: tensor<1x1x2xf32>, %k2: tensor<1x1x2xf32>, %v2: tensor<1x1x2xf32>) -> (tensor<1x1x2xf32>, index) {
          %c1 = arith.constant 1 : index
          %c0 = kv.create : !c
          %o0 = kv.attend %c0[0], %k, %k, %v : !c, tensor<1x1x2xf32>, tensor<1x1x2xf32>
          %c1a = kv.append %c0[0], %k, %v : !c, tensor<1x1x2xf32>
          %c1b = kv.advance %c1a, %c1 : !c
          %o1 = kv.attend %c1b[0], %k2, %k2, %v2 scale(1.0) : !c, tensor<1x1x2xf32>, tensor<1x1x2xf32>
          %c2a = kv.append %c1b[0], %k2, %v2 : !c, tensor<1x1x2xf32>
          %c2b = kv.advance %c2a, %c1 : !c
          %len = kv.seq_len %c2b : !c
          %c3 = kv.advance %c2b, %c1 : !c
          return %o1, %len : tensor<1x1x2xf32>, index
        }
        """;
    Tensor k = f32(new int[] {1, 1, 2}, 1, 0), v = f32(new int[] {1, 1, 2}, 4, 0), k2 = f32(new int[] {1, 1, 2}, 0, 1), v2 = f32(new int[] {1, 1, 2}, 0, 8);
    InterpreterException e = assertThrows(InterpreterException.class, () -> run(p, Weights.NONE, k, v, k2, v2));
    assertEquals("t.mlir:12:9: error: 'kv.advance' op advancing by 1 from 2 overflows the capacity (2)", e.render());
    String ok = p.replace("  %c3 = kv.advance %c2b, %c1 : !c\n", "");
    Object[] r = run(ok, Weights.NONE, k, v, k2, v2);
    // query (0, 1) over cached key (1, 0) and new key (0, 1), scale 1: scores (0, 1)
    double w = Math.exp(1) / (1 + Math.exp(1));
    close(new float[] {(float) (4 * (1 - w)), (float) (8 * w)}, (Tensor) r[0]);
    assertEquals(2L, r[1]);
  }
}

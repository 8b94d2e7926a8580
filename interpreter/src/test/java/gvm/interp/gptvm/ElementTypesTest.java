package gvm.interp.gptvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gvm.interp.Elements;
import gvm.interp.Interpreter;
import gvm.interp.Programs;
import gvm.interp.Tensor;
import gvm.interp.Weights;
import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interpreter runs on tensors of f32, f16, bf16, i1, i8, i32 and i64: the tensor ops move
 * elements of every type unchanged and arith computes in the type (integers wrap to their width);
 * the gptvm and kv ops on f16/bf16 compute in f32 and round their results to the type, i.e. give
 * the f32 program's results rounded (each op reads the function's exactly representable inputs).
 */
class ElementTypesTest {
  private static final Map<String, Type> TYPES = Map.of("f32", FloatType.F32, "f16", FloatType.F16, "bf16", FloatType.BF16, "i1", IntegerType.I1,
      "i8", IntegerType.get(8), "i32", IntegerType.I32, "i64", IntegerType.I64);

  private static final String TENSORS = """
      func.func @f(%x: tensor<2x3xT>, %y: tensor<2x3xT>) -> (T, tensor<2x3xT>, tensor<6xT>, tensor<2x3xT>, tensor<2x1x2xT>, tensor<1x2x2x2xT>, tensor<2x3xT>, tensor<2x3xT>) {
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %c2 = arith.constant 2 : index
        %e = tensor.extract %x[%c1, %c2] : tensor<2x3xT>
        %ins = tensor.insert %e into %y[%c0, %c0] : tensor<2x3xT>
        %cat = tensor.concat dim(0) %x, %ins : (tensor<2x3xT>, tensor<2x3xT>) -> tensor<4x3xT>
        %sl = tensor.extract_slice %cat[1, 0] [2, 3] [1, 1] : tensor<4x3xT> to tensor<2x3xT>
        %fl = tensor.collapse_shape %sl [[0, 1]] : tensor<2x3xT> into tensor<6xT>
        %idx = arith.constant dense<[[2], [0]]> : tensor<2x1xindex>
        %g = tensor.gather %x[%idx] gather_dims([1]) : (tensor<2x3xT>, tensor<2x1xindex>) -> tensor<2x2x1xT>
        %gt = tensor.collapse_shape %g [[0], [1, 2]] : tensor<2x2x1xT> into tensor<2x2xT>
        %g3 = tensor.expand_shape %gt [[0, 1], [2]] output_shape [2, 1, 2] : tensor<2x2xT> into tensor<2x1x2xT>
        %pd = tensor.empty() : tensor<1x2x2x2xT>
        %pk = tensor.pack %x padding_value(%e : T) inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %pd : tensor<2x3xT> -> tensor<1x2x2x2xT>
        %sum = ADD %x, %y : tensor<2x3xT>
        %lt = CMP %x, %y : tensor<2x3xT>
        %sel = arith.select %lt, %x, %y : tensor<2x3xi1>, tensor<2x3xT>
        return %e, %ins, %fl, %sum, %g3, %pk, %sel, %sl : T, tensor<2x3xT>, tensor<6xT>, tensor<2x3xT>, tensor<2x1x2xT>, tensor<1x2x2x2xT>, tensor<2x3xT>, tensor<2x3xT>
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {"f32", "f16", "bf16", "i1", "i8", "i32", "i64"})
  void tensorOpsMoveElementsAndArithComputesInTheType(String name) {
    Type t = TYPES.get(name);
    boolean fl = t instanceof FloatType;
    String text = TENSORS.replace("xT>", "x" + name + ">").replace(": T", ": " + name).replace("(T,", "(" + name + ",")
        .replace("ADD", fl ? "arith.addf" : "arith.addi").replace("CMP", fl ? "arith.cmpf olt," : "arith.cmpi slt,");
    int w = fl ? 0 : Elements.width(t);
    // i1 holds 0 and -1 (true); i8 wraps 100 + 100
    long[] xs = name.equals("i1") ? new long[] {0, -1, 0, -1, -1, 0} : name.equals("i8") ? new long[] {100, -2, 3, 4, 5, 6} : new long[] {1, -2, 3, 4, 5, 6};
    long[] ys = name.equals("i1") ? new long[] {-1, -1, 0, 0, -1, 0} : name.equals("i8") ? new long[] {100, 7, -8, 9, 10, 11} : new long[] {1, 7, -8, 9, 10, 11};
    Object[] r = Interpreter.of(Programs.parse("types.mlir", text), Weights.NONE).call("f", tensor(t, xs), tensor(t, ys));
    long[] ins = ys.clone();
    ins[0] = xs[5];
    assertEquals(fl ? (Object) (double) xs[5] : (Object) xs[5], r[0]);
    assertArrayEquals(ins, longs(r[1]));
    assertArrayEquals(new long[] {xs[3], xs[4], xs[5], ins[0], ins[1], ins[2]}, longs(r[2]));
    long[] sum = new long[6], sel = new long[6];
    for (int i = 0; i < 6; i++) {
      sum[i] = fl ? xs[i] + ys[i] : Elements.normalize(xs[i] + ys[i], w);
      sel[i] = xs[i] < ys[i] ? xs[i] : ys[i];
    }
    assertArrayEquals(sum, longs(r[3]));
    assertArrayEquals(new long[] {xs[2], xs[5], xs[0], xs[3]}, longs(r[4])); // columns 2 and 0
    // pack [2x3] in 2x2 tiles: tile (0, 1) holds column 2 and padding (x[1][2])
    assertArrayEquals(new long[] {xs[0], xs[1], xs[3], xs[4], xs[2], xs[5], xs[5], xs[5]}, longs(r[5]));
    assertArrayEquals(sel, longs(r[6]));
    assertArrayEquals(new long[] {xs[3], xs[4], xs[5], ins[0], ins[1], ins[2]}, longs(r[7]));
    for (Object o : r) if (o instanceof Tensor x) assertEquals(t, x.elementType());
  }

  private static Tensor tensor(Type t, long[] v) {
    if (!(t instanceof FloatType)) return Tensor.ofInts(t, new int[] {2, 3}, v.clone());
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) f[i] = v[i];
    return Tensor.ofFloats(t, new int[] {2, 3}, f);
  }

  private static long[] longs(Object o) {
    Tensor x = (Tensor) o;
    if (!x.isFloat()) return x.intArray();
    long[] r = new long[x.size()];
    for (int i = 0; i < r.length; i++) r[i] = (long) x.f(i);
    return r;
  }

  /** {@code x} rounded to nearest even with {@code bits} fraction bits (normal numbers): f16 has 10, bf16 7. */
  private static double roundTo(double x, int bits) {
    double scale = Math.scalb(1.0, bits - Math.getExponent(x));
    return Math.rint(x * scale) / scale;
  }

  @org.junit.jupiter.api.Test
  void arithConvertsTensorsBetweenTheTypes() {
    String p = """
        func.func @f(%x: tensor<4xf32>) -> (tensor<4xf16>, tensor<4xbf16>, tensor<4xf32>, tensor<4xi8>, tensor<4xi64>, tensor<4xi1>, tensor<4xbf16>, tensor<2xbf16>) {
          %h = arith.truncf %x : tensor<4xf32> to tensor<4xf16>
          %b = arith.truncf %x : tensor<4xf32> to tensor<4xbf16>
          %e = arith.extf %h : tensor<4xf16> to tensor<4xf32>
          %i = arith.fptosi %x : tensor<4xf32> to tensor<4xi8>
          %l = arith.extsi %i : tensor<4xi8> to tensor<4xi64>
          %t = arith.trunci %l : tensor<4xi64> to tensor<4xi1>
          %s = arith.sitofp %l : tensor<4xi64> to tensor<4xbf16>
          %c = arith.constant dense<[1.1, -300.7]> : tensor<2xbf16>
          return %h, %b, %e, %i, %l, %t, %s, %c : tensor<4xf16>, tensor<4xbf16>, tensor<4xf32>, tensor<4xi8>, tensor<4xi64>, tensor<4xi1>, tensor<4xbf16>, tensor<2xbf16>
        }
        """;
    float[] x = {1.1f, -2.7f, 100.3f, 0.1f};
    Object[] r = Interpreter.of(Programs.parse("conv.mlir", p), Weights.NONE).call("f", Tensor.ofFloats(FloatType.F32, new int[] {4}, x.clone()));
    for (int k = 0; k < 4; k++) {
      assertEquals(roundTo(x[k], 10), ((Tensor) r[0]).f(k), 0.0, "f16 " + k);
      assertEquals(roundTo(x[k], 7), ((Tensor) r[1]).f(k), 0.0, "bf16 " + k);
      assertEquals(roundTo(x[k], 10), ((Tensor) r[2]).f(k), 0.0, "f16 widened " + k);
      long trunc = (long) x[k];
      assertEquals(trunc, ((Tensor) r[3]).i(k));
      assertEquals(trunc, ((Tensor) r[4]).i(k));
      assertEquals((trunc & 1) == 0 ? 0L : -1L, ((Tensor) r[5]).i(k));
      assertEquals(trunc == 0 ? 0.0 : roundTo(trunc, 7), ((Tensor) r[6]).f(k), 0.0);
    }
    assertArrayEquals(new float[] {(float) roundTo(1.1, 7), (float) roundTo(-300.7, 7)}, ((Tensor) r[7]).floatArray());
    assertEquals(FloatType.BF16, ((Tensor) r[7]).elementType());
  }

  private static final String GPTVM = """
      !c = !kv.cache<layers = 1, kv_heads = 1, head_dim = 4, capacity = 4, dtype = T>
      func.func @f(%x: tensor<2x4xT>, %w: tensor<3x4xT>, %n: tensor<4xT>, %q: tensor<2x2x4xT>, %k: tensor<2x1x4xT>, %ids: tensor<2xi32>, %b: tensor<4x3xT>)
          -> (tensor<2x4xT>, tensor<2x3xT>, tensor<2x4xT>, tensor<2x4xT>, tensor<2x4xT>, tensor<2x4xT>, tensor<2x4xT>, tensor<2x4xT>, tensor<2x2x4xT>,
              tensor<2x2x4xT>, tensor<2x4xT>, tensor<2x3xT>, tensor<4x2xT>, tensor<2x2x4xT>, tensor<2xi32>) {
        %c2 = arith.constant 2 : index
        %pos = arith.constant dense<[3, 7]> : tensor<2xindex>
        %rn = gptvm.rms_norm %x, %n eps(1.0e-5) : tensor<2x4xT>, tensor<4xT>
        %li = gptvm.linear %x, %w : (tensor<2x4xT>, tensor<3x4xT>) -> tensor<2x3xT>
        %ln = gptvm.layer_norm %x, %n eps(1.0e-5) : tensor<2x4xT>, tensor<4xT>
        %si = gptvm.silu %x : tensor<2x4xT>
        %ge = gptvm.gelu %x : tensor<2x4xT>
        %ad = gptvm.add %x, %x : tensor<2x4xT>
        %mu = gptvm.mul %x, %x : tensor<2x4xT>
        %sm = gptvm.softmax %x axis(-1) : tensor<2x4xT>
        %ro = gptvm.rope %q, %pos theta(10000.0) layout(rotate_half) : tensor<2x2x4xT>, tensor<2xindex>
        %at = gptvm.attention %q, %k, %k causal : tensor<2x2x4xT>, tensor<2x1x4xT>, tensor<2x1x4xT>
        %em = gptvm.embedding %w, %ids : (tensor<3x4xT>, tensor<2xi32>) -> tensor<2x4xT>
        %mm = gptvm.matmul %x, %b : (tensor<2x4xT>, tensor<4x3xT>) -> tensor<2x3xT>
        %tr = gptvm.transpose %x [1, 0] : tensor<2x4xT> -> tensor<4x2xT>
        %c0 = kv.create : !c
        %c1 = kv.append %c0[0], %k, %k : !c, tensor<2x1x4xT>
        %c1b = kv.advance %c1, %c2 : !c
        %kv = kv.attend %c1b[0], %q, %k, %k : !c, tensor<2x2x4xT>, tensor<2x1x4xT>
        %am = gptvm.argmax %x : tensor<2x4xT> -> tensor<2xi32>
        return %rn, %li, %ln, %si, %ge, %ad, %mu, %sm, %ro, %at, %em, %mm, %tr, %kv, %am : tensor<2x4xT>, tensor<2x3xT>, tensor<2x4xT>, tensor<2x4xT>, tensor<2x4xT>, tensor<2x4xT>, tensor<2x4xT>, tensor<2x4xT>, tensor<2x2x4xT>,
              tensor<2x2x4xT>, tensor<2x4xT>, tensor<2x3xT>, tensor<4x2xT>, tensor<2x2x4xT>, tensor<2xi32>
      }
      """;

  private static Object[] runGptvm(String name) {
    Type t = TYPES.get(name);
    String text = GPTVM.replace("xT>", "x" + name + ">").replace("dtype = T", "dtype = " + name);
    Object[] args = {fl(t, 2, 4), fl(t, 3, 4), fl(t, 4), fl(t, 2, 2, 4), fl(t, 2, 1, 4), Tensor.ofInts(IntegerType.I32, new int[] {2}, new long[] {2, 0}),
        fl(t, 4, 3)};
    return Interpreter.of(Programs.parse("gptvm.mlir", text), Weights.NONE).call("f", args);
  }

  /** Inputs exactly representable in bf16 and f16: multiples of 1/8 in [-2, 2). */
  private static Tensor fl(Type t, int... shape) {
    float[] v = new float[Tensor.size(shape)];
    for (int i = 0; i < v.length; i++) v[i] = ((i * 7 + shape.length * 3) % 32 - 16) / 8f;
    return Tensor.ofFloats(t, shape, v);
  }

  @ParameterizedTest
  @ValueSource(strings = {"f16", "bf16"})
  void gptvmAndKvOpsComputeInF32AndRoundToTheType(String name) {
    Type t = TYPES.get(name);
    Object[] ref = runGptvm("f32"), got = runGptvm(name);
    for (int i = 0; i < ref.length; i++) {
      Tensor a = (Tensor) ref[i], b = (Tensor) got[i];
      assertArrayEquals(a.shape(), b.shape());
      if (!a.isFloat()) {
        assertArrayEquals(a.intArray(), b.intArray(), "result " + i);
        continue;
      }
      assertEquals(t, b.elementType(), "result " + i);
      for (int e = 0; e < a.size(); e++) assertEquals((float) Elements.round(a.f(e), t), b.f(e), "result " + i + " element " + e);
    }
  }
}

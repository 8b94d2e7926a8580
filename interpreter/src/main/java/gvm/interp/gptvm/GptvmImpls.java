package gvm.interp.gptvm;

import gvm.dialect.gptvm.ir.AttentionOp;
import gvm.dialect.gptvm.ir.ElementwiseOps;
import gvm.dialect.gptvm.ir.NormOps;
import gvm.dialect.gptvm.ir.RopeOp;
import gvm.dialect.gptvm.ir.SamplingOps;
import gvm.dialect.gptvm.ir.ShapeOps;
import gvm.dialect.gptvm.ir.WeightOps;
import gvm.interp.BlockEffect;
import gvm.interp.Elementwise;
import gvm.interp.Frame;
import gvm.interp.ImplTable;
import gvm.interp.InterpreterException;
import gvm.interp.Tensor;
import gvm.ir.Operation;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** gptvm: the LLM primitives, per their Javadoc, computed in float32 by {@link Kernels}. */
public final class GptvmImpls {
  private GptvmImpls() {}

  /** Weights converted to another element type than stored, per interpreter. */
  static final class ConvertedParams {
    final Map<String, Tensor> byName = new HashMap<>();
  }

  public static void register(ImplTable t) {
    t.register(WeightOps.ParamOp.DEF, GptvmImpls::param);
    t.register(WeightOps.EmbeddingOp.DEF, (f, op, a) -> {
      Tensor table = (Tensor) a[0], ids = (Tensor) a[1];
      int vocab = table.dim(0), hidden = table.dim(1);
      float[] out = new float[ids.size() * hidden];
      for (int i = 0; i < ids.size(); i++) {
        long id = ids.i(i);
        if (id < 0 || id >= vocab) throw new IllegalArgumentException("token id " + id + " is out of the vocabulary [0, " + vocab + ")");
        table.floats().get((int) id * hidden, out, i * hidden, hidden);
      }
      int[] shape = Arrays.copyOf(ids.shape(), ids.rank() + 1);
      shape[ids.rank()] = hidden;
      return BlockEffect.next(Tensor.ofFloats(elem(op), shape, out));
    });
    t.register(WeightOps.LinearOp.DEF, (f, op, a) -> {
      Tensor x = (Tensor) a[0], w = (Tensor) a[1];
      int in = w.dim(1), out = w.dim(0), rows = x.size() / in;
      if (x.dim(x.rank() - 1) != in) throw new IllegalArgumentException("input has " + x.dim(x.rank() - 1) + " features, weight " + in);
      float[] y = Kernels.linear(f.interpreter().parallel(), x.floatArray(), rows, in, w.floats(), w.bytes(), out, a.length > 2 ? ((Tensor) a[2]).floats() : null);
      int[] shape = x.shape();
      shape[shape.length - 1] = out;
      return BlockEffect.next(Tensor.ofFloats(elem(op), shape, y));
    });
    t.register(WeightOps.MatmulOp.DEF, (f, op, a) -> matmul(f, op, (Tensor) a[0], (Tensor) a[1], false));
    t.register(WeightOps.BatchMatmulOp.DEF, (f, op, a) -> matmul(f, op, (Tensor) a[0], (Tensor) a[1], true));
    t.register(NormOps.RmsNormOp.DEF, (f, op, a) -> {
      Tensor x = (Tensor) a[0];
      float[] y = Kernels.rmsNorm(x.floatArray(), ((Tensor) a[1]).floats(), x.dim(x.rank() - 1), new NormOps.RmsNormOp(op).eps());
      return BlockEffect.next(Tensor.ofFloats(elem(op), x.shape(), y));
    });
    t.register(NormOps.LayerNormOp.DEF, (f, op, a) -> {
      Tensor x = (Tensor) a[0];
      double eps = ((gvm.ir.attributes.FloatAttr) op.prop("eps")).value();
      float[] y = Kernels.layerNorm(x.floatArray(), ((Tensor) a[1]).floats(), a.length > 2 ? ((Tensor) a[2]).floats() : null, x.dim(x.rank() - 1), eps);
      return BlockEffect.next(Tensor.ofFloats(elem(op), x.shape(), y));
    });
    unary(t, ElementwiseOps.SiluOp.DEF, ScalarOps::silu);
    t.register(ElementwiseOps.GeluOp.DEF, (f, op, a) -> {
      boolean tanh = new ElementwiseOps.GeluOp(op).tanh();
      return apply(op, (Tensor) a[0], x -> ScalarOps.gelu(x, tanh));
    });
    binary(t, ElementwiseOps.AddOp.DEF, false);
    binary(t, ElementwiseOps.MulOp.DEF, true);
    t.register(ElementwiseOps.SoftmaxOp.DEF, (f, op, a) -> {
      Tensor x = (Tensor) a[0];
      int axis = new ElementwiseOps.SoftmaxOp(op).axis();
      float[] y = x.floatArray();
      int[] st = Tensor.strides(x.shape());
      int n = x.dim(axis), stride = st[axis];
      for (int base = 0; base < y.length; base++)
        if ((base / stride) % n == 0) Kernels.softmax(y, base, n, stride);
      return BlockEffect.next(Tensor.ofFloats(elem(op), x.shape(), y));
    });
    t.register(RopeOp.DEF, (f, op, a) -> {
      RopeOp rope = new RopeOp(op);
      Tensor x = (Tensor) a[0];
      float[] y = x.floatArray();
      Kernels.rope(y, x.dim(0), x.dim(1), x.dim(2), ((Tensor) a[1]).intArray(), rope.theta(), (int) i64(op, "rotary_dim", x.dim(2)), rope.interleaved());
      return BlockEffect.next(Tensor.ofFloats(elem(op), x.shape(), y));
    });
    t.register(AttentionOp.DEF, (f, op, a) -> {
      AttentionOp at = new AttentionOp(op);
      Tensor q = (Tensor) a[0], k = (Tensor) a[1], v = (Tensor) a[2];
      int qLen = q.dim(0), kvLen = k.dim(0);
      if (at.causal() && kvLen < qLen) throw new IllegalArgumentException("causal attention needs at least as many keys (" + kvLen + ") as queries (" + qLen + ")");
      double scale = op.prop("scale") == null ? 1.0 / Math.sqrt(q.dim(2)) : at.scale();
      float[] y = Kernels.attention(f.interpreter().parallel(), q.floatArray(), qLen, q.dim(1), q.dim(2), k.floatArray(), v.floatArray(), kvLen, k.dim(1),
          kvLen - qLen, scale, at.causal(), at.window());
      return BlockEffect.next(Tensor.ofFloats(elem(op), q.shape(), y));
    });
    t.register(ShapeOps.ReshapeOp.DEF, (f, op, a) -> {
      Tensor x = (Tensor) a[0];
      RankedTensorType rt = (RankedTensorType) op.result(0).type();
      int[] shape = new int[rt.rank()];
      int dyn = -1;
      long known = 1;
      for (int i = 0; i < shape.length; i++) {
        if (rt.shape().isDynamic(i)) {
          dyn = i;
        } else {
          shape[i] = (int) rt.shape().dim(i);
          known *= shape[i];
        }
      }
      if (dyn >= 0) {
        if (known == 0 || x.size() % known != 0) throw new IllegalArgumentException("cannot reshape " + x.size() + " elements to " + rt);
        shape[dyn] = (int) (x.size() / known);
      }
      if (Tensor.size(shape) != x.size()) throw new IllegalArgumentException("cannot reshape " + x.size() + " elements to " + rt);
      return BlockEffect.next(x.reshape(shape));
    });
    t.register(ShapeOps.TransposeOp.DEF, (f, op, a) -> {
      Tensor x = (Tensor) a[0];
      long[] perm = new ShapeOps.TransposeOp(op).permutation();
      int[] shape = new int[perm.length];
      for (int d = 0; d < perm.length; d++) shape[d] = x.dim((int) perm[d]);
      int[] inStrides = Tensor.strides(x.shape());
      Object[] out = new Object[x.size()];
      int[] idx = new int[shape.length];
      for (int k = 0; k < out.length; k++) {
        int src = 0;
        for (int d = 0; d < idx.length; d++) src += idx[d] * inStrides[(int) perm[d]];
        out[k] = x.get(src);
        for (int d = idx.length - 1; d >= 0 && ++idx[d] == shape[d]; d--) idx[d] = 0;
      }
      return BlockEffect.next(Tensor.fromScalars(x.elementType(), shape, out));
    });
    t.register(ShapeOps.SplitOp.DEF, GptvmImpls::split);
    t.register(SamplingOps.ArgmaxOp.DEF, (f, op, a) -> {
      Tensor x = (Tensor) a[0];
      int n = x.dim(x.rank() - 1), rows = x.size() / n;
      float[] v = x.floatArray();
      long[] ids = new long[rows];
      for (int r = 0; r < rows; r++) ids[r] = Sampler.argmax(v, r * n, n);
      return BlockEffect.next(Tensor.ofInts(elem(op), Arrays.copyOf(x.shape(), x.rank() - 1), ids));
    });
    t.register(SamplingOps.SampleOp.DEF, (f, op, a) -> {
      SamplingOps.SampleOp s = new SamplingOps.SampleOp(op);
      Tensor x = (Tensor) a[0];
      int n = x.dim(x.rank() - 1), rows = x.size() / n;
      float[] v = x.floatArray();
      Sampler sampler = new Sampler((Long) a[1]);
      long[] ids = new long[rows];
      for (int r = 0; r < rows; r++) ids[r] = sampler.sample(v, r * n, n, s.temperature(), s.topK(), s.topP());
      return BlockEffect.next(Tensor.ofInts(elem(op), Arrays.copyOf(x.shape(), x.rank() - 1), ids), sampler.state());
    });
  }

  private static Type elem(Operation op) { return ((ShapedType) op.result(0).type()).elementType(); }

  private static long i64(Operation op, String name, long dflt) {
    return op.prop(name) instanceof gvm.ir.attributes.IntegerAttr i ? i.value() : dflt;
  }

  private static BlockEffect param(Frame f, Operation op, Object[] a) {
    String name = new WeightOps.ParamOp(op).name();
    RankedTensorType rt = (RankedTensorType) op.result(0).type();
    Tensor stored = f.interpreter().weights().get(name);
    if (stored == null) throw new InterpreterException(op.loc(), f.interpreter().weights().describe() + " has no parameter named '" + name + "'");
    // A spmdized param reads this device's slice of the weight.
    Tensor w = gvm.interp.mesh.ParamShards.slice(f, op, stored);
    long[] expected = rt.shape().toArray();
    int[] got = w.shape();
    boolean same = expected.length == got.length;
    for (int i = 0; same && i < got.length; i++) same = expected[i] == got[i];
    if (!same)
      throw new InterpreterException(op.loc(), "parameter '" + name + "' has shape " + Arrays.toString(got) + " in " + f.interpreter().weights().describe() + ", but the program expects "
          + Arrays.toString(expected));
    if (w.elementType().equals(rt.elementType())) return BlockEffect.next(w);
    ConvertedParams cache = f.interpreter().service(ConvertedParams.class, ConvertedParams::new);
    synchronized (cache) {
      return BlockEffect.next(cache.byName.computeIfAbsent(name + ":" + rt.elementType(), k -> Tensor.ofFloats(rt.elementType(), w.shape(), w.floatArray())));
    }
  }

  private static BlockEffect matmul(Frame f, Operation op, Tensor a, Tensor b, boolean batched) {
    int o = batched ? 1 : 0;
    int batch = batched ? a.dim(0) : 1, m = a.dim(o), k = a.dim(o + 1), n = b.dim(o + 1);
    if (b.dim(o) != k || (batched && b.dim(0) != batch)) throw new IllegalArgumentException("operand shapes do not match for a matmul");
    float[] c = Kernels.matmul(f.interpreter().parallel(), a.floatArray(), b.floatArray(), batch, m, k, n);
    return BlockEffect.next(Tensor.ofFloats(elem(op), batched ? new int[] {batch, m, n} : new int[] {m, n}, c));
  }

  private static void unary(ImplTable t, gvm.ir.def.OpDef def, DoubleUnaryOperator fn) {
    t.register(def, (f, op, a) -> apply(op, (Tensor) a[0], fn));
  }

  private static BlockEffect apply(Operation op, Tensor x, DoubleUnaryOperator fn) {
    float[] y = x.floatArray();
    for (int i = 0; i < y.length; i++) y[i] = (float) fn.applyAsDouble(y[i]);
    return BlockEffect.next(Tensor.ofFloats(elem(op), x.shape(), y));
  }

  private static void binary(ImplTable t, gvm.ir.def.OpDef def, boolean multiply) {
    t.register(def, (f, op, a) -> {
      Tensor x = (Tensor) a[0], y = (Tensor) a[1];
      Elementwise.sameShape(x, y);
      float[] r = x.floatArray();
      for (int i = 0; i < r.length; i++) r[i] = multiply ? r[i] * y.f(i) : r[i] + y.f(i);
      return BlockEffect.next(Tensor.ofFloats(elem(op), x.shape(), r));
    });
  }

  private static BlockEffect split(Frame f, Operation op, Object[] a) {
    Tensor x = (Tensor) a[0];
    int axis = new ShapeOps.SplitOp(op).axis();
    int nr = op.numResults();
    int[] sizes = new int[nr];
    int known = 0, dyn = -1;
    for (int r = 0; r < nr; r++) {
      long d = ((RankedTensorType) op.result(r).type()).shape().dim(axis);
      if (d == ShapedType.DYNAMIC) {
        if (dyn >= 0) throw new IllegalArgumentException("cannot split with more than one dynamic size along the axis");
        dyn = r;
      } else {
        sizes[r] = (int) d;
        known += (int) d;
      }
    }
    if (dyn >= 0) sizes[dyn] = x.dim(axis) - known;
    else if (known != x.dim(axis)) throw new IllegalArgumentException("result sizes " + known + " do not cover the axis of size " + x.dim(axis));
    int outer = 1, inner = 1;
    for (int d = 0; d < axis; d++) outer *= x.dim(d);
    for (int d = axis + 1; d < x.rank(); d++) inner *= x.dim(d);
    Object[] results = new Object[nr];
    int at = 0;
    float[] src = x.isFloat() ? x.floatArray() : null;
    for (int r = 0; r < nr; r++) {
      int[] shape = x.shape();
      shape[axis] = sizes[r];
      int len = sizes[r] * inner;
      if (src != null) {
        float[] out = new float[outer * len];
        for (int o = 0; o < outer; o++) System.arraycopy(src, (o * x.dim(axis) + at) * inner, out, o * len, len);
        results[r] = Tensor.ofFloats(x.elementType(), shape, out);
      } else {
        long[] ints = x.intArray(), out = new long[outer * len];
        for (int o = 0; o < outer; o++) System.arraycopy(ints, (o * x.dim(axis) + at) * inner, out, o * len, len);
        results[r] = Tensor.ofInts(x.elementType(), shape, out);
      }
      at += sizes[r];
    }
    return BlockEffect.next(results);
  }

  /** erf: its Taylor series below 0.5, else the Chebyshev fit of erfc from Numerical Recipes (fractional error < 1.2e-7). */
  static double erf(double x) {
    double ax = Math.abs(x);
    double r;
    if (ax < 0.5) {
      double x2 = x * x, term = x, sum = x;
      for (int n = 1; n < 30; n++) {
        term *= -x2 / n;
        sum += term / (2 * n + 1);
      }
      return 2 / Math.sqrt(Math.PI) * sum;
    }
    double t = 1 / (1 + 0.5 * ax);
    r = 1 - t * Math.exp(-ax * ax - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
        + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : -r;
  }
}

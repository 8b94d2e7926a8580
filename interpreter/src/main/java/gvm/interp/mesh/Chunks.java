package gvm.interp.mesh;

import gvm.dialect.mesh.ir.ReductionKind;
import gvm.interp.Tensor;
import java.util.List;

/** Tensors cut into equal chunks along an axis, put back together, and combined elementwise: what the collectives move. */
final class Chunks {
  private Chunks() {}

  /** Elements before {@code axis} (outer), along it, and after it (inner). */
  private static int[] split(int[] shape, int axis) {
    int outer = 1, inner = 1;
    for (int i = 0; i < axis; i++) outer *= shape[i];
    for (int i = axis + 1; i < shape.length; i++) inner *= shape[i];
    return new int[] {outer, shape[axis], inner};
  }

  /** Chunk {@code i} of {@code n} equal chunks of {@code t} along {@code axis}. */
  static Tensor chunk(Tensor t, int axis, int i, int n) {
    int[] shape = t.shape();
    if (shape[axis] % n != 0) throw new IllegalArgumentException("cannot split dimension " + axis + " of size " + shape[axis] + " into " + n + " parts");
    int len = shape[axis] / n;
    return slice(t, axis, i * len, len);
  }

  /** Elements {@code [start, start + len)} of {@code t} along {@code axis}. */
  static Tensor slice(Tensor t, int axis, int start, int len) {
    int[] shape = t.shape(), s = split(shape, axis);
    int outer = s[0], along = s[1], inner = s[2];
    int[] out = shape.clone();
    out[axis] = len;
    Object src = storage(t), dst = t.isFloat() ? new float[outer * len * inner] : new long[outer * len * inner];
    for (int o = 0; o < outer; o++) System.arraycopy(src, (o * along + start) * inner, dst, o * len * inner, len * inner);
    return of(t, out, dst);
  }

  /** {@code parts} concatenated along {@code axis}, in order. */
  static Tensor concat(List<Tensor> parts, int axis) {
    Tensor first = parts.get(0);
    int[] shape = first.shape();
    int total = 0;
    for (Tensor p : parts) {
      int[] ps = p.shape();
      if (ps.length != shape.length) throw new IllegalArgumentException("devices hold tensors of different ranks");
      for (int i = 0; i < ps.length; i++)
        if (i != axis && ps[i] != shape[i]) throw new IllegalArgumentException("devices hold tensors of different shapes");
      total += ps[axis];
    }
    int[] out = shape.clone();
    out[axis] = total;
    int[] s = split(out, axis);
    int outer = s[0], inner = s[2];
    Object dst = first.isFloat() ? new float[outer * total * inner] : new long[outer * total * inner];
    int at = 0;
    for (Tensor p : parts) {
      Object src = storage(p);
      int len = p.dim(axis);
      for (int o = 0; o < outer; o++) System.arraycopy(src, o * len * inner, dst, (o * total + at) * inner, len * inner);
      at += len;
    }
    return of(first, out, dst);
  }

  /** A copy of the elements: float[] or long[]. */
  private static Object storage(Tensor t) { return t.isFloat() ? t.floatArray() : t.intArray(); }

  private static Tensor of(Tensor like, int[] shape, Object data) {
    return data instanceof float[] f ? Tensor.ofFloats(like.elementType(), shape, f) : Tensor.ofInts(like.elementType(), shape, (long[]) data);
  }

  /** The elementwise {@code kind} reduction of {@code parts}, combined in order (so the result is the same on every device). */
  static Tensor reduce(List<Tensor> parts, ReductionKind kind) {
    Tensor first = parts.get(0);
    int n = first.size();
    for (Tensor p : parts) if (!java.util.Arrays.equals(p.shape(), first.shape())) throw new IllegalArgumentException("devices hold tensors of different shapes");
    if (first.isFloat()) {
      double[] acc = new double[n];
      for (int i = 0; i < n; i++) acc[i] = first.f(i);
      for (int k = 1; k < parts.size(); k++) {
        Tensor p = parts.get(k);
        for (int i = 0; i < n; i++) acc[i] = combine(kind, acc[i], p.f(i));
      }
      float[] out = new float[n];
      for (int i = 0; i < n; i++) out[i] = (float) (kind == ReductionKind.AVERAGE ? acc[i] / parts.size() : acc[i]);
      return Tensor.ofFloats(first.elementType(), first.shape(), out);
    }
    long[] acc = first.intArray();
    for (int k = 1; k < parts.size(); k++) {
      Tensor p = parts.get(k);
      for (int i = 0; i < n; i++) acc[i] = combine(kind, acc[i], p.i(i));
    }
    if (kind == ReductionKind.AVERAGE) for (int i = 0; i < n; i++) acc[i] /= parts.size();
    return Tensor.ofInts(first.elementType(), first.shape(), acc);
  }

  private static double combine(ReductionKind kind, double a, double b) {
    switch (kind) {
      case SUM: case AVERAGE: return a + b;
      case PRODUCT: return a * b;
      case MAX: return Math.max(a, b);
      case MIN: return Math.min(a, b);
      default: throw new IllegalArgumentException("reduction '" + kind.keyword() + "' is not defined on floats");
    }
  }

  private static long combine(ReductionKind kind, long a, long b) {
    switch (kind) {
      case SUM: case AVERAGE: return a + b;
      case PRODUCT: return a * b;
      case MAX: return Math.max(a, b);
      case MIN: return Math.min(a, b);
      case BITWISE_AND: return a & b;
      case BITWISE_OR: return a | b;
      case BITWISE_XOR: return a ^ b;
      default: throw new IllegalArgumentException("reduction '" + kind.keyword() + "' has no run-time meaning");
    }
  }
}

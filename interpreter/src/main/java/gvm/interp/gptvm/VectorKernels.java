package gvm.interp.gptvm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products on the Vector API (jdk.incubator.vector): lane-wise float32 partial sums, reduced
 * at the end, then the tail in order. Only loaded when the module is present (see {@link
 * Kernels#VECTOR}).
 */
final class VectorKernels {
  private VectorKernels() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  /** {@code Σ_i a[aOff + i] · b[bOff + i]} for {@code i < n}. */
  static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    FloatVector acc = FloatVector.zero(S);
    int i = 0, bound = S.loopBound(n);
    for (; i < bound; i += S.length()) acc = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc);
    float s = acc.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) s += a[aOff + i] * b[bOff + i];
    return s;
  }

  /** {@code Σ_i w[wByte/4 + i] · x[xOff + i]}, {@code w} little-endian float32 bytes (a mapped weight row). */
  static float dot(ByteBuffer w, int wByte, float[] x, int xOff, int n) {
    FloatVector acc = FloatVector.zero(S);
    int i = 0, bound = S.loopBound(n);
    for (; i < bound; i += S.length())
      acc = FloatVector.fromByteBuffer(S, w, wByte + 4 * i, ByteOrder.LITTLE_ENDIAN).fma(FloatVector.fromArray(S, x, xOff + i), acc);
    float s = acc.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) s += w.getFloat(wByte + 4 * i) * x[xOff + i];
    return s;
  }

  /** {@code y[yOff + i] += a · x[xOff + i]} for {@code i < n}. */
  static void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
    FloatVector av = FloatVector.broadcast(S, a);
    int i = 0, bound = S.loopBound(n);
    for (; i < bound; i += S.length())
      FloatVector.fromArray(S, x, xOff + i).fma(av, FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
    for (; i < n; i++) y[yOff + i] += a * x[xOff + i];
  }
}

package gvm.interp.gptvm;

import gvm.interp.Parallel;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.function.Supplier;

/** Kernels of fused groups: a contraction whose output loop applies the group's elementwise epilogue. */
final class FusedKernels {
  private FusedKernels() {}

  /** The epilogue at flat output index {@code i} of the value {@code v}, with per-thread scratch {@code regs}. */
  @FunctionalInterface
  interface Epilogue {
    float apply(int i, float v, float[] regs);
  }

  /**
   * {@code y[r, o] = epilogue(Σ_i x[r, i] · w[o, i] + bias[o])}: {@link Kernels#linear}'s sums (same
   * dot products, same order), with the epilogue applied as each output is stored.
   */
  static float[] linear(Parallel par, float[] x, int rows, int in, FloatBuffer w, ByteBuffer wBytes, int out, FloatBuffer bias, Epilogue epilogue,
      Supplier<float[]> scratch) {
    float[] y = new float[rows * out];
    float[] wArray = w.hasArray() && w.arrayOffset() == 0 ? w.array() : null;
    boolean mapped = Kernels.VECTOR && wBytes != null && wArray == null;
    par.forEach(out, (long) rows * in * out, o -> {
      float[] regs = scratch.get();
      float b = bias == null ? 0f : bias.get(o);
      float[] row = wArray;
      int off = o * in;
      if (row == null && !mapped) {
        row = new float[in];
        w.get(off, row);
        off = 0;
      }
      for (int r = 0; r < rows; r++) {
        float acc = mapped ? VectorKernels.dot(wBytes, 4 * off, x, r * in, in) : dot(row, off, x, r * in, in);
        y[r * out + o] = epilogue.apply(r * out + o, acc + b, regs);
      }
    });
    return y;
  }

  private static float dot(float[] w, int wOff, float[] x, int xOff, int n) {
    if (Kernels.VECTOR) return VectorKernels.dot(w, wOff, x, xOff, n);
    float acc = 0f;
    for (int i = 0; i < n; i++) acc += w[wOff + i] * x[xOff + i];
    return acc;
  }
}

package gvm.interp.gptvm;

import gvm.interp.Parallel;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.function.Supplier;

/** Kernels of fused groups: a contraction whose output loop applies the group's elementwise epilogue. */
final class FusedKernels {
  private FusedKernels() {}

  /** Outputs per block of {@link #linear}; at most {@link ElementwiseProgram#BLOCK}. */
  static final int OUT_BLOCK = 32;

  /** The epilogue over flat output elements {@code [start, start + len)} of {@code y}, in place, with per-thread scratch {@code regs}. */
  @FunctionalInterface
  interface Epilogue {
    void apply(int start, int len, float[] y, float[][] regs);
  }

  /**
   * {@code y[r, o] = epilogue(Σ_i x[r, i] · w[o, i] + bias[o])}: {@link Kernels#linear}'s sums (same
   * dot products, same order), over blocks of {@link #OUT_BLOCK} outputs (small, so the team's
   * chunks stay balanced on a 768-output matrix); the epilogue runs on each block of each row as
   * soon as its sums are stored, while it is in cache.
   */
  static float[] linear(Parallel par, float[] x, int rows, int in, FloatBuffer w, ByteBuffer wBytes, int out, FloatBuffer bias, Epilogue epilogue,
      Supplier<float[][]> scratch) {
    float[] y = new float[rows * out];
    float[] wArray = w.hasArray() && w.arrayOffset() == 0 ? w.array() : null;
    boolean mapped = Kernels.VECTOR && wBytes != null && wArray == null;
    int block = OUT_BLOCK, blocks = (out + block - 1) / block;
    par.forEach(blocks, (long) rows * in * out, bk -> {
      int o0 = bk * block, len = Math.min(block, out - o0);
      float[] row = wArray == null && !mapped ? new float[in] : null;
      for (int o = o0; o < o0 + len; o++) {
        float b = bias == null ? 0f : bias.get(o);
        int off = o * in;
        float[] wr = wArray;
        if (row != null) {
          w.get(off, row);
          wr = row;
          off = 0;
        }
        for (int r = 0; r < rows; r++) {
          float acc = mapped ? VectorKernels.dot(wBytes, 4 * off, x, r * in, in) : dot(wr, off, x, r * in, in);
          y[r * out + o] = acc + b;
        }
      }
      float[][] regs = scratch.get();
      for (int r = 0; r < rows; r++) epilogue.apply(r * out + o0, len, y, regs);
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

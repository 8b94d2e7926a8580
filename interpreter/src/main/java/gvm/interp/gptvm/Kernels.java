package gvm.interp.gptvm;

import gvm.interp.Parallel;
import java.nio.FloatBuffer;

/**
 * The float32 kernels of the gptvm and kv ops, with llama2.c's arithmetic: sums accumulate in
 * float in index order, exponentials and square roots are rounded to float.
 */
public final class Kernels {
  private Kernels() {}

  /** Whether the JVM runs with {@code --add-modules jdk.incubator.vector} ({@link VectorKernels} loads only then). */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  /**
   * {@code out[r, o] = Σ_i x[r, i] · w[o, i] (+ bias[o])}: rows × in times (out × in)ᵀ, split over
   * output rows. {@code wBytes}, when not null, are the little-endian bytes of {@code w} (a mapped
   * weight), read in place by the Vector API; otherwise weight rows are read from {@code w}.
   */
  public static float[] linear(Parallel par, float[] x, int rows, int in, FloatBuffer w, java.nio.ByteBuffer wBytes, int out, FloatBuffer bias) {
    float[] y = new float[rows * out];
    boolean vector = VECTOR;
    float[] wArray = w.hasArray() && w.arrayOffset() == 0 ? w.array() : null;
    par.forEach(out, (long) rows * in * out, o -> {
      float b = bias == null ? 0f : bias.get(o);
      float[] wr = wArray;
      int wOff = o * in;
      if (wr == null && !(vector && wBytes != null)) {
        wr = new float[in];
        for (int i = 0; i < in; i++) wr[i] = w.get(wOff + i);
        wOff = 0;
      }
      for (int r = 0; r < rows; r++) {
        float acc;
        if (!vector) {
          acc = 0f;
          for (int i = 0; i < in; i++) acc += wr[wOff + i] * x[r * in + i];
        } else if (wr != null) {
          acc = VectorKernels.dot(wr, wOff, x, r * in, in);
        } else {
          acc = VectorKernels.dot(wBytes, 4 * wOff, x, r * in, in);
        }
        y[r * out + o] = acc + b;
      }
    });
    return y;
  }

  /**
   * {@code batch} products {@code [M, K] × [K, N]} of row-major operands, rows of {@code c} split
   * over the team; each {@code c[i, j]} sums {@code a[i, p] · b[p, j]} in order of {@code p}
   * (row {@code i} of {@code c} accumulates the rows of {@code b}, vectorised along {@code j}).
   */
  public static float[] matmul(Parallel par, float[] a, float[] b, int batch, int m, int k, int n) {
    float[] c = new float[batch * m * n];
    boolean vector = VECTOR;
    par.forEach(batch * m, (long) batch * m * k * n, row -> {
      int bi = row / m, aRow = row * k, bOff = bi * k * n, cRow = row * n;
      for (int p = 0; p < k; p++) {
        float av = a[aRow + p];
        if (vector) VectorKernels.axpy(av, b, bOff + p * n, c, cRow, n);
        else for (int j = 0; j < n; j++) c[cRow + j] += av * b[bOff + p * n + j];
      }
    });
    return c;
  }

  /** llama2.c's rmsnorm over rows of {@code n}: {@code y = w · (x / sqrt(mean(x²) + eps))}. */
  public static float[] rmsNorm(float[] x, FloatBuffer w, int n, double eps) {
    float[] y = new float[x.length];
    for (int r = 0; r < x.length / n; r++) {
      float ss;
      if (VECTOR) {
        ss = VectorKernels.dot(x, r * n, x, r * n, n);
      } else {
        ss = 0f;
        for (int i = 0; i < n; i++) ss += x[r * n + i] * x[r * n + i];
      }
      ss /= n;
      ss += (float) eps;
      ss = 1.0f / (float) Math.sqrt(ss);
      for (int i = 0; i < n; i++) y[r * n + i] = w.get(i) * (ss * x[r * n + i]);
    }
    return y;
  }

  /** Layer norm over rows of {@code n} with biased variance. */
  public static float[] layerNorm(float[] x, FloatBuffer w, FloatBuffer b, int n, double eps) {
    float[] y = new float[x.length];
    for (int r = 0; r < x.length / n; r++) {
      float mean = 0f;
      for (int i = 0; i < n; i++) mean += x[r * n + i];
      mean /= n;
      float var = 0f;
      for (int i = 0; i < n; i++) var += (x[r * n + i] - mean) * (x[r * n + i] - mean);
      var /= n;
      float inv = 1.0f / (float) Math.sqrt(var + (float) eps);
      for (int i = 0; i < n; i++) y[r * n + i] = (x[r * n + i] - mean) * inv * w.get(i) + (b == null ? 0f : b.get(i));
    }
    return y;
  }

  /** In-place softmax of {@code x[off, off + n·stride)} with stride. */
  public static void softmax(float[] x, int off, int n, int stride) {
    float max = x[off];
    for (int i = 1; i < n; i++) max = Math.max(max, x[off + i * stride]);
    float sum = 0f;
    for (int i = 0; i < n; i++) {
      float e = (float) Math.exp(x[off + i * stride] - max);
      x[off + i * stride] = e;
      sum += e;
    }
    for (int i = 0; i < n; i++) x[off + i * stride] /= sum;
  }

  /**
   * Rotary embedding of {@code x [seq, heads, headDim]} in place at {@code positions[seq]}, pairs
   * {@code (2i, 2i+1)} (interleaved) or {@code (i, i + rot/2)} (rotate_half) for {@code i < rot/2}.
   */
  public static void rope(float[] x, int seq, int heads, int headDim, long[] positions, double theta, int rot, boolean interleaved) {
    int half = rot / 2;
    float[] cos = new float[half], sin = new float[half];
    for (int s = 0; s < seq; s++) {
      for (int i = 0; i < half; i++) {
        double freq = 1.0 / Math.pow(theta, (2.0 * i) / rot);
        double angle = positions[s] * freq;
        cos[i] = (float) Math.cos(angle);
        sin[i] = (float) Math.sin(angle);
      }
      for (int h = 0; h < heads; h++) {
        int base = (s * heads + h) * headDim;
        for (int i = 0; i < half; i++) {
          int ia = base + (interleaved ? 2 * i : i), ib = base + (interleaved ? 2 * i + 1 : i + half);
          float a = x[ia], b = x[ib];
          x[ia] = a * cos[i] - b * sin[i];
          x[ib] = a * sin[i] + b * cos[i];
        }
      }
    }
  }

  /**
   * Grouped-query attention: {@code q [qLen, heads, d]} over {@code k, v [kvLen, kvHeads, d]};
   * query {@code i} is at position {@code offset + i}; causal and window masks as gptvm.attention.
   */
  public static float[] attention(Parallel par, float[] q, int qLen, int heads, int d, float[] k, float[] v, int kvLen, int kvHeads,
      int offset, double scale, boolean causal, long window) {
    float[] out = new float[qLen * heads * d];
    int group = heads / kvHeads;
    float sc = (float) scale;
    boolean vector = VECTOR;
    par.forEach(qLen * heads, (long) qLen * heads * kvLen * d * 2, qh -> {
      int i = qh / heads, h = qh % heads, g = h / group;
      int p = offset + i;
      int last = causal ? Math.min(kvLen - 1, p) : kvLen - 1;
      int first = window > 0 ? (int) Math.max(0, p - window + 1) : 0;
      if (last < first) return;
      float[] att = new float[last - first + 1];
      int qb = (i * heads + h) * d;
      for (int j = first; j <= last; j++) {
        int kb = (j * kvHeads + g) * d;
        float s;
        if (vector) {
          s = VectorKernels.dot(q, qb, k, kb, d);
        } else {
          s = 0f;
          for (int t = 0; t < d; t++) s += q[qb + t] * k[kb + t];
        }
        att[j - first] = s * sc;
      }
      softmax(att, 0, att.length, 1);
      for (int j = first; j <= last; j++) {
        int vb = (j * kvHeads + g) * d;
        float a = att[j - first];
        if (vector) VectorKernels.axpy(a, v, vb, out, qb, d);
        else for (int t = 0; t < d; t++) out[qb + t] += a * v[vb + t];
      }
    });
    return out;
  }

  /**
   * {@code kv.paged_attention}: rows {@code [starts[b], starts[b+1])} of {@code q [rows, heads, d]}
   * are the new tokens of sequence {@code b}, the last at position {@code lens[b] - 1}; each attends
   * causally (within {@code window} when positive) to its sequence's keys and values, position
   * {@code p} in page {@code table[b * width + p / pageSize]} of the pools {@code k}, {@code v}
   * {@code [pages, kvHeads, pageSize, d]}. The arithmetic is {@link #attention}'s over the same
   * keys in order, so a paged cache gives the logical cache's results; the table must be checked.
   */
  public static float[] pagedAttention(Parallel par, float[] q, int heads, int d, float[] k, float[] v, int kvHeads, int pageSize, long[] table,
      int width, long[] lens, long[] starts, double scale, long window) {
    int rows = (int) starts[lens.length];
    float[] out = new float[rows * heads * d];
    int[] seqOfRow = new int[rows];
    long work = 0;
    for (int b = 0; b < lens.length; b++) {
      for (int r = (int) starts[b]; r < starts[b + 1]; r++) seqOfRow[r] = b;
      work += (starts[b + 1] - starts[b]) * lens[b];
    }
    int group = heads / kvHeads;
    float sc = (float) scale;
    boolean vector = VECTOR;
    par.forEach(rows * heads, work * heads * d * 2, qh -> {
      int i = qh / heads, h = qh % heads, g = h / group, b = seqOfRow[i];
      int kvLen = (int) lens[b];
      int p = kvLen - (int) (starts[b + 1] - i);
      int last = Math.min(kvLen - 1, p);
      int first = window > 0 ? (int) Math.max(0, p - window + 1) : 0;
      if (last < first) return;
      float[] att = new float[last - first + 1];
      int qb = (i * heads + h) * d, tb = b * width;
      for (int j = first; j <= last; j++) {
        int kb = (((int) table[tb + j / pageSize] * kvHeads + g) * pageSize + j % pageSize) * d;
        att[j - first] = dot(vector, q, qb, k, kb, d) * sc;
      }
      softmax(att, 0, att.length, 1);
      for (int j = first; j <= last; j++) {
        int vb = (((int) table[tb + j / pageSize] * kvHeads + g) * pageSize + j % pageSize) * d;
        float a = att[j - first];
        axpy(vector, a, v, vb, out, qb, d);
      }
    });
    return out;
  }

  /** {@code x[xOff..] · y[yOff..]} over {@code n}, summed as {@link #attention} sums. */
  private static float dot(boolean vector, float[] x, int xOff, float[] y, int yOff, int n) {
    if (vector) return VectorKernels.dot(x, xOff, y, yOff, n);
    float s = 0f;
    for (int t = 0; t < n; t++) s += x[xOff + t] * y[yOff + t];
    return s;
  }

  /** {@code y[yOff..] += a · x[xOff..]} over {@code n}, as {@link #attention} accumulates. */
  private static void axpy(boolean vector, float a, float[] x, int xOff, float[] y, int yOff, int n) {
    if (vector) VectorKernels.axpy(a, x, xOff, y, yOff, n);
    else for (int t = 0; t < n; t++) y[yOff + t] += a * x[xOff + t];
  }
}

package gvm.interp.gptvm;

import java.util.Arrays;

/** llama2.c's sampler (as {@code gptvm.sample} documents it): xorshift64* coins, temperature, top-k, top-p. */
public final class Sampler {
  private long state;

  public Sampler(long seed) { this.state = seed == 0 ? 1 : seed; }

  public long state() { return state; }

  /** The next coin in [0, 1). */
  public float coin() {
    state ^= state >>> 12;
    state ^= state << 25;
    state ^= state >>> 27;
    long u32 = (state * 0x2545F4914F6CDD1DL) >>> 32;
    return (u32 >>> 8) / 16777216.0f;
  }

  /** Index of the largest value of {@code x[off, off + n)}; the first on ties. */
  public static int argmax(float[] x, int off, int n) {
    int best = 0;
    for (int i = 1; i < n; i++) if (x[off + i] > x[off + best]) best = i;
    return best;
  }

  /** One token from the row {@code logits[off, off + n)}. */
  public int sample(float[] logits, int off, int n, double temperature, long topK, double topP) {
    if (temperature == 0) return argmax(logits, off, n);
    float[] p = new float[n];
    for (int i = 0; i < n; i++) p[i] = (float) (logits[off + i] / temperature);
    Kernels.softmax(p, 0, n, 1);
    float c = coin();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    int kept = n;
    if (topK > 0 || topP < 1) {
      Arrays.sort(order, (a, b) -> p[a] != p[b] ? Float.compare(p[b], p[a]) : Integer.compare(a, b));
      if (topK > 0) kept = (int) Math.min(kept, topK);
      if (topP < 1) {
        float cum = 0f;
        for (int i = 0; i < kept; i++) {
          cum += p[order[i]];
          if (cum > topP) {
            kept = i + 1;
            break;
          }
        }
      }
    }
    float total = 0f;
    for (int i = 0; i < kept; i++) total += p[order[i]];
    float r = c * total, cdf = 0f;
    for (int i = 0; i < kept; i++) {
      cdf += p[order[i]];
      if (r < cdf) return order[i];
    }
    return order[kept - 1];
  }
}

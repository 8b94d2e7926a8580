package gvm.llama2c;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes random llama2.c checkpoints (for tests, without Python), in the layout and with the
 * distributions of make_llama2c_model.py (not its exact values: java.util.Random draws them):
 * weights N(0, 0.02), norm weights N(1, 0.1), classifier row 1 (BOS) scaled by 0.05, RoPE tables
 * as run.c.
 */
public final class RandomCheckpoint {
  private RandomCheckpoint() {}

  /** Writes the checkpoint to {@code out} and returns {@code out}. */
  public static Path write(Path out, int dim, int hidden, int layers, int heads, int kvHeads, int vocab, int seq, boolean shared, long seed) throws IOException {
    Random rnd = new Random(seed);
    int hs = dim / heads, kv = kvHeads * hs;
    long floats = (long) vocab * dim + (long) layers * (2L * dim + 2L * dim * dim + 2L * kv * dim + 3L * hidden * dim) + dim + (long) seq * hs
        + (shared ? 0 : (long) vocab * dim);
    ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(28 + 4 * floats)).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : new int[] {dim, hidden, layers, heads, kvHeads, shared ? vocab : -vocab, seq}) b.putInt(v);
    float[] emb = gauss(rnd, vocab * dim, 0, 0.02);
    if (shared) for (int i = 0; i < dim; i++) emb[dim + i] *= 0.05f;
    put(b, emb);
    put(b, gauss(rnd, layers * dim, 1, 0.1));
    put(b, gauss(rnd, layers * dim * dim, 0, 0.02));
    put(b, gauss(rnd, layers * kv * dim, 0, 0.02));
    put(b, gauss(rnd, layers * kv * dim, 0, 0.02));
    put(b, gauss(rnd, layers * dim * dim, 0, 0.02));
    put(b, gauss(rnd, layers * dim, 1, 0.1));
    put(b, gauss(rnd, layers * hidden * dim, 0, 0.02));
    put(b, gauss(rnd, layers * dim * hidden, 0, 0.02));
    put(b, gauss(rnd, layers * hidden * dim, 0, 0.02));
    put(b, gauss(rnd, dim, 1, 0.1));
    for (int part = 0; part < 2; part++)
      for (int p = 0; p < seq; p++)
        for (int i = 0; i < hs / 2; i++) {
          double a = p * Math.pow(10000, -2.0 * i / hs);
          b.putFloat((float) (part == 0 ? Math.cos(a) : Math.sin(a)));
        }
    if (!shared) {
      float[] cls = gauss(rnd, vocab * dim, 0, 0.02);
      for (int i = 0; i < dim; i++) cls[dim + i] *= 0.05f;
      put(b, cls);
    }
    Files.write(out, b.array());
    return out;
  }

  private static float[] gauss(Random rnd, int n, double mean, double std) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) a[i] = (float) (mean + std * rnd.nextGaussian());
    return a;
  }

  private static void put(ByteBuffer b, float[] a) { for (float f : a) b.putFloat(f); }
}

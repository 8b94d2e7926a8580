package gvm.interp.kv;

import gvm.dialect.kv.ir.KvCacheType;
import gvm.interp.Parallel;
import gvm.interp.gptvm.Kernels;
import java.util.Arrays;

/**
 * A run-time {@code !kv.cache}: each sequence's keys and values contiguous, {@code
 * [layers][capacity · kvHeads · headDim]} (the logical form's storage, the reference a paged run
 * is compared with).
 */
public final class KvCache extends SequenceCache {
  private static final class Contiguous extends Sequence {
    final float[][] keys, values;

    Contiguous(int layers, int n) {
      keys = new float[layers][n];
      values = new float[layers][n];
    }
  }

  private final int capacity;

  KvCache(KvCacheType type) {
    super(type);
    long n = type.capacity() * slot();
    if (n * type.layers() * 2 > Integer.MAX_VALUE) throw new IllegalArgumentException("kv cache of " + n * type.layers() * 2 + " elements is too large");
    this.capacity = (int) type.capacity();
    addSequence(0);
  }

  public KvCacheType logicalType() { return (KvCacheType) type; }

  @Override Sequence newSequence() { return new Contiguous((int) type.layers(), capacity * slot()); }

  @Override void forkStorage(Sequence parent, Sequence child) {
    Contiguous p = (Contiguous) parent, c = (Contiguous) child;
    for (int l = 0; l < p.keys.length; l++) {
      System.arraycopy(p.keys[l], 0, c.keys[l], 0, p.len * slot());
      System.arraycopy(p.values[l], 0, c.values[l], 0, p.len * slot());
    }
  }

  @Override void release(Sequence s) {}

  @Override public long allocatedSlots() { return (long) sequences.size() * capacity; }

  @Override public long wastedSlots() {
    long waste = 0;
    for (Sequence s : sequences.values()) waste += capacity - s.len;
    return waste;
  }

  @Override void reserve(Step step) {
    for (int b = 0; b < step.batch(); b++)
      if (step.base[b] + (long) step.lens[b] > capacity)
        throw new IllegalArgumentException(step.lens[b] + " new tokens at " + step.base[b] + " overflow the capacity (" + capacity + ")");
  }

  /** Writes the step's rows of {@code k}, {@code v} after each sequence's committed tokens. */
  void append(int layer, Step step, float[] k, float[] v) {
    int slot = slot();
    for (int b = 0; b < step.batch(); b++) {
      Contiguous s = (Contiguous) sequence(step.ids[b]);
      System.arraycopy(k, step.starts[b] * slot, s.keys[layer], step.base[b] * slot, step.lens[b] * slot);
      System.arraycopy(v, step.starts[b] * slot, s.values[layer], step.base[b] * slot, step.lens[b] * slot);
    }
  }

  /**
   * Each sequence's queries over its committed keys followed by its new ones (see {@code kv.attend}).
   * The slots from a sequence's committed length on hold nothing committed, so the new keys and
   * values are staged there (the kv.append that follows writes the same slots) and attention reads
   * the storage in place.
   */
  float[] attend(Parallel par, int layer, Step step, float[] q, int heads, int d, float[] k, float[] v, double scale, long window) {
    int slot = slot();
    float[] out = new float[q.length];
    for (int b = 0; b < step.batch(); b++) {
      Contiguous s = (Contiguous) sequence(step.ids[b]);
      int len = step.base[b], n = step.lens[b];
      System.arraycopy(k, step.starts[b] * slot, s.keys[layer], len * slot, n * slot);
      System.arraycopy(v, step.starts[b] * slot, s.values[layer], len * slot, n * slot);
      attendRows(par, q, out, step.starts[b], n, heads, d, s.keys[layer], s.values[layer], len + n, (int) type.kvHeads(), len, scale, window);
    }
    return out;
  }

  /** Rows {@code [r0, r0+n)} of {@code q} attend to {@code k}, {@code v} (first query at {@code offset}); results into {@code out}. */
  private static void attendRows(Parallel par, float[] q, float[] out, int r0, int n, int qHeads, int d, float[] k, float[] v, int kvLen, int kvHeads,
      int offset, double scale, long window) {
    int row = qHeads * d;
    float[] qs = Arrays.copyOfRange(q, r0 * row, (r0 + n) * row);
    float[] o = Kernels.attention(par, qs, n, qHeads, d, k, v, kvLen, kvHeads, offset, scale, true, window);
    System.arraycopy(o, 0, out, r0 * row, n * row);
  }
}

package gvm.interp.kv;

import gvm.dialect.kv.ir.AnyCacheType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run-time kv cache: the sequences it holds (by id, each with a committed length) and the step
 * begun over some of them, TVM's PagedKVCache protocol ({@code add_sequence}, {@code
 * remove_sequence}, {@code fork_sequence}, {@code begin_forward(seq_ids, append_lens)}, {@code
 * end_forward}). Subclasses keep the keys and values: {@link KvCache} contiguously per sequence,
 * {@link PagedKvCache} in a pool of pages. The IR's cache values are this one mutable object (a
 * cache op returns it), which is sound for programs that thread the cache linearly, as the
 * importer's do.
 *
 * <p>A step without {@code begin_forward} is sequence 0's, as many tokens as the keys have rows
 * (the single-sequence form).
 */
public abstract class SequenceCache {
  /** A sequence's committed length; subclasses extend it with their storage. */
  abstract static class Sequence {
    int len;
  }

  /**
   * A begun step: sequence {@code ids[b]} appends {@code lens[b]} tokens at positions {@code
   * base[b] ..}, in rows {@code [starts[b], starts[b+1])} of the step's keys, values and queries.
   */
  public static final class Step {
    public final long[] ids;
    public final int[] lens, base, starts;

    Step(long[] ids, int[] lens, int[] base) {
      this.ids = ids;
      this.lens = lens;
      this.base = base;
      this.starts = new int[ids.length + 1];
      for (int b = 0; b < ids.length; b++) starts[b + 1] = starts[b] + lens[b];
    }

    public int batch() { return ids.length; }

    public int rows() { return starts[ids.length]; }

    /** Each row's position in its sequence. */
    public long[] positions() {
      long[] pos = new long[rows()];
      for (int b = 0; b < ids.length; b++)
        for (int i = 0; i < lens[b]; i++) pos[starts[b] + i] = base[b] + i;
      return pos;
    }
  }

  protected final AnyCacheType type;
  final Map<Long, Sequence> sequences = new LinkedHashMap<>();
  private Step step;

  SequenceCache(AnyCacheType type) { this.type = type; }

  public AnyCacheType type() { return type; }

  /** Floats of one token's keys (or values) in one layer. */
  final int slot() { return Math.toIntExact(type.kvHeads() * type.headDim()); }

  abstract Sequence newSequence();

  /** Copies what {@code child} needs of {@code parent}'s storage (their lengths are equal). */
  abstract void forkStorage(Sequence parent, Sequence child);

  /** Frees what {@code s} holds. */
  abstract void release(Sequence s);

  /** Makes room for {@code step}'s tokens, or throws leaving the cache unchanged. */
  abstract void reserve(Step step);

  /** Slots of storage held for the sequences (contiguous: their capacity each; paged: their pages). */
  public abstract long allocatedSlots();

  /** Slots of {@link #allocatedSlots} that hold no committed token. */
  public abstract long wastedSlots();

  /** Free pages a step appending {@code lens[b]} tokens to sequence {@code ids[b]} would take; 0 when storage is not paged. */
  public int pagesNeeded(long[] ids, int[] lens) { return 0; }

  /** Pages free for new tokens; {@link Integer#MAX_VALUE} when storage is not paged. */
  public int freePages() { return Integer.MAX_VALUE; }

  /** Pages a new sequence of {@code tokens} tokens takes; 0 when storage is not paged. */
  public int pagesFor(int tokens) { return 0; }

  /** Bytes of one slot: keys and values of every layer, as f32. */
  public final long bytesPerSlot() { return 2L * type.layers() * slot() * 4; }

  /** Adds an empty sequence {@code id}. */
  public final void addSequence(long id) {
    if (sequences.containsKey(id)) throw new IllegalArgumentException("sequence " + id + " already exists");
    sequences.put(id, newSequence());
  }

  /** Removes sequence {@code id}, freeing its storage. */
  public final void removeSequence(long id) {
    noStep("remove a sequence");
    release(sequence(id));
    sequences.remove(id);
  }

  /** Adds sequence {@code child} holding {@code parent}'s tokens (paged: sharing its pages). */
  public final void forkSequence(long parent, long child) {
    noStep("fork a sequence");
    Sequence p = sequence(parent);
    if (sequences.containsKey(child)) throw new IllegalArgumentException("sequence " + child + " already exists");
    Sequence c = newSequence();
    c.len = p.len;
    forkStorage(p, c);
    sequences.put(child, c);
  }

  public final boolean hasSequence(long id) { return sequences.containsKey(id); }

  /** The ids of the sequences held, in the order they were added. */
  public final List<Long> sequenceIds() { return new ArrayList<>(sequences.keySet()); }

  /** The committed length of sequence {@code id}. */
  public final int length(long id) { return sequence(id).len; }

  final Sequence sequence(long id) {
    Sequence s = sequences.get(id);
    if (s == null) throw new IllegalArgumentException("no sequence " + id + " in the kv cache");
    return s;
  }

  private void noStep(String what) {
    if (step != null) throw new IllegalStateException("cannot " + what + " while a step is begun");
  }

  /** Begins a step: sequence {@code ids[b]} will append {@code lens[b]} tokens. */
  public final void beginForward(long[] ids, long[] lens) {
    if (ids.length != lens.length) throw new IllegalArgumentException(ids.length + " sequence ids but " + lens.length + " append lengths");
    noStep("begin a step");
    int[] n = new int[ids.length], base = new int[ids.length];
    for (int b = 0; b < ids.length; b++) {
      for (int a = 0; a < b; a++)
        if (ids[a] == ids[b]) throw new IllegalArgumentException("sequence " + ids[b] + " appears twice in the step");
      if (lens[b] < 0 || lens[b] > Integer.MAX_VALUE) throw new IllegalArgumentException("append length " + lens[b] + " is out of range");
      n[b] = (int) lens[b];
      base[b] = sequence(ids[b]).len;
    }
    Step s = new Step(ids.clone(), n, base);
    reserve(s);
    step = s;
  }

  /** The begun step, or null. */
  public final Step begun() { return step; }

  /** The begun step, else sequence 0's step of {@code rows} tokens. */
  final Step step(int rows) {
    if (step != null) {
      if (rows != step.rows()) throw new IllegalArgumentException("has " + rows + " new tokens but the step begun has " + step.rows());
      return step;
    }
    Step s = new Step(new long[] {0}, new int[] {rows}, new int[] {sequence(0).len});
    reserve(s);
    return s;
  }

  /** The begun step; an error when none is. */
  final Step requireStep() {
    if (step == null) throw new IllegalStateException("needs a step begun by kv.begin_forward");
    return step;
  }

  /** Ends the step: each of its sequences grows by its append length, which sum to {@code count}. */
  public final void endForward(long count) {
    if (step == null) {
      Step s = step((int) count);
      sequence(0).len += s.lens[0];
      return;
    }
    if (count != step.rows()) throw new IllegalArgumentException("advancing by " + count + " but the step begun has " + step.rows() + " tokens");
    for (int b = 0; b < step.batch(); b++) sequence(step.ids[b]).len += step.lens[b];
    step = null;
  }
}

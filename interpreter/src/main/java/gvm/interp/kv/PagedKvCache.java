package gvm.interp.kv;

import gvm.dialect.kv.ir.PagedCacheType;
import gvm.interp.Parallel;
import gvm.interp.gptvm.Kernels;
import java.util.Arrays;
import java.util.Locale;

/**
 * A run-time {@code !kv.paged_cache}: per layer a key and a value pool {@code [num_pages, kv_heads,
 * page_size, head_dim]}, a page allocator (a free list and a reference count per page) and per
 * sequence its block table. Forked sequences share pages; {@link #beginForward} copies a shared
 * last page before a step writes into it (copy on write), and allocates the pages a step needs
 * all at once or not at all ({@link OutOfPagesException}), so a failed step changes nothing.
 */
public final class PagedKvCache extends SequenceCache {
  /** Thrown when a step needs more pages than are free; the cache is unchanged. */
  public static final class OutOfPagesException extends IllegalStateException {
    public final int needed, free;

    OutOfPagesException(String message, int needed, int free) {
      super(message);
      this.needed = needed;
      this.free = free;
    }
  }

  private static final class Paged extends Sequence {
    int[] pages = new int[0];
  }

  private final int pageSize, numPages, heads, headDim;
  final float[][] keys, values;
  private final int[] refs, free;
  private int freeTop;

  PagedKvCache(PagedCacheType type) {
    super(type);
    this.pageSize = (int) type.pageSize();
    this.numPages = Math.toIntExact(type.numPages());
    this.heads = (int) type.kvHeads();
    this.headDim = (int) type.headDim();
    long n = type.slots() * slot();
    if (n * type.layers() * 2 > Integer.MAX_VALUE) throw new IllegalArgumentException("page pool of " + n * type.layers() * 2 + " elements is too large");
    keys = new float[(int) type.layers()][(int) n];
    values = new float[(int) type.layers()][(int) n];
    refs = new int[numPages];
    free = new int[numPages];
    for (int p = 0; p < numPages; p++) free[p] = numPages - 1 - p; // page 0 is handed out first
    freeTop = numPages;
    addSequence(0);
  }

  public PagedCacheType pagedType() { return (PagedCacheType) type; }

  public int pageSize() { return pageSize; }

  @Override Sequence newSequence() { return new Paged(); }

  @Override void forkStorage(Sequence parent, Sequence child) {
    int[] pages = ((Paged) parent).pages;
    ((Paged) child).pages = pages.clone();
    for (int p : pages) refs[p]++;
  }

  @Override void release(Sequence s) {
    for (int p : ((Paged) s).pages) unref(p);
    ((Paged) s).pages = new int[0];
  }

  private void unref(int page) {
    if (--refs[page] == 0) free[freeTop++] = page;
  }

  private int allocate() {
    int p = free[--freeTop];
    refs[p] = 1;
    return p;
  }

  private static int pagesFor(int tokens, int pageSize) { return (tokens + pageSize - 1) / pageSize; }

  /** Whether the step writes into {@code s}'s last page while another sequence shares it. */
  private boolean copyOnWrite(Paged s, int base, int n) {
    return n > 0 && base % pageSize != 0 && refs[s.pages[s.pages.length - 1]] > 1;
  }

  /** Free pages a step appending {@code lens[b]} tokens to sequence {@code ids[b]} would take (copies on write included). */
  @Override public int pagesNeeded(long[] ids, int[] lens) {
    int needed = 0;
    for (int b = 0; b < ids.length; b++) {
      Paged s = (Paged) sequence(ids[b]);
      needed += Math.max(0, pagesFor(s.len + lens[b], pageSize) - s.pages.length);
      if (copyOnWrite(s, s.len, lens[b])) needed++;
    }
    return needed;
  }

  @Override void reserve(Step step) {
    int needed = pagesNeeded(step.ids, step.lens);
    if (needed > freeTop)
      throw new OutOfPagesException(String.format(Locale.ROOT, "out of kv cache pages: the step needs %d more pages of %d tokens but %d of %d are free",
          needed, pageSize, freeTop, numPages), needed, freeTop);
    for (int b = 0; b < step.batch(); b++) {
      Paged s = (Paged) sequence(step.ids[b]);
      if (copyOnWrite(s, step.base[b], step.lens[b])) {
        int last = s.pages.length - 1, old = s.pages[last], copy = allocate();
        copyPage(old, copy);
        unref(old);
        s.pages[last] = copy;
      }
      int total = pagesFor(step.base[b] + step.lens[b], pageSize);
      if (total > s.pages.length) {
        int have = s.pages.length;
        s.pages = Arrays.copyOf(s.pages, total);
        for (int i = have; i < total; i++) s.pages[i] = allocate();
      }
    }
  }

  private void copyPage(int from, int to) {
    int n = pageSize * slot();
    for (int l = 0; l < keys.length; l++) {
      System.arraycopy(keys[l], from * n, keys[l], to * n, n);
      System.arraycopy(values[l], from * n, values[l], to * n, n);
    }
  }

  // ---- the step's metadata ----

  /** {@code [batch][max pages]}, padded with -1. */
  public long[] blockTable(Step step, int[] shape) {
    int width = 0;
    for (long id : step.ids) width = Math.max(width, ((Paged) sequence(id)).pages.length);
    long[] t = new long[step.batch() * width];
    Arrays.fill(t, -1);
    for (int b = 0; b < step.batch(); b++) {
      int[] pages = ((Paged) sequence(step.ids[b])).pages;
      for (int i = 0; i < pages.length; i++) t[b * width + i] = pages[i];
    }
    shape[0] = step.batch();
    shape[1] = width;
    return t;
  }

  /** Each row's slot {@code page * page_size + offset}. */
  public long[] slotMapping(Step step) {
    long[] slots = new long[step.rows()];
    for (int b = 0; b < step.batch(); b++) {
      int[] pages = ((Paged) sequence(step.ids[b])).pages;
      for (int i = 0; i < step.lens[b]; i++) {
        int p = step.base[b] + i;
        slots[step.starts[b] + i] = (long) pages[p / pageSize] * pageSize + p % pageSize;
      }
    }
    return slots;
  }

  // ---- kernels ----

  /** Writes row {@code i} of {@code k}, {@code v} {@code [rows, kv_heads, head_dim]} to slot {@code slots[i]} of layer {@code layer}. */
  void write(int layer, long[] slots, float[] k, float[] v) {
    int d = headDim;
    for (int i = 0; i < slots.length; i++) {
      long s = slots[i];
      if (s < 0 || s >= (long) numPages * pageSize) throw new IllegalArgumentException("slot " + s + " is outside the pool of " + numPages * pageSize);
      int page = (int) (s / pageSize), off = (int) (s % pageSize);
      for (int h = 0; h < heads; h++)
        for (int t = 0; t < 2; t++) {
          float[] src = t == 0 ? k : v, dst = t == 0 ? keys[layer] : values[layer];
          System.arraycopy(src, (i * heads + h) * d, dst, ((page * heads + h) * pageSize + off) * d, d);
        }
    }
  }

  /**
   * {@code kv.paged_attention}: each sequence's rows of {@code q} over its first {@code seqLens[b]}
   * keys and values, read in place through row {@code b} of the block table (after checking that
   * the rows and the table entries they need are in range).
   */
  float[] attention(Parallel par, int layer, float[] q, int qHeads, long[] table, int width, long[] seqLens, long[] starts,
      double scale, long window) {
    for (int b = 0; b < seqLens.length; b++) {
      long len = seqLens[b], n = starts[b + 1] - starts[b];
      if (n < 0 || n > len) throw new IllegalArgumentException("sequence " + b + " has " + n + " queries but length " + len);
      if (pagesFor((int) len, pageSize) > width)
        throw new IllegalArgumentException("sequence " + b + " of length " + len + " needs more pages than its block table row holds");
      for (int i = 0; i < pagesFor((int) len, pageSize); i++) {
        long page = table[b * width + i];
        if (page < 0 || page >= numPages) throw new IllegalArgumentException("block table entry " + page + " is not a page of the pool");
      }
    }
    return Kernels.pagedAttention(par, q, qHeads, headDim, keys[layer], values[layer], heads, pageSize, table, width, seqLens, starts, scale, window);
  }

  // ---- queries ----

  /** The physical pages of sequence {@code id}, in logical order. */
  public int[] pages(long id) { return ((Paged) sequence(id)).pages.clone(); }

  /** How many sequences hold page {@code page}. */
  public int refCount(int page) { return refs[page]; }

  @Override public int freePages() { return freeTop; }

  @Override public int pagesFor(int tokens) { return pagesFor(tokens, pageSize); }

  public int numPages() { return numPages; }

  /** Pages held by some sequence. */
  public int usedPages() { return numPages - freeTop; }

  /** Slots of the pages in use, {@code usedPages * page_size}. */
  @Override public long allocatedSlots() { return (long) usedPages() * pageSize; }

  /** Slots of pages in use that hold no token of any sequence (each page counted once, however shared). */
  @Override public long wastedSlots() {
    int[] fill = new int[numPages];
    for (Sequence s : sequences.values()) {
      int[] pages = ((Paged) s).pages;
      for (int i = 0; i < pages.length; i++) fill[pages[i]] = Math.max(fill[pages[i]], Math.min(pageSize, s.len - i * pageSize));
    }
    long waste = 0;
    for (int p = 0; p < numPages; p++)
      if (refs[p] > 0) waste += pageSize - Math.max(0, fill[p]);
    return waste;
  }
}

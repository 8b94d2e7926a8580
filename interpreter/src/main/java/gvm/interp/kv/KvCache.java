package gvm.interp.kv;

import gvm.dialect.kv.ir.KvCacheType;

/**
 * A run-time {@code !kv.cache} value: storage shared by the caches one sequence's steps produce,
 * and this value's committed length. Sharing is sound for the protocol of {@code kv}: an append
 * writes slots at or after the length of the cache it is given, which no earlier cache value can
 * read; {@link Storage#committed} catches the one misuse that would break it (appending from an
 * old cache over slots a later one committed).
 */
public record KvCache(Storage storage, int len) {
  /** Keys and values {@code [layers][capacity · kvHeads · headDim]}. */
  public static final class Storage {
    final KvCacheType type;
    final int slot;
    final float[][] keys, values;
    int committed;

    Storage(KvCacheType type) {
      this.type = type;
      this.slot = Math.toIntExact(type.kvHeads() * type.headDim());
      long n = type.capacity() * slot;
      if (n * type.layers() * 2 > Integer.MAX_VALUE) throw new IllegalArgumentException("kv cache of " + n * type.layers() * 2 + " elements is too large");
      this.keys = new float[(int) type.layers()][(int) n];
      this.values = new float[(int) type.layers()][(int) n];
    }
  }

  static KvCache create(KvCacheType type) { return new KvCache(new Storage(type), 0); }

  public KvCacheType type() { return storage.type; }
}

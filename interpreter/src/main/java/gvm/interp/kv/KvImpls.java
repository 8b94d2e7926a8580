package gvm.interp.kv;

import gvm.dialect.kv.ir.CacheOps;
import gvm.dialect.kv.ir.KvCacheType;
import gvm.interp.BlockEffect;
import gvm.interp.ImplTable;
import gvm.interp.Tensor;
import gvm.interp.gptvm.Kernels;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.types.ShapedType;

/** kv: the logical cache protocol of {@code KvDialect} (create, append, attend, seq_len, advance). */
public final class KvImpls {
  private KvImpls() {}

  public static void register(ImplTable t) {
    t.register(CacheOps.CreateOp.DEF, (f, op, a) -> BlockEffect.next(KvCache.create((KvCacheType) op.result(0).type())));
    t.register(CacheOps.SeqLenOp.DEF, (f, op, a) -> BlockEffect.next((long) ((KvCache) a[0]).len()));
    t.register(CacheOps.AdvanceOp.DEF, (f, op, a) -> {
      KvCache c = (KvCache) a[0];
      long n = (Long) a[1];
      long len = c.len() + n;
      if (n < 0 || len > c.type().capacity())
        throw new IllegalArgumentException("advancing by " + n + " from " + c.len() + " overflows the capacity (" + c.type().capacity() + ")");
      KvCache.Storage s = c.storage();
      s.committed = Math.max(s.committed, (int) len);
      return BlockEffect.next(new KvCache(s, (int) len));
    });
    t.register(CacheOps.AppendOp.DEF, (f, op, a) -> {
      KvCache c = (KvCache) a[0];
      Tensor k = (Tensor) a[1], v = (Tensor) a[2];
      KvCache.Storage s = c.storage();
      int layer = (int) new CacheOps.AppendOp(op).layer(), n = k.dim(0);
      checkStep(c, n);
      if (c.len() < s.committed)
        throw new IllegalArgumentException("appending at " + c.len() + " to a cache whose slots up to " + s.committed
            + " were committed from a later value (kv caches must be used linearly)");
      k.floats().get(0, s.keys[layer], c.len() * s.slot, n * s.slot);
      v.floats().get(0, s.values[layer], c.len() * s.slot, n * s.slot);
      return BlockEffect.next(c);
    });
    t.register(CacheOps.AttendOp.DEF, (f, op, a) -> {
      KvCache c = (KvCache) a[0];
      Tensor q = (Tensor) a[1], k = (Tensor) a[2], v = (Tensor) a[3];
      KvCache.Storage s = c.storage();
      int layer = (int) new CacheOps.AttendOp(op).layer(), n = k.dim(0), len = c.len();
      checkStep(c, n);
      if (q.dim(0) != n) throw new IllegalArgumentException("has " + q.dim(0) + " queries but " + n + " new keys");
      int total = len + n;
      float[] keys, values;
      if (len >= s.committed) {
        // The slots from len on belong to no committed value: stage the new keys/values there (the
        // kv.append that follows writes the same slots) and attend over the storage in place.
        keys = s.keys[layer];
        values = s.values[layer];
      } else {
        keys = new float[total * s.slot];
        values = new float[total * s.slot];
        System.arraycopy(s.keys[layer], 0, keys, 0, len * s.slot);
        System.arraycopy(s.values[layer], 0, values, 0, len * s.slot);
      }
      k.floats().get(0, keys, len * s.slot, n * s.slot);
      v.floats().get(0, values, len * s.slot, n * s.slot);
      int d = q.dim(2);
      double scale = op.prop("scale") instanceof FloatAttr fa ? fa.value() : 1.0 / Math.sqrt(d);
      long window = op.prop("window") instanceof IntegerAttr w ? w.value() : -1;
      float[] out = Kernels.attention(f.interpreter().parallel(), q.floatArray(), n, q.dim(1), d, keys, values, total, k.dim(1), len, scale, true, window);
      return BlockEffect.next(Tensor.ofFloats(((ShapedType) op.result(0).type()).elementType(), q.shape(), out));
    });
  }

  private static void checkStep(KvCache c, int n) {
    if (c.len() + (long) n > c.type().capacity())
      throw new IllegalArgumentException(n + " new tokens at " + c.len() + " overflow the capacity (" + c.type().capacity() + ")");
  }
}

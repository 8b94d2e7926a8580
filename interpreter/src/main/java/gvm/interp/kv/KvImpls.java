package gvm.interp.kv;

import gvm.dialect.kv.ir.CacheOps;
import gvm.dialect.kv.ir.KvCacheType;
import gvm.dialect.kv.ir.PagedCacheType;
import gvm.dialect.kv.ir.StepOps;
import gvm.interp.BlockEffect;
import gvm.interp.ImplTable;
import gvm.interp.Tensor;
import gvm.ir.Operation;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.types.IndexType;
import gvm.ir.types.ShapedType;

/**
 * kv: the cache protocol of {@code KvDialect} (create, begin_forward, positions, append, attend,
 * seq_len, advance) on {@link SequenceCache}s; the paged ops are {@link PagedImpls}.
 */
public final class KvImpls {
  private KvImpls() {}

  public static void register(ImplTable t) {
    t.register(CacheOps.CreateOp.DEF, (f, op, a) -> BlockEffect.next(op.result(0).type() instanceof PagedCacheType p
        ? new PagedKvCache(p) : new KvCache((KvCacheType) op.result(0).type())));
    t.register(CacheOps.SeqLenOp.DEF, (f, op, a) -> BlockEffect.next((long) ((SequenceCache) a[0]).length(0)));
    t.register(StepOps.BeginForwardOp.DEF, (f, op, a) -> {
      SequenceCache c = (SequenceCache) a[0];
      c.beginForward(((Tensor) a[1]).intArray(), ((Tensor) a[2]).intArray());
      return BlockEffect.next(c);
    });
    t.register(StepOps.PositionsOp.DEF, (f, op, a) -> {
      SequenceCache.Step s = ((SequenceCache) a[0]).requireStep();
      return BlockEffect.next(Tensor.ofInts(IndexType.INSTANCE, new int[] {s.rows()}, s.positions()));
    });
    t.register(CacheOps.AdvanceOp.DEF, (f, op, a) -> {
      SequenceCache c = (SequenceCache) a[0];
      long n = (Long) a[1];
      if (c.begun() == null && c instanceof KvCache k) {
        long len = c.length(0) + n;
        if (n < 0 || len > k.logicalType().capacity())
          throw new IllegalArgumentException("advancing by " + n + " from " + c.length(0) + " overflows the capacity (" + k.logicalType().capacity() + ")");
      }
      c.endForward(n);
      return BlockEffect.next(c);
    });
    t.register(CacheOps.AppendOp.DEF, (f, op, a) -> {
      KvCache c = (KvCache) a[0];
      Tensor k = (Tensor) a[1], v = (Tensor) a[2];
      c.append(layer(op), c.step(k.dim(0)), k.floatArray(), v.floatArray());
      return BlockEffect.next(c);
    });
    t.register(CacheOps.AttendOp.DEF, (f, op, a) -> {
      KvCache c = (KvCache) a[0];
      Tensor q = (Tensor) a[1], k = (Tensor) a[2], v = (Tensor) a[3];
      int n = k.dim(0);
      if (q.dim(0) != n) throw new IllegalArgumentException("has " + q.dim(0) + " queries but " + n + " new keys");
      float[] out = c.attend(f.interpreter().parallel(), layer(op), c.step(n), q.floatArray(), q.dim(1), q.dim(2), k.floatArray(), v.floatArray(),
          scale(op, q.dim(2)), window(op));
      return BlockEffect.next(Tensor.ofFloats(((ShapedType) op.result(0).type()).elementType(), q.shape(), out));
    });
    PagedImpls.register(t);
  }

  static int layer(Operation op) { return (int) ((IntegerAttr) op.prop("layer")).value(); }

  static double scale(Operation op, int headDim) { return op.prop("scale") instanceof FloatAttr fa ? fa.value() : 1.0 / Math.sqrt(headDim); }

  static long window(Operation op) { return op.prop("window") instanceof IntegerAttr w ? w.value() : -1; }
}

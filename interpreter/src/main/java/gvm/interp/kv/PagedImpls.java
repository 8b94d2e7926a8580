package gvm.interp.kv;

import gvm.dialect.kv.ir.PagedOps;
import gvm.interp.BlockEffect;
import gvm.interp.ImplTable;
import gvm.interp.Tensor;
import gvm.ir.types.IntegerType;
import gvm.ir.types.ShapedType;

/** kv, paged form: the step's metadata, {@code kv.paged_write} and {@code kv.paged_attention} on a {@link PagedKvCache}. */
final class PagedImpls {
  private PagedImpls() {}

  static void register(ImplTable t) {
    t.register(PagedOps.BlockTableOp.DEF, (f, op, a) -> {
      PagedKvCache c = (PagedKvCache) a[0];
      int[] shape = new int[2];
      long[] table = c.blockTable(c.requireStep(), shape);
      return BlockEffect.next(Tensor.ofInts(IntegerType.I32, shape, table));
    });
    t.register(PagedOps.SeqLensOp.DEF, (f, op, a) -> {
      SequenceCache.Step s = ((PagedKvCache) a[0]).requireStep();
      long[] lens = new long[s.batch()];
      for (int b = 0; b < lens.length; b++) lens[b] = s.base[b] + s.lens[b];
      return BlockEffect.next(Tensor.ofInts(IntegerType.I32, new int[] {lens.length}, lens));
    });
    t.register(PagedOps.QueryStartLocOp.DEF, (f, op, a) -> {
      SequenceCache.Step s = ((PagedKvCache) a[0]).requireStep();
      long[] starts = new long[s.batch() + 1];
      for (int b = 0; b < starts.length; b++) starts[b] = s.starts[b];
      return BlockEffect.next(Tensor.ofInts(IntegerType.I32, new int[] {starts.length}, starts));
    });
    t.register(PagedOps.SlotMappingOp.DEF, (f, op, a) -> {
      PagedKvCache c = (PagedKvCache) a[0];
      long[] slots = c.slotMapping(c.requireStep());
      return BlockEffect.next(Tensor.ofInts(IntegerType.I64, new int[] {slots.length}, slots));
    });
    t.register(PagedOps.PagedWriteOp.DEF, (f, op, a) -> {
      PagedKvCache c = (PagedKvCache) a[0];
      Tensor k = (Tensor) a[1], v = (Tensor) a[2], slots = (Tensor) a[3];
      if (slots.dim(0) != k.dim(0)) throw new IllegalArgumentException("has " + k.dim(0) + " new keys but " + slots.dim(0) + " slots");
      c.write(KvImpls.layer(op), slots.intArray(), k.floatArray(), v.floatArray());
      return BlockEffect.next(c);
    });
    t.register(PagedOps.PagedAttentionOp.DEF, (f, op, a) -> {
      PagedKvCache c = (PagedKvCache) a[0];
      Tensor q = (Tensor) a[1], table = (Tensor) a[2], lens = (Tensor) a[3], starts = (Tensor) a[4];
      if (starts.dim(0) != lens.dim(0) + 1 || table.dim(0) != lens.dim(0))
        throw new IllegalArgumentException("has " + table.dim(0) + " block table rows, " + lens.dim(0) + " sequence lengths and " + starts.dim(0)
            + " query starts");
      long[] st = starts.intArray();
      if (st[0] != 0 || st[st.length - 1] != q.dim(0))
        throw new IllegalArgumentException("query starts must run from 0 to the " + q.dim(0) + " queries");
      float[] out = c.attention(f.interpreter().parallel(), KvImpls.layer(op), q.floatArray(), q.dim(1), table.intArray(), table.dim(1), lens.intArray(),
          st, KvImpls.scale(op, q.dim(2)), KvImpls.window(op));
      return BlockEffect.next(Tensor.ofFloats(((ShapedType) op.result(0).type()).elementType(), q.shape(), out));
    });
  }
}

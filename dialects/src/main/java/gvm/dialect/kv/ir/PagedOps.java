package gvm.dialect.kv.ir;

import static gvm.dialect.gptvm.ir.GptvmVerify.*;
import static gvm.ir.def.Trait.PURE;

import gvm.dialect.builtin.ir.OpView;
import gvm.dialect.gptvm.ir.GptvmConstraints;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.def.TypeConstraint;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;

/**
 * The paged form of the {@code kv} dialect over {@code !kv.paged_cache} (what {@code
 * kv-lower-to-paged} writes): the begun step's metadata as tensors, the write of a layer's new keys
 * and values into their slots (vLLM's {@code reshape_and_cache}), and attention reading the pages
 * through the block table (vLLM's {@code paged_attention}, TVM's {@code attention_with_fused_qkv}).
 */
public final class PagedOps {
  private PagedOps() {}

  static final TypeConstraint I32_VECTOR = StepOps.vector("32-bit signless integer", IntegerType.I32);
  static final TypeConstraint I64_VECTOR = StepOps.vector("64-bit signless integer", IntegerType.I64);
  static final TypeConstraint I32_MATRIX = TypeConstraint.of("2-D tensor of 32-bit signless integer values",
      t -> t instanceof RankedTensorType r && r.rank() == 2 && r.elementType().equals(IntegerType.I32));

  private static OpDef metadata(String name, String summary, TypeConstraint result) {
    return OpDef.named(name)
        .summary(summary)
        .operand("cache", PagedCacheType.CONSTRAINT)
        .result("result", result)
        .traits(PURE)
        .format("$cache attr-dict `:` type($cache) `->` type($result)");
  }

  /**
   * {@code kv.block_table}: {@code [batch, max_pages]}, row {@code b} the physical pages of the
   * {@code b}-th sequence of the begun step in logical order, padded with {@code -1}.
   *
   * <pre>{@code
   * %bt = kv.block_table %c : !kv.paged_cache<...> -> tensor<?x?xi32>
   * }</pre>
   */
  public static final class BlockTableOp extends OpView {
    public static final OpDef DEF = metadata("kv.block_table", "block tables of the begun step's sequences", I32_MATRIX);

    public BlockTableOp(Operation op) { super(op, DEF); }
  }

  /**
   * {@code kv.seq_lens}: {@code [batch]}, each sequence's length after the step (committed plus
   * appended: vLLM's {@code seq_lens}, the keys its last new token attends to).
   *
   * <pre>{@code
   * %lens = kv.seq_lens %c : !kv.paged_cache<...> -> tensor<?xi32>
   * }</pre>
   */
  public static final class SeqLensOp extends OpView {
    public static final OpDef DEF = metadata("kv.seq_lens", "lengths of the begun step's sequences after the step", I32_VECTOR);

    public SeqLensOp(Operation op) { super(op, DEF); }
  }

  /**
   * {@code kv.query_start_loc}: {@code [batch + 1]}, the first row of each sequence's new tokens in
   * the step's ragged rows, then the number of rows (vLLM's {@code query_start_loc}, TVM's {@code qo_indptr}).
   *
   * <pre>{@code
   * %qsl = kv.query_start_loc %c : !kv.paged_cache<...> -> tensor<?xi32>
   * }</pre>
   */
  public static final class QueryStartLocOp extends OpView {
    public static final OpDef DEF = metadata("kv.query_start_loc", "first row of each sequence's new tokens in the step", I32_VECTOR);

    public QueryStartLocOp(Operation op) { super(op, DEF); }
  }

  /**
   * {@code kv.slot_mapping}: {@code [rows]}, the pool slot ({@code page * page_size + offset}) each
   * new token of the step is written to (vLLM's {@code slot_mapping}).
   *
   * <pre>{@code
   * %slots = kv.slot_mapping %c : !kv.paged_cache<...> -> tensor<?xi64>
   * }</pre>
   */
  public static final class SlotMappingOp extends OpView {
    public static final OpDef DEF = metadata("kv.slot_mapping", "pool slot of each new token of the step", I64_VECTOR);

    public SlotMappingOp(Operation op) { super(op, DEF); }
  }

  /**
   * {@code kv.paged_write}: the cache with row {@code i} of {@code key}, {@code value [rows,
   * kv_heads, head_dim]} written to slot {@code slot_mapping[i]} of layer {@code layer}'s pools
   * (vLLM's {@code reshape_and_cache}).
   *
   * <pre>{@code
   * %c2 = kv.paged_write %c1[0], %k, %v, %slots : !kv.paged_cache<...>, tensor<?x4x8xf32>, tensor<?xi64>
   * }</pre>
   */
  public static final class PagedWriteOp extends OpView {
    public static final OpDef DEF = OpDef.named("kv.paged_write")
        .summary("write one step's keys and values of one layer to their pool slots")
        .operand("cache", PagedCacheType.CONSTRAINT)
        .operand("key", GptvmConstraints.FLOAT_TENSOR)
        .operand("value", GptvmConstraints.FLOAT_TENSOR)
        .operand("slot_mapping", I64_VECTOR)
        .property("layer", GptvmConstraints.I64_ATTR)
        .result("result", PagedCacheType.CONSTRAINT)
        .traits(PURE)
        .allTypesMatch("cache", "result")
        .allTypesMatch("key", "value")
        .format("$cache `[` $layer `]` `,` $key `,` $value `,` $slot_mapping attr-dict `:` type($cache) `,` type($key) `,` type($slot_mapping)")
        .verifier(PagedWriteOp::verify);

    public PagedWriteOp(Operation op) { super(op, DEF); }

    public long layer() { return i64(op, "layer", 0); }

    private static void verify(Operation op) {
      PagedCacheType cache = verifyLayer(op);
      Value key = op.operand(1);
      shapeMatches(op, tensor(key), new long[] {ShapedType.DYNAMIC, cache.kvHeads(), cache.headDim()}, "key");
      if (!tensor(key).elementType().equals(cache.dtype()))
        throw Verify.opError(op, "requires key and value element type to match the cache dtype");
      if (!compatible(dim(key, 0), dim(op.operand(3), 0)))
        throw Verify.opError(op, "requires a slot for each new key (" + size(dim(op.operand(3), 0)) + " vs " + size(dim(key, 0)) + ")");
    }
  }

  /**
   * {@code kv.paged_attention}: attention of {@code query [rows, heads, head_dim]} over layer
   * {@code layer}'s keys and values read through {@code block_table}: rows {@code
   * [query_start_loc[b], query_start_loc[b+1])} are the new tokens of sequence {@code b}, the last
   * of them at position {@code seq_lens[b] - 1}; each attends causally to its sequence's positions
   * up to its own (and within {@code window}), key {@code p} at slot {@code block_table[b][p /
   * page_size] * page_size + p % page_size}. Scale defaults to {@code 1/sqrt(head_dim)}. The step's
   * keys must have been written ({@code kv.paged_write}) first. Result {@code [rows, heads, head_dim]}.
   *
   * <pre>{@code
   * %o = kv.paged_attention %c2[0], %q, %bt, %lens, %qsl : !kv.paged_cache<...>, tensor<?x8x8xf32>, tensor<?x?xi32>, tensor<?xi32>, tensor<?xi32>
   * }</pre>
   */
  public static final class PagedAttentionOp extends OpView {
    public static final OpDef DEF = OpDef.named("kv.paged_attention")
        .summary("causal attention of new queries over a layer's pages, through the block table")
        .operand("cache", PagedCacheType.CONSTRAINT)
        .operand("query", GptvmConstraints.FLOAT_TENSOR)
        .operand("block_table", I32_MATRIX)
        .operand("seq_lens", I32_VECTOR)
        .operand("query_start_loc", I32_VECTOR)
        .property("layer", GptvmConstraints.I64_ATTR)
        .optionalProperty("scale", GptvmConstraints.F64_ATTR)
        .optionalProperty("window", GptvmConstraints.I64_ATTR)
        .result("result", GptvmConstraints.FLOAT_TENSOR)
        .traits(PURE)
        .allTypesMatch("query", "result")
        .format("$cache `[` $layer `]` `,` $query `,` $block_table `,` $seq_lens `,` $query_start_loc"
            + " (`scale` `(` $scale^ `)`)? (`window` `(` $window^ `)`)?"
            + " attr-dict `:` type($cache) `,` type($query) `,` type($block_table) `,` type($seq_lens) `,` type($query_start_loc)")
        .verifier(PagedAttentionOp::verify);

    public PagedAttentionOp(Operation op) { super(op, DEF); }

    public long layer() { return i64(op, "layer", 0); }

    private static void verify(Operation op) {
      PagedCacheType cache = verifyLayer(op);
      Value query = op.operand(1);
      RankedTensorType q = tensor(query);
      shapeMatches(op, q, new long[] {ShapedType.DYNAMIC, ShapedType.DYNAMIC, cache.headDim()}, "query");
      if (!q.elementType().equals(cache.dtype())) throw Verify.opError(op, "requires query element type to match the cache dtype");
      long heads = q.shape().dim(1);
      if (heads != ShapedType.DYNAMIC && heads % cache.kvHeads() != 0)
        throw Verify.opError(op, "requires the number of query heads (" + heads + ") to be a multiple of the number of kv heads (" + cache.kvHeads() + ")");
      positive(op, "scale");
      positive(op, "window");
      long batch = dim(op.operand(2), 0), lens = dim(op.operand(3), 0), starts = dim(op.operand(4), 0);
      if (!compatible(batch, lens))
        throw Verify.opError(op, "requires a block table row for each sequence length (" + size(batch) + " vs " + size(lens) + ")");
      if (lens != ShapedType.DYNAMIC && !compatible(starts, lens + 1))
        throw Verify.opError(op, "requires one more query start than sequence lengths (" + size(starts) + " vs " + size(lens) + ")");
    }
  }

  /** The paged cache of operand 0, with {@code layer} in {@code [0, layers)}. */
  private static PagedCacheType verifyLayer(Operation op) {
    PagedCacheType cache = (PagedCacheType) op.operand(0).type();
    long layer = i64(op, "layer", 0);
    if (layer < 0 || layer >= cache.layers())
      throw Verify.opError(op, "requires layer to be in [0, " + cache.layers() + "), but got " + layer);
    return cache;
  }
}

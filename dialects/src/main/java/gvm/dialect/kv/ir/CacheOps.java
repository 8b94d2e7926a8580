package gvm.dialect.kv.ir;

import static gvm.dialect.gptvm.ir.GptvmVerify.*;
import static gvm.ir.def.Trait.PURE;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.dialect.gptvm.ir.AttentionOp;
import gvm.dialect.gptvm.ir.GptvmConstraints;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.types.ShapedType;

/** The ops of the {@code kv} dialect over {@code !kv.cache<...>}; the protocol is in {@link KvDialect}. */
public final class CacheOps {
  private CacheOps() {}

  /**
   * {@code kv.create}: an empty cache holding sequence 0 ({@code len = 0}); slot contents are
   * unspecified until appended. Of a paged type: a pool of free pages, sequence 0 holding none.
   *
   * <pre>{@code
   * %c = kv.create : !kv.cache<layers = 2, kv_heads = 4, head_dim = 8, capacity = 256, dtype = f32>
   * }</pre>
   */
  public static final class CreateOp extends OpView {
    public static final OpDef DEF = OpDef.named("kv.create")
        .summary("create an empty key/value cache")
        .result("result", AnyCacheType.CONSTRAINT)
        .traits(PURE)
        .format("attr-dict `:` type($result)");

    public CreateOp(Operation op) { super(op, DEF); }

    public AnyCacheType type() { return (AnyCacheType) op.result(0).type(); }
  }

  /**
   * {@code kv.append}: the cache with {@code key}, {@code value [n, kv_heads, head_dim]} written to
   * slots {@code [len, len+n)} of layer {@code layer}; {@code len} unchanged (see {@code kv.advance}).
   *
   * <pre>{@code
   * %c1 = kv.append %c0[0], %k, %v : !kv.cache<...>, tensor<?x4x8xf32>
   * }</pre>
   */
  public static final class AppendOp extends OpView {
    public static final OpDef DEF = OpDef.named("kv.append")
        .summary("write one step's keys and values of one layer after the committed length")
        .operand("cache", KvCacheType.CONSTRAINT)
        .operand("key", GptvmConstraints.FLOAT_TENSOR)
        .operand("value", GptvmConstraints.FLOAT_TENSOR)
        .property("layer", GptvmConstraints.I64_ATTR)
        .result("result", KvCacheType.CONSTRAINT)
        .traits(PURE)
        .allTypesMatch("cache", "result")
        .allTypesMatch("key", "value")
        .format("$cache `[` $layer `]` `,` $key `,` $value attr-dict `:` type($cache) `,` type($key)")
        .verifier(op -> verifyStep(op, op.operand(1)));

    public AppendOp(Operation op) { super(op, DEF); }

    public long layer() { return i64(op, "layer", 0); }
  }

  /**
   * {@code kv.attend}: {@code gptvm.attention} of {@code query [n, heads, head_dim]} over the keys
   * and values of layer {@code layer} at slots {@code [0, len)} followed by the step's {@code key},
   * {@code value [n, kv_heads, head_dim]}, causal with query offset {@code len} (query {@code i} sees
   * positions {@code <= len + i}); optional {@code scale} (default {@code 1/sqrt(head_dim)}) and
   * sliding {@code window}. Result {@code [n, heads, head_dim]}.
   *
   * <pre>{@code
   * %o = kv.attend %c0[0], %q, %k, %v : !kv.cache<...>, tensor<?x8x8xf32>, tensor<?x4x8xf32>
   * }</pre>
   */
  public static final class AttendOp extends OpView {
    public static final OpDef DEF = OpDef.named("kv.attend")
        .summary("causal attention of new queries over a layer's cached and new keys and values")
        .operand("cache", KvCacheType.CONSTRAINT)
        .operand("query", GptvmConstraints.FLOAT_TENSOR)
        .operand("key", GptvmConstraints.FLOAT_TENSOR)
        .operand("value", GptvmConstraints.FLOAT_TENSOR)
        .property("layer", GptvmConstraints.I64_ATTR)
        .optionalProperty("scale", GptvmConstraints.F64_ATTR)
        .optionalProperty("window", GptvmConstraints.I64_ATTR)
        .result("result", GptvmConstraints.FLOAT_TENSOR)
        .traits(PURE)
        .allTypesMatch("query", "result")
        .allTypesMatch("key", "value")
        .format("$cache `[` $layer `]` `,` $query `,` $key `,` $value (`scale` `(` $scale^ `)`)? (`window` `(` $window^ `)`)?"
            + " attr-dict `:` type($cache) `,` type($query) `,` type($key)")
        .verifier(AttendOp::verify);

    public AttendOp(Operation op) { super(op, DEF); }

    public long layer() { return i64(op, "layer", 0); }

    private static void verify(Operation op) {
      Value query = op.operand(1), key = op.operand(2);
      verifyStep(op, key);
      AttentionOp.verifyHeads(op, query, key, op.operand(3));
      if (!compatible(dim(query, 0), dim(key, 0)))
        throw Verify.opError(op, "requires as many queries as new keys (" + size(dim(query, 0)) + " vs " + size(dim(key, 0)) + ")");
    }
  }

  /**
   * {@code kv.seq_len}: the committed length {@code len} of sequence 0 (the position of its next
   * token); batched programs read positions with {@code kv.positions}.
   *
   * <pre>{@code
   * %len = kv.seq_len %c : !kv.cache<...>
   * }</pre>
   */
  public static final class SeqLenOp extends OpView {
    public static final OpDef DEF = OpDef.named("kv.seq_len")
        .summary("number of committed tokens in the cache")
        .operand("cache", AnyCacheType.CONSTRAINT)
        .result("result", CommonTypeConstraints.INDEX)
        .traits(PURE)
        .format("$cache attr-dict `:` type($cache)");

    public SeqLenOp(Operation op) { super(op, DEF); }
  }

  /**
   * {@code kv.advance}: the cache with the step committed (TVM's {@code end_forward}): after {@code
   * kv.begin_forward}, each sequence of the step grows by its append length, which must sum to
   * {@code count}; without it, sequence 0 grows by {@code count}. A run-time error past {@code capacity}.
   *
   * <pre>{@code
   * %c2 = kv.advance %c1, %n : !kv.cache<...>
   * }</pre>
   */
  public static final class AdvanceOp extends OpView {
    public static final OpDef DEF = OpDef.named("kv.advance")
        .summary("commit the tokens appended in this step")
        .operand("cache", AnyCacheType.CONSTRAINT)
        .operand("count", CommonTypeConstraints.INDEX)
        .result("result", AnyCacheType.CONSTRAINT)
        .traits(PURE)
        .allTypesMatch("cache", "result")
        .format("$cache `,` $count attr-dict `:` type($cache)");

    public AdvanceOp(Operation op) { super(op, DEF); }
  }

  /** A layer of the cache, and new keys {@code [n <= capacity, kv_heads, head_dim]} of the cache's dtype. */
  private static void verifyStep(Operation op, Value key) {
    KvCacheType cache = (KvCacheType) op.operand(0).type();
    long layer = i64(op, "layer", 0);
    if (layer < 0 || layer >= cache.layers())
      throw Verify.opError(op, "requires layer to be in [0, " + cache.layers() + "), but got " + layer);
    shapeMatches(op, tensor(key), new long[] {ShapedType.DYNAMIC, cache.kvHeads(), cache.headDim()}, "key");
    if (!tensor(key).elementType().equals(cache.dtype()))
      throw Verify.opError(op, "requires key and value element type to match the cache dtype");
    long n = dim(key, 0);
    if (n != ShapedType.DYNAMIC && n > cache.capacity())
      throw Verify.opError(op, "requires at most capacity (" + cache.capacity() + ") new tokens, but got " + n);
  }
}

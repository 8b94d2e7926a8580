package gvm.dialect.gptvm.ir;

import static gvm.dialect.gptvm.ir.GptvmConstraints.*;
import static gvm.dialect.gptvm.ir.GptvmVerify.*;
import static gvm.ir.def.Trait.PURE;

import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.UnitAttr;
import gvm.ir.def.OpDef;
import gvm.ir.types.ShapedType;

/**
 * {@code gptvm.attention}: scaled dot-product attention of {@code query [q_len, heads, head_dim]}
 * over {@code key}, {@code value [kv_len, kv_heads, head_dim]}; result {@code [q_len, heads,
 * head_dim]}.
 *
 * <ul>
 *   <li>Grouped-query heads: {@code heads % kv_heads == 0}; query head {@code h} reads kv head
 *       {@code h / (heads / kv_heads)} (MHA when equal, MQA when {@code kv_heads == 1}).
 *   <li>Positions: key {@code j} is at position {@code j}; query {@code i} at {@code offset + i}
 *       with {@code offset = kv_len - q_len} (the queries are the last tokens; with a cache, offset
 *       = the cached length).
 *   <li>Mask: with {@code causal}, query position {@code p} sees keys {@code j <= p}; with {@code
 *       window(w)}, only keys {@code j > p - w} (sliding window of w tokens, the query's own
 *       included). Without either, all keys.
 *   <li>{@code out[i, h] = Σ_j softmax_j(scale · q[i, h] · k[j, g]) · v[j, g]} over visible keys,
 *       softmax with the maximum subtracted; {@code scale} defaults to {@code 1/sqrt(head_dim)}.
 * </ul>
 *
 * <pre>{@code
 * %o = gptvm.attention %q, %k, %v causal : tensor<4x8x8xf32>, tensor<4x4x8xf32>, tensor<4x4x8xf32>
 * }</pre>
 */
public final class AttentionOp extends OpView {
  public static final OpDef DEF = OpDef.named("gptvm.attention").implement(OpPatternKind.Interface.class, OpPatternKind.OPAQUE.model())
      .summary("scaled dot-product attention with grouped-query heads, causal mask and sliding window")
      .operand("query", FLOAT_TENSOR)
      .operand("key", FLOAT_TENSOR)
      .operand("value", FLOAT_TENSOR)
      .optionalProperty("causal", UNIT_ATTR)
      .optionalProperty("scale", F64_ATTR)
      .optionalProperty("window", I64_ATTR)
      .result("result", FLOAT_TENSOR)
      .traits(PURE)
      .allTypesMatch("query", "result")
      .format("$query `,` $key `,` $value (`causal` $causal^)? (`scale` `(` $scale^ `)`)? (`window` `(` $window^ `)`)? attr-dict"
          + " `:` type($query) `,` type($key) `,` type($value)")
      .verifier(AttentionOp::verify);

  public AttentionOp(Operation op) { super(op, DEF); }

  public Value query() { return op.operand(0); }

  public Value key() { return op.operand(1); }

  public Value value() { return op.operand(2); }

  public boolean causal() { return op.prop("causal") instanceof UnitAttr; }

  /** The score scale: the property, else {@code 1/sqrt(head_dim)}. */
  public double scale() { return f64(op, "scale", 1.0 / Math.sqrt(dim(query(), 2))); }

  /** The sliding window in tokens, or -1 for none. */
  public long window() { return i64(op, "window", -1); }

  private static void verify(Operation op) {
    verifyHeads(op, op.operand(0), op.operand(1), op.operand(2));
    long q = dim(op.operand(0), 0), kv = dim(op.operand(1), 0);
    if (op.prop("causal") != null && q != ShapedType.DYNAMIC && kv != ShapedType.DYNAMIC && kv < q)
      throw Verify.opError(op, "requires at least as many keys (" + kv + ") as queries (" + q + ") when causal");
  }

  /**
   * The checks {@code gptvm.attention} and {@code kv.attend} share: rank-3 operands, key and value
   * of one shape, one head_dim, grouped heads, a positive scale and window, one element type.
   */
  public static void verifyHeads(Operation op, Value query, Value key, Value value) {
    if (rank(query) != 3 || rank(key) != 3 || rank(value) != 3)
      throw Verify.opError(op, "requires query, key and value of rank 3 ([seq, heads, head_dim])");
    shapeMatches(op, tensor(value), tensor(key).shape().toArray(), "value");
    if (!compatible(dim(query, 2), dim(key, 2)))
      throw Verify.opError(op, "requires query and key to have the same head_dim (" + size(dim(query, 2)) + " vs " + size(dim(key, 2)) + ")");
    long heads = dim(query, 1), kvHeads = dim(key, 1);
    if (heads != ShapedType.DYNAMIC && kvHeads != ShapedType.DYNAMIC && (kvHeads == 0 || heads % kvHeads != 0))
      throw Verify.opError(op, "requires the number of query heads (" + heads + ") to be a multiple of the number of kv heads (" + kvHeads + ")");
    positive(op, "scale");
    positive(op, "window");
    sameElementType(op);
  }
}

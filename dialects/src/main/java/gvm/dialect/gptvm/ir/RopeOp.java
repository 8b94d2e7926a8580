package gvm.dialect.gptvm.ir;

import static gvm.dialect.gptvm.ir.GptvmConstraints.*;
import static gvm.dialect.gptvm.ir.GptvmVerify.*;
import static gvm.ir.def.Trait.PURE;

import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.OpDef;
import gvm.ir.types.ShapedType;

/**
 * {@code gptvm.rope}: rotary position embedding of {@code input [seq, heads, head_dim]} (queries or
 * keys) at {@code positions [seq]} (absolute token positions, integers). For token {@code s} at
 * {@code p = positions[s]}, every head, and pair {@code i} in {@code [0, rotary_dim / 2)}:
 * {@code angle = p · theta^(-2i / rotary_dim)}, and the pair {@code (a, b)} becomes {@code (a·cos
 * − b·sin, a·sin + b·cos)}. Lanes {@code [rotary_dim, head_dim)} pass through unchanged;
 * {@code rotary_dim} defaults to {@code head_dim}.
 *
 * <p>The pair of lanes is chosen by {@code layout}:
 * <ul>
 *   <li>{@code rotate_half} (HF Llama's rotate_half, GPT-NeoX, TVM's {@code llama_rope}): {@code
 *       (x[i], x[i + rotary_dim/2])};
 *   <li>{@code interleaved} (llama2.c, GPT-J, Meta's original checkpoints): {@code (x[2i], x[2i+1])}.
 * </ul>
 * TVM's PagedKVCache {@code RopeMode} (NONE, NORMAL: rope on k before it enters the cache, INLINE:
 * rope on q/k inside the attention kernel) says where rope runs, not how lanes pair. In this logical
 * IR rope is always an explicit op on q and k before {@code kv.append}, i.e. NORMAL; fusing it into
 * the attention kernel (INLINE) is a lowering decision.
 *
 * <pre>{@code
 * %qr = gptvm.rope %q, %pos theta(1.000000e+04) layout(interleaved) : tensor<?x8x8xf32>, tensor<?xi32>
 * }</pre>
 */
public final class RopeOp extends OpView {
  public static final OpDef DEF = OpDef.named("gptvm.rope").implement(OpPatternKind.Interface.class, OpPatternKind.INJECTIVE.model())
      .summary("rotary position embedding of [seq, heads, head_dim] at the given positions")
      .operand("input", FLOAT_TENSOR)
      .operand("positions", INT_TENSOR)
      .property("theta", F64_ATTR, f64(10000.0))
      .optionalProperty("rotary_dim", I64_ATTR)
      .property("layout", ROPE_LAYOUT, IntegerAttr.i32(ROPE_ROTATE_HALF))
      .result("result", FLOAT_TENSOR)
      .traits(PURE)
      .allTypesMatch("input", "result")
      .format("$input `,` $positions `theta` `(` $theta `)` (`rotary_dim` `(` $rotary_dim^ `)`)? `layout` `(` $layout `)` attr-dict"
          + " `:` type($input) `,` type($positions)")
      .verifier(RopeOp::verify);

  public RopeOp(Operation op) { super(op, DEF); }

  public Value input() { return op.operand(0); }

  public Value positions() { return op.operand(1); }

  public double theta() { return f64(op, "theta", 10000.0); }

  public boolean interleaved() { return i64(op, "layout", ROPE_ROTATE_HALF) == ROPE_INTERLEAVED; }

  /** The rotated lanes per head; {@code head_dim} when the property is absent. */
  public long rotaryDim() { return i64(op, "rotary_dim", dim(input(), 2)); }

  private static void verify(Operation op) {
    Value input = op.operand(0);
    if (rank(input) != 3) throw Verify.opError(op, "requires input of shape [seq, heads, head_dim]");
    shapeMatches(op, tensor(op.operand(1)), new long[] {dim(input, 0)}, "positions");
    long headDim = dim(input, 2);
    long rot = i64(op, "rotary_dim", headDim);
    if (rot != ShapedType.DYNAMIC && (rot <= 0 || rot % 2 != 0 || (headDim != ShapedType.DYNAMIC && rot > headDim)))
      throw Verify.opError(op, "requires rotary_dim to be even and in (0, head_dim], but got " + rot + " for head_dim " + size(headDim));
    positive(op, "theta");
  }
}

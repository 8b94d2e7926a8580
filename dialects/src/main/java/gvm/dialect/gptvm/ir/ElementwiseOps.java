package gvm.dialect.gptvm.ir;

import static gvm.dialect.gptvm.ir.GptvmConstraints.*;
import static gvm.dialect.gptvm.ir.GptvmVerify.*;
import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;

/**
 * Elementwise activations and arithmetic over float tensors of one type ({@code gptvm.silu},
 * {@code gptvm.gelu}, {@code gptvm.add}, {@code gptvm.mul}), and {@code gptvm.softmax}. No
 * broadcasting: operands and result have the same type. {@code arith.addf}/{@code arith.mulf} on
 * tensors mean the same as {@code gptvm.add}/{@code gptvm.mul}; the gptvm forms read like the model.
 */
public final class ElementwiseOps {
  private ElementwiseOps() {}

  private static OpDef unary(String mnemonic, String summary) {
    return OpDef.named("gptvm." + mnemonic).summary(summary)
        .operand("input", FLOAT_TENSOR)
        .result("result", FLOAT_TENSOR)
        .traits(PURE, ELEMENTWISE, SAME_OPERANDS_AND_RESULT_TYPE).implement(OpPatternKind.Interface.class, OpPatternKind.ELEMENTWISE.model());
  }

  private static OpDef binary(String mnemonic, String summary, Trait... traits) {
    return OpDef.named("gptvm." + mnemonic).summary(summary)
        .operand("lhs", FLOAT_TENSOR)
        .operand("rhs", FLOAT_TENSOR)
        .result("result", FLOAT_TENSOR)
        .traits(PURE, ELEMENTWISE, SAME_OPERANDS_AND_RESULT_TYPE).implement(OpPatternKind.Interface.class, OpPatternKind.ELEMENTWISE.model()).traits(traits)
        .format("$lhs `,` $rhs attr-dict `:` type($result)");
  }

  /**
   * {@code gptvm.silu}: {@code y = x / (1 + exp(-x))} (x·sigmoid(x); the gate of SwiGLU).
   *
   * <pre>{@code
   * %a = gptvm.silu %gate : tensor<?x172xf32>
   * }</pre>
   */
  public static final class SiluOp extends OpView {
    public static final OpDef DEF = unary("silu", "sigmoid linear unit: x * sigmoid(x), elementwise")
        .format("$input attr-dict `:` type($result)");

    public SiluOp(Operation op) { super(op, DEF); }
  }

  /**
   * {@code gptvm.gelu}: {@code none}: {@code y = x/2 · (1 + erf(x/√2))}; {@code tanh}: {@code y =
   * x/2 · (1 + tanh(√(2/π) · (x + 0.044715 x³)))}, as torch's {@code approximate} argument.
   *
   * <pre>{@code
   * %a = gptvm.gelu %x approximate(tanh) : tensor<4x64xf32>
   * }</pre>
   */
  public static final class GeluOp extends OpView {
    public static final OpDef DEF = unary("gelu", "Gaussian error linear unit, exact (erf) or tanh approximation, elementwise")
        .property("approximate", GELU_APPROXIMATION, IntegerAttr.i32(0))
        .format("$input (`approximate` `(` $approximate^ `)`)? attr-dict `:` type($result)");

    public GeluOp(Operation op) { super(op, DEF); }

    public boolean tanh() { return i64(op, "approximate", 0) == 1; }
  }

  /**
   * {@code gptvm.add}: elementwise sum (residual connections).
   *
   * <pre>{@code
   * %r = gptvm.add %x, %h : tensor<?x64xf32>
   * }</pre>
   */
  public static final class AddOp extends OpView {
    public static final OpDef DEF = binary("add", "elementwise addition of two tensors of one type", COMMUTATIVE);

    public AddOp(Operation op) { super(op, DEF); }
  }

  /**
   * {@code gptvm.mul}: elementwise product (SwiGLU's {@code silu(gate) * up}).
   *
   * <pre>{@code
   * %m = gptvm.mul %a, %up : tensor<?x172xf32>
   * }</pre>
   */
  public static final class MulOp extends OpView {
    public static final OpDef DEF = binary("mul", "elementwise multiplication of two tensors of one type", COMMUTATIVE);

    public MulOp(Operation op) { super(op, DEF); }
  }

  /**
   * {@code gptvm.softmax}: {@code y = exp(x - max(x)) / sum(exp(x - max(x)))} along {@code axis}
   * (negative counts from the end; default -1, the last).
   *
   * <pre>{@code
   * %p = gptvm.softmax %logits axis(-1) : tensor<1x512xf32>
   * }</pre>
   */
  public static final class SoftmaxOp extends OpView {
    public static final OpDef DEF = unary("softmax", "softmax along one axis")
        .property("axis", I64_ATTR, IntegerAttr.i64(-1)).implement(OpPatternKind.Interface.class, OpPatternKind.REDUCTION.model())
        .format("$input `axis` `(` $axis `)` attr-dict `:` type($result)")
        .verifier(SoftmaxOp::verify);

    public SoftmaxOp(Operation op) { super(op, DEF); }

    /** The axis in {@code [0, rank)}. */
    public int axis() {
      long a = i64(op, "axis", -1);
      return (int) (a < 0 ? a + rank(op.operand(0)) : a);
    }

    private static void verify(Operation op) {
      long a = i64(op, "axis", -1);
      int r = rank(op.operand(0));
      if (a < -r || a >= r) throw Verify.opError(op, "requires axis to be in [-rank, rank), but got " + a + " for rank " + r);
    }
  }
}

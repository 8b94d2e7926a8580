package gvm.dialect.gptvm.ir;

import static gvm.dialect.gptvm.ir.GptvmConstraints.*;
import static gvm.dialect.gptvm.ir.GptvmVerify.*;
import static gvm.ir.def.Trait.PURE;

import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;

/**
 * Normalizations over the last dimension ({@code hidden}) of {@code input [..., hidden]}, with a
 * {@code weight [hidden]} scale: {@code gptvm.rms_norm} and {@code gptvm.layer_norm}. The result has
 * the input's type. Means are over the {@code hidden} elements of one row; {@code eps} is added to
 * the mean square (variance) inside the square root.
 */
public final class NormOps {
  private NormOps() {}

  /** The default epsilon, llama2.c's. */
  public static final double DEFAULT_EPS = 1e-5;

  /**
   * {@code gptvm.rms_norm}: {@code y = x / sqrt(mean(x²) + eps) * weight}, as llama2.c's
   * rmsnorm and HF's LlamaRMSNorm.
   *
   * <pre>{@code
   * %h = gptvm.rms_norm %x, %w eps(1.000000e-05) : tensor<?x64xf32>, tensor<64xf32>
   * }</pre>
   */
  public static final class RmsNormOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.rms_norm")
        .summary("root-mean-square normalization over the last dimension, scaled by weight").implement(OpPatternKind.Interface.class, OpPatternKind.REDUCTION.model())
        .operand("input", FLOAT_TENSOR)
        .operand("weight", FLOAT_TENSOR)
        .property("eps", F64_ATTR, f64(DEFAULT_EPS))
        .result("result", FLOAT_TENSOR)
        .traits(PURE)
        .allTypesMatch("input", "result")
        .format("$input `,` $weight `eps` `(` $eps `)` attr-dict `:` type($input) `,` type($weight)")
        .verifier(NormOps::verifyNorm);

    public RmsNormOp(Operation op) { super(op, DEF); }

    public double eps() { return f64(op, "eps", DEFAULT_EPS); }
  }

  /**
   * {@code gptvm.layer_norm}: {@code y = (x - mean(x)) / sqrt(mean((x - mean(x))²) + eps) * weight
   * (+ bias)}, as torch's LayerNorm (biased variance).
   *
   * <pre>{@code
   * %h = gptvm.layer_norm %x, %w, %b eps(1.000000e-05) : tensor<?x64xf32>, tensor<64xf32>, tensor<64xf32>
   * }</pre>
   */
  public static final class LayerNormOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.layer_norm")
        .summary("layer normalization over the last dimension, scaled by weight plus optional bias").implement(OpPatternKind.Interface.class, OpPatternKind.REDUCTION.model())
        .operand("input", FLOAT_TENSOR)
        .operand("weight", FLOAT_TENSOR)
        .optionalOperand("bias", FLOAT_TENSOR)
        .property("eps", F64_ATTR, f64(DEFAULT_EPS))
        .result("result", FLOAT_TENSOR)
        .traits(PURE)
        .allTypesMatch("input", "result")
        .format("$input `,` $weight (`,` $bias^)? `eps` `(` $eps `)` attr-dict `:` type($input) `,` type($weight) (`,` type($bias)^)?")
        .verifier(NormOps::verifyNorm);

    public LayerNormOp(Operation op) { super(op, DEF); }

    public double eps() { return f64(op, "eps", DEFAULT_EPS); }
  }

  /** weight (and bias) {@code [hidden]} of any float type (input and result share theirs), eps positive. */
  private static void verifyNorm(Operation op) {
    Value input = op.operand(0);
    if (rank(input) < 1) throw Verify.opError(op, "requires an input of rank at least 1");
    long hidden = dim(input, rank(input) - 1);
    shapeMatches(op, tensor(op.operand(1)), new long[] {hidden}, "weight");
    if (op.numOperands() > 2) shapeMatches(op, tensor(op.operand(2)), new long[] {hidden}, "bias");
    positive(op, "eps");
  }
}

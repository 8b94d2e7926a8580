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
import gvm.ir.types.RankedTensorType;

/**
 * Choosing the next token from {@code logits [..., vocab]}: {@code gptvm.argmax} and {@code
 * gptvm.sample}. Each row (the last dimension) gives one token id; the result has the logits' shape
 * without its last dimension, with an integer element type.
 */
public final class SamplingOps {
  private SamplingOps() {}

  /**
   * {@code gptvm.argmax}: the index of the largest logit of each row; the first such index on ties
   * (as llama2.c and numpy).
   *
   * <pre>{@code
   * %next = gptvm.argmax %logits : tensor<1x512xf32> -> tensor<1xi32>
   * }</pre>
   */
  public static final class ArgmaxOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.argmax").implement(OpPatternKind.Interface.class, OpPatternKind.REDUCTION.model())
        .summary("index of the largest value along the last dimension (first on ties)")
        .operand("logits", FLOAT_TENSOR)
        .result("result", INT_TENSOR)
        .traits(PURE)
        .format("$logits attr-dict `:` type($logits) `->` type($result)")
        .verifier(op -> verifyRows(op));

    public ArgmaxOp(Operation op) { super(op, DEF); }
  }

  /**
   * {@code gptvm.sample}: draws one token per row, as llama2.c's sampler, from the random state
   * {@code seed} (a zero state is replaced by 1); the second result is the state after the draws, to
   * feed the next step's {@code seed}. Per row, in row-major order:
   * <ol>
   *   <li>{@code temperature == 0}: argmax (first on ties), no draw.
   *   <li>Otherwise {@code p = softmax(logits / temperature)}; one coin {@code c = (u32 >> 8) /
   *       2^24} from xorshift64* ({@code s ^= s >> 12; s ^= s << 25; s ^= s >> 27; u32 = (s ·
   *       0x2545F4914F6CDD1D) >> 32}).
   *   <li>Candidates are sorted by probability, descending (lower index first on ties). {@code
   *       top_k > 0} keeps the first {@code top_k}; {@code top_p < 1} then keeps the shortest prefix
   *       whose cumulative probability exceeds {@code top_p}. Without either, candidates stay in index
   *       order (llama2.c's sample_mult).
   *   <li>The token is the first candidate whose cumulative probability exceeds {@code c · total},
   *       total = the kept candidates' probability; the last candidate if none does.
   * </ol>
   * llama2.c's pre-filter of candidates below {@code (1 - top_p) / (vocab - 1)} is not applied; it
   * changes the result only when the filtered candidates never exceed {@code top_p}.
   *
   * <pre>{@code
   * %tok, %state = gptvm.sample %logits seed(%s) temperature(8.000000e-01) top_p(9.000000e-01) : tensor<1x512xf32> -> tensor<1xi32>
   * }</pre>
   */
  public static final class SampleOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.sample").implement(OpPatternKind.Interface.class, OpPatternKind.OPAQUE.model())
        .summary("sample token ids with temperature, top-k and top-p from a seeded random state")
        .operand("logits", FLOAT_TENSOR)
        .operand("seed", I64)
        .property("temperature", F64_ATTR, f64(1.0))
        .property("top_k", I64_ATTR, IntegerAttr.i64(0))
        .property("top_p", F64_ATTR, f64(1.0))
        .result("result", INT_TENSOR)
        .result("next_seed", I64)
        .traits(PURE)
        .format("$logits `seed` `(` $seed `)` `temperature` `(` $temperature `)` (`top_k` `(` $top_k^ `)`)?"
            + " (`top_p` `(` $top_p^ `)`)? attr-dict `:` type($logits) `->` type($result)")
        .verifier(SampleOp::verify);

    public SampleOp(Operation op) { super(op, DEF); }

    public Value seed() { return op.operand(1); }

    public double temperature() { return f64(op, "temperature", 1.0); }

    public long topK() { return i64(op, "top_k", 0); }

    public double topP() { return f64(op, "top_p", 1.0); }

    private static void verify(Operation op) {
      verifyRows(op);
      if (!(f64(op, "temperature", 1.0) >= 0)) throw Verify.opError(op, "requires temperature to be non-negative");
      if (i64(op, "top_k", 0) < 0) throw Verify.opError(op, "requires top_k to be non-negative");
      double p = f64(op, "top_p", 1.0);
      if (!(p > 0 && p <= 1)) throw Verify.opError(op, "requires top_p to be in (0, 1]");
    }
  }

  /** Logits of rank >= 1, and a result shaped as the logits without their last dimension. */
  private static void verifyRows(Operation op) {
    RankedTensorType logits = tensor(op.operand(0));
    if (logits.rank() < 1) throw Verify.opError(op, "requires logits of rank at least 1");
    long[] expected = new long[logits.rank() - 1];
    for (int i = 0; i < expected.length; i++) expected[i] = logits.shape().dim(i);
    shapeMatches(op, tensor(op.result(0)), expected, "result");
  }
}

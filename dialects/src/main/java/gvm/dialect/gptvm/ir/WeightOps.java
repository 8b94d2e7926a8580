package gvm.dialect.gptvm.ir;

import static gvm.dialect.gptvm.ir.GptvmConstraints.*;
import static gvm.dialect.gptvm.ir.GptvmVerify.*;
import static gvm.ir.def.Trait.PURE;

import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.StringAttr;
import gvm.ir.def.OpDef;
import gvm.ir.types.ShapedType;

/**
 * Weights and the ops that contract with them: {@code gptvm.param}, {@code gptvm.embedding},
 * {@code gptvm.linear}, {@code gptvm.matmul}, {@code gptvm.batch_matmul}. Activations are
 * {@code [seq, hidden]} (one sequence; leading dimensions beyond that are allowed where noted).
 */
public final class WeightOps {
  private WeightOps() {}

  /**
   * {@code gptvm.param}: the weight named {@code name} in the external checkpoint the program is
   * run with (a safetensors or llama2.c file, resolved by the runner by name). Its value is the
   * stored tensor, converted to the result's element type; the runner fails if the name is missing
   * or its shape differs. Small models may instead use {@code arith.constant dense_resource<...>}.
   *
   * <pre>{@code
   * %w = gptvm.param "model.layers.0.self_attn.q_proj.weight" : tensor<64x64xf32>
   * }</pre>
   */
  public static final class ParamOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.param")
        .summary("named reference to a weight of the external checkpoint").implement(OpPatternKind.Interface.class, OpPatternKind.OPAQUE.model())
        .property("name", STR_ATTR)
        .result("result", STATIC_TENSOR)
        .traits(PURE)
        .format("$name attr-dict `:` type($result)")
        .verifier(ParamOp::verify);

    public ParamOp(Operation op) { super(op, DEF); }

    public String name() { return ((StringAttr) op.prop("name")).value(); }

    private static void verify(Operation op) {
      if (new ParamOp(op).name().isEmpty()) throw Verify.opError(op, "requires a non-empty parameter name");
    }
  }

  /**
   * {@code gptvm.embedding}: rows of {@code table [vocab, hidden]} picked by {@code ids}: {@code
   * result[i..., :] = table[ids[i...], :]}; result shape = ids shape + {@code [hidden]}. An id
   * outside {@code [0, vocab)} is a run-time error.
   *
   * <pre>{@code
   * %x = gptvm.embedding %table, %ids : (tensor<512x64xf32>, tensor<?xi32>) -> tensor<?x64xf32>
   * }</pre>
   */
  public static final class EmbeddingOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.embedding")
        .summary("token embedding lookup: rows of the table indexed by token ids").implement(OpPatternKind.Interface.class, OpPatternKind.INJECTIVE.model())
        .operand("table", FLOAT_TENSOR)
        .operand("ids", INT_TENSOR)
        .result("result", FLOAT_TENSOR)
        .traits(PURE)
        .format("$table `,` $ids attr-dict `:` functional-type(operands, results)")
        .verifier(EmbeddingOp::verify);

    public EmbeddingOp(Operation op) { super(op, DEF); }

    public Value table() { return op.operand(0); }

    public Value ids() { return op.operand(1); }

    private static void verify(Operation op) {
      Value table = op.operand(0), ids = op.operand(1);
      if (rank(table) != 2) throw Verify.opError(op, "requires a rank-2 table [vocab, hidden]");
      long[] expected = new long[rank(ids) + 1];
      for (int i = 0; i < rank(ids); i++) expected[i] = dim(ids, i);
      expected[rank(ids)] = dim(table, 1);
      shapeMatches(op, tensor(op.result(0)), expected, "result");
    }
  }

  /**
   * {@code gptvm.linear}: {@code result = input · weightᵀ (+ bias)}, the {@code nn.Linear} of the
   * checkpoints: {@code weight [out_features, in_features]} as stored, {@code input [..., in]},
   * optional {@code bias [out]}, {@code result [..., out]}. Sums run over {@code in_features}.
   * Input and result share an element type; weight and bias may be stored in another float type
   * (weight-only precision: bf16 weights, f32 activations, sums in f32).
   *
   * <pre>{@code
   * %q = gptvm.linear %x, %wq : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
   * }</pre>
   */
  public static final class LinearOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.linear")
        .summary("fully connected layer: input times transposed weight, plus optional bias").implement(OpPatternKind.Interface.class, OpPatternKind.OUT_ELEMENTWISE_FUSABLE.model())
        .operand("input", FLOAT_TENSOR)
        .operand("weight", FLOAT_TENSOR)
        .optionalOperand("bias", FLOAT_TENSOR)
        .result("result", FLOAT_TENSOR)
        .traits(PURE)
        .format("$input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)")
        .verifier(LinearOp::verify);

    public LinearOp(Operation op) { super(op, DEF); }

    public Value input() { return op.operand(0); }

    public Value weight() { return op.operand(1); }

    /** The bias, or null. */
    public Value bias() { return op.numOperands() > 2 ? op.operand(2) : null; }

    private static void verify(Operation op) {
      Value input = op.operand(0), weight = op.operand(1);
      if (rank(weight) != 2) throw Verify.opError(op, "requires a rank-2 weight [out_features, in_features]");
      if (rank(input) < 1) throw Verify.opError(op, "requires an input of rank at least 1");
      long in = dim(input, rank(input) - 1), out = dim(weight, 0);
      if (!compatible(in, dim(weight, 1)))
        throw Verify.opError(op, "requires the input's last dimension (" + size(in) + ") to match in_features (" + size(dim(weight, 1)) + ")");
      Value bias = new LinearOp(op).bias();
      if (bias != null) shapeMatches(op, tensor(bias), new long[] {out}, "bias");
      long[] expected = tensor(input).shape().toArray();
      expected[expected.length - 1] = out;
      shapeMatches(op, tensor(op.result(0)), expected, "result");
      sameActivationType(op, input);
    }
  }

  /**
   * {@code gptvm.matmul}: {@code [M, K] × [K, N] -> [M, N]}.
   *
   * <pre>{@code
   * %c = gptvm.matmul %a, %b : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
   * }</pre>
   */
  public static final class MatmulOp extends OpView {
    public static final OpDef DEF = matmul("gptvm.matmul", "matrix multiplication: [M, K] x [K, N] -> [M, N]", 2);

    public MatmulOp(Operation op) { super(op, DEF); }
  }

  /**
   * {@code gptvm.batch_matmul}: {@code [B, M, K] × [B, K, N] -> [B, M, N]}, one matmul per batch index.
   *
   * <pre>{@code
   * %c = gptvm.batch_matmul %a, %b : (tensor<2x4x8xf32>, tensor<2x8x16xf32>) -> tensor<2x4x16xf32>
   * }</pre>
   */
  public static final class BatchMatmulOp extends OpView {
    public static final OpDef DEF = matmul("gptvm.batch_matmul", "batched matrix multiplication: [B, M, K] x [B, K, N] -> [B, M, N]", 3);

    public BatchMatmulOp(Operation op) { super(op, DEF); }
  }

  private static OpDef matmul(String name, String summary, int rank) {
    return OpDef.named(name).summary(summary).implement(OpPatternKind.Interface.class, OpPatternKind.OUT_ELEMENTWISE_FUSABLE.model())
        .operand("lhs", FLOAT_TENSOR)
        .operand("rhs", FLOAT_TENSOR)
        .result("result", FLOAT_TENSOR)
        .traits(PURE)
        .format("$lhs `,` $rhs attr-dict `:` functional-type(operands, results)")
        .verifier(op -> verifyMatmul(op, rank));
  }

  private static void verifyMatmul(Operation op, int rank) {
    Value lhs = op.operand(0), rhs = op.operand(1);
    if (rank(lhs) != rank || rank(rhs) != rank) throw Verify.opError(op, "requires operands of rank " + rank);
    long k = dim(lhs, rank - 1), k2 = dim(rhs, rank - 2);
    if (!compatible(k, k2)) throw Verify.opError(op, "requires contracting dimensions to match (" + size(k) + " vs " + size(k2) + ")");
    long[] expected = tensor(lhs).shape().toArray();
    expected[rank - 1] = dim(rhs, rank - 1);
    if (rank == 3) {
      if (!compatible(dim(lhs, 0), dim(rhs, 0))) throw Verify.opError(op, "requires batch dimensions to match");
      if (expected[0] == ShapedType.DYNAMIC) expected[0] = dim(rhs, 0);
    }
    shapeMatches(op, tensor(op.result(0)), expected, "result");
    sameElementType(op);
  }
}

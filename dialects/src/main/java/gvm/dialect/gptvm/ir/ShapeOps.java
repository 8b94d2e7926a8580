package gvm.dialect.gptvm.ir;

import static gvm.dialect.gptvm.ir.GptvmConstraints.*;
import static gvm.dialect.gptvm.ir.GptvmVerify.*;
import static gvm.ir.def.Trait.PURE;

import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.def.OpDef;
import gvm.ir.def.TypeConstraint;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;

/**
 * Layout ops where tensor ops are clumsy: {@code gptvm.split} (a fused QKV or gate/up projection
 * into its parts), {@code gptvm.reshape} (hidden ↔ heads × head_dim, sizes from the types) and
 * {@code gptvm.transpose}. Joining uses {@code tensor.concat}. All are row-major and copy values
 * unchanged.
 */
public final class ShapeOps {
  private ShapeOps() {}

  private static final TypeConstraint ANY_RANKED = gvm.dialect.tensor.ir.TensorConstraints.ANY_RANKED_TENSOR;

  /**
   * {@code gptvm.split}: consecutive slices of {@code input} along {@code axis}, one per result, in
   * order; result {@code r} takes the sizes of its type along the axis, and all results together
   * cover the axis.
   *
   * <pre>{@code
   * %q, %k, %v = gptvm.split %qkv axis(1) : tensor<?x128xf32> -> tensor<?x64xf32>, tensor<?x32xf32>, tensor<?x32xf32>
   * }</pre>
   */
  public static final class SplitOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.split").implement(OpPatternKind.Interface.class, OpPatternKind.INJECTIVE.model())
        .summary("consecutive slices along one axis, sized by the result types")
        .operand("input", ANY_RANKED)
        .property("axis", I64_ATTR)
        .variadicResult("results", ANY_RANKED)
        .traits(PURE)
        .format("$input `axis` `(` $axis `)` attr-dict `:` type($input) `->` type($results)")
        .verifier(SplitOp::verify);

    public SplitOp(Operation op) { super(op, DEF); }

    public int axis() { return (int) i64(op, "axis", 0); }

    private static void verify(Operation op) {
      RankedTensorType in = tensor(op.operand(0));
      long axis = i64(op, "axis", 0);
      if (axis < 0 || axis >= in.rank()) throw Verify.opError(op, "requires axis to be in [0, rank), but got " + axis);
      if (op.numResults() < 1) throw Verify.opError(op, "requires at least one result");
      long total = 0;
      for (Value r : op.results()) {
        long[] expected = in.shape().toArray();
        expected[(int) axis] = rank(r) > axis ? dim(r, (int) axis) : ShapedType.DYNAMIC;
        shapeMatches(op, tensor(r), expected, "every result");
        long d = expected[(int) axis];
        total = total == ShapedType.DYNAMIC || d == ShapedType.DYNAMIC ? ShapedType.DYNAMIC : total + d;
      }
      if (!compatible(total, in.shape().dim((int) axis)))
        throw Verify.opError(op, "requires result sizes along the axis to sum to the input's (" + size(total) + " vs "
            + size(in.shape().dim((int) axis)) + ")");
      sameElementType(op);
    }
  }

  /**
   * {@code gptvm.reshape}: the input's elements in row-major order, viewed with the result's shape.
   * At most one result size may be dynamic; it is then the input's element count divided by the
   * product of the others (a run-time error if it does not divide).
   *
   * <pre>{@code
   * %qh = gptvm.reshape %q : tensor<?x64xf32> -> tensor<?x8x8xf32>
   * }</pre>
   */
  public static final class ReshapeOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.reshape").implement(OpPatternKind.Interface.class, OpPatternKind.INJECTIVE.model())
        .summary("row-major reshape to the result type's shape")
        .operand("input", ANY_RANKED)
        .result("result", ANY_RANKED)
        .traits(PURE)
        .format("$input attr-dict `:` type($input) `->` type($result)")
        .verifier(ReshapeOp::verify);

    public ReshapeOp(Operation op) { super(op, DEF); }

    private static void verify(Operation op) {
      RankedTensorType in = tensor(op.operand(0)), out = tensor(op.result(0));
      int dynamic = 0;
      for (int i = 0; i < out.rank(); i++) if (out.shape().isDynamic(i)) dynamic++;
      if (dynamic > 1) throw Verify.opError(op, "requires at most one dynamic result dimension");
      if (in.hasStaticShape() && out.hasStaticShape() && in.shape().numElements() != out.shape().numElements())
        throw Verify.opError(op, "requires the same number of elements (" + in.shape().numElements() + " vs " + out.shape().numElements() + ")");
      sameElementType(op);
    }
  }

  /**
   * {@code gptvm.transpose}: {@code result[i_0, ..., i_n] = input[j]} with {@code j[perm[d]] = i_d},
   * i.e. result dimension {@code d} is input dimension {@code perm[d]}.
   *
   * <pre>{@code
   * %t = gptvm.transpose %x [1, 0, 2] : tensor<4x8x16xf32> -> tensor<8x4x16xf32>
   * }</pre>
   */
  public static final class TransposeOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.transpose").implement(OpPatternKind.Interface.class, OpPatternKind.INJECTIVE.model())
        .summary("permutation of dimensions: result dimension d is input dimension perm[d]")
        .operand("input", ANY_RANKED)
        .property("permutation", DENSE_I64_ARRAY)
        .result("result", ANY_RANKED)
        .traits(PURE)
        .format("$input $permutation attr-dict `:` type($input) `->` type($result)")
        .verifier(TransposeOp::verify);

    public TransposeOp(Operation op) { super(op, DEF); }

    public long[] permutation() { return ((DenseArrayAttr) op.prop("permutation")).toArray(); }

    private static void verify(Operation op) {
      RankedTensorType in = tensor(op.operand(0));
      long[] perm = new TransposeOp(op).permutation();
      boolean[] seen = new boolean[in.rank()];
      boolean ok = perm.length == in.rank();
      for (int d = 0; ok && d < perm.length; d++) {
        ok = perm[d] >= 0 && perm[d] < in.rank() && !seen[(int) perm[d]];
        if (ok) seen[(int) perm[d]] = true;
      }
      if (!ok) throw Verify.opError(op, "requires permutation to be a permutation of [0, " + in.rank() + ")");
      long[] expected = new long[perm.length];
      for (int d = 0; d < perm.length; d++) expected[d] = in.shape().dim((int) perm[d]);
      shapeMatches(op, tensor(op.result(0)), expected, "result");
      sameElementType(op);
    }
  }
}

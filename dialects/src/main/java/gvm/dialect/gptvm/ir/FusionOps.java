package gvm.dialect.gptvm.ir;

import static gvm.dialect.gptvm.ir.GptvmConstraints.*;
import static gvm.dialect.gptvm.ir.GptvmVerify.*;
import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpPatternKind;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.AttrConstraint;
import gvm.ir.def.OpDef;
import gvm.ir.types.RankedTensorType;

/**
 * What the fusion passes produce: {@code gptvm.fused} (a group of ops run as one loop nest, TVM's
 * primitive function), its terminator {@code gptvm.yield}, and {@code gptvm.concat_params} (weights
 * joined once at load time for a combined projection).
 */
public final class FusionOps {
  private FusionOps() {}

  /** The pattern kind of a fusion group ({@link OpPatternKind}), written by its mnemonic. */
  public static final AttrConstraint PATTERN_KIND = CommonAttrConstraints.intEnum("fusion pattern kind", 32, OpPatternKind.mnemonics());

  /**
   * {@code gptvm.fused}: the ops of its region, run as one kernel (one pass over the data). The
   * entry block's arguments are the group's inputs (the operands, in order); {@code gptvm.yield}
   * gives the results. {@code kind} is the group's pattern: that of its anchor (a linear absorbing
   * its elementwise epilogue is {@code out_elementwise_fusable}). The region sees no value from
   * outside.
   *
   * <pre>{@code
   * %y = gptvm.fused kind(out_elementwise_fusable) %x, %w, %r : (tensor<1x64xf32>, tensor<64x64xf32>, tensor<1x64xf32>) -> tensor<1x64xf32> {
   * ^bb0(%arg0: tensor<1x64xf32>, %arg1: tensor<64x64xf32>, %arg2: tensor<1x64xf32>):
   *   %0 = gptvm.linear %arg0, %arg1 : (tensor<1x64xf32>, tensor<64x64xf32>) -> tensor<1x64xf32>
   *   %1 = gptvm.add %arg2, %0 : tensor<1x64xf32>
   *   gptvm.yield %1 : tensor<1x64xf32>
   * }
   * }</pre>
   */
  public static final class FusedOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.fused")
        .summary("a fusion group: ops computed together in one loop nest over the data")
        .variadicOperand("inputs", CommonTypeConstraints.ANY_TYPE)
        .property("kind", PATTERN_KIND)
        .variadicResult("results", CommonTypeConstraints.ANY_TYPE)
        .sizedRegion("body")
        .traits(SINGLE_BLOCK, ISOLATED_FROM_ABOVE, RECURSIVE_MEMORY_EFFECTS, RECURSIVELY_SPECULATABLE)
        .implement(OpPatternKind.Interface.class, op -> new FusedOp(op).kind())
        .format("`kind` `(` $kind `)` $inputs attr-dict `:` functional-type($inputs, $results) $body")
        .regionVerifier(FusedOp::verifyRegion);

    public FusedOp(Operation op) { super(op, DEF); }

    public OpPatternKind kind() { return OpPatternKind.values()[(int) i64(op, "kind", OpPatternKind.OPAQUE.ordinal())]; }

    public Block body() { return op.region(0).front(); }

    /** The property value of {@code kind}. */
    public static IntegerAttr kindAttr(OpPatternKind k) { return IntegerAttr.i32(k.ordinal()); }

    /** One block argument per input, of its type; a yield of the result types. */
    private static void verifyRegion(Operation op) {
      Region r = op.region(0);
      if (r.isEmpty()) return; // the sized-region constraint reports it
      Block b = r.front();
      if (b.numArguments() != op.numOperands())
        throw Verify.opError(op, "requires one body argument per input, but has " + b.numArguments() + " for " + op.numOperands() + " inputs");
      for (int i = 0; i < op.numOperands(); i++)
        if (!b.argument(i).type().equals(op.operand(i).type())) throw Verify.opError(op, "requires body argument #" + i + " to have the type of input #" + i);
      Operation t = b.last();
      // any other terminator fails its own parent check ('gptvm.yield' is the only one allowed here)
      if (t != null && t.isA(YieldOp.DEF) && !t.operandTypes().equals(op.resultTypes())) throw Verify.opError(op, "requires the yielded types to match the result types");
    }
  }

  /**
   * {@code gptvm.yield}: the results of the enclosing {@code gptvm.fused}.
   *
   * <pre>{@code
   * gptvm.yield %1 : tensor<1x64xf32>
   * }</pre>
   */
  public static final class YieldOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.yield")
        .summary("terminator of a fusion group: its results")
        .variadicOperand("values", CommonTypeConstraints.ANY_TYPE)
        .traits(PURE, TERMINATOR, RETURN_LIKE)
        .parents("gptvm.fused")
        .format("attr-dict ($values^ `:` type($values))?");

    public YieldOp(Operation op) { super(op, DEF); }
  }

  /**
   * {@code gptvm.concat_params}: checkpoint weights joined along dimension 0 (rows: output
   * features), as one weight of the combined projection. Every operand is a {@code gptvm.param}, so
   * the runtime builds the result once, when it first reads it, and reuses it.
   *
   * <pre>{@code
   * %wqkv = gptvm.concat_params %wq, %wk, %wv : tensor<64x64xf32>, tensor<32x64xf32>, tensor<32x64xf32> -> tensor<128x64xf32>
   * }</pre>
   */
  public static final class ConcatParamsOp extends OpView {
    public static final OpDef DEF = OpDef.named("gptvm.concat_params")
        .summary("checkpoint weights concatenated along dimension 0, built once at load time")
        .variadicOperand("params", STATIC_TENSOR)
        .result("result", STATIC_TENSOR)
        .traits(PURE)
        .implement(OpPatternKind.Interface.class, OpPatternKind.OPAQUE.model())
        .format("$params attr-dict `:` type($params) `->` type($result)")
        .verifier(ConcatParamsOp::verify);

    public ConcatParamsOp(Operation op) { super(op, DEF); }

    /** The names of the joined parameters, in order. */
    public java.util.List<String> names() {
      java.util.List<String> names = new java.util.ArrayList<>();
      for (Value v : op.operands()) names.add(new WeightOps.ParamOp(v.definingOp()).name());
      return names;
    }

    private static void verify(Operation op) {
      if (op.numOperands() < 1) throw Verify.opError(op, "requires at least one parameter");
      RankedTensorType result = tensor(op.result(0));
      long rows = 0;
      for (Value p : op.operands()) {
        Operation def = p.definingOp();
        if (def == null || !def.isA(WeightOps.ParamOp.DEF)) throw Verify.opError(op, "requires every operand to be a 'gptvm.param'");
        RankedTensorType t = tensor(p);
        if (t.rank() != result.rank() || !t.elementType().equals(result.elementType()))
          throw Verify.opError(op, "requires operands of the result's rank and element type");
        for (int d = 1; d < t.rank(); d++)
          if (t.shape().dim(d) != result.shape().dim(d)) throw Verify.opError(op, "requires operands to match the result in every dimension but the first");
        rows += t.shape().dim(0);
      }
      if (result.rank() < 1 || result.shape().dim(0) != rows)
        throw Verify.opError(op, "requires the result's first dimension to be the sum of the operands' (" + rows + ")");
    }
  }

}

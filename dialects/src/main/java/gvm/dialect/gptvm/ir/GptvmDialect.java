package gvm.dialect.gptvm.ir;

import gvm.ir.Dialect;
import gvm.ir.def.OpDef;
import java.util.List;

/**
 * The {@code gptvm} dialect: the LLM primitives a Llama-family model is written in (GPTVM's
 * primitives). Conventions every op follows:
 * <ul>
 *   <li>One sequence per program: activations are {@code [seq, hidden]}, attention operands {@code
 *       [seq, heads, head_dim]}; {@code seq} may be dynamic ({@code ?}) in prefill.
 *   <li>Weights are {@code gptvm.param "checkpoint.name"} (or inline {@code dense_resource}
 *       constants) in the checkpoint's layout: linear weights {@code [out_features, in_features]}.
 *   <li>Ops are pure functions of their operands (value semantics); reductions and transcendental
 *       functions are computed per the formulas in each op's Javadoc.
 * </ul>
 * The key/value cache lives in the {@code kv} dialect.
 */
public final class GptvmDialect extends Dialect {
  public GptvmDialect() { super("gptvm"); }

  @Override public List<OpDef> ops() {
    return List.of(
        WeightOps.ParamOp.DEF, WeightOps.EmbeddingOp.DEF, WeightOps.LinearOp.DEF, WeightOps.MatmulOp.DEF, WeightOps.BatchMatmulOp.DEF,
        NormOps.RmsNormOp.DEF, NormOps.LayerNormOp.DEF,
        ElementwiseOps.SiluOp.DEF, ElementwiseOps.GeluOp.DEF, ElementwiseOps.AddOp.DEF, ElementwiseOps.MulOp.DEF,
        ElementwiseOps.SoftmaxOp.DEF,
        RopeOp.DEF, AttentionOp.DEF,
        ShapeOps.SplitOp.DEF, ShapeOps.ReshapeOp.DEF, ShapeOps.TransposeOp.DEF,
        SamplingOps.ArgmaxOp.DEF, SamplingOps.SampleOp.DEF,
        FusionOps.FusedOp.DEF, FusionOps.YieldOp.DEF, FusionOps.ConcatParamsOp.DEF);
  }

  @Override public List<String> dependentDialects() { return List.of("tensor"); }
}

package gvm.transforms.fusion;

import gvm.dialect.func.ir.FuncOp;
import gvm.dialect.gptvm.ir.FusionOps;
import gvm.dialect.gptvm.ir.ShapeOps;
import gvm.dialect.gptvm.ir.WeightOps;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Value;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.Location;
import gvm.ir.types.RankedTensorType;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import gvm.pass.Statistic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gptvm-fuse-parallel-linears}, TVM's CombineParallelDense by concatenation: linears of one
 * block that read the same input, whose weights (and biases, all or none) are {@code gptvm.param}s
 * of one element type and in_features, become one linear over a {@code gptvm.concat_params} weight
 * followed by a {@code gptvm.split} of its output features. On a Llama layer q/k/v become one QKV
 * projection and gate/up one; the runtime joins the weights once.
 *
 * <pre>{@code
 * %q = gptvm.linear %h, %wq ; %k = gptvm.linear %h, %wk
 *   ->  %w = gptvm.concat_params %wq, %wk ; %qk = gptvm.linear %h, %w ; %q, %k = gptvm.split %qk
 * }</pre>
 */
public final class FuseParallelLinearsPass extends Pass {
  final Statistic combined = statistic("combined-linears", "Number of linears replaced by combined ones");
  final Statistic created = statistic("combined-groups", "Number of combined linears created");

  public FuseParallelLinearsPass() {
    super("GptvmFuseParallelLinears", "gptvm-fuse-parallel-linears", "Combine linears that share their input and have parameter weights", "builtin.module");
  }

  @Override public void runOnOperation(Operation module, PassContext ctx) {
    for (Operation fn : module.region(0).front())
      if (fn.isA(FuncOp.DEF)) for (Block b : fn.region(0).blocks()) combineIn(b, ctx);
  }

  private void combineIn(Block block, PassContext ctx) {
    Map<List<Object>, List<Operation>> byKey = new LinkedHashMap<>();
    for (Operation op : block) {
      if (!op.isA(WeightOps.LinearOp.DEF)) continue;
      WeightOps.LinearOp l = new WeightOps.LinearOp(op);
      if (!isParam(l.weight()) || l.bias() != null && !isParam(l.bias())) continue;
      RankedTensorType w = (RankedTensorType) l.weight().type();
      byKey.computeIfAbsent(List.of(l.input(), w.shape().dim(1), w.elementType(), l.bias() != null), k -> new ArrayList<>()).add(op);
    }
    for (List<Operation> linears : byKey.values())
      if (linears.size() > 1) {
        combine(linears, ctx);
        combined.add(linears.size());
        created.increment();
      }
  }

  private static boolean isParam(Value v) { return v.definingOp() != null && v.definingOp().isA(WeightOps.ParamOp.DEF); }

  private static void combine(List<Operation> linears, PassContext ctx) {
    Operation first = linears.get(0);
    Block block = first.parentBlock();
    Value input = first.operand(0);
    boolean biased = first.numOperands() > 2;
    List<Value> weights = new ArrayList<>(), biases = new ArrayList<>();
    long out = 0;
    for (Operation l : linears) {
      weights.add(l.operand(1));
      if (biased) biases.add(l.operand(2));
      out += ((RankedTensorType) l.operand(1).type()).shape().dim(0);
      // parameters have no operands: hoisting one above the first linear keeps every use dominated
      for (int k = 1; k < l.numOperands(); k++) {
        Operation p = l.operand(k).definingOp();
        if (p.parentBlock() == block && first.isBeforeInBlock(p)) p.moveBefore(first);
      }
    }
    Location loc = FuseOpsPass.groupLoc(linears);
    Value w = concat(weights, out, loc, first, ctx);
    RankedTensorType in = (RankedTensorType) input.type();
    long[] shape = in.shape().toArray();
    shape[shape.length - 1] = out;
    OperationState st = new OperationState(loc, ctx.context().opName(WeightOps.LinearOp.DEF.name()));
    st.operands.add(input);
    st.operands.add(w);
    if (biased) st.operands.add(concat(biases, out, loc, first, ctx));
    st.resultTypes.add(RankedTensorType.get(in.elementType(), shape));
    Operation linear = Operation.create(st);
    block.insertBefore(first, linear);
    OperationState split = new OperationState(loc, ctx.context().opName(ShapeOps.SplitOp.DEF.name()));
    split.operands.add(linear.result(0));
    split.addProperty("axis", IntegerAttr.i64(shape.length - 1));
    for (Operation l : linears) split.resultTypes.add(l.result(0).type());
    Operation parts = Operation.create(split);
    block.insertBefore(first, parts);
    for (int i = 0; i < linears.size(); i++) {
      linears.get(i).result(0).replaceAllUsesWith(parts.result(i));
      linears.get(i).erase();
    }
  }

  private static Value concat(List<Value> params, long rows, Location loc, Operation before, PassContext ctx) {
    RankedTensorType t = (RankedTensorType) params.get(0).type();
    long[] shape = t.shape().toArray();
    shape[0] = rows;
    OperationState st = new OperationState(loc, ctx.context().opName(FusionOps.ConcatParamsOp.DEF.name()));
    st.operands.addAll(params);
    st.resultTypes.add(RankedTensorType.get(t.elementType(), shape));
    Operation op = Operation.create(st);
    before.parentBlock().insertBefore(before, op);
    return op.result(0);
  }
}

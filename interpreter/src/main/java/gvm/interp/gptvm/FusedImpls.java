package gvm.interp.gptvm;

import gvm.dialect.gptvm.ir.FusionOps;
import gvm.dialect.gptvm.ir.WeightOps;
import gvm.interp.BlockEffect;
import gvm.interp.Frame;
import gvm.interp.ImplTable;
import gvm.interp.Parallel;
import gvm.interp.Tensor;
import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fusion ops. {@code gptvm.fused} runs as one loop nest when its group is an elementwise chain
 * (evaluated per element) or a linear followed by an elementwise epilogue (applied in the linear's
 * output loop); other groups run op by op inside the region. {@code gptvm.concat_params} joins its
 * parameters once per interpreter.
 */
public final class FusedImpls {
  private FusedImpls() {}

  /** How one {@code gptvm.fused} op runs, compiled on first use. */
  sealed interface Plan permits Chain, LinearEpilogue, OpByOp {}

  private record Chain(ElementwiseProgram program) implements Plan {}

  /** {@code input}, {@code weight}, {@code bias} are block argument indices (bias -1 when none). */
  private record LinearEpilogue(int input, int weight, int bias, ElementwiseProgram epilogue) implements Plan {}

  private record OpByOp() implements Plan {}

  /** Plans by op, and joined parameters by their names, per interpreter. */
  static final class Cache {
    final Map<Operation, Plan> plans = new ConcurrentHashMap<>();
    final Map<String, Tensor> joined = new HashMap<>();
    final Map<Operation, Tensor> joinedByOp = new ConcurrentHashMap<>();
  }

  public static void register(ImplTable t) {
    t.register(FusionOps.YieldOp.DEF, (f, op, a) -> new BlockEffect.Return(a));
    t.register(FusionOps.FusedOp.DEF, FusedImpls::fused);
    t.register(FusionOps.ConcatParamsOp.DEF, FusedImpls::concatParams);
  }

  private static Cache cache(Frame f) { return f.interpreter().service(Cache.class, Cache::new); }

  private static BlockEffect fused(Frame f, Operation op, Object[] a) {
    Plan plan = cache(f).plans.computeIfAbsent(op, FusedImpls::plan);
    if (plan instanceof Chain c) return BlockEffect.next(chain(f, op, c.program(), a));
    if (plan instanceof LinearEpilogue l) return BlockEffect.next(linearEpilogue(f, op, l, a));
    return BlockEffect.next(f.runRegion(op.region(0), a));
  }

  /** How {@code op} runs: a {@code Chain}, a {@code LinearEpilogue} or {@code OpByOp} (package-private for tests). */
  static Plan plan(Operation op) {
    Block body = op.region(0).front();
    if (op.numResults() != 1) return new OpByOp();
    Operation first = body.first();
    if (first != null && first.isA(WeightOps.LinearOp.DEF) && first.result(0).hasOneUse()) {
      int[] args = new int[3];
      for (int k = 0; k < 3; k++) {
        Value v = k < first.numOperands() ? first.operand(k) : null;
        args[k] = v == null ? -1 : v instanceof BlockArgument b && b.owner() == body ? b.index() : -2;
      }
      ElementwiseProgram epilogue = args[0] >= 0 && args[1] >= 0 && args[2] != -2 ? ElementwiseProgram.compile(body, first) : null;
      if (epilogue != null) return new LinearEpilogue(args[0], args[1], args[2], epilogue);
    }
    ElementwiseProgram p = ElementwiseProgram.compile(body, null);
    return p != null ? new Chain(p) : new OpByOp();
  }

  /** The inputs the program reads, as float arrays (null where unread); all of {@code n} elements. */
  private static float[][] inputs(ElementwiseProgram p, Object[] a, int n) {
    float[][] in = new float[a.length][];
    int[] args = p.inputs();
    for (int j = 0; j < args.length; j++) {
      Tensor t = (Tensor) a[args[j]];
      if (t.size() != p.inputSize(j, n)) throw new IllegalArgumentException("fused operand #" + args[j] + " has " + t.size() + " elements, expected " + p.inputSize(j, n));
      in[args[j]] = array(t);
    }
    return in;
  }

  private static float[] array(Tensor t) {
    FloatBuffer b = t.floats();
    return b.hasArray() && b.arrayOffset() == 0 && b.array().length == t.size() ? b.array() : t.floatArray();
  }

  /** Shape of the result: the static type, or the shape of the first input with as many elements. */
  private static int[] resultShape(Operation op, Object[] a, int[] fallback) {
    RankedTensorType rt = (RankedTensorType) op.result(0).type();
    if (rt.hasStaticShape()) {
      int[] s = new int[rt.rank()];
      for (int d = 0; d < s.length; d++) s[d] = (int) rt.shape().dim(d);
      return s;
    }
    return fallback;
  }

  private static Tensor chain(Frame f, Operation op, ElementwiseProgram p, Object[] a) {
    // the result's static sizes; a dynamic one is the first input's (a split only cuts the last axis)
    RankedTensorType rt = (RankedTensorType) op.result(0).type();
    Tensor first = (Tensor) a[p.inputs()[0]];
    if (first.rank() != rt.rank()) throw new IllegalArgumentException("fused operand has rank " + first.rank() + ", the result " + rt.rank());
    int[] shape = new int[rt.rank()];
    for (int d = 0; d < shape.length; d++) shape[d] = rt.shape().isDynamic(d) ? first.dim(d) : (int) rt.shape().dim(d);
    int n = Tensor.size(shape);
    float[][] in = inputs(p, a, n);
    float[] out = new float[n];
    int block = ElementwiseProgram.BLOCK, blocks = (n + block - 1) / block;
    f.interpreter().parallel().forEach(blocks, (long) n * 8, c -> {
      float[][] regs = p.registers(ElementwiseProgram.BLOCK);
      int start = c * block;
      p.evalBlock(start, Math.min(block, n - start), null, 0, in, regs, out, start);
    });
    return Tensor.ofFloats(((ShapedType) op.result(0).type()).elementType(), shape, out);
  }

  private static Tensor linearEpilogue(Frame f, Operation op, LinearEpilogue l, Object[] a) {
    Tensor x = (Tensor) a[l.input()], w = (Tensor) a[l.weight()];
    int in = w.dim(1), out = w.dim(0), rows = x.size() / in;
    if (x.dim(x.rank() - 1) != in) throw new IllegalArgumentException("input has " + x.dim(x.rank() - 1) + " features, weight " + in);
    int[] shape = x.shape();
    shape[shape.length - 1] = out;
    float[][] ins = inputs(l.epilogue(), a, rows * out);
    Parallel par = f.interpreter().parallel();
    FloatBuffer bias = l.bias() >= 0 ? ((Tensor) a[l.bias()]).floats() : null;
    ElementwiseProgram e = l.epilogue();
    float[] y = FusedKernels.linear(par, array(x), rows, in, w.floats(), w.bytes(), out, bias,
        (start, len, y0, regs) -> e.evalBlock(start, len, y0, start, ins, regs, y0, start), () -> e.registers(FusedKernels.OUT_BLOCK));
    return Tensor.ofFloats(((ShapedType) op.result(0).type()).elementType(), shape, y);
  }

  private static BlockEffect concatParams(Frame f, Operation op, Object[] a) {
    Cache cache = cache(f);
    Tensor joined = cache.joinedByOp.get(op);
    if (joined != null) return BlockEffect.next(joined);
    // programs with several functions join the same parameters once (the key: names and type)
    String key = String.join("\n", new FusionOps.ConcatParamsOp(op).names()) + "\n" + op.result(0).type();
    synchronized (cache) {
      joined = cache.joined.get(key);
      if (joined == null) {
        int total = 0;
        for (Object o : a) total += ((Tensor) o).size();
        float[] data = new float[total];
        int at = 0;
        for (Object o : a) {
          Tensor t = (Tensor) o;
          t.floats().get(0, data, at, t.size());
          at += t.size();
        }
        RankedTensorType rt = (RankedTensorType) op.result(0).type();
        joined = Tensor.ofFloats(rt.elementType(), resultShape(op, a, null), data);
        cache.joined.put(key, joined);
      }
    }
    cache.joinedByOp.put(op, joined);
    return BlockEffect.next(joined);
  }
}

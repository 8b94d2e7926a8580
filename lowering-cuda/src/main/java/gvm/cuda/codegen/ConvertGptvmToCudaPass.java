package gvm.cuda.codegen;

import gvm.cuda.codegen.KernelTemplates.Paging;
import gvm.cuda.ir.KernelOp;
import gvm.cuda.ir.LaunchOp;
import gvm.dialect.func.ir.FuncOp;
import gvm.dialect.gptvm.ir.ElementwiseOps;
import gvm.dialect.gptvm.ir.NormOps;
import gvm.dialect.gptvm.ir.RopeOp;
import gvm.dialect.gptvm.ir.SamplingOps;
import gvm.dialect.gptvm.ir.WeightOps;
import gvm.dialect.kv.ir.CacheOps;
import gvm.dialect.kv.ir.KvCacheType;
import gvm.ir.Block;
import gvm.ir.Context;
import gvm.ir.OpOperand;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Value;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.StringAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.def.Trait;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Type;
import gvm.pass.PassContext;
import gvm.pass.PassOption;
import gvm.pass.Statistic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code convert-gptvm-to-cuda}: lowers the gptvm/kv ops of each function of a module into {@code
 * cuda.launch}es of {@code cuda.kernel}s (CUDA C++ emitted by {@link KernelTemplates}, one
 * kernel per distinct op kind and shape, shared by all layers). Op groups it fuses on the way:
 * {@code mul(silu(g), u)} into one silu·mul kernel, {@code add(x, linear(h, w))} into the linear's
 * epilogue (residual add), and {@code kv.attend} with its {@code kv.append} into an append kernel
 * then an attention kernel over the paged cache. Linears of one row (decode) become GEMVs, others
 * (prefill) GEMMs. RoPE positions must be the cache length plus the row (as the importer writes
 * them): the kernels read the length from the device, so a decode step needs no host values.
 * The module records {@code cuda.weight_dtype} and {@code cuda.page_size} for the runtime.
 * Functions of batched steps ({@code kv.begin_forward}) are left alone.
 */
public final class ConvertGptvmToCudaPass extends gvm.pass.Pass {
  final PassOption<String> weightDtype = stringOption("weight-dtype", "element type of 2-D weights on the device: f32, f16 or bf16", "f16");
  final PassOption<Integer> pageSize = intOption("page-size", "kv cache slots per page", 16);
  final Statistic launches = statistic("num-launches", "Number of cuda.launch ops created");
  final Statistic kernels = statistic("num-kernels", "Number of distinct cuda.kernel ops");

  public ConvertGptvmToCudaPass() { super("ConvertGptvmToCuda", "convert-gptvm-to-cuda", "Lower gptvm and kv ops to CUDA kernels and launches", "builtin.module"); }

  /** A lowering failure: reported at {@code op} as {@code 'name' op message}. */
  private static final class Unsupported extends RuntimeException {
    final Operation op;

    Unsupported(Operation op, String message) {
      super(message, null, false, false);
      this.op = op;
    }
  }

  @Override public void runOnOperation(Operation module, PassContext ctx) {
    WeightType wt = WeightType.parse(weightDtype.get());
    if (wt == null) {
      ctx.emitError(module.loc(), "convert-gptvm-to-cuda: weight-dtype must be f32, f16 or bf16, not '" + weightDtype.get() + "'");
      ctx.signalPassFailure();
      return;
    }
    if (pageSize.get() < 1) {
      ctx.emitError(module.loc(), "convert-gptvm-to-cuda: page-size must be positive");
      ctx.signalPassFailure();
      return;
    }
    Lowering l = new Lowering(ctx.context(), module, wt, pageSize.get());
    try {
      for (Operation op : module.region(0).front().operations())
        if (op.isA(FuncOp.DEF) && op.region(0).blocks().size() > 0) l.lowerFunction(op);
    } catch (Unsupported e) {
      ctx.emitOpError(e.op, e.getMessage());
      ctx.signalPassFailure();
      return;
    }
    module.setAttr("cuda.weight_dtype", StringAttr.of(wt.spelling()));
    module.setAttr("cuda.page_size", IntegerAttr.i64(pageSize.get()));
    launches.add(l.launchCount);
    kernels.add(l.kernels.size());
  }

  /** The index of {@code op} in its block (for ordering a group's ops). */
  private static int position(Operation op) {
    int i = 0;
    for (Operation o = op.parentBlock().first(); o != op; o = o.nextOp()) i++;
    return i;
  }

  /** The state of one module's lowering: the kernels emitted so far, by name. */
  private static final class Lowering {
    final Context context;
    final Operation module;
    final WeightType wt;
    final int page;
    final Map<String, Operation> kernels = new LinkedHashMap<>();
    Operation lastKernel;
    long launchCount;

    Lowering(Context context, Operation module, WeightType wt, int page) {
      this.context = context;
      this.module = module;
      this.wt = wt;
      this.page = page;
    }

    void lowerFunction(Operation func) {
      Block body = func.region(0).front();
      // Batched steps (kv.begin_forward over several sequences, issue 8) stay as they are: the
      // CUDA runtime serves one sequence.
      for (Operation op : body) if (op.name().equals("kv.begin_forward")) return;
      for (Operation op : body.operations()) {
        if (op.parentBlock() == null) continue; // erased with an earlier group
        lowerOp(op);
      }
      eraseDeadPureOps(body);
    }

    private void lowerOp(Operation op) {
      String name = op.name();
      if (op.isA(WeightOps.EmbeddingOp.DEF)) {
        long[] t = shape(op.operand(0));
        replace(op, KernelTemplates.embedding(wt, t[0], t[1]), List.of(op.operand(0), op.operand(1)), 0);
      } else if (op.isA(NormOps.RmsNormOp.DEF) && lowerNormedLinears(op)) {
        return;
      } else if (op.isA(NormOps.RmsNormOp.DEF)) {
        replace(op, KernelTemplates.rmsNorm(wt, lastDim(op.operand(0)), new NormOps.RmsNormOp(op).eps()), op.operands(), 0);
      } else if (op.isA(WeightOps.LinearOp.DEF)) {
        lowerLinear(op);
      } else if (op.isA(ElementwiseOps.SiluOp.DEF) && fusesIntoMul(op)) {
        return; // lowered with its mul
      } else if (op.isA(ElementwiseOps.MulOp.DEF) && op.operand(0).definingOp() != null && fusesIntoMul(op.operand(0).definingOp())) {
        Operation silu = op.operand(0).definingOp();
        replace(op, KernelTemplates.elementwise(wt, "silu_mul", lastDim(op.result(0))), List.of(silu.operand(0), op.operand(1)), 0);
        silu.erase();
      } else if (op.isA(ElementwiseOps.AddOp.DEF) || op.isA(ElementwiseOps.MulOp.DEF) || op.isA(ElementwiseOps.SiluOp.DEF)) {
        requireSameShapes(op);
        replace(op, KernelTemplates.elementwise(wt, op.def().mnemonic(), lastDim(op.result(0))), op.operands(), 0);
      } else if (op.isA(RopeOp.DEF) && ropeFusesIntoAttention(op) != null) {
        return; // lowered with its kv.attend
      } else if (op.isA(RopeOp.DEF)) {
        RopeOp rope = new RopeOp(op);
        requireCachePositions(op, rope.positions());
        long[] s = shape(op.operand(0));
        replace(op, KernelTemplates.rope(wt, s[1], s[2], rope.rotaryDim(), rope.theta(), rope.interleaved()), List.of(op.operand(0)), 0);
      } else if (op.isA(CacheOps.AttendOp.DEF)) {
        lowerAttend(op);
      } else if (op.isA(CacheOps.AdvanceOp.DEF)) {
        requireStepCount(op, op.operand(1));
        replace(op, KernelTemplates.kvAdvance(wt), List.of(op.operand(0)), 0);
      } else if (op.isA(SamplingOps.ArgmaxOp.DEF)) {
        replace(op, KernelTemplates.argmax(wt, lastDim(op.operand(0))), op.operands(), 0);
      } else if (op.isA(CacheOps.AppendOp.DEF)) {
        throw new Unsupported(op, "has no CUDA lowering without a kv.attend of the same keys and values before it");
      } else if (name.startsWith("gptvm.") && !op.isA(WeightOps.ParamOp.DEF) && !name.equals("gptvm.reshape")) {
        throw new Unsupported(op, "has no CUDA lowering");
      }
    }

    /** GEMV for one row, GEMM otherwise; {@code add(x, linear)} with the linear used once becomes its epilogue. */
    private void lowerLinear(Operation op) {
      if (op.numOperands() > 2) throw new Unsupported(op, "with a bias has no CUDA lowering");
      long[] w = shape(op.operand(1));
      long[] in = shape(op.operand(0));
      if (in.length != 2) throw new Unsupported(op, "has no CUDA lowering for inputs of rank " + in.length);
      boolean decode = in[0] == 1;
      Operation add = singleUser(op.result(0));
      if (add != null && add.isA(ElementwiseOps.AddOp.DEF) && add.operand(0) != add.operand(1)) {
        Value residual = add.operand(0) == op.result(0) ? add.operand(1) : add.operand(0);
        if (residual.type().equals(add.result(0).type())) {
          replace(add, KernelTemplates.linear(wt, w[0], w[1], true, decode), List.of(op.operand(0), op.operand(1), residual), 0, op.loc());
          op.erase();
          return;
        }
      }
      replace(op, KernelTemplates.linear(wt, w[0], w[1], false, decode), op.operands(), 0);
    }

    /**
     * Decode (one row): an rms_norm whose users are all linears of it becomes one GEMV launch
     * that normalises its input row itself, over all those matrices (q, k, v: three outputs;
     * the classifier: one); gate and up whose {@code mul(silu(gate), up)} follows become one GEMV
     * with a SwiGLU epilogue. Returns false (nothing changed) when the users are anything else.
     */
    private boolean lowerNormedLinears(Operation norm) {
      long[] in = shape(norm.operand(0));
      if (in.length != 2 || in[0] != 1) return false;
      List<Operation> linears = new ArrayList<>();
      for (OpOperand u : norm.result(0).uses()) {
        Operation l = u.owner();
        if (!l.isA(WeightOps.LinearOp.DEF) || l.numOperands() != 2 || l.operand(0) != norm.result(0) || linears.contains(l)) return false;
        linears.add(l);
      }
      if (linears.isEmpty() || linears.size() > 3) return false;
      linears.sort(java.util.Comparator.comparingInt(ConvertGptvmToCudaPass::position));
      double eps = new NormOps.RmsNormOp(norm).eps();
      Operation last = linears.get(linears.size() - 1);
      List<Value> args = new ArrayList<>(List.of(norm.operand(0), norm.operand(1)));
      if (linears.size() == 2) {
        Operation mul = swiglu(linears.get(0), linears.get(1));
        boolean swapped = mul == null;
        if (swapped) mul = swiglu(linears.get(1), linears.get(0));
        if (mul != null) {
          Operation gate = linears.get(swapped ? 1 : 0), up = linears.get(swapped ? 0 : 1);
          long[] w = shape(gate.operand(1));
          Operation silu = mul.operand(0).definingOp();
          args.add(gate.operand(1));
          args.add(up.operand(1));
          replace(mul, KernelTemplates.gemv(wt, new long[] {w[0], w[0]}, w[1], eps, KernelTemplates.Epilogue.SWIGLU), args, 0, gate.loc());
          silu.erase();
          gate.erase();
          up.erase();
          norm.erase();
          return true;
        }
      }
      long[] ns = new long[linears.size()];
      List<Type> results = new ArrayList<>();
      for (int i = 0; i < ns.length; i++) {
        Operation l = linears.get(i);
        ns[i] = shape(l.operand(1))[0];
        if (shape(l.operand(1))[1] != in[1]) return false;
        args.add(l.operand(1));
        results.add(l.result(0).type());
      }
      Operation g = launch(last, KernelTemplates.gemv(wt, ns, in[1], eps, KernelTemplates.Epilogue.NONE), args, results, 0, linears.get(0).loc());
      for (int i = 0; i < ns.length; i++) {
        linears.get(i).result(0).replaceAllUsesWith(g.result(i));
        linears.get(i).erase();
      }
      norm.erase();
      return true;
    }

    /** The {@code mul(silu(gate), up)} that uses {@code gate} (through a silu used once) and {@code up}, or null. */
    private static Operation swiglu(Operation gate, Operation up) {
      Operation silu = singleUser(gate.result(0));
      if (silu == null || !fusesIntoMul(silu)) return null;
      Operation mul = singleUser(silu.result(0));
      return mul.operand(1) == up.result(0) && singleUser(up.result(0)) == mul && gate.resultTypes().equals(up.resultTypes()) ? mul : null;
    }

    /** {@code kv.attend} and its {@code kv.append}: append the step's keys and values, then attend over the pages. */
    private void lowerAttend(Operation attend) {
      CacheOps.AttendOp a = new CacheOps.AttendOp(attend);
      Value cache = attend.operand(0);
      Operation append = null;
      for (OpOperand u : cache.uses()) {
        Operation o = u.owner();
        if (o.isA(CacheOps.AppendOp.DEF) && new CacheOps.AppendOp(o).layer() == a.layer() && o.operand(1) == attend.operand(2)
            && o.operand(2) == attend.operand(3))
          append = o;
      }
      if (append == null) throw new Unsupported(attend, "has no CUDA lowering without a kv.append of the same keys and values");
      KvCacheType ct = (KvCacheType) cache.type();
      if (!(ct.dtype() instanceof gvm.ir.types.FloatType f) || f.width() != 32) throw new Unsupported(attend, "has no CUDA lowering for a cache of " + ct.dtype());
      long[] q = shape(attend.operand(1));
      Paging p = new Paging(ct.kvHeads(), ct.headDim(), page, (ct.capacity() + page - 1) / page);
      double scale = attend.prop("scale") instanceof FloatAttr s ? s.value() : 1.0 / Math.sqrt(q[2]);
      long window = attend.prop("window") instanceof IntegerAttr w ? w.value() : -1;
      // Decode: the RoPE of the keys happens in the append, that of the queries in the attention.
      Operation ropeQ = attend.operand(1).definingOp(), ropeK = attend.operand(2).definingOp();
      KernelTemplates.Rope rq = ropeQ != null && ropeQ.isA(RopeOp.DEF) ? ropeFusesIntoAttention(ropeQ) : null;
      KernelTemplates.Rope rk = ropeK != null && ropeK.isA(RopeOp.DEF) ? ropeFusesIntoAttention(ropeK) : null;
      Value k = rk != null ? ropeK.operand(0) : attend.operand(2), qv = rq != null ? ropeQ.operand(0) : attend.operand(1);
      Operation appended = launch(attend, KernelTemplates.kvAppend(wt, p, rk), List.of(cache, k, attend.operand(3)), List.of(cache.type()), a.layer(),
          append.loc());
      append.result(0).replaceAllUsesWith(appended.result(0));
      append.erase();
      replace(attend, KernelTemplates.attention(wt, p, q[1], scale, window, q[0] == 1, rq), List.of(appended.result(0), qv), a.layer());
      if (rk != null) ropeK.erase();
      if (rq != null) ropeQ.erase();
    }

    /**
     * The RoPE to fuse when {@code rope} (one row: decode) feeds only a kv.attend as its queries,
     * or only a kv.attend and its kv.append as their keys; null otherwise.
     */
    private static KernelTemplates.Rope ropeFusesIntoAttention(Operation rope) {
      long[] s = shape(rope.operand(0));
      if (s.length != 3 || s[0] != 1) return null;
      RopeOp r = new RopeOp(rope);
      Value pos = r.positions();
      Operation def = pos.definingOp();
      if (def == null || !def.name().equals("tensor.from_elements") || def.numOperands() != 1 || !isSeqLen(def.operand(0))) return null;
      Operation attend = null, append = null;
      for (OpOperand u : rope.result(0).uses()) {
        Operation o = u.owner();
        if (o.isA(CacheOps.AttendOp.DEF) && attend == null) attend = o;
        else if (o.isA(CacheOps.AppendOp.DEF) && append == null) append = o;
        else return null;
      }
      if (attend == null) return null;
      boolean isQ = append == null && attend.operand(1) == rope.result(0) && attend.operand(2) != rope.result(0);
      boolean isK = append != null && attend.operand(2) == rope.result(0) && append.operand(1) == rope.result(0) && attend.operand(1) != rope.result(0)
          && append.operand(0) == attend.operand(0) && append.operand(2) == attend.operand(3);
      if (!isQ && !isK) return null;
      return new KernelTemplates.Rope(r.rotaryDim(), r.theta(), r.interleaved());
    }

    // ---- building

    private void replace(Operation op, KernelSpec k, List<Value> args, long imm) { replace(op, k, args, imm, op.loc()); }

    private void replace(Operation op, KernelSpec k, List<Value> args, long imm, Location groupLoc) {
      Operation l = launch(op, k, args, op.resultTypes(), imm, groupLoc);
      op.replaceAllUsesWith(l.results());
      op.erase();
    }

    /** Creates {@code cuda.launch} of {@code k} before {@code at}, emitting the kernel on first use. */
    private Operation launch(Operation at, KernelSpec k, List<Value> args, List<Type> results, long imm, Location groupLoc) {
      kernel(k, groupLoc);
      OperationState st = new OperationState(at.loc(), context.opName(LaunchOp.DEF.name()));
      st.operands.addAll(args);
      st.resultTypes.addAll(results);
      st.addProperty("kernel", SymbolRefAttr.flat(k.name()));
      st.addProperty("grid", new DenseArrayAttr(IntegerType.I64, k.grid()));
      st.addProperty("block", new DenseArrayAttr(IntegerType.I64, new long[] {k.block()}));
      if (k.smem() > 0) st.addProperty("smem", IntegerAttr.i64(k.smem()));
      if (k.rowsPerBlock() > 0) st.addProperty("rows_per_block", IntegerAttr.i64(k.rowsPerBlock()));
      if (imm != 0) st.addProperty("imm", IntegerAttr.i64(imm));
      Operation l = Operation.create(st);
      at.parentBlock().insertBefore(at, l);
      launchCount++;
      return l;
    }

    private void kernel(KernelSpec k, Location groupLoc) {
      if (kernels.containsKey(k.name())) return;
      OperationState st = new OperationState(groupLoc, context.opName(KernelOp.DEF.name()));
      st.addProperty("sym_name", StringAttr.of(k.name()));
      st.addProperty("kind", StringAttr.of(k.kind()));
      st.addProperty("group", StringAttr.of(groupName(groupLoc)));
      st.addProperty("source", StringAttr.of(k.source()));
      Operation op = Operation.create(st);
      Block top = module.region(0).front();
      // kernels come first, in the order they were emitted
      top.insertBefore(lastKernel == null ? top.first() : lastKernel.nextOp(), op);
      lastKernel = op;
      kernels.put(k.name(), op);
    }

    // ---- checks

    /** The importer's positions: {@code len + i} for prefill, {@code [len]} for decode, len = {@code kv.seq_len}. */
    private void requireCachePositions(Operation rope, Value pos) {
      Operation def = pos.definingOp();
      boolean ok = false;
      if (def != null && def.name().equals("tensor.from_elements") && def.numOperands() == 1) ok = isSeqLen(def.operand(0));
      if (def != null && def.name().equals("tensor.generate")) {
        Block b = def.region(0).front();
        Operation add = b.first();
        ok = add != null && add.name().equals("arith.addi") && b.terminator().operand(0) == add.result(0)
            && (isSeqLen(add.operand(0)) && add.operand(1) == b.argument(0) || isSeqLen(add.operand(1)) && add.operand(0) == b.argument(0));
      }
      if (!ok) throw new Unsupported(rope, "has no CUDA lowering: its positions must be the cache length plus the row (kv.seq_len + index)");
    }

    private static boolean isSeqLen(Value v) { return v.definingOp() != null && v.definingOp().isA(CacheOps.SeqLenOp.DEF); }

    /** kv.advance by the step's tokens: {@code tensor.dim} of the function's ids, or their static count. */
    private void requireStepCount(Operation advance, Value count) {
      Operation def = count.definingOp();
      Block entry = advance.parentBlock();
      long[] ids = entry.numArguments() > 0 && entry.argument(0).type() instanceof RankedTensorType t ? t.shape().toArray() : new long[0];
      boolean ok = false;
      if (def != null && def.name().equals("tensor.dim")) ok = def.operand(0) == entry.argument(0);
      if (def != null && def.name().equals("arith.constant") && def.prop("value") instanceof IntegerAttr c)
        ok = ids.length == 1 && ids[0] == c.value();
      if (!ok) throw new Unsupported(advance, "has no CUDA lowering: it must advance by the step's token count");
    }

    private static void requireSameShapes(Operation op) {
      for (Value v : op.operands())
        if (!v.type().equals(op.result(0).type())) throw new Unsupported(op, "has no CUDA lowering for broadcasting operands");
    }

    /** {@code silu} whose one user is {@code mul(silu, u)} of the same shape. */
    private static boolean fusesIntoMul(Operation silu) {
      if (!silu.isA(ElementwiseOps.SiluOp.DEF)) return false;
      Operation mul = singleUser(silu.result(0));
      return mul != null && mul.isA(ElementwiseOps.MulOp.DEF) && mul.operand(0) == silu.result(0) && mul.operand(1) != silu.result(0)
          && mul.operand(1).type().equals(silu.result(0).type());
    }

    private static Operation singleUser(Value v) {
      Operation user = null;
      for (OpOperand u : v.uses()) {
        if (user != null && user != u.owner()) return null;
        user = u.owner();
      }
      return user;
    }

    private static long[] shape(Value v) {
      if (!(v.type() instanceof RankedTensorType t)) throw new Unsupported(v.definingOp(), "has no CUDA lowering for " + v.type());
      return t.shape().toArray();
    }

    private static long lastDim(Value v) {
      long[] s = shape(v);
      return s[s.length - 1];
    }

    private static String groupName(Location loc) {
      if (loc instanceof Location.Name n) return n.name();
      if (loc instanceof Location.FileLineCol f) return f.file() + ":" + f.line() + ":" + f.column();
      return loc.toString();
    }

    private static final java.util.Set<String> SIDE_EFFECT_FREE = java.util.Set.of("kv.seq_len", "tensor.generate", "tensor.from_elements", "tensor.dim");

    /** Erases pure ops left without uses (the position and length computations the kernels now do themselves). */
    private static void eraseDeadPureOps(Block body) {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Operation op = body.last(); op != null; ) {
          Operation prev = op.prevOp();
          if ((op.hasTrait(Trait.PURE) || SIDE_EFFECT_FREE.contains(op.name())) && op.numResults() > 0 && op.useEmpty()) {
            op.erase();
            changed = true;
          }
          op = prev;
        }
      }
    }
  }
}

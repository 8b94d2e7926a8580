package gvm.interp.scf;

import gvm.dialect.scf.ir.ConditionOp;
import gvm.dialect.scf.ir.ExecuteRegionOp;
import gvm.dialect.scf.ir.ForOp;
import gvm.dialect.scf.ir.IfOp;
import gvm.dialect.scf.ir.IndexSwitchOp;
import gvm.dialect.scf.ir.ForallOp;
import gvm.dialect.scf.ir.InParallelOp;
import gvm.dialect.scf.ir.ParallelOp;
import gvm.dialect.scf.ir.ReduceOp;
import gvm.dialect.scf.ir.ReduceReturnOp;
import gvm.dialect.scf.ir.WhileOp;
import gvm.dialect.scf.ir.YieldOp;
import gvm.interp.BlockEffect;
import gvm.interp.Frame;
import gvm.ir.Operation;
import gvm.interp.Elements;
import gvm.interp.ImplTable;
import gvm.ir.attributes.DenseArrayAttr;
import java.util.Arrays;

/**
 * scf: for, if, while, execute_region, index_switch; their terminators (yield, condition) leave
 * the region with their operands.
 */
public final class ScfImpls {
  private ScfImpls() {}

  public static void register(ImplTable t) {
    t.register(YieldOp.DEF, (f, op, a) -> new BlockEffect.Return(a));
    // scf.condition returns (cond, args...): scf.while decides from the first value.
    t.register(ConditionOp.DEF, (f, op, a) -> new BlockEffect.Return(a));
    t.register(ForOp.DEF, (f, op, a) -> {
      long lb = (Long) a[0], ub = (Long) a[1], step = (Long) a[2];
      if (step <= 0) throw new IllegalArgumentException("requires a positive step, but got " + step);
      int w = Elements.width(op.operand(0).type());
      Object[] iter = Arrays.copyOfRange(a, 3, a.length);
      for (long iv = lb; iv < ub; iv = Elements.normalize(iv + step, w)) {
        Object[] args = new Object[iter.length + 1];
        args[0] = iv;
        System.arraycopy(iter, 0, args, 1, iter.length);
        iter = f.runRegion(op.region(0), args);
        if (iv + step < iv) break; // overflow ends the loop
      }
      return BlockEffect.next(iter);
    });
    t.register(IfOp.DEF, (f, op, a) -> {
      boolean cond = (Long) a[0] != 0;
      if (!cond && op.region(1).isEmpty()) return BlockEffect.next();
      return BlockEffect.next(f.runRegion(op.region(cond ? 0 : 1)));
    });
    t.register(WhileOp.DEF, (f, op, a) -> {
      Object[] args = a;
      while (true) {
        Object[] c = f.runRegion(op.region(0), args);
        Object[] carried = Arrays.copyOfRange(c, 1, c.length);
        if ((Long) c[0] == 0) return BlockEffect.next(carried);
        args = f.runRegion(op.region(1), carried);
      }
    });
    t.register(ReduceOp.DEF, (f, op, a) -> new BlockEffect.Return(a));
    t.register(ReduceReturnOp.DEF, (f, op, a) -> new BlockEffect.Return(a));
    t.register(ParallelOp.DEF, ScfImpls::parallel);
    t.register(ForallOp.DEF, ScfImpls::forall);
    t.register(InParallelOp.DEF, ScfImpls::inParallel);
    t.register(ExecuteRegionOp.DEF, (f, op, a) -> BlockEffect.next(f.runRegion(op.region(0))));
    t.register(IndexSwitchOp.DEF, (f, op, a) -> {
      long v = (Long) a[0];
      DenseArrayAttr cases = (DenseArrayAttr) op.prop("cases");
      for (int i = 0; i < cases.size(); i++) if (cases.get(i) == v) return BlockEffect.next(f.runRegion(op.region(i + 1)));
      return BlockEffect.next(f.runRegion(op.region(0)));
    });
  }

  /**
   * scf.parallel, run sequentially in row-major order of the index space: each iteration's
   * scf.reduce operands are folded into the accumulators (starting from the init values) by the
   * reduce op's regions.
   */
  private static BlockEffect parallel(Frame f, Operation op, Object[] a) {
    Operation body = op.region(0).front().last();
    int n = op.region(0).front().numArguments();
    long[] lb = new long[n], ub = new long[n], step = new long[n];
    for (int d = 0; d < n; d++) {
      lb[d] = (Long) a[d];
      ub[d] = (Long) a[n + d];
      step[d] = (Long) a[2 * n + d];
      if (step[d] <= 0) throw new IllegalArgumentException("requires positive steps, but got " + step[d]);
      if (lb[d] >= ub[d]) return BlockEffect.next(Arrays.copyOfRange(a, 3 * n, a.length));
    }
    Object[] acc = Arrays.copyOfRange(a, 3 * n, a.length);
    long[] iv = lb.clone();
    while (true) {
      Object[] args = new Object[n];
      for (int d = 0; d < n; d++) args[d] = iv[d];
      Object[] vals = f.runRegion(op.region(0), args);
      for (int i = 0; i < acc.length; i++) acc[i] = f.runRegion(body.region(i), acc[i], vals[i])[0];
      if (!advance(iv, lb, ub, step)) return BlockEffect.next(acc);
    }
  }

  /**
   * scf.forall, run sequentially in row-major order: each iteration sees the shared outputs as
   * updated so far, and its scf.forall.in_parallel returns them with its slices inserted.
   */
  private static BlockEffect forall(Frame f, Operation op, Object[] a) {
    int[] next = {0};
    long[] lb = bounds(op, "staticLowerBound", a, next), ub = bounds(op, "staticUpperBound", a, next), step = bounds(op, "staticStep", a, next);
    int n = ub.length;
    if (lb.length == 0) lb = new long[n];
    if (step.length == 0) {
      step = new long[n];
      Arrays.fill(step, 1);
    }
    Object[] outs = Arrays.copyOfRange(a, next[0], a.length);
    for (int d = 0; d < n; d++) {
      if (step[d] <= 0) throw new IllegalArgumentException("requires positive steps, but got " + step[d]);
      if (lb[d] >= ub[d]) return BlockEffect.next(outs);
    }
    long[] iv = lb.clone();
    while (true) {
      Object[] args = new Object[n + outs.length];
      for (int d = 0; d < n; d++) args[d] = iv[d];
      System.arraycopy(outs, 0, args, n, outs.length);
      outs = f.runRegion(op.region(0), args);
      if (!advance(iv, lb, ub, step)) return BlockEffect.next(outs);
    }
  }

  /** Steps the row-major induction variables {@code iv}; false once the index space is exhausted. */
  private static boolean advance(long[] iv, long[] lb, long[] ub, long[] step) {
    for (int d = iv.length - 1; d >= 0; d--) {
      iv[d] += step[d];
      if (iv[d] < ub[d]) return true;
      iv[d] = lb[d];
    }
    return false;
  }

  private static long[] bounds(Operation op, String name, Object[] a, int[] next) {
    DenseArrayAttr st = (DenseArrayAttr) op.prop(name);
    long[] r = new long[st == null ? 0 : st.size()];
    for (int i = 0; i < r.length; i++) r[i] = st.get(i) == gvm.ir.types.ShapedType.DYNAMIC ? (Long) a[next[0]++] : st.get(i);
    return r;
  }

  /** The shared outputs of the enclosing scf.forall with this iteration's parallel_insert_slice ops applied. */
  private static BlockEffect inParallel(Frame f, Operation op, Object[] a) {
    gvm.ir.Block body = op.parentOp().region(0).front();
    int first = body.numArguments() - op.parentOp().numResults();
    Object[] outs = new Object[op.parentOp().numResults()];
    for (int i = 0; i < outs.length; i++) outs[i] = f.get(body.argument(first + i));
    for (Operation o = op.region(0).front().first(); o != null; o = o.nextOp()) {
      int out = ((gvm.ir.BlockArgument) o.operand(1)).index() - first;
      Object[] operands = new Object[o.numOperands()];
      for (int i = 0; i < operands.length; i++) operands[i] = f.get(o.operand(i));
      operands[1] = outs[out];
      try {
        outs[out] = gvm.interp.tensor.TensorImpls.insertSlice(o, operands);
      } catch (RuntimeException e) {
        throw new gvm.interp.InterpreterException(o.loc(), "'" + o.name() + "' op " + e.getMessage());
      }
    }
    return new BlockEffect.Return(outs);
  }
}

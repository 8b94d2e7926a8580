package gvm.interp.gptvm;

import gvm.dialect.gptvm.ir.ElementwiseOps;
import gvm.dialect.gptvm.ir.ShapeOps;
import gvm.dialect.arith.ir.FloatOps;
import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.types.FloatType;
import gvm.ir.types.RankedTensorType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An elementwise chain of a fusion group compiled to a small register program, evaluated block by
 * block: the block of each input is loaded, each op runs over the block, the yielded register is
 * that block of the result (one pass over the data; the blocks stay in the L1 cache). A {@code gptvm.split} of an input along its last axis is read in
 * place (element {@code i} of a part is element {@code (i / cols) · total + offset + i % cols} of
 * the input), so a split feeding the chain costs no copy. Each op rounds to float as its op-by-op impl does, so a fused
 * group computes the same bits as the ops one by one, without a tensor between them.
 */
final class ElementwiseProgram {
  private enum Code { ADD, SUB, MUL, DIV, MAX, MIN, NEG, SILU, GELU_ERF, GELU_TANH }

  private record Instr(Code code, int dst, int a, int b) {}

  /**
   * Register {@code loadReg[k]} takes element i of block argument {@code loadArg[k]}, or of its
   * columns {@code [loadOffset[k], loadOffset[k] + loadCols[k])} of {@code loadTotal[k]} per row.
   */
  private final int[] loadArg, loadReg, loadCols, loadTotal, loadOffset;
  private final Instr[] code;
  private final int registers, result, anchorReg;

  private ElementwiseProgram(int[][] loads, Instr[] code, int registers, int result, int anchorReg) {
    this.loadArg = loads[0];
    this.loadReg = loads[1];
    this.loadCols = loads[2];
    this.loadTotal = loads[3];
    this.loadOffset = loads[4];
    this.code = code;
    this.registers = registers;
    this.result = result;
    this.anchorReg = anchorReg;
  }

  /**
   * Compiles the ops of {@code body} after {@code anchor} (all of them when null) up to its single
   * yielded value; null when an op is not a supported float32 elementwise op of the result's shape.
   * The anchor's result, if any, is the value passed to {@link #eval} as {@code acc}.
   */
  static ElementwiseProgram compile(Block body, Operation anchor) {
    Operation yield = body.last();
    if (yield == null || yield.numOperands() != 1) return null;
    Value out = yield.operand(0);
    if (!(out.type() instanceof RankedTensorType rt) || !rt.elementType().equals(FloatType.F32)) return null;
    Map<Value, Integer> reg = new IdentityHashMap<>();
    List<int[]> loads = new ArrayList<>(); // {arg, reg, cols, total, offset}
    Map<Value, int[]> parts = new IdentityHashMap<>(); // split results: {arg, cols, total, offset}
    List<Instr> code = new ArrayList<>();
    int anchorReg = -1;
    if (anchor != null) {
      if (anchor.numResults() != 1 || !anchor.result(0).type().equals(rt)) return null;
      anchorReg = 0;
      reg.put(anchor.result(0), 0);
    }
    int next = reg.size();
    boolean started = anchor == null;
    for (Operation op = body.first(); op != yield; op = op.nextOp()) {
      if (!started) {
        started = op == anchor;
        if (!started) return null; // something runs before the anchor
        continue;
      }
      if (op.isA(ShapeOps.SplitOp.DEF) && anchor == null) {
        if (!splitInPlace(op, body, parts)) return null;
        continue;
      }
      Code c = code(op);
      if (c == null || op.numResults() != 1 || !op.result(0).type().equals(rt)) return null;
      int[] ins = new int[2];
      for (int k = 0; k < op.numOperands(); k++) {
        Value v = op.operand(k);
        if (!v.type().equals(rt)) return null;
        Integer r = reg.get(v);
        if (r == null) {
          int[] part = parts.get(v);
          if (part == null && v instanceof BlockArgument arg && arg.owner() == body) part = new int[] {arg.index(), 1, 1, 0};
          if (part == null) return null;
          r = next++;
          reg.put(v, r);
          loads.add(new int[] {part[0], r, part[1], part[2], part[3]});
        }
        ins[k] = r;
      }
      int dst = next++;
      reg.put(op.result(0), dst);
      code.add(new Instr(c, dst, ins[0], ins[1]));
    }
    Integer res = reg.get(out);
    if (res == null || code.isEmpty() && anchor == null) return null;
    int[][] columns = new int[5][loads.size()];
    for (int k = 0; k < loads.size(); k++) for (int c = 0; c < 5; c++) columns[c][k] = loads.get(k)[c];
    return new ElementwiseProgram(columns, code.toArray(new Instr[0]), next, res, anchorReg);
  }

  /** Records the parts of a split of a block argument along its static last axis; false for any other split. */
  private static boolean splitInPlace(Operation split, Block body, Map<Value, int[]> parts) {
    if (!(split.operand(0) instanceof BlockArgument arg) || arg.owner() != body) return false;
    RankedTensorType in = (RankedTensorType) arg.type();
    int axis = new ShapeOps.SplitOp(split).axis();
    if (axis != in.rank() - 1 || in.shape().isDynamic(axis)) return false;
    int total = (int) in.shape().dim(axis), offset = 0;
    for (Value r : split.results()) {
      long cols = ((RankedTensorType) r.type()).shape().dim(axis);
      if (cols < 0) return false;
      // a part of one column per row reads like a plain input only when the input has one column too
      parts.put(r, total == cols ? new int[] {arg.index(), 1, 1, 0} : new int[] {arg.index(), (int) cols, total, offset});
      offset += (int) cols;
    }
    return true;
  }

  private static Code code(Operation op) {
    if (op.isA(ElementwiseOps.AddOp.DEF) || op.isA(FloatOps.AddFOp.DEF)) return Code.ADD;
    if (op.isA(ElementwiseOps.MulOp.DEF) || op.isA(FloatOps.MulFOp.DEF)) return Code.MUL;
    if (op.isA(FloatOps.SubFOp.DEF)) return Code.SUB;
    if (op.isA(FloatOps.DivFOp.DEF)) return Code.DIV;
    if (op.isA(FloatOps.MaximumFOp.DEF)) return Code.MAX;
    if (op.isA(FloatOps.MinimumFOp.DEF)) return Code.MIN;
    if (op.isA(FloatOps.NegFOp.DEF)) return Code.NEG;
    if (op.isA(ElementwiseOps.SiluOp.DEF)) return Code.SILU;
    if (op.isA(ElementwiseOps.GeluOp.DEF)) return new ElementwiseOps.GeluOp(op).tanh() ? Code.GELU_TANH : Code.GELU_ERF;
    return null;
  }

  /** The block arguments the program reads per element. */
  int[] inputs() { return loadArg.clone(); }

  /** How many elements block argument {@code loadArg[k]} has for a result of {@code n}. */
  int inputSize(int k, int n) { return loadCols[k] == 1 && loadTotal[k] == 1 ? n : n / loadCols[k] * loadTotal[k]; }

  /** Block length of {@link #evalBlock}: the registers of one block stay in the L1 cache. */
  static final int BLOCK = 256;

  /** Fresh registers for one thread: {@code len} elements (at most {@link #BLOCK}) per register. */
  float[][] registers(int len) { return new float[registers][len]; }

  /**
   * Elements {@code [start, start + len)} of the result ({@code len} at most the registers' length) into {@code
   * out[outOff ..]}: each op runs over the block (a tight loop the JIT vectorizes) before the next,
   * the block's values staying in registers {@code r}. {@code in[k]} holds the elements of block
   * argument k (null when unread); {@code acc[accOff ..]} the anchor's values when there is one
   * ({@code out} may be {@code acc}).
   */
  void evalBlock(int start, int len, float[] acc, int accOff, float[][] in, float[][] r, float[] out, int outOff) {
    if (anchorReg >= 0) System.arraycopy(acc, accOff, r[anchorReg], 0, len);
    for (int k = 0; k < loadArg.length; k++) {
      float[] src = in[loadArg[k]], dst = r[loadReg[k]];
      int c = loadCols[k], total = loadTotal[k], off = loadOffset[k];
      if (c == 1 && total == 1) System.arraycopy(src, start, dst, 0, len);
      else for (int j = 0; j < len; j++) dst[j] = src[(start + j) / c * total + off + (start + j) % c];
    }
    for (Instr s : code) {
      float[] a = r[s.a], b = r[s.b], d = r[s.dst];
      switch (s.code) {
        case ADD -> { for (int j = 0; j < len; j++) d[j] = a[j] + b[j]; }
        case SUB -> { for (int j = 0; j < len; j++) d[j] = a[j] - b[j]; }
        case MUL -> { for (int j = 0; j < len; j++) d[j] = a[j] * b[j]; }
        case DIV -> { for (int j = 0; j < len; j++) d[j] = a[j] / b[j]; }
        case MAX -> { for (int j = 0; j < len; j++) d[j] = (float) Math.max((double) a[j], (double) b[j]); }
        case MIN -> { for (int j = 0; j < len; j++) d[j] = (float) Math.min((double) a[j], (double) b[j]); }
        case NEG -> { for (int j = 0; j < len; j++) d[j] = -a[j]; }
        case SILU -> { for (int j = 0; j < len; j++) d[j] = ScalarOps.silu(a[j]); }
        case GELU_ERF -> { for (int j = 0; j < len; j++) d[j] = ScalarOps.gelu(a[j], false); }
        case GELU_TANH -> { for (int j = 0; j < len; j++) d[j] = ScalarOps.gelu(a[j], true); }
      }
    }
    System.arraycopy(r[result], 0, out, outOff, len);
  }
}

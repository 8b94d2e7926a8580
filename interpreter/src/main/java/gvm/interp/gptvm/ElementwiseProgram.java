package gvm.interp.gptvm;

import gvm.dialect.gptvm.ir.ElementwiseOps;
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
 * An elementwise chain of a fusion group compiled to a small register program evaluated per
 * element: element {@code i} of each input is loaded, the ops run on scalars, the yielded value is
 * element {@code i} of the result. Each op rounds to float as its op-by-op impl does, so a fused
 * group computes the same bits as the ops one by one, without a tensor between them.
 */
final class ElementwiseProgram {
  private enum Code { ADD, SUB, MUL, DIV, MAX, MIN, NEG, SILU, GELU_ERF, GELU_TANH }

  private record Instr(Code code, int dst, int a, int b) {}

  /** Register {@code loadReg[k]} takes element i of block argument {@code loadArg[k]}. */
  private final int[] loadArg, loadReg;
  private final Instr[] code;
  private final int registers, result, anchorReg;

  private ElementwiseProgram(int[] loadArg, int[] loadReg, Instr[] code, int registers, int result, int anchorReg) {
    this.loadArg = loadArg;
    this.loadReg = loadReg;
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
    List<Integer> loadArg = new ArrayList<>(), loadReg = new ArrayList<>();
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
      Code c = code(op);
      if (c == null || op.numResults() != 1 || !op.result(0).type().equals(rt)) return null;
      int[] ins = new int[2];
      for (int k = 0; k < op.numOperands(); k++) {
        Value v = op.operand(k);
        if (!v.type().equals(rt)) return null;
        Integer r = reg.get(v);
        if (r == null) {
          if (!(v instanceof BlockArgument arg) || arg.owner() != body) return null;
          r = next++;
          reg.put(v, r);
          loadArg.add(arg.index());
          loadReg.add(r);
        }
        ins[k] = r;
      }
      int dst = next++;
      reg.put(op.result(0), dst);
      code.add(new Instr(c, dst, ins[0], ins[1]));
    }
    Integer res = reg.get(out);
    if (res == null || code.isEmpty() && anchor == null) return null;
    return new ElementwiseProgram(loadArg.stream().mapToInt(Integer::intValue).toArray(), loadReg.stream().mapToInt(Integer::intValue).toArray(),
        code.toArray(new Instr[0]), next, res, anchorReg);
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

  /** Fresh registers for one thread. */
  float[] registers() { return new float[registers]; }

  /** The result at element {@code i}; {@code in[k]} holds the elements of block argument k (null when unread). */
  float eval(int i, float acc, float[][] in, float[] r) {
    if (anchorReg >= 0) r[anchorReg] = acc;
    for (int k = 0; k < loadArg.length; k++) r[loadReg[k]] = in[loadArg[k]][i];
    for (Instr s : code) {
      float a = r[s.a], b = r[s.b];
      r[s.dst] = switch (s.code) {
        case ADD -> a + b;
        case SUB -> a - b;
        case MUL -> a * b;
        case DIV -> a / b;
        case MAX -> (float) Math.max((double) a, (double) b);
        case MIN -> (float) Math.min((double) a, (double) b);
        case NEG -> -a;
        case SILU -> ScalarOps.silu(a);
        case GELU_ERF -> ScalarOps.gelu(a, false);
        case GELU_TANH -> ScalarOps.gelu(a, true);
      };
    }
    return r[result];
  }
}

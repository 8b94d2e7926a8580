package gvm.dialect.cf.ir;

import gvm.dialect.arith.ir.CompareOps.SelectOp;
import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.OpOperand;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Value;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.Location;
import gvm.ir.rewrite.Folding;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.types.IntegerType;
import java.util.ArrayList;
import java.util.List;

/** The canonicalization patterns of cf.br, cf.cond_br and cf.assert (ControlFlowOps.cpp). */
final class CfCanonicalization {
  private CfCanonicalization() {}

  static Operation createBr(PatternRewriter r, Location loc, Block dest, List<Value> operands) {
    OperationState st = new OperationState(loc, r.context().opName(BranchOp.DEF.name()));
    st.operands.addAll(operands);
    st.successors.add(dest);
    return r.create(st);
  }

  static Operation createCondBr(PatternRewriter r, Location loc, Value cond, Block t, List<Value> tOps, Block f, List<Value> fOps) {
    OperationState st = new OperationState(loc, r.context().opName(CondBranchOp.DEF.name()));
    st.operands.add(cond);
    st.operands.addAll(tOps);
    st.operands.addAll(fOps);
    st.successors.add(t);
    st.successors.add(f);
    st.addProperty("operandSegmentSizes", new DenseArrayAttr(IntegerType.I32, new long[] {1, tOps.size(), fOps.size()}));
    return r.create(st);
  }

  // br ^succ(args) where ^succ has this block as its only predecessor -> ^succ's ops merged into this block
  static boolean simplifyBrToBlockWithSinglePred(Operation op, PatternRewriter r) {
    Block succ = op.successor(0), parent = op.parentBlock();
    if (succ == parent || succ.firstPredecessorUse() == null || succ.firstPredecessorUse().nextUse() != null) return false;
    List<Value> args = op.operands();
    r.eraseOp(op);
    r.mergeBlocks(succ, parent, args);
    return true;
  }

  // br ^bb1(a) where ^bb1(x): br ^bbN(f(x)) -> br ^bbN(f(a))
  static boolean simplifyPassThroughBr(Operation op, PatternRewriter r) {
    Block dest = op.successor(0);
    if (dest == op.parentBlock()) return false;
    Collapsed c = collapseBranch(dest, op.operands());
    if (c == null) return false;
    r.setInsertionPoint(op);
    r.replaceOp(op, createBr(r, op.loc(), c.dest, c.operands));
    return true;
  }

  private record Collapsed(Block dest, List<Value> operands) {}

  /** If {@code succ} only forwards its arguments with a cf.br, the branch target and operands to use instead. */
  private static Collapsed collapseBranch(Block succ, List<Value> operands) {
    Operation br = succ.first();
    if (br == null || br.nextOp() != null || !br.isA(BranchOp.DEF)) return null;
    for (BlockArgument a : succ.arguments())
      for (OpOperand u = a.firstUse(); u != null; u = u.nextUse()) if (u.owner() != br) return null;
    Block succDest = br.successor(0);
    if (succDest == succ) return null; // an infinite loop
    if (succ.numArguments() == 0) return new Collapsed(succDest, br.operands());
    List<Value> mapped = new ArrayList<>(br.numOperands());
    for (Value v : br.operands())
      mapped.add(v instanceof BlockArgument a && a.owner() == succ ? operands.get(a.index()) : v);
    return new Collapsed(succDest, mapped);
  }

  private static List<Value> trueOperands(Operation op) { return new CondBranchOp(op).trueOperands(); }

  private static List<Value> falseOperands(Operation op) { return new CondBranchOp(op).falseOperands(); }

  // cond_br true, ^a, ^b -> br ^a; cond_br false, ^a, ^b -> br ^b
  static boolean simplifyConstCondBranchPred(Operation op, PatternRewriter r) {
    Attribute c = Folding.constantValue(op.operand(0));
    if (!(c instanceof IntegerAttr b)) return false;
    boolean taken = b.value() != 0;
    r.setInsertionPoint(op);
    Operation br = createBr(r, op.loc(), op.successor(taken ? 0 : 1), taken ? trueOperands(op) : falseOperands(op));
    r.replaceOp(op, br);
    return true;
  }

  // cond_br %c, ^bb1, ^bb2 where ^bb1 or ^bb2 only branches on -> cond_br to their targets
  static boolean simplifyPassThroughCondBranch(Operation op, PatternRewriter r) {
    Collapsed t = collapseBranch(op.successor(0), trueOperands(op));
    Collapsed f = collapseBranch(op.successor(1), falseOperands(op));
    if (t == null && f == null) return false;
    if (t == null) t = new Collapsed(op.successor(0), trueOperands(op));
    if (f == null) f = new Collapsed(op.successor(1), falseOperands(op));
    r.setInsertionPoint(op);
    r.replaceOp(op, createCondBr(r, op.loc(), op.operand(0), t.dest, t.operands, f.dest, f.operands));
    return true;
  }

  // cond_br %c, ^bb(a), ^bb(a) -> br ^bb(a); cond_br %c, ^bb(a), ^bb(b) -> br ^bb(select %c, a, b) when ^bb has one predecessor
  static boolean simplifyCondBranchIdenticalSuccessors(Operation op, PatternRewriter r) {
    Block dest = op.successor(0);
    if (dest != op.successor(1)) return false;
    List<Value> t = trueOperands(op), f = falseOperands(op);
    r.setInsertionPoint(op);
    if (t.equals(f)) {
      r.replaceOp(op, createBr(r, op.loc(), dest, t));
      return true;
    }
    Block parent = op.parentBlock();
    for (var p = dest.firstPredecessorUse(); p != null; p = p.nextUse()) if (p.owner().parentBlock() != parent) return false;
    List<Value> merged = new ArrayList<>(t.size());
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i) == f.get(i)) merged.add(t.get(i));
      else merged.add(r.create(SelectOp.DEF, op.loc(), List.of(op.operand(0), t.get(i), f.get(i)), List.of(t.get(i).type()), List.of()).result(0));
    }
    r.replaceOp(op, createBr(r, op.loc(), dest, merged));
    return true;
  }

  // assert true -> (nothing)
  static boolean eraseTrueAssert(Operation op, PatternRewriter r) {
    if (!(Folding.constantValue(op.operand(0)) instanceof IntegerAttr b) || b.value() == 0) return false;
    r.eraseOp(op);
    return true;
  }
}

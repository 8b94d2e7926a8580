package gvm.dialect.scf.ir;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Value;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.rewrite.Folding;
import gvm.ir.rewrite.PatternRewriter;
import java.util.ArrayList;
import java.util.List;

/** Canonicalization patterns of scf.if and scf.for (SCF.cpp), the ones that matter most on model IR. */
final class ScfCanonicalization {
  private ScfCanonicalization() {}

  // scf.if true { A } else { B } -> A; scf.if false { A } else { B } -> B (RemoveStaticCondition)
  static boolean removeStaticCondition(Operation op, PatternRewriter r) {
    if (!(Folding.constantValue(op.operand(0)) instanceof IntegerAttr c)) return false;
    int taken = c.value() != 0 ? 0 : 1;
    if (op.region(taken).isEmpty()) {
      if (op.numResults() != 0) return false;
      r.eraseOp(op);
      return true;
    }
    inlineRegionAndReplace(op, op.region(taken).front(), List.of(), r);
    return true;
  }

  /** Moves {@code block}'s ops before {@code op}, replaces {@code op}'s results by the yielded values and erases the yield and {@code op}. */
  static void inlineRegionAndReplace(Operation op, Block block, List<Value> args, PatternRewriter r) {
    Operation yield = block.last();
    List<Value> results = yield.operands();
    r.inlineBlockBefore(block, op.parentBlock(), op, args);
    r.eraseOp(yield);
    r.replaceOp(op, results);
  }

  // scf.for %i = %lb to %ub with iter_args(%a = %init) { ... yield %a } -> the same loop without %a, whose result is %init
  // (ForOpIterArgsFolder, for iter_args the body yields unchanged)
  static boolean forOpIterArgsFolder(Operation op, PatternRewriter r) {
    Block body = op.region(0).front();
    Operation yield = body.last();
    int n = op.numResults();
    boolean[] drop = new boolean[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      Value iterArg = body.argument(i + 1);
      Value init = op.operand(3 + i);
      // Forwarded unchanged, or the loop starts and yields the same outside value.
      if (yield.operand(i) == iterArg || yield.operand(i) == init) drop[i] = any = true;
    }
    if (!any) return false;
    List<Value> keptInits = new ArrayList<>();
    List<gvm.ir.types.Type> keptTypes = new ArrayList<>();
    for (int i = 0; i < n; i++) if (!drop[i]) {
      keptInits.add(op.operand(3 + i));
      keptTypes.add(op.result(i).type());
    }
    OperationState st = new OperationState(op.loc(), op.opName());
    st.operands.add(op.operand(0));
    st.operands.add(op.operand(1));
    st.operands.add(op.operand(2));
    st.operands.addAll(keptInits);
    st.resultTypes.addAll(keptTypes);
    st.attributes.addAll(op.attributes().entries());
    st.addRegion();
    r.setInsertionPoint(op);
    Operation loop = r.create(st);
    Block newBody = new Block();
    loop.region(0).addBlock(newBody);
    Value iv = newBody.addArgument(body.argument(0).type(), body.argument(0).loc());
    List<Value> args = new ArrayList<>();
    args.add(iv);
    for (int i = 0; i < n; i++) {
      if (drop[i]) args.add(op.operand(3 + i));
      else args.add(newBody.addArgument(body.argument(i + 1).type(), body.argument(i + 1).loc()));
    }
    r.inlineBlockBefore(body, newBody, null, args);
    // The yield now lives at the end of the new body: keep only the kept operands.
    List<Value> keptYields = new ArrayList<>();
    for (int i = 0; i < n; i++) if (!drop[i]) keptYields.add(yield.operand(i));
    final Operation y = yield;
    r.modifyOpInPlace(y, () -> y.setOperands(keptYields));
    List<Value> replacements = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < n; i++) {
      // A dropped result is its init value (forwarded) or the outside value yielded every time.
      replacements.add(drop[i] ? op.operand(3 + i) : loop.result(k++));
    }
    r.replaceOp(op, replacements);
    return true;
  }
}

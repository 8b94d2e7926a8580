package gvm.dialect.cf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import java.util.List;

/** {@code cf.cond_br}: branches to the true or the false destination on an i1 condition. */
public final class CondBranchOp extends OpView {
  public static final OpDef DEF = OpDef.named("cf.cond_br")
      .summary("Conditional branch operation")
      .operand("condition", CommonTypeConstraints.I1)
      .variadicOperand("trueDestOperands", CommonTypeConstraints.ANY_TYPE)
      .variadicOperand("falseDestOperands", CommonTypeConstraints.ANY_TYPE)
      .successor("trueDest")
      .successor("falseDest")
      .traits(ATTR_SIZED_OPERAND_SEGMENTS, PURE, TERMINATOR)
      .format("$condition `,` $trueDest (`(` $trueDestOperands^ `:` type($trueDestOperands) `)`)? `,`"
          + " $falseDest (`(` $falseDestOperands^ `:` type($falseDestOperands) `)`)? attr-dict")
      .implement(BranchOpInterface.class, CondBranchOp::successorOperands)
      .verifier(BranchOpInterface::verify)
      .canonicalizer("SimplifyConstCondBranchPred", CfCanonicalization::simplifyConstCondBranchPred)
      .canonicalizer("SimplifyPassThroughCondBranch", CfCanonicalization::simplifyPassThroughCondBranch)
      .canonicalizer("SimplifyCondBranchIdenticalSuccessors", CfCanonicalization::simplifyCondBranchIdenticalSuccessors);

  public CondBranchOp(Operation op) { super(op, DEF); }

  public Value condition() { return op.operand(0); }

  public Block trueDest() { return op.successor(0); }

  public Block falseDest() { return op.successor(1); }

  public List<Value> trueOperands() { return successorOperands(op, 0); }

  public List<Value> falseOperands() { return successorOperands(op, 1); }

  private static List<Value> successorOperands(Operation op, int index) {
    int numTrue = BranchOpInterface.segmentSize(op, 1);
    return index == 0 ? op.operands().subList(1, 1 + numTrue) : op.operands().subList(1 + numTrue, op.numOperands());
  }
}

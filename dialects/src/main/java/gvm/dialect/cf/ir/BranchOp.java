package gvm.dialect.cf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import java.util.List;

/** {@code cf.br}: an unconditional branch, forwarding its operands to the destination's arguments. */
public final class BranchOp extends OpView {
  public static final OpDef DEF = OpDef.named("cf.br")
      .summary("Branch operation")
      .variadicOperand("destOperands", CommonTypeConstraints.ANY_TYPE)
      .successor("dest")
      .traits(PURE, TERMINATOR)
      .format("$dest (`(` $destOperands^ `:` type($destOperands) `)`)? attr-dict")
      .implement(BranchOpInterface.class, (op, i) -> op.operands())
      .verifier(BranchOpInterface::verify)
      .canonicalizer("SimplifyBrToBlockWithSinglePred", CfCanonicalization::simplifyBrToBlockWithSinglePred)
      .canonicalizer("SimplifyPassThroughBr", CfCanonicalization::simplifyPassThroughBr);

  public BranchOp(Operation op) { super(op, DEF); }

  public Block dest() { return op.successor(0); }

  public List<Value> destOperands() { return op.operands(); }
}

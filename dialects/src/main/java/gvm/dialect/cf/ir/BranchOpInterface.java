package gvm.dialect.cf.ir;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import java.util.List;

/**
 * Which operands a branch forwards to each successor's block arguments (MLIR's BranchOpInterface).
 * Ops register it with {@code OpDef.implement(BranchOpInterface.class, ...)} and add {@link
 * #verify} as a verifier, which checks those operands against the successors' arguments.
 */
@FunctionalInterface
public interface BranchOpInterface {
  /** The operands passed to successor {@code index} of {@code op}. */
  List<Value> successorOperands(Operation op, int index);

  /** MLIR's verifyBranchSuccessorOperands for every successor: argument count, then types. */
  static void verify(Operation op) {
    BranchOpInterface iface = op.def().iface(BranchOpInterface.class);
    for (int succ = 0; succ < op.numSuccessors(); succ++) {
      List<Value> operands = iface.successorOperands(op, succ);
      Block dest = op.successor(succ);
      if (operands.size() != dest.numArguments())
        throw Verify.error(op, "branch has " + operands.size() + " operands for successor #" + succ + ", but target block has "
            + dest.numArguments());
      for (int i = 0; i < operands.size(); i++)
        if (!operands.get(i).type().equals(dest.argument(i).type()))
          throw Verify.error(op, "type mismatch for bb argument #" + i + " of successor #" + succ);
    }
  }

  /** Entry {@code i} of the {@code operandSegmentSizes} property of an op with AttrSizedOperandSegments. */
  static int segmentSize(Operation op, int i) {
    return (int) ((gvm.ir.attributes.DenseArrayAttr) op.prop("operandSegmentSizes")).get(i);
  }
}

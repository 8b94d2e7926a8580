package gvm.dialect.scf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.types.Type;
import java.util.List;

/**
 * {@code scf.reduce}: ends an {@code scf.parallel} body; each operand is combined across iterations
 * by its own region, which takes two values of the operand's type and returns one with {@code
 * scf.reduce.return}.
 */
public final class ReduceOp extends OpView {
  public static final OpDef DEF = OpDef.named("scf.reduce")
      .summary("reduce operation for scf.parallel")
      .variadicOperand("operands", CommonTypeConstraints.ANY_TYPE)
      .variadicRegion("reductions")
      .traits(PURE, RECURSIVE_MEMORY_EFFECTS, TERMINATOR)
      .parents("scf.parallel")
      .format("(`(` $operands^ `:` type($operands) `)`)? $reductions attr-dict")
      .regionVerifier(ReduceOp::verifyRegions);

  public ReduceOp(Operation op) { super(op, DEF); }

  public List<Value> operands() { return op.operands(); }

  /** MLIR's ReduceOp::verifyRegions: two arguments of the operand's type, ended by scf.reduce.return. */
  private static void verifyRegions(Operation op) {
    for (int i = 0; i < op.numRegions(); i++) {
      Type type = op.operand(i).type();
      Block block = op.region(i).front();
      if (block.isEmpty()) throw Verify.opError(op, i + "-th reduction has an empty body");
      boolean ok = block.numArguments() == 2;
      for (BlockArgument a : block.arguments()) ok &= a.type().equals(type);
      if (!ok)
        throw Verify.opError(op, "expected two block arguments with type " + DiagText.quote(type) + " in the " + i + "-th reduction region");
      if (!block.last().isA(ReduceReturnOp.DEF))
        throw Verify.opError(op, "reduction bodies must be terminated with an 'scf.reduce.return' op");
    }
  }
}

package gvm.dialect.builtin.ir;

import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.types.Type;
import java.util.List;

/**
 * Which operand and result types a cast op accepts (MLIR's CastOpInterface). Ops register it with
 * {@code OpDef.implement(CastOpInterface.class, ...)} and add {@link #verify} as a verifier.
 */
@FunctionalInterface
public interface CastOpInterface {
  boolean areCastCompatible(List<Type> inputs, List<Type> outputs);

  /** MLIR's verifyCastInterfaceOp: at least one result, and compatible types. */
  static void verify(Operation op) {
    List<Type> results = op.resultTypes();
    if (results.isEmpty()) throw Verify.opError(op, "expected at least one result for cast operation");
    List<Type> operands = op.operandTypes();
    if (op.def().iface(CastOpInterface.class).areCastCompatible(operands, results)) return;
    String ins = operands.isEmpty() ? "s []" : operands.size() == 1 ? " " + DiagText.quote(operands) : "s " + DiagText.quote(operands);
    throw Verify.opError(op, "operand type" + ins + " and result type" + (results.size() == 1 ? " " : "s ") + DiagText.quote(results)
        + " are cast incompatible");
  }
}

package gvm.dialect.func.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.DiagText;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.types.Type;
import java.util.List;

/** {@code func.return}: returns its operands from the enclosing {@code func.func}. */
public final class ReturnOp {
  public static final OpDef DEF = OpDef.named("func.return")
      .summary("Function return operation")
      .variadicOperand("operands", CommonTypeConstraints.ANY_TYPE)
      .traits(PURE, RETURN_LIKE, TERMINATOR)
      .parents("func.func")
      .format("attr-dict ($operands^ `:` type($operands))?")
      .verifier(ReturnOp::verify);

  private ReturnOp() {}

  /** The operands match the enclosing function's result types, in number and type. */
  private static void verify(Operation op) {
    Operation fn = op.parentOp();
    if (fn == null || !fn.isA(FuncOp.DEF)) return;
    FuncOp f = new FuncOp(fn);
    List<Type> results = f.functionType().results();
    if (op.numOperands() != results.size())
      throw Verify.opError(op, "has " + op.numOperands() + " operands, but enclosing function (@" + f.name() + ") returns " + results.size());
    for (int i = 0; i < results.size(); i++) {
      Type t = op.operand(i).type();
      if (!t.equals(results.get(i)))
        throw Verify.error(op, "type of return operand " + i + " (" + DiagText.quote(t) + ") doesn't match function result type ("
            + DiagText.quote(results.get(i)) + ") in function @" + f.name());
    }
  }
}

package gvm.dialect.func.ir;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.SymbolTable;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.def.OpDef;
import gvm.ir.types.FunctionType;
import java.util.List;

/** {@code func.call}: a direct call to a {@code func.func} in the same symbol scope. */
public final class CallOp {
  public static final OpDef DEF = OpDef.named("func.call")
      .summary("call operation")
      .property("callee", CommonAttrConstraints.FLAT_SYMBOL_REF_ATTR)
      .variadicOperand("operands", CommonTypeConstraints.ANY_TYPE)
      .variadicResult("results", CommonTypeConstraints.ANY_TYPE)
      .format("$callee `(` $operands `)` attr-dict `:` functional-type($operands, results)")
      .implement(SymbolTable.SymbolUser.class, CallOp::verifySymbolUses);

  private CallOp() {}

  /** The callee resolves to a function whose signature matches the operands and results. */
  private static void verifySymbolUses(Operation op, SymbolTable.Collection tables) {
    if (!(op.prop("callee") instanceof SymbolRefAttr callee) || !callee.isFlat())
      throw Verify.opError(op, "requires a 'callee' symbol reference attribute");
    Operation fn = tables.lookupNearestSymbolFrom(op, callee);
    if (fn == null || !fn.isA(FuncOp.DEF)) throw Verify.opError(op, "'" + callee.root() + "' does not reference a valid function");
    FunctionType type = new FuncOp(fn).functionType();
    if (type.inputs().size() != op.numOperands()) throw Verify.opError(op, "incorrect number of operands for callee");
    for (int i = 0; i < type.inputs().size(); i++)
      if (!op.operand(i).type().equals(type.inputs().get(i)))
        throw Verify.opError(op, "operand type mismatch: expected operand type " + DiagText.quote(type.inputs().get(i)) + ", but provided "
            + DiagText.quote(op.operand(i).type()) + " for operand number " + i);
    if (type.results().size() != op.numResults()) throw Verify.opError(op, "incorrect number of results for callee");
    List<gvm.ir.types.Type> results = op.resultTypes();
    for (int i = 0; i < type.results().size(); i++)
      if (!results.get(i).equals(type.results().get(i)))
        throw Verify.opError(op, "result type mismatch at index " + i)
            .attachNote(op.loc(), "      op result types: " + DiagText.quote(results))
            .attachNote(op.loc(), "function result types: " + DiagText.quote(type.results()));
  }
}

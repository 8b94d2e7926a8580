package gvm.dialect.func.ir;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Verify;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.asm.UnresolvedOperand;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.FunctionType;
import gvm.ir.types.Type;
import java.util.List;
import java.util.Set;

/**
 * {@code func.call_indirect}: a call through a value of function type, {@code %f(%a, %b) : (i32, i32) -> i32}.
 *
 * <p>MLIR's format is {@code $callee `(` $callee_operands `)` attr-dict `:` type($callee)}, with the
 * operand and result types taken from the callee type by TypesMatchWith range transforms
 * ({@code getInputs()}, {@code getResults()}). OpDef.typesMatchWith maps one type to one type, so
 * the same syntax is written out here until it can map a type to a list.
 */
public final class CallIndirectOp {
  public static final OpDef DEF = OpDef.named("func.call_indirect")
      .summary("indirect call operation")
      .operand("callee", CommonTypeConstraints.FUNCTION_TYPE)
      .variadicOperand("callee_operands", CommonTypeConstraints.ANY_TYPE)
      .variadicResult("results", CommonTypeConstraints.ANY_TYPE)
      .customAssembly(new OpDef.CustomAssembly() {
        @Override public void parse(OpAsmParser p, OperationState st) { parseCall(p, st); }

        @Override public void print(Operation op, AsmPrinter p) { printCall(op, p); }
      })
      .verifier(CallIndirectOp::verifyTypesMatchCallee);

  private CallIndirectOp() {}

  private static void parseCall(OpAsmParser p, OperationState st) {
    UnresolvedOperand callee = p.parseOperand();
    List<UnresolvedOperand> args = p.parseOperandList(OpAsmParser.Delimiter.PAREN);
    st.attributes.addAll(p.parseOptionalAttrDict());
    p.parsePunct(":");
    int typeAt = p.offset();
    Type type = p.parseType();
    if (!(type instanceof FunctionType fn))
      throw p.error(typeAt, "'callee' must be function type, but got " + gvm.dialect.builtin.ir.DiagText.quote(type));
    st.operands.add(p.resolveOperand(callee, fn));
    if (args.size() != fn.inputs().size())
      throw p.error(typeAt, args.size() + " operands present, but expected " + fn.inputs().size());
    for (int i = 0; i < args.size(); i++) st.operands.add(p.resolveOperand(args.get(i), fn.inputs().get(i)));
    st.resultTypes.addAll(fn.results());
  }

  private static void printCall(Operation op, AsmPrinter p) {
    p.print(' ');
    p.printOperand(op.operand(0));
    p.print('(');
    p.printOperands(op.operands().subList(1, op.numOperands()));
    p.print(')');
    p.printOptionalAttrDict(op.attributes().entries(), Set.of());
    p.print(" : ");
    p.printType(op.operand(0).type());
  }

  /** ODS TypesMatchWith: the operand and result types are the callee type's inputs and results. */
  private static void verifyTypesMatchCallee(Operation op) {
    if (!(op.operand(0).type() instanceof FunctionType callee)) return;
    List<Type> operands = op.operandTypes();
    if (!operands.subList(1, operands.size()).equals(callee.inputs()))
      throw Verify.opError(op, "failed to verify that callee input types match argument types");
    if (!op.resultTypes().equals(callee.results()))
      throw Verify.opError(op, "failed to verify that callee result types match result types");
  }
}

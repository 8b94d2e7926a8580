package gvm.dialect.scf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.types.IntegerType;
import java.util.List;

/**
 * {@code scf.if}: runs the "then" or the "else" region on an i1 condition; with results, both
 * regions yield them.
 *
 * <pre>{@code
 * %x = scf.if %cond -> (f32) {
 *   scf.yield %a : f32
 * } else {
 *   scf.yield %b : f32
 * }
 * }</pre>
 *
 * Written by hand as MLIR's IfOp::parse/print: the yields are printed only when the op has results.
 */
public final class IfOp extends OpView {
  public static final OpDef DEF = OpDef.named("scf.if")
      .summary("if-then-else operation")
      .operand("condition", CommonTypeConstraints.I1)
      .variadicResult("results", CommonTypeConstraints.ANY_TYPE)
      .sizedRegion("thenRegion")
      .region("elseRegion")
      .traits(SINGLE_BLOCK, RECURSIVE_MEMORY_EFFECTS, RECURSIVELY_SPECULATABLE, NO_REGION_ARGUMENTS)
      .implicitTerminator("scf.yield")
      .customAssembly(new OpDef.CustomAssembly() {
        @Override public void parse(OpAsmParser p, OperationState st) { IfOp.parse(p, st); }

        @Override public void print(Operation op, AsmPrinter p) { IfOp.print(op, p); }
      })
      .implement(RegionBranchOpInterface.class, (op, point) -> {
        // Both regions return to the op; an empty else region means falling through to the results.
        if (point != RegionBranchOpInterface.PARENT) return new int[] {RegionBranchOpInterface.PARENT};
        return new int[] {0, op.region(1).isEmpty() ? RegionBranchOpInterface.PARENT : 1};
      })
      .verifier(IfOp::verify)
      .canonicalizer("RemoveStaticCondition", ScfCanonicalization::removeStaticCondition)
      .regionVerifier(RegionBranchOpInterface::verifyTypes);

  public IfOp(Operation op) { super(op, DEF); }

  public Value condition() { return op.operand(0); }

  public Region thenRegion() { return op.region(0); }

  public Region elseRegion() { return op.region(1); }

  public List<Value> results() { return List.copyOf(op.results()); }

  private static void parse(OpAsmParser p, OperationState st) {
    st.operands.add(p.resolveOperand(p.parseOperand(), IntegerType.I1));
    st.resultTypes.addAll(p.parseOptionalArrowTypeList());
    Region thenRegion = p.parseRegion(List.of(), false);
    ScfAsm.ensureTerminator(p, thenRegion, YieldOp.DEF.name(), st.loc);
    st.addRegion(thenRegion);
    if (p.parseOptionalKeyword("else")) {
      Region elseRegion = p.parseRegion(List.of(), false);
      ScfAsm.ensureTerminator(p, elseRegion, YieldOp.DEF.name(), st.loc);
      st.addRegion(elseRegion);
    } else {
      st.addRegion();
    }
    ScfAsm.parseOptionalAttrDict(p, st, false);
  }

  private static void print(Operation op, AsmPrinter p) {
    p.print(' ');
    p.printOperand(op.operand(0));
    boolean printTerminators = op.numResults() != 0;
    if (printTerminators) {
      p.print(" -> (");
      for (int i = 0; i < op.numResults(); i++) {
        if (i > 0) p.print(", ");
        p.printType(op.result(i).type());
      }
      p.print(')');
    }
    p.print(' ');
    p.printRegion(op.region(0), false, printTerminators, false);
    if (!op.region(1).isEmpty()) {
      p.print(" else ");
      p.printRegion(op.region(1), false, printTerminators, false);
    }
    ScfAsm.printOptionalAttrDict(p, op);
  }

  /** An op with results needs an else region to yield them (MLIR's IfOp::verify). */
  private static void verify(Operation op) {
    if (op.numResults() != 0 && op.region(1).isEmpty()) throw Verify.opError(op, "must have an else block if defining values");
  }
}

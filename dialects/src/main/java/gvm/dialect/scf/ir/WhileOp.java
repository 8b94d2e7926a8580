package gvm.dialect.scf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.DiagnosticException;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.asm.Argument;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.asm.UnresolvedOperand;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.FunctionType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scf.while}: a loop whose "before" region computes a condition ({@code scf.condition}) and
 * whose "after" region computes the next iteration's values ({@code scf.yield}).
 *
 * <pre>{@code
 * %res = scf.while (%arg = %init) : (f32) -> f32 {
 *   scf.condition(%cond) %arg : f32
 * } do {
 * ^bb0(%x: f32):
 *   scf.yield %x : f32
 * }
 * }</pre>
 *
 * Written by hand as MLIR's WhileOp::parse/print: the before region's arguments are bound to the
 * operands.
 */
public final class WhileOp extends OpView {
  public static final OpDef DEF = OpDef.named("scf.while")
      .summary("a generic 'while' loop")
      .variadicOperand("inits", CommonTypeConstraints.ANY_TYPE)
      .variadicResult("results", CommonTypeConstraints.ANY_TYPE)
      .sizedRegion("before")
      .sizedRegion("after")
      .traits(RECURSIVE_MEMORY_EFFECTS, SINGLE_BLOCK)
      .customAssembly(new OpDef.CustomAssembly() {
        @Override public void parse(OpAsmParser p, OperationState st) { WhileOp.parse(p, st); }

        @Override public void print(Operation op, AsmPrinter p) { WhileOp.print(op, p); }
      })
      .implement(RegionBranchOpInterface.class, new RegionBranchOpInterface() {
        // Enter "before"; "before" exits or goes "after"; "after" goes back "before".
        @Override public int[] successors(Operation op, int point) {
          return point == 0 ? new int[] {PARENT, 1} : new int[] {0};
        }

        @Override public List<Value> entrySuccessorOperands(Operation op, int successor) { return op.operands(); }
      })
      .verifier(WhileOp::verify)
      .regionVerifier(RegionBranchOpInterface::verifyTypes);

  public WhileOp(Operation op) { super(op, DEF); }

  public List<Value> inits() { return op.operands(); }

  public Block beforeBody() { return op.region(0).front(); }

  public Block afterBody() { return op.region(1).front(); }

  public List<BlockArgument> beforeArguments() { return beforeBody().arguments(); }

  public List<BlockArgument> afterArguments() { return afterBody().arguments(); }

  public ConditionOp conditionOp() { return new ConditionOp(beforeBody().last()); }

  public YieldOp yieldOp() { return new YieldOp(afterBody().last()); }

  private static void parse(OpAsmParser p, OperationState st) {
    List<Argument> regionArgs = new ArrayList<>();
    List<UnresolvedOperand> operands = new ArrayList<>();
    if (p.parseOptionalPunct("(")) ScfAsm.parseAssignmentList(p, regionArgs, operands);

    p.parsePunct(":");
    int typeAt = p.offset();
    Type t = p.parseType();
    if (!(t instanceof FunctionType type)) throw p.error(typeAt, "invalid kind of type specified");
    st.resultTypes.addAll(type.results());
    if (type.inputs().size() != operands.size())
      throw p.error(typeAt, "expected as many input types as operands (expected " + operands.size() + " got " + type.inputs().size() + ")");
    for (int i = 0; i < operands.size(); i++) {
      st.operands.add(p.resolveOperand(operands.get(i), type.inputs().get(i)));
      regionArgs.set(i, ScfAsm.withType(regionArgs.get(i), type.inputs().get(i)));
    }

    st.addRegion(p.parseRegion(regionArgs, false));
    p.parseKeyword("do");
    st.addRegion(p.parseRegion(List.of(), false));
    ScfAsm.parseOptionalAttrDict(p, st, true);
  }

  private static void print(Operation op, AsmPrinter p) {
    ScfAsm.printInitializationList(p, op.region(0).front().arguments(), op.operands(), " ");
    p.print(" : ");
    p.printFunctionalType(op.operandTypes(), op.resultTypes());
    p.print(' ');
    p.printRegion(op.region(0), false, true, false);
    p.print(" do ");
    p.printRegion(op.region(1), true, true, false);
    p.printOptionalAttrDictWithKeyword(op.attributes().entries(), java.util.Set.of());
  }

  /** The regions end in scf.condition and scf.yield (MLIR's WhileOp::verify). */
  private static void verify(Operation op) {
    verifyTerminator(op, op.region(0), ConditionOp.DEF.name(), "expects the 'before' region to terminate with 'scf.condition'");
    verifyTerminator(op, op.region(1), YieldOp.DEF.name(), "expects the 'after' region to terminate with 'scf.yield'");
  }

  private static void verifyTerminator(Operation op, Region region, String terminator, String message) {
    Operation last = region.isEmpty() ? null : region.front().last();
    if (last != null && last.name().equals(terminator)) return;
    DiagnosticException e = Verify.opError(op, message);
    if (last != null) e.attachNote(last.loc(), "terminator here");
    throw e;
  }
}

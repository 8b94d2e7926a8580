package gvm.dialect.scf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.asm.Argument;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.asm.UnresolvedOperand;
import gvm.ir.def.OpDef;
import gvm.ir.def.TypeConstraint;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.IndexType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scf.for}: a counted loop from a lower to an upper bound by a step, carrying {@code
 * iter_args} from one iteration to the next; its results are their final values.
 *
 * <pre>{@code
 * %sum = scf.for %iv = %lb to %ub step %step iter_args(%acc = %init) -> (f32) {
 *   %next = arith.addf %acc, %acc : f32
 *   scf.yield %next : f32
 * }
 * }</pre>
 *
 * Its form binds the body's arguments to the bounds and inits, which the format language cannot
 * express, so it is written by hand as MLIR's ForOp::parse/print.
 */
public final class ForOp extends OpView {
  static final TypeConstraint SIGNLESS_INTEGER_OR_INDEX =
      TypeConstraint.of("signless integer or index", CommonTypeConstraints::isSignlessIntegerOrIndex);

  public static final OpDef DEF = OpDef.named("scf.for")
      .summary("for operation")
      .operand("lowerBound", SIGNLESS_INTEGER_OR_INDEX)
      .operand("upperBound", SIGNLESS_INTEGER_OR_INDEX)
      .operand("step", SIGNLESS_INTEGER_OR_INDEX)
      .variadicOperand("initArgs", CommonTypeConstraints.ANY_TYPE)
      .variadicResult("results", CommonTypeConstraints.ANY_TYPE)
      .sizedRegion("region")
      .traits(AFFINE_SCOPE, AUTOMATIC_ALLOCATION_SCOPE, SINGLE_BLOCK, RECURSIVE_MEMORY_EFFECTS)
      .implicitTerminator("scf.yield")
      .allTypesMatch("lowerBound", "upperBound", "step")
      .customAssembly(new OpDef.CustomAssembly() {
        @Override public void parse(OpAsmParser p, OperationState st) { ForOp.parse(p, st); }

        @Override public void print(Operation op, AsmPrinter p) { ForOp.print(op, p); }
      })
      .implement(RegionBranchOpInterface.class, new RegionBranchOpInterface() {
        // The body may run again or exit, and so may the op on entry (zero trips).
        @Override public int[] successors(Operation op, int point) { return new int[] {0, PARENT}; }

        @Override public List<Value> entrySuccessorOperands(Operation op, int successor) { return new ForOp(op).initArgs(); }

        // The body receives the iter_args; the induction variable is not forwarded.
        @Override public List<? extends Value> successorInputs(Operation op, int successor) {
          return successor == PARENT ? op.results() : new ForOp(op).regionIterArgs();
        }
      })
      .verifier(ForOp::verify)
      .canonicalizer("ForOpIterArgsFolder", ScfCanonicalization::forOpIterArgsFolder)
      .regionVerifier(ForOp::verifyLoopLike)
      .regionVerifier(RegionBranchOpInterface::verifyTypes)
      .regionVerifier(ForOp::verifyRegions);

  public ForOp(Operation op) { super(op, DEF); }

  public Value lowerBound() { return op.operand(0); }

  public Value upperBound() { return op.operand(1); }

  public Value step() { return op.operand(2); }

  public List<Value> initArgs() { return op.operands().subList(3, op.numOperands()); }

  public Block body() { return op.region(0).front(); }

  public BlockArgument inductionVar() { return body().argument(0); }

  /** The body's arguments after the induction variable (empty for a body without arguments). */
  public List<BlockArgument> regionIterArgs() {
    List<BlockArgument> args = op.region(0).isEmpty() ? List.of() : body().arguments();
    return args.isEmpty() ? List.of() : args.subList(1, args.size());
  }

  /** The operands of the body's {@code scf.yield}, or none when the body ends otherwise. */
  public List<Value> yieldedValues() {
    Operation t = op.region(0).isEmpty() ? null : body().last();
    return t != null && t.isA(YieldOp.DEF) ? t.operands() : List.of();
  }

  // ---- assembly

  private static void parse(OpAsmParser p, OperationState st) {
    int nameAt = p.offset();
    List<Argument> regionArgs = new ArrayList<>();
    regionArgs.add(p.parseArgument(false, false));
    p.parsePunct("=");
    UnresolvedOperand lb = p.parseOperand();
    p.parseKeyword("to");
    UnresolvedOperand ub = p.parseOperand();
    p.parseKeyword("step");
    UnresolvedOperand step = p.parseOperand();

    List<UnresolvedOperand> inits = new ArrayList<>();
    boolean hasIterArgs = p.parseOptionalKeyword("iter_args");
    if (hasIterArgs) {
      p.parsePunct("(");
      ScfAsm.parseAssignmentList(p, regionArgs, inits);
      st.resultTypes.addAll(p.parseArrowTypeList());
    }
    if (regionArgs.size() != st.resultTypes.size() + 1)
      throw p.error(nameAt, "mismatch in number of loop-carried values and defined values");

    Type type = p.parseOptionalPunct(":") ? p.parseType() : IndexType.INSTANCE;
    regionArgs.set(0, ScfAsm.withType(regionArgs.get(0), type));
    st.operands.add(p.resolveOperand(lb, type));
    st.operands.add(p.resolveOperand(ub, type));
    st.operands.add(p.resolveOperand(step, type));
    for (int i = 0; i < inits.size(); i++) {
      Type t = st.resultTypes.get(i);
      regionArgs.set(i + 1, ScfAsm.withType(regionArgs.get(i + 1), t));
      st.operands.add(p.resolveOperand(inits.get(i), t));
    }

    Region body = p.parseRegion(regionArgs, false);
    ScfAsm.ensureTerminator(p, body, YieldOp.DEF.name(), st.loc);
    st.addRegion(body);
    ScfAsm.parseOptionalAttrDict(p, st, false);
  }

  private static void print(Operation op, AsmPrinter p) {
    ForOp f = new ForOp(op);
    p.print(' ');
    p.printOperand(f.inductionVar());
    p.print(" = ");
    p.printOperand(f.lowerBound());
    p.print(" to ");
    p.printOperand(f.upperBound());
    p.print(" step ");
    p.printOperand(f.step());
    List<Value> inits = f.initArgs();
    ScfAsm.printInitializationList(p, f.regionIterArgs(), inits, " iter_args");
    if (!inits.isEmpty()) {
      p.print(" -> (");
      for (int i = 0; i < inits.size(); i++) {
        if (i > 0) p.print(", ");
        p.printType(inits.get(i).type());
      }
      p.print(')');
    }
    p.print(' ');
    Type ivType = f.inductionVar().type();
    if (!(ivType instanceof IndexType)) {
      p.print(" : ");
      p.printType(ivType);
      p.print(' ');
    }
    p.printRegion(op.region(0), false, !inits.isEmpty(), false);
    ScfAsm.printOptionalAttrDict(p, op);
  }

  // ---- verification

  /** As many inits as results (MLIR's ForOp::verify). */
  private static void verify(Operation op) {
    if (op.numOperands() - 3 != op.numResults())
      throw Verify.opError(op, "mismatch in number of loop-carried values and defined values");
  }

  /** MLIR's LoopLikeOpInterface checks: inits, region iter_args, yielded values and results agree. */
  private static void verifyLoopLike(Operation op) {
    ForOp f = new ForOp(op);
    List<Value> inits = f.initArgs();
    List<BlockArgument> iterArgs = f.regionIterArgs();
    List<Value> yielded = f.yieldedValues();
    List<Type> results = op.resultTypes();
    if (inits.size() != iterArgs.size())
      throw Verify.opError(op, "different number of inits and region iter_args: " + inits.size() + " != " + iterArgs.size());
    if (!yielded.isEmpty() && iterArgs.size() != yielded.size())
      throw Verify.opError(op, "different number of region iter_args and yielded values: " + iterArgs.size() + " != " + yielded.size());
    if (results.size() != iterArgs.size())
      throw Verify.opError(op, "different number of loop results and region iter_args: " + results.size() + " != " + iterArgs.size());
    for (int i = 0; i < inits.size(); i++)
      checkSameType(op, inits.get(i).type(), iterArgs.get(i).type(), i + "-th init and " + i + "-th region iter_arg");
    for (int i = 0; i < yielded.size(); i++)
      checkSameType(op, iterArgs.get(i).type(), yielded.get(i).type(), i + "-th region iter_arg and " + i + "-th yielded value");
    for (int i = 0; i < results.size(); i++)
      checkSameType(op, iterArgs.get(i).type(), results.get(i), i + "-th region iter_arg and " + i + "-th loop result");
  }

  private static void checkSameType(Operation op, Type a, Type b, String what) {
    if (!a.equals(b)) throw Verify.opError(op, what + " have different type: " + DiagText.quote(a) + " != " + DiagText.quote(b));
  }

  /** MLIR's ForOp::verifyRegions: the induction variable's type, then iter_args against results. */
  private static void verifyRegions(Operation op) {
    ForOp f = new ForOp(op);
    if (op.region(0).isEmpty()) return;
    if (f.body().numArguments() == 0 || !f.inductionVar().type().equals(f.lowerBound().type()))
      throw Verify.opError(op, "expected induction variable to be same type as bounds and step");
    List<BlockArgument> iterArgs = f.regionIterArgs();
    if (iterArgs.size() != op.numResults()) throw Verify.opError(op, "mismatch in number of basic block args and defined values");
    List<Value> inits = f.initArgs();
    for (int i = 0; i < op.numResults(); i++) {
      Type result = op.result(i).type();
      if (!inits.get(i).type().equals(result))
        throw Verify.opError(op, "types mismatch between " + i + "th iter operand and defined value");
      if (!iterArgs.get(i).type().equals(result))
        throw Verify.opError(op, "types mismatch between " + i + "th iter region arg and defined value");
    }
  }
}

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
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import gvm.ir.rewrite.Folding;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scf.parallel}: a multi-dimensional loop whose iterations may run in any order; values are
 * combined by the {@code scf.reduce} that ends its body.
 *
 * <pre>{@code
 * %sum = scf.parallel (%i, %j) = (%lb, %lb) to (%ub, %ub) step (%s, %s) init (%zero) -> f32 {
 *   scf.reduce(%x : f32) {
 *   ^bb0(%l: f32, %r: f32):
 *     %v = arith.addf %l, %r : f32
 *     scf.reduce.return %v : f32
 *   }
 * }
 * }</pre>
 *
 * Written by hand as MLIR's ParallelOp::parse/print: the form binds the induction variables.
 */
public final class ParallelOp extends OpView {
  public static final OpDef DEF = OpDef.named("scf.parallel")
      .summary("parallel for operation")
      .variadicOperand("lowerBound", CommonTypeConstraints.INDEX)
      .variadicOperand("upperBound", CommonTypeConstraints.INDEX)
      .variadicOperand("step", CommonTypeConstraints.INDEX)
      .variadicOperand("initVals", CommonTypeConstraints.ANY_TYPE)
      .variadicResult("results", CommonTypeConstraints.ANY_TYPE)
      .sizedRegion("region")
      .traits(AUTOMATIC_ALLOCATION_SCOPE, ATTR_SIZED_OPERAND_SEGMENTS, RECURSIVE_MEMORY_EFFECTS, SINGLE_BLOCK)
      .implicitTerminator("scf.reduce")
      .customAssembly(new OpDef.CustomAssembly() {
        @Override public void parse(OpAsmParser p, OperationState st) { ParallelOp.parse(p, st); }

        @Override public void print(Operation op, AsmPrinter p) { ParallelOp.print(op, p); }
      })
      .verifier(ParallelOp::verify);

  public ParallelOp(Operation op) { super(op, DEF); }

  private List<Value> segment(int i) { return ScfAsm.segment(op, i); }

  public List<Value> lowerBound() { return segment(0); }

  public List<Value> upperBound() { return segment(1); }

  public List<Value> step() { return segment(2); }

  public List<Value> initVals() { return segment(3); }

  public Block body() { return op.region(0).front(); }

  // ---- assembly

  private static void parse(OpAsmParser p, OperationState st) {
    int nameAt = p.offset();
    List<Argument> ivs = new ArrayList<>(p.parseArgumentList(OpAsmParser.Delimiter.PAREN, false, false));
    p.parsePunct("=");
    List<UnresolvedOperand> lower = bounds(p, ivs.size());
    p.parseKeyword("to");
    List<UnresolvedOperand> upper = bounds(p, ivs.size());
    p.parseKeyword("step");
    List<UnresolvedOperand> steps = bounds(p, ivs.size());
    for (List<UnresolvedOperand> l : List.of(lower, upper, steps))
      for (UnresolvedOperand u : l) st.operands.add(p.resolveOperand(u, IndexType.INSTANCE));
    List<UnresolvedOperand> inits = p.parseOptionalKeyword("init") ? p.parseOperandList(OpAsmParser.Delimiter.PAREN) : List.of();
    st.resultTypes.addAll(p.parseOptionalArrowTypeList());
    for (int i = 0; i < ivs.size(); i++) ivs.set(i, ScfAsm.withType(ivs.get(i), IndexType.INSTANCE));
    Region body = p.parseRegion(ivs, false);
    st.addProperty("operandSegmentSizes", new DenseArrayAttr(IntegerType.I32, new long[] {lower.size(), upper.size(), steps.size(), inits.size()}));
    ScfAsm.parseOptionalAttrDict(p, st, false);
    st.operands.addAll(p.resolveOperands(inits, st.resultTypes, nameAt));
    ScfAsm.ensureTerminator(p, body, ReduceOp.DEF.name(), st.loc);
    st.addRegion(body);
  }

  /** {@code (a, b)} with exactly {@code n} operands (MLIR's parseOperandList with a required count). */
  private static List<UnresolvedOperand> bounds(OpAsmParser p, int n) {
    int at = p.offset();
    List<UnresolvedOperand> l = p.parseOperandList(OpAsmParser.Delimiter.PAREN);
    if (l.size() != n) throw p.error(at, "expected " + n + " operands");
    return l;
  }

  private static void print(Operation op, AsmPrinter p) {
    ParallelOp par = new ParallelOp(op);
    p.print(" (");
    List<BlockArgument> ivs = par.body().arguments();
    for (int i = 0; i < ivs.size(); i++) {
      if (i > 0) p.print(", ");
      p.printOperand(ivs.get(i));
    }
    p.print(") = (");
    p.printOperands(par.lowerBound());
    p.print(") to (");
    p.printOperands(par.upperBound());
    p.print(") step (");
    p.printOperands(par.step());
    p.print(')');
    if (!par.initVals().isEmpty()) {
      p.print(" init (");
      p.printOperands(par.initVals());
      p.print(')');
    }
    p.printOptionalArrowTypeList(op.resultTypes());
    p.print(' ');
    p.printRegion(op.region(0), false, true, false);
    ScfAsm.printOptionalAttrDict(p, op);
  }

  // ---- verification

  /** MLIR's ParallelOp::verify. */
  private static void verify(Operation op) {
    ParallelOp par = new ParallelOp(op);
    List<Value> steps = par.step();
    if (steps.isEmpty()) throw Verify.opError(op, "needs at least one tuple element for lowerBound, upperBound and step");
    for (Value s : steps) {
      Attribute c = Folding.constantValue(s);
      if (c instanceof IntegerAttr i && i.value() <= 0) throw Verify.opError(op, "constant step operand must be positive");
    }
    Block body = par.body();
    if (body.numArguments() != steps.size())
      throw Verify.opError(op, "expects the same number of induction variables: " + body.numArguments() + " as bound and step values: " + steps.size());
    for (BlockArgument a : body.arguments())
      if (!(a.type() instanceof IndexType)) throw Verify.opError(op, "expects arguments for the induction variable to be of index type");
    Operation reduce = body.last();
    if (reduce == null || !reduce.isA(ReduceOp.DEF))
      throw Verify.opError(op, "expects body to terminate with 'scf.reduce'");
    int results = op.numResults(), reductions = reduce.numRegions(), inits = par.initVals().size();
    if (results != reductions)
      throw Verify.opError(op, "expects number of results: " + results + " to be the same as number of reductions: " + reductions);
    if (results != inits)
      throw Verify.opError(op, "expects number of results: " + results + " to be the same as number of initial values: " + inits);
    for (int i = 0; i < reductions; i++) {
      Type result = op.result(i).type(), operand = reduce.operand(i).type();
      if (!result.equals(operand))
        throw Verify.opError(reduce, "expects type of " + i + "-th reduction operand: " + DiagText.quote(operand) + " to be the same as the " + i
            + "-th result type: " + DiagText.quote(result));
    }
  }
}

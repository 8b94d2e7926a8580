package gvm.dialect.scf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
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
import gvm.ir.attributes.ArrayAttr;
import gvm.ir.attributes.Attribute;
import gvm.ir.def.AttrConstraint;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import gvm.ir.rewrite.Folding;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import gvm.dialect.tensor.ir.TensorConstraints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code scf.forall}: a multi-dimensional parallel loop whose threads write slices of shared
 * tensor outputs through the {@code scf.forall.in_parallel} terminator.
 *
 * <pre>{@code
 * %r = scf.forall (%i, %j) in (4, %n) shared_outs(%o = %t) -> (tensor<8x16xf32>) {
 *   scf.forall.in_parallel {
 *     tensor.parallel_insert_slice %s into %o[%i, %j] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<8x16xf32>
 *   }
 * }
 * }</pre>
 *
 * Written by hand as MLIR's ForallOp::parse/print: bounds are mixed lists of values and integers,
 * the {@code in (...)} form when lower bounds are all 0 and steps all 1.
 */
public final class ForallOp extends OpView {
  public static final OpDef DEF = OpDef.named("scf.forall")
      .summary("evaluate a block multiple times in parallel")
      .variadicOperand("dynamicLowerBound", CommonTypeConstraints.INDEX)
      .variadicOperand("dynamicUpperBound", CommonTypeConstraints.INDEX)
      .variadicOperand("dynamicStep", CommonTypeConstraints.INDEX)
      .property("staticLowerBound", TensorConstraints.DENSE_I64_ARRAY)
      .property("staticUpperBound", TensorConstraints.DENSE_I64_ARRAY)
      .property("staticStep", TensorConstraints.DENSE_I64_ARRAY)
      .variadicOperand("outputs", TensorConstraints.ANY_RANKED_TENSOR)
      // device mapping attributes are the gpu dialect's (not in gvm yet): only an empty list passes
      .optionalProperty("mapping", AttrConstraint.of("Device Mapping array attribute", a -> a instanceof ArrayAttr arr
          && arr.elements().stream().allMatch(e -> e instanceof gvm.ir.attributes.DialectAttribute d && d.dialect().equals("gpu"))))
      .variadicResult("results", CommonTypeConstraints.ANY_TYPE)
      .sizedRegion("region")
      .traits(ATTR_SIZED_OPERAND_SEGMENTS, AUTOMATIC_ALLOCATION_SCOPE, RECURSIVE_MEMORY_EFFECTS, SINGLE_BLOCK)
      .implicitTerminator("scf.forall.in_parallel")
      .customAssembly(new OpDef.CustomAssembly() {
        @Override public void parse(OpAsmParser p, OperationState st) { ForallOp.parse(p, st); }

        @Override public void print(Operation op, AsmPrinter p) { ForallOp.print(op, p); }
      })
      .verifier(ForallOp::verify);

  private static final java.util.Set<String> ELIDED = java.util.Set.of("operandSegmentSizes", "staticLowerBound", "staticUpperBound", "staticStep");

  public ForallOp(Operation op) { super(op, DEF); }

  private List<Value> segment(int i) { return ScfAsm.segment(op, i); }

  public List<Value> dynamicLowerBound() { return segment(0); }

  public List<Value> dynamicUpperBound() { return segment(1); }

  public List<Value> dynamicStep() { return segment(2); }

  public List<Value> outputs() { return segment(3); }

  public int rank() { return ((DenseArrayAttr) op.prop("staticLowerBound")).size(); }

  public Block body() { return op.region(0).front(); }

  /** The body's arguments after the induction variables: the shared outputs. */
  public List<BlockArgument> regionOutArgs() {
    List<BlockArgument> args = body().arguments();
    return args.subList(Math.min(rank(), args.size()), args.size());
  }

  // ---- assembly

  private static void parse(OpAsmParser p, OperationState st) {
    List<Argument> ivs = p.parseArgumentList(OpAsmParser.Delimiter.PAREN, false, false);
    List<UnresolvedOperand> lbs = new ArrayList<>(), ubs = new ArrayList<>(), steps = new ArrayList<>();
    long[] staticLbs, staticUbs, staticSteps;
    if (p.parseOptionalKeyword("in")) {
      staticUbs = parseMixedList(p, ubs);
      staticLbs = new long[ivs.size()];
      staticSteps = new long[ivs.size()];
      Arrays.fill(staticSteps, 1);
    } else {
      p.parsePunct("=");
      staticLbs = parseMixedList(p, lbs);
      p.parseKeyword("to");
      staticUbs = parseMixedList(p, ubs);
      p.parseKeyword("step");
      staticSteps = parseMixedList(p, steps);
    }
    for (List<UnresolvedOperand> l : List.of(lbs, ubs, steps))
      for (UnresolvedOperand u : l) st.operands.add(p.resolveOperand(u, IndexType.INSTANCE));
    List<Argument> outArgs = new ArrayList<>();
    List<UnresolvedOperand> outs = new ArrayList<>();
    int outsAt = p.offset();
    if (p.parseOptionalKeyword("shared_outs")) {
      p.parsePunct("(");
      ScfAsm.parseAssignmentList(p, outArgs, outs);
      st.resultTypes.addAll(p.parseOptionalArrowTypeList());
      st.operands.addAll(p.resolveOperands(outs, st.resultTypes, outsAt));
    }
    List<Argument> regionArgs = new ArrayList<>();
    for (Argument a : ivs) regionArgs.add(ScfAsm.withType(a, IndexType.INSTANCE));
    for (int i = 0; i < outArgs.size(); i++) regionArgs.add(ScfAsm.withType(outArgs.get(i), st.resultTypes.get(i)));
    Region body = p.parseRegion(regionArgs, false);
    ScfAsm.ensureTerminator(p, body, InParallelOp.DEF.name(), st.loc);
    Block last = body.blocks().get(body.blocks().size() - 1);
    if (last.last().isA(InParallelOp.DEF) && last.last().numRegions() == 0) {
      // the implicit terminator gets its (empty) block, as ForallOp::ensureTerminator builds it
      Operation t = last.last();
      t.remove();
      OperationState ts = new OperationState(st.loc, p.context().opName(InParallelOp.DEF.name()));
      Region r = OperationState.newDetachedRegion();
      r.addBlock(new Block());
      ts.addRegion(r);
      last.append(Operation.create(ts));
    }
    st.addRegion(body);
    // the inherent 'mapping' written in the dictionary is the property, as MLIR's setPropertiesFromAttr
    for (gvm.ir.attributes.NamedAttribute a : p.parseOptionalAttrDict()) {
      if (a.name().equals("mapping")) st.addProperty(a.name(), a.value()); else st.addAttribute(a.name(), a.value());
    }
    st.addProperty("staticLowerBound", new DenseArrayAttr(IntegerType.I64, staticLbs));
    st.addProperty("staticUpperBound", new DenseArrayAttr(IntegerType.I64, staticUbs));
    st.addProperty("staticStep", new DenseArrayAttr(IntegerType.I64, staticSteps));
    st.addProperty("operandSegmentSizes", new DenseArrayAttr(IntegerType.I32, new long[] {lbs.size(), ubs.size(), steps.size(), outs.size()}));
  }

  /** {@code (%a, 4)}: MLIR's parseDynamicIndexList with parentheses; values go to {@code values}. */
  private static long[] parseMixedList(OpAsmParser p, List<UnresolvedOperand> values) {
    if (!p.parseOptionalPunct("(")) throw p.error(p.offset(), "expected '(' in dynamic index list");
    List<Long> ints = new ArrayList<>();
    if (!p.parseOptionalPunct(")")) {
      do {
        UnresolvedOperand v = p.parseOptionalOperand();
        if (v != null) {
          values.add(v);
          ints.add(ShapedType.DYNAMIC);
        } else {
          ints.add(p.parseInteger());
        }
      } while (p.parseOptionalPunct(","));
      if (!p.parseOptionalPunct(")")) throw p.error(p.offset(), "expected ')' in dynamic index list");
    }
    long[] a = new long[ints.size()];
    for (int i = 0; i < a.length; i++) a[i] = ints.get(i);
    return a;
  }

  private static void printMixedList(AsmPrinter p, List<Value> values, Attribute statics) {
    p.print('(');
    DenseArrayAttr d = (DenseArrayAttr) statics;
    int dyn = 0;
    for (int i = 0; i < d.size(); i++) {
      if (i > 0) p.print(", ");
      if (d.get(i) == ShapedType.DYNAMIC) p.printOperand(dyn < values.size() ? values.get(dyn++) : null);
      else p.print(d.get(i));
    }
    p.print(')');
  }

  /** All lower bounds 0 and all steps 1, static or constant values (MLIR's ForallOp::isNormalized). */
  private static boolean isNormalized(ForallOp f) {
    return allEqual((DenseArrayAttr) f.op.prop("staticLowerBound"), f.dynamicLowerBound(), 0)
        && allEqual((DenseArrayAttr) f.op.prop("staticStep"), f.dynamicStep(), 1);
  }

  private static boolean allEqual(DenseArrayAttr statics, List<Value> values, long v) {
    int dyn = 0;
    for (int i = 0; i < statics.size(); i++) {
      if (statics.get(i) != ShapedType.DYNAMIC) {
        if (statics.get(i) != v) return false;
        continue;
      }
      if (dyn >= values.size() || !(Folding.constantValue(values.get(dyn++)) instanceof IntegerAttr c) || c.value() != v) return false;
    }
    return true;
  }

  private static void print(Operation op, AsmPrinter p) {
    ForallOp f = new ForallOp(op);
    p.print(" (");
    List<BlockArgument> args = f.body().arguments();
    for (int i = 0; i < f.rank() && i < args.size(); i++) {
      if (i > 0) p.print(", ");
      p.printOperand(args.get(i));
    }
    if (isNormalized(f)) {
      p.print(") in ");
      printMixedList(p, f.dynamicUpperBound(), op.prop("staticUpperBound"));
    } else {
      p.print(") = ");
      printMixedList(p, f.dynamicLowerBound(), op.prop("staticLowerBound"));
      p.print(" to ");
      printMixedList(p, f.dynamicUpperBound(), op.prop("staticUpperBound"));
      p.print(" step ");
      printMixedList(p, f.dynamicStep(), op.prop("staticStep"));
    }
    ScfAsm.printInitializationList(p, f.regionOutArgs(), f.outputs(), " shared_outs");
    p.print(' ');
    if (!f.regionOutArgs().isEmpty()) {
      p.print("-> (");
      List<Type> ts = op.resultTypes();
      for (int i = 0; i < ts.size(); i++) {
        if (i > 0) p.print(", ");
        p.printType(ts.get(i));
      }
      p.print(") ");
    }
    p.printRegion(op.region(0), false, op.numResults() > 0, false);
    List<gvm.ir.attributes.NamedAttribute> attrs = new ArrayList<>();
    Attribute mapping = op.prop("mapping");
    if (mapping != null) attrs.add(new gvm.ir.attributes.NamedAttribute("mapping", mapping));
    attrs.addAll(op.attributes().entries());
    p.printOptionalAttrDict(gvm.ir.attributes.DictionaryAttr.of(attrs).entries(), ELIDED);
  }

  // ---- verification

  /** MLIR's ForallOp::verify. */
  private static void verify(Operation op) {
    ForallOp f = new ForallOp(op);
    int loops = f.rank();
    List<Value> outs = f.outputs();
    if (op.numResults() != outs.size())
      throw Verify.opError(op, "produces " + op.numResults() + " results, but has only " + outs.size() + " outputs");
    Block body = f.body();
    if (body.numArguments() != loops + outs.size()) throw Verify.opError(op, "region expects " + loops + " arguments");
    for (int i = 0; i < loops; i++)
      if (!(body.argument(i).type() instanceof IndexType)) throw Verify.opError(op, "expects " + i + "-th block argument to be an index");
    for (int i = 0; i < outs.size(); i++)
      if (!body.argument(i + loops).type().equals(outs.get(i).type()))
        throw Verify.opError(op, "type mismatch between " + i + "-th output and corresponding block argument");
    if (op.prop("mapping") instanceof ArrayAttr m && m.size() != 0 && m.size() != loops)
      throw Verify.opError(op, "mapping attribute size must match op rank");
    verifyList(op, "lower bound", loops, (DenseArrayAttr) op.prop("staticLowerBound"), f.dynamicLowerBound().size());
    verifyList(op, "upper bound", loops, (DenseArrayAttr) op.prop("staticUpperBound"), f.dynamicUpperBound().size());
    verifyList(op, "step", loops, (DenseArrayAttr) op.prop("staticStep"), f.dynamicStep().size());
  }

  /** MLIR's verifyListOfOperandsOrIntegers. */
  private static void verifyList(Operation op, String name, int expected, DenseArrayAttr statics, int numValues) {
    if (statics.size() != expected)
      throw Verify.error(op, "expected " + expected + " " + name + " values, got " + statics.size());
    int dynamic = 0;
    for (int i = 0; i < statics.size(); i++) if (statics.get(i) == ShapedType.DYNAMIC) dynamic++;
    if (numValues != dynamic) throw Verify.error(op, "expected " + dynamic + " dynamic " + name + " values");
  }
}

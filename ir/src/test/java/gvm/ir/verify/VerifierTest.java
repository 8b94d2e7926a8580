package gvm.ir.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.ir.Block;
import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.Dialect;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.StringAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.def.AttrConstraint;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;
import gvm.ir.def.TypeConstraint;
import gvm.ir.print.PrintOptions;
import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The verifier's checks and their MLIR wording, on a small test dialect built in code. */
class VerifierTest {
  private static final TypeConstraint I32 = TypeConstraint.of("32-bit signless integer", t -> t.equals(IntegerType.I32));
  private static final AttrConstraint STR = AttrConstraint.of("string attribute", a -> a instanceof StringAttr);
  private static final AttrConstraint FLAT_REF = AttrConstraint.of("flat symbol reference attribute", a -> a instanceof SymbolRefAttr s && s.isFlat());
  private static final Type F32 = FloatType.F32;

  static final OpDef MODULE = OpDef.named("t.module").region("body")
      .traits(Trait.ISOLATED_FROM_ABOVE, Trait.SYMBOL_TABLE, Trait.NO_TERMINATOR, Trait.SINGLE_BLOCK, Trait.GRAPH_REGION);
  static final OpDef FUNC = OpDef.named("t.func").property("sym_name", STR).region("body").traits(Trait.ISOLATED_FROM_ABOVE);
  static final OpDef ADD = OpDef.named("t.add").operand("lhs", I32).operand("rhs", I32).result("res", I32)
      .traits(Trait.SAME_OPERANDS_AND_RESULT_TYPE);
  static final OpDef CONST = OpDef.named("t.const").result("res", TypeConstraint.ANY);
  static final OpDef RET = OpDef.named("t.ret").variadicOperand("values", TypeConstraint.ANY).traits(Trait.TERMINATOR).parents("t.func");
  static final OpDef BR = OpDef.named("t.br").variadicOperand("args", TypeConstraint.ANY).successor("dest").traits(Trait.TERMINATOR);
  static final OpDef COND_BR = OpDef.named("t.cond_br").operand("cond", TypeConstraint.ANY).successor("a").successor("b").traits(Trait.TERMINATOR);
  static final OpDef CALL = OpDef.named("t.call").property("callee", FLAT_REF);
  static final OpDef SEG = OpDef.named("t.seg").variadicOperand("a", TypeConstraint.ANY).optionalOperand("b", I32)
      .operand("c", TypeConstraint.ANY).traits(Trait.ATTR_SIZED_OPERAND_SEGMENTS);
  static final OpDef GRAPH = OpDef.named("t.graph").region("body").traits(Trait.GRAPH_REGION, Trait.NO_TERMINATOR, Trait.SINGLE_BLOCK);
  static final OpDef SCOPE = OpDef.named("t.scope").region("body").implicitTerminator("t.yield");
  static final OpDef YIELD = OpDef.named("t.yield").traits(Trait.TERMINATOR);
  static final OpDef STOP = OpDef.named("t.stop").traits(Trait.TERMINATOR);
  static final OpDef CHECKED = OpDef.named("t.checked").operand("x", TypeConstraint.ANY)
      .verifier(op -> { if (op.operand(0).type().equals(F32)) throw Verify.opError(op, "custom verifier says no"); });

  private static final class TestDialect extends Dialect {
    TestDialect() { super("t"); }

    @Override public List<OpDef> ops() { return List.of(MODULE, FUNC, ADD, CONST, RET, BR, COND_BR, CALL, SEG, GRAPH, SCOPE, YIELD, STOP, CHECKED); }
  }

  private final Context ctx = newContext();

  private static Context newContext() {
    Context c = new Context();
    c.register(new TestDialect());
    return c;
  }

  private static Location loc(int line) { return new Location.FileLineCol("t.mlir", line, 1); }

  private Operation full(String name, int line, List<Value> operands, List<Type> results, int regions, List<Block> successors, Object... props) {
    OperationState st = new OperationState(loc(line), ctx.opName(name));
    st.operands.addAll(operands);
    st.resultTypes.addAll(results);
    st.successors.addAll(successors);
    for (int i = 0; i < regions; i++) st.addRegion();
    for (int i = 0; i < props.length; i += 2) st.addProperty((String) props[i], (Attribute) props[i + 1]);
    Operation o = Operation.create(st);
    for (int i = 0; i < regions; i++) o.region(i).addBlock(new Block());
    return o;
  }

  private Operation op(String name, int line, List<Value> operands, List<Type> results, Object... props) {
    return full(name, line, operands, results, 0, List.of(), props);
  }

  private Operation module() { return full("t.module", 1, List.of(), List.of(), 1, List.of()); }

  /** A function {@code @name(i32)} inside {@code module}; returns its entry block. */
  private Block func(Operation module, String name, int line) {
    Operation f = full("t.func", line, List.of(), List.of(), 1, List.of(), "sym_name", StringAttr.of(name));
    f.region(0).front().addArgument(IntegerType.I32, loc(line));
    module.region(0).front().append(f);
    return f.region(0).front();
  }

  private Diagnostic verify(Operation root) { return new Verifier(ctx).verify(root); }

  private static void assertError(Diagnostic d, String message, int line) {
    assertNotNull(d, "expected a failure: " + message);
    assertEquals(Diagnostic.Severity.ERROR, d.severity());
    assertEquals(message, d.message());
    assertEquals(loc(line), d.loc());
  }

  @Test void validIrPasses() {
    Operation m = module();
    Block b = func(m, "f", 2);
    Operation add = op("t.add", 3, List.of(b.argument(0), b.argument(0)), List.of(IntegerType.I32));
    b.append(add);
    b.append(op("t.ret", 4, List.of(add.result(0)), List.of()));
    assertNull(verify(m));
  }

  @Test void operandCountWithCurrentOperationNote() {
    Operation m = module();
    Block b = func(m, "f", 2);
    b.append(op("t.add", 3, List.of(b.argument(0)), List.of(IntegerType.I32)));
    b.append(op("t.ret", 4, List.of(), List.of()));
    Diagnostic d = verify(m);
    assertError(d, "'t.add' op expected 2 operands, but found 1", 3);
    assertEquals(1, d.notes().size());
    assertEquals("see current operation: %0 = \"t.add\"(%arg0) : (i32) -> i32", d.notes().get(0).message());
    assertEquals(loc(3), d.notes().get(0).loc());
  }

  @Test void resultCountAndTypeConstraints() {
    Operation m = module();
    Block b = func(m, "f", 2);
    b.append(op("t.add", 3, List.of(b.argument(0), b.argument(0)), List.of()));
    b.append(op("t.ret", 4, List.of(), List.of()));
    assertError(verify(m), "'t.add' op requires one result", 3);

    m = module();
    b = func(m, "f", 2);
    Operation c = op("t.const", 3, List.of(), List.of(F32));
    b.append(c);
    b.append(op("t.add", 4, List.of(c.result(0), b.argument(0)), List.of(IntegerType.I32)));
    b.append(op("t.ret", 5, List.of(), List.of()));
    assertError(verify(m), "'t.add' op operand #0 must be 32-bit signless integer, but got 'f32'", 4);
  }

  @Test void propertiesRequiredAndConstrained() {
    Operation m = module();
    Block b = func(m, "f", 2);
    b.append(op("t.call", 3, List.of(), List.of()));
    b.append(op("t.ret", 4, List.of(), List.of()));
    assertError(verify(m), "'t.call' op requires attribute 'callee'", 3);

    m = module();
    b = func(m, "f", 2);
    b.append(op("t.call", 3, List.of(), List.of(), "callee", StringAttr.of("x")));
    b.append(op("t.ret", 4, List.of(), List.of()));
    assertError(verify(m), "'t.call' op attribute 'callee' failed to satisfy constraint: flat symbol reference attribute", 3);
  }

  @Test void terminatorsAndParents() {
    Operation m = module();
    Block b = func(m, "f", 2);
    b.append(op("t.ret", 3, List.of(), List.of()));
    b.append(op("t.ret", 4, List.of(), List.of()));
    assertError(verify(m), "'t.ret' op must be the last operation in the parent block", 3);

    m = module();
    m.region(0).front().append(op("t.ret", 2, List.of(), List.of()));
    assertError(verify(m), "'t.ret' op expects parent op 't.func'", 2);

    m = module();
    b = func(m, "f", 2);
    b.append(op("t.const", 3, List.of(), List.of(F32)));
    Diagnostic d = verify(m);
    assertError(d, "block with no terminator, has %0 = \"t.const\"() : () -> f32", 3);
  }

  @Test void singleBlockAndGraphRegions() {
    Operation m = module();
    m.region(0).addBlock(new Block());
    assertError(verify(m), "'t.module' op expects region #0 to have 0 or 1 blocks", 1);

    // Uses may precede definitions in a graph region.
    m = module();
    Block b = func(m, "f", 2);
    Operation g = full("t.graph", 3, List.of(), List.of(), 1, List.of());
    b.append(g);
    b.append(op("t.ret", 6, List.of(), List.of()));
    Block gb = g.region(0).front();
    Operation c = op("t.const", 5, List.of(), List.of(IntegerType.I32));
    gb.append(op("t.add", 4, List.of(c.result(0), c.result(0)), List.of(IntegerType.I32)));
    gb.append(c);
    assertNull(verify(m));
  }

  @Test void dominanceInOneBlock() {
    Operation m = module();
    Block b = func(m, "f", 2);
    Operation later = op("t.const", 4, List.of(), List.of(IntegerType.I32));
    b.append(op("t.add", 3, List.of(later.result(0), b.argument(0)), List.of(IntegerType.I32)));
    b.append(later);
    b.append(op("t.ret", 5, List.of(), List.of()));
    Diagnostic d = verify(m);
    assertError(d, "operand #0 does not dominate this use", 3);
    assertEquals(2, d.notes().size());
    assertTrue(d.notes().get(0).message().startsWith("see current operation: %0 = \"t.add\"(%1, %arg0)"));
    assertEquals("operand defined here (op in the same block)", d.notes().get(1).message());
    assertEquals(loc(4), d.notes().get(1).loc());
  }

  @Test void dominanceAcrossBlocks() {
    // ^bb0: cond_br ^bb1, ^bb2; ^bb1: %x = ...; br ^bb3; ^bb2: br ^bb3; ^bb3: use %x
    Operation m = module();
    Block entry = func(m, "f", 2);
    Region r = entry.parent();
    Block b1 = new Block(), b2 = new Block(), b3 = new Block();
    r.addBlock(b1);
    r.addBlock(b2);
    r.addBlock(b3);
    entry.append(full("t.cond_br", 3, List.of(entry.argument(0)), List.of(), 0, List.of(b1, b2)));
    Operation x = op("t.const", 4, List.of(), List.of(IntegerType.I32));
    b1.append(x);
    b1.append(full("t.br", 5, List.of(), List.of(), 0, List.of(b3)));
    b2.append(full("t.br", 6, List.of(), List.of(), 0, List.of(b3)));
    b3.append(op("t.ret", 7, List.of(x.result(0)), List.of()));
    Diagnostic d = verify(m);
    assertError(d, "operand #0 does not dominate this use", 7);
    assertEquals("operand defined here (op in the same region)", d.notes().get(1).message());

    // The same use from ^bb1 itself is fine, and an unreachable block is not checked.
    b3.last().erase();
    b3.append(op("t.ret", 7, List.of(), List.of()));
    Block dead = new Block();
    r.addBlock(dead);
    dead.append(op("t.ret", 8, List.of(x.result(0)), List.of()));
    assertNull(verify(m));
  }

  @Test void blockArgumentDominance() {
    Operation m = module();
    Block entry = func(m, "f", 2);
    Region r = entry.parent();
    Block b1 = new Block(), b2 = new Block();
    r.addBlock(b1);
    r.addBlock(b2);
    Value arg = b1.addArgument(IntegerType.I32, loc(4));
    entry.append(full("t.cond_br", 3, List.of(entry.argument(0)), List.of(), 0, List.of(b1, b2)));
    b1.append(op("t.ret", 4, List.of(), List.of()));
    b2.append(op("t.ret", 5, List.of(arg), List.of()));
    Diagnostic d = verify(m);
    assertError(d, "operand #0 does not dominate this use", 5);
    assertEquals("operand defined as a block argument (block #1 in the same region)", d.notes().get(1).message());
    assertEquals(loc(2), d.notes().get(1).loc());
  }

  @Test void isolatedFromAbove() {
    Operation m = module();
    Block outer = func(m, "f", 2);
    Operation inner = full("t.func", 3, List.of(), List.of(), 1, List.of(), "sym_name", StringAttr.of("g"));
    Operation g = full("t.graph", 3, List.of(), List.of(), 1, List.of());
    g.region(0).front().append(inner);
    outer.append(g);
    outer.append(op("t.ret", 6, List.of(), List.of()));
    inner.region(0).front().append(op("t.ret", 4, List.of(outer.argument(0)), List.of()));
    Diagnostic d = verify(m);
    assertError(d, "'t.ret' op using value defined outside the region", 4);
    assertEquals(2, d.notes().size());
    assertTrue(d.notes().get(0).message().startsWith("see current operation: "));
    assertEquals("required by region isolation constraints", d.notes().get(1).message());
    assertEquals(loc(3), d.notes().get(1).loc());
  }

  @Test void duplicateSymbols() {
    Operation m = module();
    func(m, "twice", 2).append(op("t.ret", 3, List.of(), List.of()));
    func(m, "twice", 5).append(op("t.ret", 6, List.of(), List.of()));
    Diagnostic d = verify(m);
    assertError(d, "redefinition of symbol named 'twice'", 5);
    assertEquals(2, d.notes().size());
    assertEquals("see current operation: \n\"t.func\"() <{sym_name = \"twice\"}> ({\n^bb0(%arg0: i32):\n  \"t.ret\"() : () -> ()\n}) : () -> ()",
        d.notes().get(0).message());
    assertEquals("see existing symbol definition here", d.notes().get(1).message());
    assertEquals(loc(2), d.notes().get(1).loc());
  }

  @Test void segmentSizes() {
    Operation m = module();
    Block b = func(m, "f", 2);
    Value a = b.argument(0);
    b.append(op("t.seg", 3, List.of(a, a, a), List.of(), "operandSegmentSizes", new DenseArrayAttr(IntegerType.I32, new long[] {1, 0, 1})));
    b.append(op("t.ret", 4, List.of(), List.of()));
    assertError(verify(m), "'t.seg' op operand count (3) does not match with the total size (2) specified in attribute 'operandSegmentSizes'", 3);

    b.first().erase();
    b.insertBefore(b.first(), op("t.seg", 3, List.of(a, a, a), List.of(), "operandSegmentSizes", new DenseArrayAttr(IntegerType.I32, new long[] {0, 2, 1})));
    assertError(verify(m), "'t.seg' op operand group starting at #0 requires 0 or 1 element, but found 2", 3);

    b.first().erase();
    b.insertBefore(b.first(), op("t.seg", 3, List.of(a, a), List.of(), "operandSegmentSizes", new DenseArrayAttr(IntegerType.I32, new long[] {1, 0, 1})));
    assertNull(verify(m));
  }

  @Test void implicitTerminatorAndCustomVerifier() {
    Operation m = module();
    Block b = func(m, "f", 2);
    Operation s = full("t.scope", 3, List.of(), List.of(), 1, List.of());
    s.region(0).front().append(op("t.stop", 4, List.of(), List.of()));
    b.append(s);
    b.append(op("t.ret", 5, List.of(), List.of()));
    Diagnostic d = verify(m);
    assertError(d, "'t.scope' op expects regions to end with 't.yield', found 't.stop'", 3);
    assertEquals("in custom textual format, the absence of terminator implies 't.yield'", d.notes().get(1).message());

    m = module();
    b = func(m, "f", 2);
    Operation c = op("t.const", 3, List.of(), List.of(F32));
    b.append(c);
    b.append(op("t.checked", 4, List.of(c.result(0)), List.of()));
    b.append(op("t.ret", 5, List.of(), List.of()));
    assertError(verify(m), "'t.checked' op custom verifier says no", 4);
  }

  @Test void unregisteredOps() {
    Operation m = module();
    m.region(0).front().append(op("t.nope", 2, List.of(), List.of()));
    assertError(verify(m), "unregistered operation 't.nope' found in dialect ('t') that does not allow unknown operations", 2);

    m = module();
    m.region(0).front().append(op("x.y", 2, List.of(), List.of()));
    assertTrue(verify(m).message().startsWith("'x.y' op created with unregistered dialect."));
    ctx.allowUnregisteredDialects(true);
    assertNull(verify(m));
  }

  @Test void withoutOpNotes() {
    Operation m = module();
    m.region(0).front().append(op("t.ret", 2, List.of(), List.of()));
    Diagnostic d = new Verifier(ctx, false, PrintOptions.DEFAULT).verify(m);
    assertError(d, "'t.ret' op expects parent op 't.func'", 2);
    assertTrue(d.notes().isEmpty());
  }

  @Test void sharedVerifierOnManyThreads() throws Exception {
    Verifier v = new Verifier(ctx);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Diagnostic>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        boolean bad = i % 2 == 0;
        Operation m = module();
        Block b = func(m, "f", 2);
        if (bad) b.append(op("t.const", 3, List.of(), List.of(F32)));
        else b.append(op("t.ret", 3, List.of(), List.of()));
        results.add(pool.submit(() -> v.verify(m)));
      }
      for (int i = 0; i < results.size(); i++) {
        Diagnostic d = results.get(i).get();
        if (i % 2 == 0) assertError(d, "block with no terminator, has %0 = \"t.const\"() : () -> f32", 3);
        else assertNull(d);
      }
    } finally {
      pool.shutdown();
    }
  }
}

package gvm.dialect.func.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.dialect.TestIR;
import gvm.ir.Operation;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.attributes.StringAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.types.FloatType;
import gvm.ir.types.FunctionType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** func ops built by hand: signatures, returns, calls and function constants, and each verifier's wording. */
class FuncVerifierTest {
  private static final IntegerType I32 = IntegerType.I32;
  private static final FloatType F32 = FloatType.F32;

  /** Adds a private declaration {@code @name} of {@code type} to the test module. */
  private static FuncOp declare(TestIR ir, String name, FunctionType type) {
    FuncOp f = FuncOp.create(ir.ctx, Location.UNKNOWN, name, type, false);
    f.op().setProp("sym_visibility", StringAttr.of("private"));
    ir.module.body().append(f.op());
    return f;
  }

  private static Operation call(TestIR ir, String callee, List<gvm.ir.Value> args, List<Type> results) {
    return ir.add(CallOp.DEF, args, results, new NamedAttribute("callee", SymbolRefAttr.flat(callee)));
  }

  @Test void functionView() {
    TestIR ir = new TestIR(I32, F32);
    assertEquals("test", ir.func.name());
    assertEquals(List.of(I32, F32), ir.func.functionType().inputs());
    assertTrue(!ir.func.isExternal());
    assertNull(ir.verify());
  }

  @Test void returnCountMustMatch() {
    TestIR ir = new TestIR(I32);
    ir.add(ReturnOp.DEF, List.of(ir.arg(0)), List.of());
    assertEquals("'func.return' op has 1 operands, but enclosing function (@test) returns 0", ir.verify());
  }

  @Test void publicDeclarationIsRejected() {
    TestIR ir = new TestIR();
    ir.module.body().append(FuncOp.create(ir.ctx, Location.UNKNOWN, "decl", new FunctionType(List.of(), List.of()), false).op());
    assertEquals("'func.func' op symbol declaration cannot have public visibility", ir.verify());
  }

  @Test void callResolvesInTheModule() {
    TestIR ir = new TestIR(I32);
    declare(ir, "callee", new FunctionType(List.of(I32), List.of(F32)));
    call(ir, "callee", List.of(ir.arg(0)), List.of(F32));
    assertNull(ir.verify());
  }

  @Test void callToAMissingFunction() {
    TestIR ir = new TestIR();
    call(ir, "nope", List.of(), List.of());
    assertEquals("'func.call' op 'nope' does not reference a valid function", ir.verify());
  }

  @Test void callOperandCount() {
    TestIR ir = new TestIR(I32);
    declare(ir, "callee", new FunctionType(List.of(I32, I32), List.of()));
    call(ir, "callee", List.of(ir.arg(0)), List.of());
    assertEquals("'func.call' op incorrect number of operands for callee", ir.verify());
  }

  @Test void callOperandType() {
    TestIR ir = new TestIR(F32);
    declare(ir, "callee", new FunctionType(List.of(I32), List.of()));
    call(ir, "callee", List.of(ir.arg(0)), List.of());
    assertEquals("'func.call' op operand type mismatch: expected operand type 'i32', but provided 'f32' for operand number 0", ir.verify());
  }

  @Test void callResultCount() {
    TestIR ir = new TestIR();
    declare(ir, "callee", new FunctionType(List.of(), List.of(I32)));
    call(ir, "callee", List.of(), List.of());
    assertEquals("'func.call' op incorrect number of results for callee", ir.verify());
  }

  @Test void callResultTypeHasNotes() {
    TestIR ir = new TestIR();
    declare(ir, "callee", new FunctionType(List.of(), List.of(I32)));
    call(ir, "callee", List.of(), List.of(F32));
    gvm.ir.Diagnostic d = new gvm.ir.verify.Verifier(ir.ctx, false, gvm.ir.print.PrintOptions.DEFAULT).verify(closed(ir));
    assertEquals("'func.call' op result type mismatch at index 0", d.message());
    assertEquals("      op result types: 'f32'", d.notes().get(0).message());
    assertEquals("function result types: 'i32'", d.notes().get(1).message());
  }

  private static Operation closed(TestIR ir) {
    ir.add(ReturnOp.DEF, List.of(), List.of());
    return ir.module.op();
  }

  @Test void callIndirectTypesComeFromTheCallee() {
    FunctionType fn = new FunctionType(List.of(I32), List.of(I32));
    TestIR ir = new TestIR(fn, F32);
    ir.add(CallIndirectOp.DEF, List.of(ir.arg(0), ir.arg(1)), List.of(I32));
    assertEquals("'func.call_indirect' op failed to verify that callee input types match argument types", ir.verify());
  }

  @Test void constantNamesAFunctionOfItsType() {
    TestIR ir = new TestIR();
    FunctionType type = new FunctionType(List.of(I32), List.of());
    declare(ir, "callee", type);
    ir.add(ConstantOp.DEF, List.of(), List.of(new FunctionType(List.of(F32), List.of())), new NamedAttribute("value", SymbolRefAttr.flat("callee")));
    assertEquals("'func.constant' op reference to function with mismatched type", ir.verify());
  }

  @Test void constantOfAMissingFunction() {
    TestIR ir = new TestIR();
    ir.add(ConstantOp.DEF, List.of(), List.of(new FunctionType(List.of(), List.of())), new NamedAttribute("value", SymbolRefAttr.flat("nope")));
    assertEquals("'func.constant' op reference to undefined function 'nope'", ir.verify());
  }
}

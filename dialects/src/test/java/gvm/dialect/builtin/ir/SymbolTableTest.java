package gvm.dialect.builtin.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import gvm.dialect.TestIR;
import gvm.dialect.func.ir.FuncOp;
import gvm.ir.Operation;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.types.FunctionType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Symbol lookup from the nearest symbol table, nested references, and the module's checks. */
class SymbolTableTest {
  private static final FunctionType VOID = new FunctionType(List.of(), List.of());

  @Test void lookupFromInsideAFunction() {
    TestIR ir = new TestIR();
    Operation kernels = ModuleOp.create(ir.ctx, Location.UNKNOWN, "kernels").op();
    ir.module.body().append(kernels);
    FuncOp scale = FuncOp.create(ir.ctx, Location.UNKNOWN, "scale", VOID, true);
    new ModuleOp(kernels).body().append(scale.op());
    Operation inner = ir.add(gvm.dialect.func.ir.ReturnOp.DEF, List.of(), List.of());

    assertSame(ir.module.op(), SymbolTable.nearestSymbolTable(inner));
    assertSame(ir.func.op(), SymbolTable.lookupNearestSymbolFrom(inner, SymbolRefAttr.flat("test")));
    assertSame(scale.op(), SymbolTable.lookupNearestSymbolFrom(inner, new SymbolRefAttr("kernels", List.of("scale"))));
    assertNull(SymbolTable.lookupNearestSymbolFrom(inner, new SymbolRefAttr("test", List.of("scale"))));
    assertNull(SymbolTable.lookupNearestSymbolFrom(inner, SymbolRefAttr.flat("scale")));
  }

  @Test void collectionCachesPerTable() {
    TestIR ir = new TestIR();
    SymbolTable.Collection tables = new SymbolTable.Collection();
    assertSame(ir.func.op(), tables.lookupSymbolIn(ir.module.op(), "test"));
    assertNull(tables.lookupSymbolIn(ir.module.op(), "other"));
  }

  @Test void moduleView() {
    TestIR ir = new TestIR();
    ModuleOp named = ModuleOp.create(ir.ctx, Location.UNKNOWN, "m");
    assertEquals("m", named.name());
    assertNull(ir.module.name());
  }

  @Test void duplicateSymbols() {
    TestIR ir = new TestIR();
    ir.module.body().append(FuncOp.create(ir.ctx, Location.UNKNOWN, "test", VOID, true).op());
    FuncOp second = new FuncOp(ir.module.body().last());
    second.body().front().append(gvm.dialect.builtin.ir.OpView.create(ir.ctx, gvm.dialect.func.ir.ReturnOp.DEF, Location.UNKNOWN,
        List.of(), List.of(), List.of()));
    assertEquals("redefinition of symbol named 'test'", ir.verify());
  }

  @Test void moduleAttributesNeedADialectPrefix() {
    TestIR ir = new TestIR();
    ir.module.op().setAttr("foo", gvm.ir.attributes.UnitAttr.INSTANCE);
    assertEquals("'builtin.module' op can only contain attributes with dialect-prefixed names, found: 'foo'", ir.verify());
  }
}

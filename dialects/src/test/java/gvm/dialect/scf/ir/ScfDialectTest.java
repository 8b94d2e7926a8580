package gvm.dialect.scf.ir;

import static gvm.dialect.DialectTestSupport.*;
import static gvm.dialect.scf.ir.RegionBranchOpInterface.PARENT;
import static org.junit.jupiter.api.Assertions.*;

import gvm.ir.Operation;
import gvm.ir.format.CustomDirectives;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScfDialectTest {
  @Test void definitions() throws Exception {
    ScfDialect d = new ScfDialect();
    assertDefinitions(d);
    assertNotNull(CustomDirectives.lookup("SwitchCases"));
    for (var def : List.of(ForOp.DEF, IfOp.DEF, IndexSwitchOp.DEF)) assertEquals("scf.yield", def.implicitTerminator(), def.name());
    for (var def : List.of(ForOp.DEF, IfOp.DEF, WhileOp.DEF, IndexSwitchOp.DEF, ExecuteRegionOp.DEF))
      assertNotNull(def.iface(RegionBranchOpInterface.class), def.name());
    assertNotNull(YieldOp.DEF.iface(RegionBranchOpInterface.Terminator.class));
    assertNotNull(ConditionOp.DEF.iface(RegionBranchOpInterface.Terminator.class));
  }

  @Test void forViewsAndImplicitYield() {
    Operation m = parse("""
        func.func @f(%lb: i32, %x: f32) {
          scf.for %i = %lb to %lb step %lb : i32 {
            %twice = arith.addi %i, %i : i32
          }
          %r = scf.for %i = %lb to %lb step %lb iter_args(%a = %x) -> (f32) : i32 {
            scf.yield %a : f32
          }
          return
        }
        """);
    ForOp empty = new ForOp(first(m, ForOp.DEF));
    assertEquals(IntegerType.I32, empty.inductionVar().type());
    assertTrue(empty.body().last().isA(YieldOp.DEF), "the parser inserts the elided scf.yield");
    assertEquals(List.of(), empty.regionIterArgs());
    assertNull(verifierMessage(empty.op()));

    ForOp loop = new ForOp(empty.op().nextOp());
    assertEquals(1, loop.initArgs().size());
    assertEquals(List.of(loop.body().argument(1)), loop.regionIterArgs());
    assertEquals(List.of(loop.body().argument(1)), loop.yieldedValues());
    assertNull(verifierMessage(loop.op()));
  }

  @Test void regionSuccessors() {
    Operation m = parse("""
        func.func @f(%c: i1, %i: index) {
          scf.if %c {
          }
          scf.while : () -> () {
            scf.condition(%c)
          } do {
            scf.yield
          }
          scf.index_switch %i
          case 1 {
            scf.yield
          }
          default {
          }
          return
        }
        """);
    Operation ifOp = first(m, IfOp.DEF);
    RegionBranchOpInterface ifBranch = IfOp.DEF.iface(RegionBranchOpInterface.class);
    assertArrayEquals(new int[] {0, PARENT}, ifBranch.successors(ifOp, PARENT), "an empty else falls through to the results");
    assertArrayEquals(new int[] {PARENT}, ifBranch.successors(ifOp, 0));

    Operation whileOp = first(m, WhileOp.DEF);
    RegionBranchOpInterface whileBranch = WhileOp.DEF.iface(RegionBranchOpInterface.class);
    assertArrayEquals(new int[] {0}, whileBranch.successors(whileOp, PARENT));
    assertArrayEquals(new int[] {PARENT, 1}, whileBranch.successors(whileOp, 0));
    assertArrayEquals(new int[] {0}, whileBranch.successors(whileOp, 1));

    IndexSwitchOp sw = new IndexSwitchOp(first(m, IndexSwitchOp.DEF));
    assertArrayEquals(new long[] {1}, sw.cases());
    assertEquals(IndexType.INSTANCE, sw.arg().type());
    assertArrayEquals(new int[] {0, 1}, IndexSwitchOp.DEF.iface(RegionBranchOpInterface.class).successors(sw.op(), PARENT));
    assertNull(verifierMessage(sw.op()));
  }

  @Test void whileNotesTheWrongTerminator() {
    Operation m = parse("""
        func.func @f(%c: i1) {
          "scf.while"() ({
            "test.stop"() : () -> ()
          }, {
            scf.yield
          }) : () -> ()
          return
        }
        """);
    gvm.ir.DiagnosticException e = assertThrows(gvm.ir.DiagnosticException.class, () -> {
      Operation w = first(m, WhileOp.DEF);
      for (var v : WhileOp.DEF.verifiers()) v.verify(w);
    });
    assertEquals("'scf.while' op expects the 'before' region to terminate with 'scf.condition'", e.diagnostic().message());
    assertEquals("terminator here", e.diagnostic().notes().get(0).message());
  }
}

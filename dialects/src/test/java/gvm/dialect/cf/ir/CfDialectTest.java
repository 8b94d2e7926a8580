package gvm.dialect.cf.ir;

import static gvm.dialect.DialectTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import gvm.ir.Operation;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.format.CustomDirectives;
import gvm.ir.types.IntegerType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CfDialectTest {
  @Test void definitions() throws Exception {
    CfDialect d = new CfDialect();
    assertDefinitions(d);
    assertEquals(List.of("cf.assert", "cf.br", "cf.cond_br", "cf.switch"), d.ops().stream().map(o -> o.name()).toList());
    assertNotNull(CustomDirectives.lookup("SwitchOpCases"));
    assertNotNull(CondBranchOp.DEF.property("operandSegmentSizes"), "AttrSizedOperandSegments adds the segment property");
  }

  @Test void successorOperands() {
    Operation m = parse("""
        func.func @f(%c: i1, %a: i32, %b: i32, %s: i8) {
          cf.cond_br %c, ^bb1(%a, %b : i32, i32), ^bb2(%b : i32)
        ^bb1(%x: i32, %y: i32):
          cf.switch %s : i8, [
            default: ^bb2(%x : i32),
            1: ^bb1(%a, %y : i32, i32),
            -2: ^bb3
          ]
        ^bb2(%z: i32):
          cf.br ^bb3
        ^bb3:
          return
        }
        """);
    CondBranchOp cond = new CondBranchOp(first(m, CondBranchOp.DEF));
    assertEquals(2, cond.trueOperands().size());
    assertEquals(List.of(cond.op().operand(3)), cond.falseOperands());
    assertNull(verifierMessage(cond.op()));

    SwitchOp sw = new SwitchOp(first(m, SwitchOp.DEF));
    assertEquals(2, sw.numCases());
    assertEquals(1, sw.defaultOperands().size());
    assertEquals(2, sw.caseOperands(0).size());
    assertEquals(List.of(), sw.caseOperands(1));
    assertEquals(-2, sw.caseValues().get(1), "case values are stored sign-extended, in the flag's type");
    assertEquals(IntegerType.I8, sw.caseValues().type().elementType());
    assertNull(verifierMessage(sw.op()));
  }

  /** A case without an operand group makes MLIR 19 crash; we report it. */
  @Test void switchCaseOperandGroupsMatchDestinations() {
    Operation m = parse("""
        func.func @f(%flag: i32) {
          "cf.switch"(%flag)[^bb1, ^bb1, ^bb1] <{case_operand_segments = array<i32: 0>, case_values = dense<[1, 2]> : vector<2xi32>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()
        ^bb1:
          return
        }
        """);
    assertEquals("'cf.switch' op number of case operand groups (1) should match number of case destinations (2)",
        verifierMessage(first(m, SwitchOp.DEF)));
  }

  /** Case destinations without case values make MLIR 19 crash; we report it. */
  @Test void switchCaseDestinationsNeedValues() {
    Operation m = parse("""
        func.func @f(%flag: i32) {
          "cf.switch"(%flag)[^bb1, ^bb1] <{case_operand_segments = array<i32: 0>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()
        ^bb1:
          return
        }
        """);
    assertEquals("'cf.switch' op number of case values (0) should match number of case destinations (1)", verifierMessage(first(m, SwitchOp.DEF)));
  }

  @Test void switchParsesCaseGroups() {
    Operation m = parse("""
        func.func @f(%flag: i64, %a: f32) {
          cf.switch %flag : i64, [
            default: ^bb1,
            5: ^bb2(%a, %a : f32, f32),
            6: ^bb2(%a, %a : f32, f32)
          ]
        ^bb1:
          return
        ^bb2(%x: f32, %y: f32):
          return
        }
        """);
    Operation sw = first(m, SwitchOp.DEF);
    assertEquals(new DenseArrayAttr(IntegerType.I32, new long[] {2, 2}), sw.prop("case_operand_segments"));
    assertEquals(new DenseArrayAttr(IntegerType.I32, new long[] {1, 0, 4}), sw.prop("operandSegmentSizes"));
  }
}

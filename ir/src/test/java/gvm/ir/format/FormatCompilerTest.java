package gvm.ir.format;

import static org.junit.jupiter.api.Assertions.*;

import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;
import gvm.ir.def.TypeConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Formats that do not fit their definition are rejected when compiled, naming the op. */
class FormatCompilerTest {
  private static String error(OpDef def) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formats.compileAll(List.of(def)));
    assertTrue(e.getMessage().startsWith(def.name() + ": "), e.getMessage());
    return e.getMessage();
  }

  private static void assertError(OpDef def, String expected) {
    String msg = error(def);
    assertTrue(msg.contains(expected), msg);
  }

  private static OpDef binary(String format) {
    return OpDef.named("test.bin").operand("lhs", TypeConstraint.ANY).operand("rhs", TypeConstraint.ANY).result("res", TypeConstraint.ANY)
        .traits(Trait.SAME_OPERANDS_AND_RESULT_TYPE).format(format);
  }

  @Test
  void compilesRealFormats() {
    FormatTestOps.context();
    for (OpDef d : List.of(FormatTestOps.ADDI, FormatTestOps.CMPI, FormatTestOps.CALL, FormatTestOps.COND_BR, FormatTestOps.YIELD,
        FormatTestOps.EXTRACT_SLICE, FormatTestOps.ALL_REDUCE, FormatTestOps.SCF_EXEC)) {
      FormatProgram p = FormatProgram.of(d);
      assertSame(p, FormatProgram.of(d), "compiled once");
      assertEquals(d.format(), p.source());
    }
    assertNull(FormatProgram.of(FormatTestOps.NOFORMAT));
  }

  @Test
  void rejectsBadFormats() {
    assertError(binary("$lhs `,` $x attr-dict `:` type($res)"), "'$x' is not declared");
    assertError(binary("$lhs `,` $rhs frob attr-dict `:` type($res)"), "unknown directive 'frob'");
    assertError(binary("$lhs `,` $rhs (`:` type($res))? attr-dict"), "optional group has no anchor element");
    assertError(binary("$lhs `,` $rhs `:` type($res)"), "'attr-dict' directive not found");
    assertError(binary("$lhs attr-dict `:` type($res)"), "operand #1, named 'rhs', not found");
    assertError(binary("$lhs `,` $lhs attr-dict"), "operand 'lhs' is already bound");
    assertError(binary("$lhs `,` $rhs attr-dict `:` custom<Nope>(type($res))"), "custom directive 'Nope' is not registered");
    assertError(binary("$lhs `,` $rhs attr-dict `:` type($res) `@`"), "expected valid literal");
    assertError(binary("$lhs `,` $rhs ($res^)? attr-dict"), "result variables can only be used as a child to a 'type' directive");
    OpDef untyped = OpDef.named("test.untyped").operand("x", TypeConstraint.ANY).format("$x attr-dict");
    assertError(untyped, "type of operand #0, named 'x', is not buildable and a buildable type cannot be inferred");
    OpDef single = OpDef.named("test.single").operand("x", TypeConstraint.ANY).format("($x^ `:` type($x))? attr-dict");
    assertError(single, "only variable length operands can be used within an optional group");
  }

  @Test
  void spacingFollowsOpFormatGen() {
    assertFalse(FormatPrinter.spaceBefore(")", true));
    assertFalse(FormatPrinter.spaceBefore(",", false));
    assertTrue(FormatPrinter.spaceBefore("->", true));
    assertTrue(FormatPrinter.spaceBefore(":", false));
    assertFalse(FormatPrinter.spaceBefore("(", false));
    assertTrue(FormatPrinter.spaceBefore("(", true));
    assertTrue(FormatPrinter.spaceBefore("to", true));
  }
}

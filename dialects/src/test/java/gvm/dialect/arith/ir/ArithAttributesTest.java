package gvm.dialect.arith.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.ir.attributes.IntegerAttr;
import gvm.ir.print.AsmPrinter;
import org.junit.jupiter.api.Test;

/** The arith attributes print as mlir-opt prints them: overflow flags with ", ", fastmath flags with ",". */
class ArithAttributesTest {
  private static String print(Object a) { return AsmPrinter.toString(null, a); }

  @Test void overflowFlags() {
    assertEquals("#arith.overflow<none>", print(IntegerOverflowFlagsAttr.NONE));
    assertEquals("#arith.overflow<nsw>", print(new IntegerOverflowFlagsAttr(IntegerOverflowFlagsAttr.NSW)));
    assertEquals("#arith.overflow<nsw, nuw>", print(new IntegerOverflowFlagsAttr(IntegerOverflowFlagsAttr.NSW | IntegerOverflowFlagsAttr.NUW)));
  }

  @Test void fastMathFlagsInBitOrder() {
    assertEquals("#arith.fastmath<none>", print(FastMathFlagsAttr.NONE));
    assertEquals("#arith.fastmath<nnan,ninf>", print(new FastMathFlagsAttr(FastMathFlagsAttr.NINF | FastMathFlagsAttr.NNAN)));
    assertEquals("#arith.fastmath<arcp,afn>", print(new FastMathFlagsAttr(FastMathFlagsAttr.AFN | FastMathFlagsAttr.ARCP)));
  }

  @Test void allFastMathFlagsPrintAsFast() {
    assertEquals("#arith.fastmath<fast>", print(new FastMathFlagsAttr(FastMathFlagsAttr.FAST)));
  }

  @Test void flagsAreValues() {
    assertEquals(new FastMathFlagsAttr(3), new FastMathFlagsAttr(FastMathFlagsAttr.REASSOC | FastMathFlagsAttr.NNAN));
    assertTrue(new IntegerOverflowFlagsAttr(3).has(IntegerOverflowFlagsAttr.NUW));
    assertFalse(IntegerOverflowFlagsAttr.NONE.has(IntegerOverflowFlagsAttr.NSW));
  }

  @Test void enumAttributes() {
    assertEquals(IntegerAttr.i64(5), ArithEnums.CmpIPredicate.SGE.attr());
    assertEquals("sge", ArithEnums.CmpIPredicate.SGE.keyword());
    assertEquals("true", ArithEnums.CmpFPredicate.ALWAYS_TRUE.keyword());
    assertEquals(ArithEnums.CmpFPredicate.UNO, ArithEnums.CmpFPredicate.of(IntegerAttr.i64(14)));
    assertEquals(IntegerAttr.i32(4), ArithEnums.RoundingMode.TO_NEAREST_AWAY.attr());
  }
}

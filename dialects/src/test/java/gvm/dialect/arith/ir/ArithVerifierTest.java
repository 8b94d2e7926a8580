package gvm.dialect.arith.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import gvm.dialect.TestIR;
import gvm.ir.Operation;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.attributes.StringAttr;
import gvm.ir.types.FloatType;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Shape;
import gvm.ir.types.ShapedType;
import gvm.ir.types.VectorType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** arith ops built by hand: default properties, typed views, and each verifier's wording. */
class ArithVerifierTest {
  private static final IntegerType I32 = IntegerType.I32;
  private static final FloatType F32 = FloatType.F32;

  @Test void addiVerifiesAndGetsDefaultFlags() {
    TestIR ir = new TestIR(I32, I32);
    Operation op = ir.add(IntegerOps.AddIOp.DEF, List.of(ir.arg(0), ir.arg(1)), List.of(I32));
    assertNull(ir.verify());
    IntegerOps.AddIOp add = new IntegerOps.AddIOp(op);
    assertEquals(IntegerOverflowFlagsAttr.NONE, add.overflowFlags());
    assertEquals(ir.arg(1), add.rhs());
  }

  @Test void addiRejectsFloats() {
    TestIR ir = new TestIR(F32);
    ir.add(IntegerOps.AddIOp.DEF, List.of(ir.arg(0), ir.arg(0)), List.of(F32));
    assertEquals("'arith.addi' op operand #0 must be signless-integer-like, but got 'f32'", ir.verify());
  }

  @Test void addiRequiresOneType() {
    TestIR ir = new TestIR(I32, IntegerType.I64);
    ir.add(IntegerOps.AddIOp.DEF, List.of(ir.arg(0), ir.arg(1)), List.of(I32));
    assertEquals("'arith.addi' op requires the same type for all operands and results", ir.verify());
  }

  @Test void addfGetsNoFastmathByDefault() {
    TestIR ir = new TestIR(F32);
    Operation op = ir.add(FloatOps.AddFOp.DEF, List.of(ir.arg(0), ir.arg(0)), List.of(F32));
    assertNull(ir.verify());
    assertEquals(FastMathFlagsAttr.NONE, new FloatOps.AddFOp(op).fastmath());
  }

  @Test void cmpiResultMustBeI1OfTheOperandShape() {
    RankedTensorType dyn = RankedTensorType.get(I32, ShapedType.DYNAMIC);
    TestIR ir = new TestIR(dyn);
    ir.add(CompareOps.CmpIOp.DEF, List.of(ir.arg(0), ir.arg(0)), List.of(RankedTensorType.get(IntegerType.I1, 4)),
        new NamedAttribute("predicate", ArithEnums.CmpIPredicate.SLT.attr()));
    assertEquals("'arith.cmpi' op failed to verify that result type has i1 element type and same shape as operands", ir.verify());
  }

  @Test void cmpiPredicateView() {
    TestIR ir = new TestIR(I32);
    Operation op = ir.add(CompareOps.CmpIOp.DEF, List.of(ir.arg(0), ir.arg(0)), List.of(IntegerType.I1),
        new NamedAttribute("predicate", ArithEnums.CmpIPredicate.UGE.attr()));
    assertNull(ir.verify());
    assertEquals(ArithEnums.CmpIPredicate.UGE, new CompareOps.CmpIOp(op).predicate());
    assertEquals(IntegerAttr.i64(9), op.prop("predicate"));
  }

  @Test void cmpfPredicateOutOfRange() {
    TestIR ir = new TestIR(F32);
    ir.add(CompareOps.CmpFOp.DEF, List.of(ir.arg(0), ir.arg(0)), List.of(IntegerType.I1), new NamedAttribute("predicate", IntegerAttr.i64(16)));
    assertEquals("'arith.cmpf' op attribute 'predicate' failed to satisfy constraint: allowed 64-bit signless integer cases: "
        + "0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15", ir.verify());
  }

  @Test void constantResultTypeIsTheValueType() {
    TestIR ir = new TestIR();
    ConstantOp c = ConstantOp.create(ir.ctx, Location.UNKNOWN, IntegerAttr.of(IndexType.INSTANCE, 64));
    ir.add(c.op());
    assertNull(ir.verify());
    assertEquals(IndexType.INSTANCE, c.result().type());
  }

  @Test void constantTypeMismatch() {
    TestIR ir = new TestIR();
    ir.add(ConstantOp.DEF, List.of(), List.of(IntegerType.I64), new NamedAttribute("value", IntegerAttr.i32(1)));
    assertEquals("'arith.constant' op failed to verify that all of {value, result} have same type", ir.verify());
  }

  @Test void constantMustBeSignless() {
    IntegerType si32 = IntegerType.get(32, IntegerType.Signedness.SIGNED);
    TestIR ir = new TestIR();
    ir.add(ConstantOp.DEF, List.of(), List.of(si32), new NamedAttribute("value", IntegerAttr.of(si32, 1)));
    assertEquals("'arith.constant' op integer return type must be signless", ir.verify());
  }

  @Test void constantRejectsStrings() {
    TestIR ir = new TestIR();
    ir.add(ConstantOp.DEF, List.of(), List.of(I32), new NamedAttribute("value", new StringAttr("foo", I32)));
    assertEquals("'arith.constant' op value must be an integer, float, or elements attribute", ir.verify());
  }

  @Test void constantScalableVectorNeedsASplat() {
    VectorType scalable = new VectorType(Shape.of(2), I32, new VectorType.ScalableDims(new boolean[] {true}));
    TestIR ir = new TestIR();
    ir.add(ConstantOp.create(ir.ctx, Location.UNKNOWN, DenseElementsAttr.of(scalable, new long[] {1, 2})).op());
    assertEquals("'arith.constant' op intializing scalable vectors with elements attribute is not supported unless it's a vector splat",
        ir.verify());
  }

  @Test void extsiMustWiden() {
    TestIR ir = new TestIR(I32);
    ir.add(CastOps.ExtSIOp.DEF, List.of(ir.arg(0)), List.of(IntegerType.I16));
    assertEquals("'arith.extsi' op operand type 'i32' and result type 'i16' are cast incompatible", ir.verify());
  }

  @Test void indexCastBetweenIntegersIsIncompatible() {
    TestIR ir = new TestIR(I32);
    ir.add(CastOps.IndexCastOp.DEF, List.of(ir.arg(0)), List.of(IntegerType.I64));
    assertEquals("'arith.index_cast' op operand type 'i32' and result type 'i64' are cast incompatible", ir.verify());
  }

  @Test void castsKeepTensorDimensions() {
    TestIR ir = new TestIR(RankedTensorType.get(I32, ShapedType.DYNAMIC));
    ir.add(CastOps.ExtSIOp.DEF, List.of(ir.arg(0)), List.of(RankedTensorType.get(IntegerType.I64, 4)));
    assertEquals("'arith.extsi' op failed to verify that input and output have the same tensor dimensions", ir.verify());
  }

  @Test void truncfAcceptsRoundingMode() {
    TestIR ir = new TestIR(F32);
    Operation op = ir.add(CastOps.TruncFOp.DEF, List.of(ir.arg(0)), List.of(FloatType.F16),
        new NamedAttribute("roundingmode", ArithEnums.RoundingMode.TOWARD_ZERO.attr()));
    assertNull(ir.verify());
    assertEquals(ArithEnums.RoundingMode.TOWARD_ZERO, new CastOps.TruncFOp(op).roundingMode());
  }

  @Test void selectConditionMustMatchTheResultShape() {
    TestIR ir = new TestIR(RankedTensorType.get(IntegerType.I1, ShapedType.DYNAMIC), RankedTensorType.get(I32, 4));
    ir.add(CompareOps.SelectOp.DEF, List.of(ir.arg(0), ir.arg(1), ir.arg(1)), List.of(RankedTensorType.get(I32, 4)));
    assertEquals("'arith.select' op failed to verify that condition is signless i1 or has matching shape", ir.verify());
  }

  @Test void selectMaskMustBeTheResultsI1Type() {
    RankedTensorType mask = new RankedTensorType(Shape.of(4), IntegerType.I1, StringAttr.of("enc"));
    TestIR ir = new TestIR(mask, RankedTensorType.get(I32, 4));
    ir.add(CompareOps.SelectOp.DEF, List.of(ir.arg(0), ir.arg(1), ir.arg(1)), List.of(RankedTensorType.get(I32, 4)));
    assertEquals("'arith.select' op expected condition type to have the same shape as the result type, expected 'tensor<4xi1>', "
        + "but got 'tensor<4xi1, \"enc\">'", ir.verify());
  }

  @Test void extendedOpsVerify() {
    TestIR ir = new TestIR(I32);
    ir.add(IntegerOps.AddUIExtendedOp.DEF, List.of(ir.arg(0), ir.arg(0)), List.of(I32, IntegerType.I1));
    ir.add(IntegerOps.MulSIExtendedOp.DEF, List.of(ir.arg(0), ir.arg(0)), List.of(I32, I32));
    assertNull(ir.verify());
  }

  @Test void addUIExtendedTypesMatch() {
    TestIR ir = new TestIR(I32);
    ir.add(IntegerOps.AddUIExtendedOp.DEF, List.of(ir.arg(0), ir.arg(0)), List.of(IntegerType.I64, IntegerType.I1));
    assertEquals("'arith.addui_extended' op failed to verify that all of {lhs, rhs, sum} have same type", ir.verify());
  }
}

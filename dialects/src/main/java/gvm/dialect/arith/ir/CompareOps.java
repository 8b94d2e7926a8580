package gvm.dialect.arith.ir;

import static gvm.dialect.arith.ir.ConstFold.*;

import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.rewrite.OpFoldResult;

import static gvm.dialect.builtin.ir.CommonTypeConstraints.*;
import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.OpResult;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.asm.UnresolvedOperand;
import gvm.ir.def.OpDef;
import gvm.ir.def.TypeConstraint;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import gvm.ir.types.UnrankedTensorType;
import gvm.ir.types.VectorType;
import java.util.List;
import java.util.Set;

/** Comparisons and selection (Arith_CompareOp and arith.select). */
public final class CompareOps {
  private CompareOps() {}

  /** Arith_CompareOp: two operands of one type, an i1-like result of their shape. */
  static OpDef compareOp(String mnemonic, String summary, TypeConstraint operands) {
    return OpDef.named("arith." + mnemonic).summary(summary)
        .operand("lhs", operands)
        .operand("rhs", operands)
        .result("result", BOOL_LIKE)
        .traits(ELEMENTWISE, PURE, SAME_TYPE_OPERANDS)
        // ODS states this as TypesMatchWith; inference keeps its own wording in the verifier below.
        .inferResultTypes((operandTypes, props) -> List.of(ArithTypes.i1SameShape(operandTypes.get(0))))
        .verifier(CompareOps::verifyResultIsI1SameShape);
  }

  /** ODS TypesMatchWith&lt;"result type has i1 element type and same shape as operands"&gt;. */
  private static void verifyResultIsI1SameShape(Operation op) {
    if (!op.result(0).type().equals(ArithTypes.i1SameShape(op.operand(0).type())))
      throw Verify.opError(op, "failed to verify that result type has i1 element type and same shape as operands");
  }

  /** The view shared by cmpi and cmpf. */
  public abstract static class CompareOpView extends BinaryOpView {
    CompareOpView(Operation op, OpDef def) { super(op, def); }
  }

  /** {@code arith.cmpi}: integer comparison; the predicate is a keyword in the custom form. */
  public static final class CmpIOp extends CompareOpView {
    public static final OpDef DEF = compareOp("cmpi", "integer comparison operation", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .property("predicate", ArithEnums.CMPI_PREDICATE)
        .format("$predicate `,` $lhs `,` $rhs attr-dict `:` type($lhs)")
        .folder(CmpIOp::fold);

    public CmpIOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      ArithEnums.CmpIPredicate pred = ArithEnums.CmpIPredicate.of(op.prop("predicate"));
      Value lhs = op.operand(0);
      // cmpi(pred, x, x) -> true for eq/sle/sge/ule/uge, false otherwise
      if (lhs == op.operand(1)) return OpFoldResult.of(boolConstant(op.result(0).type(), trueOnEqual(pred)));
      if (isZero(c[1])) {
        // cmpi(ne, ext[su]i(x : i1), 0) -> x
        Operation ext = lhs.definingOp();
        if (pred == ArithEnums.CmpIPredicate.NE && ext != null && (ext.isA(CastOps.ExtSIOp.DEF) || ext.isA(CastOps.ExtUIOp.DEF))
            && intWidth(ext.operand(0).type()) == 1) return OpFoldResult.of(ext.operand(0));
      }
      // cmpi(pred, c, x) -> cmpi(swapped pred, x, c), in place
      if (c[0] != null && c[1] == null) {
        op.setProp("predicate", swapped(pred).attr());
        Value rhs = op.operand(1);
        op.setOperand(0, rhs);
        op.setOperand(1, lhs);
        return OpFoldResult.of(op.result(0));
      }
      return OpFoldResult.of(intBinary(c[0], c[1], op.result(0).type(), (a, b, w) -> compare(pred, a, b, w) ? -1 : 0));
    }

    private static boolean trueOnEqual(ArithEnums.CmpIPredicate p) {
      switch (p) {
        case EQ: case SLE: case SGE: case ULE: case UGE: return true;
        default: return false;
      }
    }

    /** The predicate with its operands swapped (not negated: eq stays eq). */
    private static ArithEnums.CmpIPredicate swapped(ArithEnums.CmpIPredicate p) {
      switch (p) {
        case SLT: return ArithEnums.CmpIPredicate.SGT;
        case SGT: return ArithEnums.CmpIPredicate.SLT;
        case SLE: return ArithEnums.CmpIPredicate.SGE;
        case SGE: return ArithEnums.CmpIPredicate.SLE;
        case ULT: return ArithEnums.CmpIPredicate.UGT;
        case UGT: return ArithEnums.CmpIPredicate.ULT;
        case ULE: return ArithEnums.CmpIPredicate.UGE;
        case UGE: return ArithEnums.CmpIPredicate.ULE;
        default: return p;
      }
    }

    static boolean compare(ArithEnums.CmpIPredicate p, long a, long b, int w) {
      int u = Long.compareUnsigned(ConstFold.zext(a, w), ConstFold.zext(b, w));
      switch (p) {
        case EQ: return a == b;
        case NE: return a != b;
        case SLT: return a < b;
        case SLE: return a <= b;
        case SGT: return a > b;
        case SGE: return a >= b;
        case ULT: return u < 0;
        case ULE: return u <= 0;
        case UGT: return u > 0;
        default: return u >= 0;
      }
    }

    public ArithEnums.CmpIPredicate predicate() { return ArithEnums.CmpIPredicate.of(op.prop("predicate")); }
  }

  /** {@code arith.cmpf}: floating-point comparison (ordered or unordered), with fastmath flags. */
  public static final class CmpFOp extends CompareOpView {
    public static final OpDef DEF = compareOp("cmpf", "floating-point comparison operation", FLOAT_LIKE)
        .property("predicate", ArithEnums.CMPF_PREDICATE)
        .property("fastmath", FastMathFlagsAttr.CONSTRAINT, FastMathFlagsAttr.NONE)
        .format("$predicate `,` $lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($lhs)")
        .folder(CmpFOp::fold);

    public CmpFOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      // cmpf(pred, c0, c1) -> constant, scalars only; a NaN operand makes the comparison unordered
      if (!(c[0] instanceof FloatAttr) && !(c[1] instanceof FloatAttr)) return null;
      Double a = c[0] instanceof FloatAttr ? splatFloat(c[0]) : null, b = c[1] instanceof FloatAttr ? splatFloat(c[1]) : null;
      if (a != null && a.isNaN()) b = a;
      if (b != null && b.isNaN()) a = b;
      if (a == null || b == null) return null;
      return OpFoldResult.of(IntegerAttr.bool(compare(ArithEnums.CmpFPredicate.of(op.prop("predicate")), a, b)));
    }

    static boolean compare(ArithEnums.CmpFPredicate p, double a, double b) {
      boolean unordered = Double.isNaN(a) || Double.isNaN(b);
      switch (p) {
        case ALWAYS_FALSE: return false;
        case OEQ: return !unordered && a == b;
        case OGT: return !unordered && a > b;
        case OGE: return !unordered && a >= b;
        case OLT: return !unordered && a < b;
        case OLE: return !unordered && a <= b;
        case ONE: return !unordered && a != b;
        case ORD: return !unordered;
        case UEQ: return unordered || a == b;
        case UGT: return unordered || a > b;
        case UGE: return unordered || a >= b;
        case ULT: return unordered || a < b;
        case ULE: return unordered || a <= b;
        case UNE: return unordered || a != b;
        case UNO: return unordered;
        default: return true;
      }
    }

    public ArithEnums.CmpFPredicate predicate() { return ArithEnums.CmpFPredicate.of(op.prop("predicate")); }

    public FastMathFlagsAttr fastmath() { return (FastMathFlagsAttr) op.prop("fastmath"); }
  }

  /**
   * {@code arith.select}: {@code %c, %t, %f : [cond-type,] type}; the condition type is written only
   * when it is a vector or tensor mask. MLIR gives it a hand-written assembly too.
   */
  public static final class SelectOp extends OpView {
    public static final OpDef DEF = OpDef.named("arith.select").summary("select operation")
        .operand("condition", BOOL_LIKE)
        .operand("true_value", ANY_TYPE)
        .operand("false_value", ANY_TYPE)
        .result("result", ANY_TYPE)
        .traits(ELEMENTWISE, PURE)
        .allTypesMatch("true_value", "false_value", "result")
        .customAssembly(new OpDef.CustomAssembly() {
          @Override public void parse(OpAsmParser p, OperationState st) { parseSelect(p, st); }

          @Override public void print(Operation op, AsmPrinter p) { printSelect(op, p); }
        })
        .verifier(SelectOp::verifyConditionShape)
        .folder(SelectOp::fold)
        .verifier(SelectOp::verify);

    public SelectOp(Operation op) { super(op, DEF); }

    static OpFoldResult fold(Operation op, Attribute[] c) {
      Value cond = op.operand(0), t = op.operand(1), f = op.operand(2);
      // select(c, x, x) -> x
      if (t == f) return OpFoldResult.of(t);
      // select(true, x, y) -> x
      if (isOne(c[0])) return OpFoldResult.of(t);
      // select(false, x, y) -> y
      if (isZero(c[0])) return OpFoldResult.of(f);
      // select(c, true, false) -> c
      if (intWidth(op.result(0).type()) == 1 && isOne(c[1]) && isZero(c[2])) return OpFoldResult.of(cond);
      // select(cmpi(eq, a, b), a, b) -> b and select(cmpi(ne, a, b), a, b) -> a (either operand order)
      Operation cmp = cond.definingOp();
      if (cmp != null && cmp.isA(CmpIOp.DEF)) {
        ArithEnums.CmpIPredicate p = ArithEnums.CmpIPredicate.of(cmp.prop("predicate"));
        if ((p == ArithEnums.CmpIPredicate.EQ || p == ArithEnums.CmpIPredicate.NE)
            && ((cmp.operand(0) == t && cmp.operand(1) == f) || (cmp.operand(1) == t && cmp.operand(0) == f)))
          return OpFoldResult.of(p == ArithEnums.CmpIPredicate.NE ? t : f);
      }
      // select(dense mask, dense a, dense b) -> elementwise choice
      if (c[0] instanceof DenseElementsAttr m && c[1] instanceof DenseElementsAttr a && c[2] instanceof DenseElementsAttr b
          && !a.isStrings() && !b.isStrings()) {
        long[] out = new long[(int) a.numElements()];
        for (int i = 0; i < out.length; i++) out[i] = m.get(i) != 0 ? a.get(i) : b.get(i);
        return OpFoldResult.of(DenseElementsAttr.of(a.type(), out));
      }
      return null;
    }

    public Value condition() { return op.operand(0); }

    public Value trueValue() { return op.operand(1); }

    public Value falseValue() { return op.operand(2); }

    public OpResult result() { return op.result(0); }

    private static void parseSelect(OpAsmParser p, OperationState st) {
      int at = p.offset();
      List<UnresolvedOperand> operands = p.parseOperandList(OpAsmParser.Delimiter.NONE);
      if (operands.size() != 3) throw p.error(at, "expected 3 operands");
      st.attributes.addAll(p.parseOptionalAttrDict());
      Type resultType = p.parseColonType();
      Type conditionType = IntegerType.I1;
      if (p.parseOptionalPunct(",")) {
        conditionType = resultType;
        resultType = p.parseType();
      }
      st.resultTypes.add(resultType);
      st.operands.add(p.resolveOperand(operands.get(0), conditionType));
      st.operands.add(p.resolveOperand(operands.get(1), resultType));
      st.operands.add(p.resolveOperand(operands.get(2), resultType));
    }

    private static void printSelect(Operation op, AsmPrinter p) {
      p.print(' ');
      p.printOperands(op.operands());
      p.printOptionalAttrDict(op.attributes().entries(), Set.of());
      p.print(" : ");
      if (op.operand(0).type() instanceof ShapedType cond) {
        p.printType(cond);
        p.print(", ");
      }
      p.printType(op.result(0).type());
    }

    /** ODS BooleanConditionOrMatchingShape: an i1 condition, or a shaped one of the result's shape. */
    private static void verifyConditionShape(Operation op) {
      Type cond = op.operand(0).type(), result = op.result(0).type();
      if (isI1(cond)) return;
      if (cond instanceof ShapedType c && result instanceof ShapedType r && sameShape(c, r)) return;
      throw Verify.opError(op, "failed to verify that condition is signless i1 or has matching shape");
    }

    private static boolean sameShape(ShapedType a, ShapedType b) {
      if (!a.hasRank() || !b.hasRank()) return !a.hasRank() && !b.hasRank();
      return a.shape().equals(b.shape());
    }

    /** A shaped condition is the i1 mask of the result's type. */
    private static void verify(Operation op) {
      Type cond = op.operand(0).type(), result = op.result(0).type();
      if (isI1(cond)) return;
      if (!(result instanceof VectorType || result instanceof RankedTensorType || result instanceof UnrankedTensorType))
        throw Verify.opError(op, "expected condition to be a signless i1, but got " + DiagText.quote(cond));
      Type expected = ArithTypes.i1SameShape(result);
      if (!cond.equals(expected))
        throw Verify.opError(op, "expected condition type to have the same shape as the result type, expected " + DiagText.quote(expected)
            + ", but got " + DiagText.quote(cond));
    }
  }
}

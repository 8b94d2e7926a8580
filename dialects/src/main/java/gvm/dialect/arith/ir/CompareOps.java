package gvm.dialect.arith.ir;

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
  static OpDef compare(String mnemonic, String summary, TypeConstraint operands) {
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
    public static final OpDef DEF = compare("cmpi", "integer comparison operation", SIGNLESS_INTEGER_OR_INDEX_LIKE)
        .property("predicate", ArithEnums.CMPI_PREDICATE)
        .format("$predicate `,` $lhs `,` $rhs attr-dict `:` type($lhs)");

    public CmpIOp(Operation op) { super(op, DEF); }

    public ArithEnums.CmpIPredicate predicate() { return ArithEnums.CmpIPredicate.of(op.prop("predicate")); }
  }

  /** {@code arith.cmpf}: floating-point comparison (ordered or unordered), with fastmath flags. */
  public static final class CmpFOp extends CompareOpView {
    public static final OpDef DEF = compare("cmpf", "floating-point comparison operation", FLOAT_LIKE)
        .property("predicate", ArithEnums.CMPF_PREDICATE)
        .property("fastmath", FastMathFlagsAttr.CONSTRAINT, FastMathFlagsAttr.NONE)
        .format("$predicate `,` $lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($lhs)");

    public CmpFOp(Operation op) { super(op, DEF); }

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
        .verifier(SelectOp::verify);

    public SelectOp(Operation op) { super(op, DEF); }

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

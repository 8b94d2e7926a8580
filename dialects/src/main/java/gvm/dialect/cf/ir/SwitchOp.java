package gvm.dialect.cf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.def.AttrAsm;
import gvm.ir.def.AttrConstraint;
import gvm.ir.def.OpDef;
import gvm.ir.def.TypeConstraint;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.util.List;

/**
 * {@code cf.switch}: branches to the case whose value equals the integer flag, else to the default.
 * The case operands form one operand group split per case by {@code case_operand_segments}
 * (ODS VariadicOfVariadic).
 */
public final class SwitchOp extends OpView {
  static final TypeConstraint ANY_INTEGER = TypeConstraint.of("integer", t -> t instanceof IntegerType);

  static final AttrConstraint INT_ELEMENTS = AttrConstraint.of("integer elements attribute",
      a -> a instanceof DenseElementsAttr d && d.type().elementType() instanceof IntegerType);

  static final AttrConstraint DENSE_I32_ARRAY = AttrConstraint.of("i32 dense array attribute",
      a -> a instanceof DenseArrayAttr d && d.elementType().equals(IntegerType.I32)).withAsm(AttrAsm.DENSE_I32_ARRAY);

  public static final OpDef DEF = OpDef.named("cf.switch")
      .summary("Switch operation")
      .operand("flag", ANY_INTEGER)
      .variadicOperand("defaultOperands", CommonTypeConstraints.ANY_TYPE)
      .variadicOperand("caseOperands", CommonTypeConstraints.ANY_TYPE)
      .optionalProperty("case_values", INT_ELEMENTS)
      .property("case_operand_segments", DENSE_I32_ARRAY)
      .successor("defaultDestination")
      .variadicSuccessor("caseDestinations")
      .traits(ATTR_SIZED_OPERAND_SEGMENTS, PURE, TERMINATOR)
      .format("$flag `:` type($flag) `,` `[` `\\n` custom<SwitchOpCases>(ref(type($flag)), $defaultDestination,"
          + " $defaultOperands, type($defaultOperands), $case_values, $caseDestinations, $caseOperands, type($caseOperands),"
          + " $case_operand_segments) `]` attr-dict")
      .implement(BranchOpInterface.class, SwitchOp::successorOperands)
      .verifier(SwitchOp::verifyCaseOperandSegments)
      .verifier(BranchOpInterface::verify)
      .verifier(SwitchOp::verify);

  public SwitchOp(Operation op) { super(op, DEF); }

  public Value flag() { return op.operand(0); }

  public Block defaultDestination() { return op.successor(0); }

  public List<Value> defaultOperands() { return successorOperands(op, 0); }

  /** The case values, or null when there are no cases. */
  public DenseElementsAttr caseValues() { return (DenseElementsAttr) op.prop("case_values"); }

  public int numCases() { return op.numSuccessors() - 1; }

  public Block caseDestination(int i) { return op.successor(i + 1); }

  public List<Value> caseOperands(int i) { return successorOperands(op, i + 1); }

  /** Successor 0 takes the default operands, successor {@code k} the {@code (k-1)}th case group. */
  private static List<Value> successorOperands(Operation op, int index) {
    int numDefault = BranchOpInterface.segmentSize(op, 1);
    if (index == 0) return op.operands().subList(1, 1 + numDefault);
    int start = 1 + numDefault;
    DenseArrayAttr segments = (DenseArrayAttr) op.prop("case_operand_segments");
    // A case without a segment forwards nothing; verifyCaseOperandSegments reports the mismatch.
    if (index - 1 >= segments.size()) return List.of();
    for (int i = 0; i < index - 1; i++) start += (int) segments.get(i);
    return op.operands().subList(start, start + (int) segments.get(index - 1));
  }

  /** The case operand groups add up to the case operands (ODS's VariadicOfVariadic check). */
  private static void verifyCaseOperandSegments(Operation op) {
    long total = 0;
    DenseArrayAttr segments = (DenseArrayAttr) op.prop("case_operand_segments");
    for (int i = 0; i < segments.size(); i++) total += segments.get(i);
    int count = BranchOpInterface.segmentSize(op, 2);
    if (count != total)
      throw Verify.opError(op, "caseOperands count (" + count + ") does not match with the total size (" + total
          + ") specified in attribute 'case_operand_segments'");
    if (segments.size() != op.numSuccessors() - 1)
      throw Verify.opError(op, "number of case operand groups (" + segments.size() + ") should match number of case destinations ("
          + (op.numSuccessors() - 1) + ")");
  }

  /** Case values have the flag's type, one per case destination. */
  private static void verify(Operation op) {
    SwitchOp sw = new SwitchOp(op);
    DenseElementsAttr values = sw.caseValues();
    int numDests = sw.numCases();
    if (values == null && numDests == 0) return;
    if (values == null)
      throw Verify.opError(op, "number of case values (0) should match number of case destinations (" + numDests + ")");
    Type flagType = sw.flag().type();
    Type caseType = values.type().elementType();
    if (!caseType.equals(flagType))
      throw Verify.opError(op, "'flag' type (" + DiagText.quote(flagType) + ") should match case value type (" + DiagText.quote(caseType) + ")");
    if (values.numElements() != numDests)
      throw Verify.opError(op, "number of case values (" + values.numElements() + ") should match number of case destinations ("
          + numDests + ")");
  }
}

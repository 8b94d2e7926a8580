package gvm.dialect.cf.ir;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.asm.UnresolvedOperand;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.format.CustomDirective;
import gvm.ir.format.ParseArgs;
import gvm.ir.format.PrintArgs;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Shape;
import gvm.ir.types.Type;
import gvm.ir.types.VectorType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code custom<SwitchOpCases>(ref(type($flag)), $defaultDestination, $defaultOperands,
 * type($defaultOperands), $case_values, $caseDestinations, $caseOperands, type($caseOperands),
 * $case_operand_segments)}: the cases of {@code cf.switch}, as ControlFlowOps.cpp's
 * parseSwitchOpCases/printSwitchOpCases.
 *
 * <pre>{@code
 *   default: ^bb1(%a : i32),
 *   42: ^bb2
 * }</pre>
 *
 * The last argument, which MLIR's VariadicOfVariadic fills implicitly, receives the number of
 * operands of each case. Case values print as unsigned numbers of the flag's width, as MLIR's
 * {@code getLimitedValue} does ({@code -1 : i32} prints {@code 4294967295}).
 */
final class SwitchOpCases implements CustomDirective {
  private static final int FLAG_TYPE = 0, DEFAULT_DEST = 1, DEFAULT_OPERANDS = 2, DEFAULT_TYPES = 3, CASE_VALUES = 4,
      CASE_DESTS = 5, CASE_OPERANDS = 6, CASE_TYPES = 7, CASE_SEGMENTS = 8;

  @Override public String checkArgs(List<ArgKind> kinds, List<Boolean> refs) {
    List<ArgKind> expected = List.of(ArgKind.TYPE, ArgKind.SUCCESSOR, ArgKind.OPERAND, ArgKind.TYPE, ArgKind.ATTRIBUTE,
        ArgKind.SUCCESSOR, ArgKind.OPERAND, ArgKind.TYPE, ArgKind.ATTRIBUTE);
    return kinds.equals(expected) ? null
        : "expected (ref(type($flag)), $defaultDestination, $defaultOperands, type($defaultOperands), $case_values,"
            + " $caseDestinations, $caseOperands, type($caseOperands), $case_operand_segments)";
  }

  @Override public boolean parse(OpAsmParser p, ParseArgs args) {
    Type flagType = args.types(FLAG_TYPE).get(0);
    p.parseKeyword("default");
    p.parsePunct(":");
    args.setSuccessor(DEFAULT_DEST, p.parseSuccessor());
    List<UnresolvedOperand> defaultOperands = new ArrayList<>();
    List<Type> defaultTypes = new ArrayList<>();
    parseOptionalUseList(p, defaultOperands, defaultTypes);
    args.setOperands(DEFAULT_OPERANDS, defaultOperands);
    args.setTypes(DEFAULT_TYPES, defaultTypes);

    int width = flagType instanceof IntegerType it ? it.width() : 64;
    boolean unsigned = flagType instanceof IntegerType it && it.isUnsigned();
    List<Long> values = new ArrayList<>();
    List<Block> dests = new ArrayList<>();
    List<UnresolvedOperand> caseOperands = new ArrayList<>();
    List<Type> caseTypes = new ArrayList<>();
    List<Long> segments = new ArrayList<>();
    while (p.parseOptionalPunct(",")) {
      int at = p.offset();
      BigInteger v = p.parseOptionalInteger();
      if (v == null) throw p.error(at, "expected integer value");
      values.add(IntegerAttr.truncate(v.longValue(), width, unsigned));
      p.parsePunct(":");
      dests.add(p.parseSuccessor());
      int before = caseOperands.size();
      parseOptionalUseList(p, caseOperands, caseTypes);
      segments.add((long) (caseOperands.size() - before));
    }
    if (!values.isEmpty()) {
      long[] data = values.stream().mapToLong(Long::longValue).toArray();
      args.setAttr(CASE_VALUES, DenseElementsAttr.of(VectorType.get(Shape.of(data.length), flagType), data));
    }
    args.setSuccessors(CASE_DESTS, dests);
    args.setOperands(CASE_OPERANDS, caseOperands);
    args.setTypes(CASE_TYPES, caseTypes);
    args.setAttr(CASE_SEGMENTS, new DenseArrayAttr(IntegerType.I32, segments.stream().mapToLong(Long::longValue).toArray()));
    return true;
  }

  /** {@code (%a, %b : t1, t2)} if present. */
  private static void parseOptionalUseList(OpAsmParser p, List<UnresolvedOperand> operands, List<Type> types) {
    if (!p.parseOptionalPunct("(")) return;
    int at = p.offset();
    List<UnresolvedOperand> os = p.parseOperandList(OpAsmParser.Delimiter.NONE);
    List<Type> ts = p.parseColonTypeList();
    p.parsePunct(")");
    if (os.size() != ts.size()) throw p.error(at, os.size() + " operands present, but expected " + ts.size());
    operands.addAll(os);
    types.addAll(ts);
  }

  @Override public void print(AsmPrinter p, Operation op, PrintArgs args) {
    p.print("  default: ");
    p.printSuccessorAndUseList(args.successor(DEFAULT_DEST), args.values(DEFAULT_OPERANDS));
    Attribute values = args.attr(CASE_VALUES);
    if (!(values instanceof DenseElementsAttr cases)) return;
    SwitchOp sw = new SwitchOp(op);
    int width = cases.type().elementType() instanceof IntegerType it ? it.width() : 64;
    for (int i = 0; i < cases.numElements() && i < sw.numCases(); i++) {
      p.print(',');
      p.printNewline();
      p.print("  ");
      long v = cases.get(i);
      p.print(Long.toUnsignedString(width >= 64 ? v : v & ((1L << width) - 1)));
      p.print(": ");
      p.printSuccessorAndUseList(sw.caseDestination(i), sw.caseOperands(i));
    }
    p.printNewline();
  }
}

package gvm.dialect.scf.ir;

import static gvm.ir.def.Trait.TERMINATOR;

import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.asm.Argument;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.asm.UnresolvedOperand;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.Type;
import java.util.List;
import java.util.Set;

/**
 * Pieces shared by the hand-written forms of scf.for and scf.while, which bind region arguments
 * to operands ({@code %arg = %init}), a shape the format language cannot express (SCF.cpp's
 * printInitializationList and the parser's parseAssignmentList).
 */
final class ScfAsm {
  private ScfAsm() {}

  /** {@code %a = %x, %b = %y)} after the {@code (}: region arguments into {@code args}, operands into {@code operands}. */
  static void parseAssignmentList(OpAsmParser p, List<Argument> args, List<UnresolvedOperand> operands) {
    do {
      args.add(p.parseArgument(false, false));
      p.parsePunct("=");
      operands.add(p.parseOperand());
    } while (p.parseOptionalPunct(","));
    p.parsePunct(")");
  }

  /** {@code prefix(%inner = %outer, ...)}, nothing when there are no initializers. */
  static void printInitializationList(AsmPrinter p, List<BlockArgument> args, List<Value> inits, String prefix) {
    if (inits.isEmpty()) return;
    p.print(prefix).print('(');
    for (int i = 0; i < inits.size(); i++) {
      if (i > 0) p.print(", ");
      p.printOperand(args.get(i));
      p.print(" = ");
      p.printOperand(inits.get(i));
    }
    p.print(')');
  }

  /** {@code arg} with its type filled in. */
  static Argument withType(Argument arg, Type type) { return new Argument(arg.ssaName(), type, arg.attrs(), arg.loc()); }

  /**
   * Appends an operand-less {@code terminator} to the region's block unless it already ends in a
   * terminator, creating the block if the region is empty (MLIR's ensureRegionTerminator).
   */
  static void ensureTerminator(OpAsmParser p, Region region, String terminator, Location loc) {
    if (region.isEmpty()) region.addBlock(new Block());
    Block block = region.blocks().get(region.blocks().size() - 1);
    if (!block.isEmpty() && block.last().hasTrait(TERMINATOR)) return;
    block.append(Operation.create(new OperationState(loc, p.context().opName(terminator))));
  }

  /** The optional {@code {...}} dictionary into the op's discardable attributes. */
  static void parseOptionalAttrDict(OpAsmParser p, OperationState st, boolean withKeyword) {
    for (NamedAttribute a : withKeyword ? p.parseOptionalAttrDictWithKeyword() : p.parseOptionalAttrDict()) st.addAttribute(a.name(), a.value());
  }

  static void printOptionalAttrDict(AsmPrinter p, Operation op) { p.printOptionalAttrDict(op.attributes().entries(), Set.of()); }

  /** Operand group {@code i} of an op with AttrSizedOperandSegments. */
  static List<Value> segment(Operation op, int i) {
    gvm.ir.attributes.DenseArrayAttr sizes = (gvm.ir.attributes.DenseArrayAttr) op.prop("operandSegmentSizes");
    int start = 0;
    for (int k = 0; k < i; k++) start += (int) sizes.get(k);
    return op.operands().subList(start, start + (int) sizes.get(i));
  }
}

package gvm.dialect.linalg.ir;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Value;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.asm.UnresolvedOperand;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The syntax LinalgOps.cpp shares between the hand-written forms of the structured ops: {@code
 * ins(%a, %b : T, U) outs(%c : V)} (parse/printCommonStructuredOpParts), {@code dimensions = [0, 1]}
 * and the short form {@code { arith.addf }} of a body that is one op.
 */
final class StructuredAsm {
  private StructuredAsm() {}

  /** The parsed {@code ins} and {@code outs} operands; both lists may be empty. */
  record InsOuts(List<Value> ins, List<Value> outs) {
    List<Type> types() {
      List<Type> l = new ArrayList<>();
      for (Value v : ins) l.add(v.type());
      for (Value v : outs) l.add(v.type());
      return l;
    }
  }

  /** {@code ins(...)} and {@code outs(...)}, each optional; the operands go into {@code st}. */
  static InsOuts parseInsOuts(OpAsmParser p, OperationState st) {
    List<Value> ins = parseGroup(p, "ins"), outs = parseGroup(p, "outs");
    st.operands.addAll(ins);
    st.operands.addAll(outs);
    return new InsOuts(ins, outs);
  }

  private static List<Value> parseGroup(OpAsmParser p, String keyword) {
    if (!p.parseOptionalKeyword(keyword)) return List.of();
    int at = p.offset();
    p.parsePunct("(");
    List<UnresolvedOperand> ops = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    if (!p.parseOptionalPunct(")")) {
      do ops.add(p.parseOperand()); while (p.parseOptionalPunct(","));
      p.parsePunct(":");
      types.addAll(p.parseTypeList());
      p.parsePunct(")");
    }
    if (ops.size() != types.size()) throw p.error(at, ops.size() + " operands present, but expected " + types.size());
    return p.resolveOperands(ops, types, at);
  }

  static void printInsOuts(AsmPrinter p, List<Value> ins, List<Value> outs) {
    printGroup(p, "ins", ins);
    printGroup(p, "outs", outs);
  }

  private static void printGroup(AsmPrinter p, String keyword, List<Value> vs) {
    if (vs.isEmpty()) return;
    p.print(' ').print(keyword).print('(');
    p.printOperands(vs);
    p.print(" : ");
    for (int i = 0; i < vs.size(); i++) {
      if (i > 0) p.print(", ");
      p.printType(vs.get(i).type());
    }
    p.print(')');
  }

  /** The result types of a destination-style op: one per ranked tensor init. */
  static List<Type> tensorResults(List<Value> outs) {
    List<Type> l = new ArrayList<>();
    for (Value v : outs) if (v.type() instanceof RankedTensorType) l.add(v.type());
    return l;
  }

  /** {@code name = [1, 2]} into the property {@code name} (parseDenseI64ArrayAttr). */
  static void parseDenseI64Array(OpAsmParser p, OperationState st, String name) {
    p.parseKeyword(name);
    p.parsePunct("=");
    st.properties.add(new NamedAttribute(name, gvm.ir.def.AttrAsm.DENSE_I64_ARRAY.parse(p, name)));
  }

  /** {@code  name = [1, 2] } with MLIR's trailing space (printDenseI64ArrayAttr). */
  static void printDenseI64Array(AsmPrinter p, String name, Attribute a) {
    p.print(' ').print(name).print(" = ");
    gvm.ir.def.AttrAsm.DENSE_I64_ARRAY.print(a, p);
    p.print(' ');
  }

  static DenseArrayAttr i32Segments(int... sizes) {
    long[] v = new long[sizes.length];
    for (int i = 0; i < v.length; i++) v[i] = sizes[i];
    return new DenseArrayAttr(IntegerType.I32, v);
  }

  /** The element type of shaped {@code t}, else {@code t} (getElementTypeOrSelf). */
  static Type element(Type t) { return t instanceof ShapedType s ? s.elementType() : t; }

  /** A block with one argument per value, typed by the values' element types, located at {@code loc}. */
  static Block blockFor(List<Value> values, gvm.ir.attributes.Location loc) {
    Block b = new Block();
    for (Value v : values) b.addArgument(element(v.type()), loc);
    return b;
  }

  /** {@link #blockFor} with each argument at its value's location (transpose and broadcast do so). */
  static Block blockAtValues(List<Value> values) {
    Block b = new Block();
    for (Value v : values) b.addArgument(element(v.type()), locationOf(v));
    return b;
  }

  /** Where a value is defined: a block argument's location or its defining op's (MLIR's Value::getLoc). */
  static gvm.ir.attributes.Location locationOf(Value v) {
    if (v instanceof gvm.ir.BlockArgument a) return a.loc();
    if (v instanceof gvm.ir.OpResult r) return r.owner().loc();
    return gvm.ir.attributes.Location.UNKNOWN;
  }

  /** Splits a parsed attribute dictionary into {@code def}'s properties and discardable attributes. */
  static void addAttributes(OperationState st, OpDef def, List<NamedAttribute> attrs) {
    for (NamedAttribute a : attrs) {
      if (def != null && def.propertyIndex(a.name()) >= 0) st.properties.add(a);
      else st.attributes.add(a);
    }
  }

  /** Prints the op's discardable attributes, if any, as {@code  {a = 1}} (properties are left out). */
  static void printDiscardable(AsmPrinter p, Operation op, Set<String> elided) {
    p.printOptionalAttrDict(op.attributes().entries(), elided);
  }
}

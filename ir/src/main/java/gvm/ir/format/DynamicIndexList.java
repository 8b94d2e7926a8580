package gvm.ir.format;

import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.asm.UnresolvedOperand;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.format.CustomDirective.ArgKind;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.IntegerType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code custom<DynamicIndexList>($values, $static [, $scalables | type($values)])}: a mixed list
 * {@code [%a, 4, [8]]} of SSA values and integers, as MLIR's ViewLikeInterface parse/print
 * DynamicIndexList. Integers go to the DenseI64ArrayAttr {@code $static} with
 * {@link ShapedType#DYNAMIC} where a value stands; {@code [n]} marks a scalable entry (recorded in
 * a DenseBoolArrayAttr third argument when there is one); a {@code type($values)} third argument
 * reads {@code %a : index} entries.
 */
final class DynamicIndexList implements CustomDirective {
  @Override public String checkArgs(List<ArgKind> kinds, List<Boolean> refs) {
    boolean ok = (kinds.size() == 2 || kinds.size() == 3) && kinds.get(0) == ArgKind.OPERAND && kinds.get(1) == ArgKind.ATTRIBUTE
        && (kinds.size() == 2 || kinds.get(2) == ArgKind.ATTRIBUTE || kinds.get(2) == ArgKind.TYPE);
    return ok ? null : "expected ($values, $static_values) with an optional third $scalables or type($values)";
  }

  @Override public boolean parse(OpAsmParser p, ParseArgs args) {
    boolean withTypes = args.size() == 3 && args.kind(2) == ArgKind.TYPE;
    boolean withScalables = args.size() == 3 && args.kind(2) == ArgKind.ATTRIBUTE;
    List<UnresolvedOperand> values = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    List<Long> ints = new ArrayList<>();
    List<Boolean> scalables = new ArrayList<>();
    if (!p.parseOptionalPunct("[")) throw p.error(p.offset(), "expected '[' in dynamic index list");
    if (!p.parseOptionalPunct("]")) {
      while (true) {
        // MLIR's order: an optional value, then an optional `[` opening a scalable entry.
        UnresolvedOperand v = p.parseOptionalOperand();
        boolean scalable = p.parseOptionalPunct("[");
        scalables.add(scalable);
        if (v != null) {
          values.add(v);
          ints.add(ShapedType.DYNAMIC);
          if (withTypes) types.add(p.parseColonType());
        } else {
          ints.add(p.parseInteger());
        }
        if (scalable) p.parsePunct("]");
        if (p.parseOptionalPunct(",")) continue;
        if (p.parseOptionalPunct("]")) break;
        throw p.error(p.offset(), "expected ']' in dynamic index list");
      }
    }
    long[] a = new long[ints.size()];
    long[] s = new long[ints.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = ints.get(i);
      s[i] = scalables.get(i) ? -1 : 0;
    }
    args.setOperands(0, values);
    args.setAttr(1, new DenseArrayAttr(IntegerType.I64, a));
    if (withScalables) args.setAttr(2, new DenseArrayAttr(IntegerType.I1, s));
    if (withTypes) args.setTypes(2, types);
    return true;
  }

  @Override public void print(AsmPrinter p, Operation op, PrintArgs args) {
    List<Value> values = args.values(0);
    Attribute ints = args.attr(1);
    Attribute sc = args.size() == 3 && args.kind(2) == ArgKind.ATTRIBUTE ? args.attr(2) : null;
    List<Type> types = args.size() == 3 && args.kind(2) == ArgKind.TYPE ? args.types(2) : List.of();
    p.print('[');
    if (ints instanceof DenseArrayAttr d) {
      int dyn = 0;
      for (int i = 0; i < d.size(); i++) {
        if (i > 0) p.print(", ");
        boolean scalable = sc instanceof DenseArrayAttr s && i < s.size() && s.get(i) != 0;
        if (scalable) p.print('[');
        if (d.get(i) == ShapedType.DYNAMIC) {
          p.printOperand(dyn < values.size() ? values.get(dyn) : null);
          if (dyn < types.size()) {
            p.print(" : ");
            p.printType(types.get(dyn));
          }
          dyn++;
        } else {
          p.print(d.get(i));
        }
        if (scalable) p.print(']');
      }
    }
    p.print(']');
  }
}

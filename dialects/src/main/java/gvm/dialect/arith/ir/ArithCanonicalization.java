package gvm.dialect.arith.ir;

import static gvm.dialect.arith.ir.ConstFold.intBinary;
import static gvm.dialect.arith.ir.ConstFold.isAllOnes;
import static gvm.dialect.arith.ir.IntegerOps.defining;

import gvm.dialect.arith.ir.IntegerOps.AddIOp;
import gvm.dialect.arith.ir.IntegerOps.MulIOp;
import gvm.dialect.arith.ir.IntegerOps.SubIOp;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.def.OpDef;
import gvm.ir.rewrite.Folding;
import gvm.ir.rewrite.PatternRewriter;
import java.util.List;

/**
 * The canonicalization patterns of arith's integer ops (ArithCanonicalization.td). Each pattern
 * re-associates a constant through a chain of two ops; the new op carries the flags both had.
 */
final class ArithCanonicalization {
  private ArithCanonicalization() {}

  private interface Combine { long apply(long c0, long c1); }

  /**
   * Matches {@code root(inner(...), c1)} or, with {@code rootConstLhs}, {@code root(c1, inner(...))},
   * where inner has a constant at position {@code innerConstPos}; builds {@code newDef(x, k)} or
   * {@code newDef(k, x)} with {@code k = combine(c0, c1)}.
   */
  private static boolean reassociate(Operation root, PatternRewriter r, boolean rootConstLhs, OpDef innerDef, int innerConstPos,
      OpDef newDef, boolean newConstLhs, Combine combine) {
    Value innerVal = root.operand(rootConstLhs ? 1 : 0);
    Attribute c1 = Folding.constantValue(root.operand(rootConstLhs ? 0 : 1));
    Operation inner = defining(innerVal, innerDef);
    if (c1 == null || inner == null) return false;
    Attribute c0 = Folding.constantValue(inner.operand(innerConstPos));
    if (c0 == null) return false;
    Attribute k = intBinary(c0, c1, root.result(0).type(), (a, b, w) -> combine.apply(a, b));
    if (k == null) return false;
    Value x = inner.operand(1 - innerConstPos);
    r.setInsertionPoint(root);
    Value kv = ConstantOp.build(r, root.loc(), k);
    int flags = flags(root) & flags(inner);
    Operation n = r.create(newDef, root.loc(), newConstLhs ? List.of(kv, x) : List.of(x, kv), List.of(root.result(0).type()),
        List.of(new NamedAttribute("overflowFlags", new IntegerOverflowFlagsAttr(flags))));
    r.replaceOp(root, n);
    return true;
  }

  private static int flags(Operation op) {
    return op.prop("overflowFlags") instanceof IntegerOverflowFlagsAttr f ? f.flags() : 0;
  }

  // addi(addi(x, c0), c1) -> addi(x, c0 + c1)
  static boolean addIAddConstant(Operation op, PatternRewriter r) {
    return reassociate(op, r, false, AddIOp.DEF, 1, AddIOp.DEF, false, (c0, c1) -> c0 + c1);
  }

  // addi(subi(x, c0), c1) -> addi(x, c1 - c0)
  static boolean addISubConstantRHS(Operation op, PatternRewriter r) {
    return reassociate(op, r, false, SubIOp.DEF, 1, AddIOp.DEF, false, (c0, c1) -> c1 - c0);
  }

  // addi(subi(c0, x), c1) -> subi(c0 + c1, x)
  static boolean addISubConstantLHS(Operation op, PatternRewriter r) {
    return reassociate(op, r, false, SubIOp.DEF, 0, SubIOp.DEF, true, (c0, c1) -> c0 + c1);
  }

  // addi(x, muli(y, -1)) -> subi(x, y), and addi(muli(y, -1), x) -> subi(x, y)
  static boolean addIMulNegativeOne(Operation op, PatternRewriter r) {
    for (int i = 1; i >= 0; i--) {
      Operation mul = defining(op.operand(i), MulIOp.DEF);
      if (mul == null || !isAllOnes(Folding.constantValue(mul.operand(1)))) continue;
      r.setInsertionPoint(op);
      Operation n = r.create(SubIOp.DEF, op.loc(), List.of(op.operand(1 - i), mul.operand(0)), List.of(op.result(0).type()),
          List.of(new NamedAttribute("overflowFlags", IntegerOverflowFlagsAttr.NONE)));
      r.replaceOp(op, n);
      return true;
    }
    return false;
  }

  // subi(addi(x, c0), c1) -> addi(x, c0 - c1)
  static boolean subIRHSAddConstant(Operation op, PatternRewriter r) {
    return reassociate(op, r, false, AddIOp.DEF, 1, AddIOp.DEF, false, (c0, c1) -> c0 - c1);
  }

  // subi(c1, addi(x, c0)) -> subi(c1 - c0, x)
  static boolean subILHSAddConstant(Operation op, PatternRewriter r) {
    return reassociate(op, r, true, AddIOp.DEF, 1, SubIOp.DEF, true, (c0, c1) -> c1 - c0);
  }

  // subi(subi(x, c0), c1) -> subi(x, c0 + c1); subi(subi(c0, x), c1) -> subi(c0 - c1, x)
  static boolean subIRHSSubConstant(Operation op, PatternRewriter r) {
    return reassociate(op, r, false, SubIOp.DEF, 1, SubIOp.DEF, false, (c0, c1) -> c0 + c1)
        || reassociate(op, r, false, SubIOp.DEF, 0, SubIOp.DEF, true, (c0, c1) -> c0 - c1);
  }

  // subi(c1, subi(x, c0)) -> subi(c0 + c1, x); subi(c1, subi(c0, x)) -> addi(x, c1 - c0)
  static boolean subILHSSubConstant(Operation op, PatternRewriter r) {
    return reassociate(op, r, true, SubIOp.DEF, 1, SubIOp.DEF, true, (c0, c1) -> c0 + c1)
        || reassociate(op, r, true, SubIOp.DEF, 0, AddIOp.DEF, false, (c0, c1) -> c1 - c0);
  }

  // subi(subi(a, b), a) -> subi(0, b)
  static boolean subISubILHSRHSLHS(Operation op, PatternRewriter r) {
    Operation inner = defining(op.operand(0), SubIOp.DEF);
    if (inner == null || inner.operand(0) != op.operand(1)) return false;
    Attribute zero = ConstFold.intConstant(op.result(0).type(), 0);
    if (zero == null) return false;
    r.setInsertionPoint(op);
    Value z = ConstantOp.build(r, op.loc(), zero);
    Operation n = r.create(SubIOp.DEF, op.loc(), List.of(z, inner.operand(1)), List.of(op.result(0).type()),
        List.of(new NamedAttribute("overflowFlags", IntegerOverflowFlagsAttr.NONE)));
    r.replaceOp(op, n);
    return true;
  }

  // muli(muli(x, c0), c1) -> muli(x, c0 * c1)
  static boolean mulIMulIConstant(Operation op, PatternRewriter r) {
    return reassociate(op, r, false, MulIOp.DEF, 1, MulIOp.DEF, false, (c0, c1) -> c0 * c1);
  }
}

package gvm.ir.rewrite;

import gvm.ir.OpOperand;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.Attribute;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an op's folder and, when it fails, the folds its traits imply (MLIR's Operation::fold with
 * foldTraits): constants to the right of commutative ops, {@code f(x, x) -> x} and {@code f(f(x)) -> f(x)}
 * for idempotent ops, {@code f(f(x)) -> x} for involutions.
 */
public final class Folding {
  private static final Attribute[] NO_ATTRS = new Attribute[0];

  private Folding() {}

  /**
   * Folds {@code op} with the constants its operands are known to be.
   *
   * @return whether it folded; {@code results} then holds one entry per result, or none after an in-place update
   */
  public static boolean fold(Operation op, List<OpFoldResult> results) {
    return fold(op, constantOperands(op), results);
  }

  /** As {@link #fold(Operation, List)} with the constant operands given. */
  public static boolean fold(Operation op, Attribute[] operands, List<OpFoldResult> results) {
    OpDef def = op.def();
    if (def == null) return false;
    Folder f = def.folder();
    if (f != null) {
      int before = results.size();
      if (f.fold(op, operands, results)) {
        // A single-result in-place fold still lets the traits try (as MLIR's foldSingleResultHook).
        if (results.size() > before || op.numResults() != 1) return true;
        foldTraits(op, operands, results);
        return true;
      }
      results.subList(before, results.size()).clear();
    }
    return foldTraits(op, operands, results);
  }

  /** The constant each operand is defined by, or null entries. */
  public static Attribute[] constantOperands(Operation op) {
    int n = op.numOperands();
    if (n == 0) return NO_ATTRS;
    Attribute[] a = new Attribute[n];
    for (int i = 0; i < n; i++) a[i] = constantValue(op.operand(i));
    return a;
  }

  /** The attribute {@code v} is known to be, if its definer is a constant-like op (MLIR's m_Constant), else null. */
  public static Attribute constantValue(Value v) {
    Operation d = v == null ? null : v.definingOp();
    return d == null ? null : constantOf(d);
  }

  /** The value of a constant-like op, by folding it, or null if {@code op} is not one. */
  public static Attribute constantOf(Operation op) {
    if (!op.hasTrait(Trait.CONSTANT_LIKE) || op.numResults() != 1) return null;
    Folder f = op.def().folder();
    if (f == null) return null;
    List<OpFoldResult> r = new ArrayList<>(1);
    if (!f.fold(op, NO_ATTRS, r) || r.size() != 1) return null;
    return r.get(0).attribute();
  }

  private static boolean foldTraits(Operation op, Attribute[] operands, List<OpFoldResult> results) {
    OpDef def = op.def();
    if (def.hasTrait(Trait.COMMUTATIVE) && moveConstantsRight(op, operands)) return true;
    if (op.numResults() != 1) return false;
    if (def.hasTrait(Trait.IDEMPOTENT)) {
      // f(x, x) -> x
      if (op.numOperands() == 2 && op.operand(0) == op.operand(1)) return add(results, op.operand(0));
      // f(f(x)) -> f(x)
      if (op.numOperands() == 1 && isSameOp(op, op.operand(0))) return add(results, op.operand(0));
    }
    if (def.hasTrait(Trait.INVOLUTION) && op.numOperands() == 1 && isSameOp(op, op.operand(0))) {
      // f(f(x)) -> x
      return add(results, op.operand(0).definingOp().operand(0));
    }
    return false;
  }

  private static boolean isSameOp(Operation op, Value v) {
    Operation d = v.definingOp();
    return d != null && d.opName() == op.opName() && d.numOperands() == 1;
  }

  private static boolean add(List<OpFoldResult> results, Value v) {
    results.add(OpFoldResult.of(v));
    return true;
  }

  /** Stable partition of the operands, non-constants first (MLIR's foldCommutative); true if anything moved. */
  private static boolean moveConstantsRight(Operation op, Attribute[] operands) {
    int n = op.numOperands();
    if (n < 2) return false;
    int firstConst = 0;
    while (firstConst < n && operands[firstConst] == null) firstConst++;
    boolean nonConstAfter = false;
    for (int i = firstConst + 1; i < n; i++) if (operands[i] == null) nonConstAfter = true;
    if (!nonConstAfter) return false;
    List<Value> vals = new ArrayList<>(n);
    Attribute[] sorted = new Attribute[n];
    int k = 0;
    for (int i = 0; i < n; i++) if (operands[i] == null) vals.add(op.operand(i));
    for (int i = 0; i < n; i++) if (operands[i] != null) vals.add(op.operand(i));
    for (int i = 0; i < n; i++) if (operands[i] == null) sorted[k++] = null;
    for (int i = 0; i < n; i++) if (operands[i] != null) sorted[k++] = operands[i];
    for (int i = 0; i < n; i++) {
      OpOperand slot = op.operandSlot(i);
      if (slot.get() != vals.get(i)) slot.set(vals.get(i));
      operands[i] = sorted[i];
    }
    return true;
  }
}

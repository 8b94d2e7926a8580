package gvm.ir.rewrite;

import gvm.ir.Operation;
import gvm.ir.attributes.Attribute;
import java.util.List;

/**
 * An op's folder, declared with its definition (MLIR's {@code fold} hook). {@code operands} holds,
 * per operand, the constant it is known to be or null. Folding never creates or erases ops: the
 * answer is existing values and constants, or an in-place update of the op itself.
 */
@FunctionalInterface
public interface Folder {
  /**
   * Folds {@code op}: on success either appends one result per op result to {@code results}, or
   * leaves {@code results} empty after updating {@code op} in place.
   *
   * @return whether the op folded
   */
  boolean fold(Operation op, Attribute[] operands, List<OpFoldResult> results);

  /** The folder of a single-result op: returns the replacement, {@code op.result(0)} for an in-place update, or null. */
  @FunctionalInterface
  interface Single {
    OpFoldResult fold(Operation op, Attribute[] operands);
  }

  /** Adapts a single-result folder. */
  static Folder of(Single f) {
    return (op, operands, results) -> {
      OpFoldResult r = f.fold(op, operands);
      if (r == null) return false;
      // In-place folds return the op's own result: MLIR reports them as success with no results.
      if (r.value() != op.result(0)) results.add(r);
      return true;
    };
  }
}

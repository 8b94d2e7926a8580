package gvm.ir;

import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/** An SSA value: an {@link OpResult} or a {@link BlockArgument}, with an intrusive use list. */
public abstract sealed class Value permits OpResult, BlockArgument {
  private Type type;
  OpOperand firstUse;

  Value(Type type) { this.type = type; }

  public Type type() { return type; }

  public void setType(Type t) { this.type = t; }

  /** The op that defines this value, or null for a block argument. */
  public abstract Operation definingOp();

  /** The block this value is defined in. */
  public abstract Block parentBlock();

  public boolean hasUses() { return firstUse != null; }

  public boolean hasOneUse() { return firstUse != null && firstUse.nextUse == null; }

  /** The uses, in use-list order (most recent first, as MLIR). */
  public List<OpOperand> uses() {
    List<OpOperand> l = new ArrayList<>();
    for (OpOperand u = firstUse; u != null; u = u.nextUse) l.add(u);
    return l;
  }

  public OpOperand firstUse() { return firstUse; }

  /** Points every use of this value at {@code with}. */
  public void replaceAllUsesWith(Value with) {
    if (with == this) return;
    while (firstUse != null) firstUse.set(with);
  }
}

package gvm.ir;

/** Operand slot {@code index} of {@code owner}: a node in its value's use list. */
public final class OpOperand {
  private final Operation owner;
  private final int index;
  private Value value;
  OpOperand nextUse;
  private OpOperand prevUse;

  OpOperand(Operation owner, int index, Value value) {
    this.owner = owner;
    this.index = index;
    link(value);
  }

  public Operation owner() { return owner; }

  public int index() { return index; }

  public Value get() { return value; }

  public OpOperand nextUse() { return nextUse; }

  /** Repoints this operand, updating both use lists. */
  public void set(Value v) {
    if (v == value) return;
    unlink();
    link(v);
  }

  void link(Value v) {
    value = v;
    if (v == null) return;
    nextUse = v.firstUse;
    if (nextUse != null) nextUse.prevUse = this;
    prevUse = null;
    v.firstUse = this;
  }

  void unlink() {
    if (value == null) return;
    if (prevUse != null) prevUse.nextUse = nextUse; else value.firstUse = nextUse;
    if (nextUse != null) nextUse.prevUse = prevUse;
    nextUse = prevUse = null;
    value = null;
  }
}

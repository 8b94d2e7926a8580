package gvm.ir;

import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/** An SSA value: an {@link OpResult} or a {@link BlockArgument}, with an intrusive use list. */
public abstract sealed class Value permits OpResult, BlockArgument {
  /** Racy on purpose: concurrent creators may share a hash, which only costs a collision. */
  private static int hashSeed;

  private Type type;
  OpOperand firstUse;
  /** A cheap, well-spread hash fixed at creation, so maps keyed by values need no identity hash. */
  private final int hash;

  Value(Type type) {
    this.type = type;
    this.hash = hashSeed += 0x9E3779B9;
  }

  // Scratch for the printer's SSA numbering (gvm.ir.print.SsaNames): the owner tells whose
  // number it is, so a stale or foreign entry is never taken for the current printer's.
  private Object printOwner;
  private int printSlot;

  /** The printer that numbered this value last (printer use only). */
  public Object printOwner() { return printOwner; }

  /** The number given by {@link #printOwner()} (printer use only). */
  public int printSlot() { return printSlot; }

  /** Records a printer's number for this value (printer use only). */
  public void setPrintSlot(Object owner, int slot) {
    this.printOwner = owner;
    this.printSlot = slot;
  }

  /** Values are equal only to themselves. */
  @Override public final boolean equals(Object o) { return this == o; }

  @Override public final int hashCode() { return hash; }

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

package gvm.ir;

import gvm.ir.attributes.Location;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** A basic block: arguments and an intrusive list of operations, in a region. */
public final class Block implements Iterable<Operation> {
  private final ArrayList<BlockArgument> args = new ArrayList<>(2);
  Operation first, last;
  Region parent;
  BlockOperand firstPred;
  /** Set when op order indices are stale (see {@link Operation#isBeforeInBlock}). */
  boolean orderValid;

  public Block() {}

  public Region parent() { return parent; }

  /** The op that owns the region holding this block, or null. */
  public Operation parentOp() { return parent == null ? null : parent.parentOp(); }

  public List<BlockArgument> arguments() { return args; }

  public BlockArgument argument(int i) { return args.get(i); }

  public int numArguments() { return args.size(); }

  public BlockArgument addArgument(Type type, Location loc) {
    BlockArgument a = new BlockArgument(type, this, args.size(), loc);
    args.add(a);
    return a;
  }

  /** Erases an unused argument. */
  public void eraseArgument(int i) {
    if (args.get(i).hasUses()) throw new IllegalStateException("erasing a used block argument");
    args.remove(i);
    for (int k = i; k < args.size(); k++) args.get(k).index = k;
  }

  public Operation first() { return first; }

  public Operation last() { return last; }

  public boolean isEmpty() { return first == null; }

  /** The last op, if it is a terminator-shaped op (null for an empty block). */
  public Operation terminator() { return last; }

  public boolean isEntryBlock() { return parent != null && parent.front() == this; }

  /** Appends an op that has no block. */
  public void append(Operation op) { insertBefore(null, op); }

  /** Inserts {@code op} before {@code before} (null: at the end). */
  public void insertBefore(Operation before, Operation op) {
    if (op.block != null) throw new IllegalStateException("op already in a block");
    op.block = this;
    if (before == null) {
      op.prev = last;
      op.next = null;
      if (last != null) last.next = op; else first = op;
      last = op;
      if (orderValid && op.prev != null) op.orderIndex = op.prev.orderIndex + 1; else orderValid = false;
      if (op.prev == null) op.orderIndex = 0;
    } else {
      op.next = before;
      op.prev = before.prev;
      if (before.prev != null) before.prev.next = op; else first = op;
      before.prev = op;
      orderValid = false;
    }
  }

  void unlink(Operation op) {
    if (op.prev != null) op.prev.next = op.next; else first = op.next;
    if (op.next != null) op.next.prev = op.prev; else last = op.prev;
    op.prev = op.next = null;
    op.block = null;
  }

  /** Predecessor terminators' successor slots pointing here. */
  public List<Block> predecessors() {
    List<Block> l = new ArrayList<>();
    for (BlockOperand p = firstPred; p != null; p = p.nextUse) l.add(p.owner().parentBlock());
    return l;
  }

  public BlockOperand firstPredecessorUse() { return firstPred; }

  public boolean hasPredecessors() { return firstPred != null; }

  /** Operations in order, as a list snapshot (safe to mutate the block while walking it). */
  public List<Operation> operations() {
    List<Operation> l = new ArrayList<>();
    for (Operation o = first; o != null; o = o.next) l.add(o);
    return l;
  }

  @Override public Iterator<Operation> iterator() {
    return new Iterator<>() {
      Operation cur = first;

      @Override public boolean hasNext() { return cur != null; }

      @Override public Operation next() {
        if (cur == null) throw new NoSuchElementException();
        Operation r = cur;
        cur = cur.next;
        return r;
      }
    };
  }

  void renumber() {
    int i = 0;
    for (Operation o = first; o != null; o = o.next) o.orderIndex = i++;
    orderValid = true;
  }

  /** Removes this block from its region and drops its ops' references. */
  public void erase() {
    for (Operation o = last; o != null; ) {
      Operation p = o.prev;
      o.dropAllReferences();
      o = p;
    }
    if (parent != null) parent.remove(this);
  }
}

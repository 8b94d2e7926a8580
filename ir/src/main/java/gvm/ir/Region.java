package gvm.ir;

import java.util.ArrayList;
import java.util.List;

/** A list of blocks owned by an operation. */
public final class Region {
  private final ArrayList<Block> blocks = new ArrayList<>(1);
  private final Operation parent;

  Region(Operation parent) { this.parent = parent; }

  public Operation parentOp() { return parent; }

  public List<Block> blocks() { return blocks; }

  public boolean isEmpty() { return blocks.isEmpty(); }

  public Block front() { return blocks.isEmpty() ? null : blocks.get(0); }

  public int indexOf(Block b) { return blocks.indexOf(b); }

  public void addBlock(Block b) { insert(blocks.size(), b); }

  public void insert(int index, Block b) {
    if (b.parent != null) throw new IllegalStateException("block already in a region");
    b.parent = this;
    blocks.add(index, b);
  }

  void remove(Block b) {
    blocks.remove(b);
    b.parent = null;
  }

  /** Detaches {@code b} (with its ops) from this region, keeping its contents, so it can move elsewhere. */
  public void removeBlock(Block b) {
    if (b.parent != this) throw new IllegalArgumentException("block is not in this region");
    remove(b);
  }

  /** Moves all blocks of {@code other} to the end of this region. */
  public void takeBody(Region other) {
    for (Block b : new ArrayList<>(other.blocks)) {
      other.remove(b);
      addBlock(b);
    }
  }

  /** The region's index in its parent op. */
  public int index() {
    for (int i = 0; i < parent.numRegions(); i++) if (parent.region(i) == this) return i;
    return -1;
  }

  /** True if this region is {@code other} or nested inside it. */
  public boolean isProperAncestorOrSelf(Region other) {
    for (Region r = other; r != null; ) {
      if (r == this) return true;
      Operation op = r.parent;
      Block b = op == null ? null : op.parentBlock();
      r = b == null ? null : b.parent();
    }
    return false;
  }

  /** Clones this region's blocks into {@code dest}, recording the mapping (two passes so forward references resolve). */
  public void cloneInto(Region dest, IRMapping map) {
    for (Block b : blocks) {
      Block nb = new Block();
      for (BlockArgument a : b.arguments()) map.map(a, nb.addArgument(a.type(), a.loc()));
      map.map(b, nb);
      dest.addBlock(nb);
    }
    for (Block b : blocks) {
      Block nb = map.lookup(b);
      for (Operation o = b.first; o != null; o = o.nextOp()) nb.append(o.clone(map));
    }
  }
}

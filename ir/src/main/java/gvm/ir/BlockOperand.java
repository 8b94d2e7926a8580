package gvm.ir;

/** Successor slot {@code index} of a terminator: a node in the target block's predecessor list. */
public final class BlockOperand {
  private final Operation owner;
  private final int index;
  private Block block;
  BlockOperand nextUse;
  private BlockOperand prevUse;

  BlockOperand(Operation owner, int index, Block block) {
    this.owner = owner;
    this.index = index;
    link(block);
  }

  public Operation owner() { return owner; }

  public int index() { return index; }

  public Block get() { return block; }

  public BlockOperand nextUse() { return nextUse; }

  public void set(Block b) {
    if (b == block) return;
    unlink();
    link(b);
  }

  private void link(Block b) {
    block = b;
    if (b == null) return;
    nextUse = b.firstPred;
    if (nextUse != null) nextUse.prevUse = this;
    prevUse = null;
    b.firstPred = this;
  }

  void unlink() {
    if (block == null) return;
    if (prevUse != null) prevUse.nextUse = nextUse; else block.firstPred = nextUse;
    if (nextUse != null) nextUse.prevUse = prevUse;
    nextUse = prevUse = null;
    block = null;
  }
}

package gvm.ir;

import gvm.ir.attributes.Location;
import gvm.ir.types.Type;

/** Argument {@code index} of a block, with its own location. */
public final class BlockArgument extends Value {
  private final Block owner;
  int index;
  private Location loc;

  BlockArgument(Type type, Block owner, int index, Location loc) {
    super(type);
    this.owner = owner;
    this.index = index;
    this.loc = loc;
  }

  public Block owner() { return owner; }

  public int index() { return index; }

  public Location loc() { return loc; }

  public void setLoc(Location loc) { this.loc = loc; }

  @Override public Operation definingOp() { return null; }

  @Override public Block parentBlock() { return owner; }
}

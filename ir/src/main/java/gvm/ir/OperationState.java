package gvm.ir;

import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/** Everything needed to create an op; filled by builders and the parser. */
public final class OperationState {
  public final OperationName name;
  public Location loc;
  public final List<Value> operands = new ArrayList<>(4);
  public final List<Type> resultTypes = new ArrayList<>(2);
  public final List<NamedAttribute> properties = new ArrayList<>(4);
  public final List<NamedAttribute> attributes = new ArrayList<>(2);
  public final List<Block> successors = new ArrayList<>(0);
  /** Regions to take the blocks from; null entries stay empty. */
  public final List<Region> regions = new ArrayList<>(0);
  /** For unregistered ops: the {@code <{...}>} attribute as written. */
  public Attribute opaqueProperties;
  private int extraRegions;

  public OperationState(Location loc, OperationName name) {
    this.loc = loc;
    this.name = name;
  }

  /** Adds an empty region slot. */
  public void addRegion() { regions.add(null); }

  /** Adds a region whose blocks will move into the op. */
  public void addRegion(Region r) { regions.add(r); }

  public int numRegions() { return regions.size() + extraRegions; }

  public void addProperty(String n, Attribute a) { properties.add(new NamedAttribute(n, a)); }

  public void addAttribute(String n, Attribute a) { attributes.add(new NamedAttribute(n, a)); }

  /** A detached region (owned by no op) for parsers to fill before the op exists. */
  public static Region newDetachedRegion() { return new Region(null); }
}

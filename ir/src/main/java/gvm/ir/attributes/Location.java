package gvm.ir.attributes;

import java.util.List;

/** Source locations, as MLIR's builtin location attributes. */
public sealed interface Location extends Attribute
    permits Location.Unknown, Location.FileLineCol, Location.Name, Location.CallSite, Location.Fused {
  Unknown UNKNOWN = new Unknown();

  /** {@code loc(unknown)}. */
  record Unknown() implements Location {}

  /** {@code loc("file":line:col)}. */
  record FileLineCol(String file, int line, int column) implements Location {}

  /** {@code loc("name"(child))}; child is {@link #UNKNOWN} when not written. */
  record Name(String name, Location child) implements Location {}

  /** {@code loc(callsite(callee at caller))}. */
  record CallSite(Location callee, Location caller) implements Location {}

  /** {@code loc(fused<metadata>[a, b])}; metadata is null when absent. */
  record Fused(List<Location> locations, Attribute metadata) implements Location {
    public Fused { locations = HashedList.copyOf(locations); }
  }

  /** The first file:line:col found in this location, or null. */
  default FileLineCol findFileLineCol() {
    if (this instanceof FileLineCol f) return f;
    if (this instanceof Name n) return n.child().findFileLineCol();
    if (this instanceof CallSite c) return c.callee().findFileLineCol();
    if (this instanceof Fused f) {
      for (Location l : f.locations()) {
        FileLineCol r = l.findFileLineCol();
        if (r != null) return r;
      }
    }
    return null;
  }
}

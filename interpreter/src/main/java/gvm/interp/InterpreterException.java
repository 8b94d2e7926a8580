package gvm.interp;

import gvm.ir.attributes.Location;

/** A run-time failure at an op's location; printed as {@code file:line:col: error: message}. */
public final class InterpreterException extends RuntimeException {
  private final Location loc;

  public InterpreterException(Location loc, String message) {
    super(message, null, false, false);
    this.loc = loc == null ? Location.UNKNOWN : loc;
  }

  public Location loc() { return loc; }

  /** {@code file:line:col: error: message}, or {@code <unknown>:0: error: message} without a file position. */
  public String render() {
    Location.FileLineCol f = fileLineCol(loc);
    if (f != null) return f.file() + ":" + f.line() + ":" + f.column() + ": error: " + getMessage();
    String name = name(loc);
    return "<unknown>:0: error: " + (name == null ? "" : "loc(\"" + name + "\"): ") + getMessage();
  }

  private static Location.FileLineCol fileLineCol(Location loc) {
    if (loc instanceof Location.FileLineCol f) return f;
    if (loc instanceof Location.Name n) return n.child() == null ? null : fileLineCol(n.child());
    if (loc instanceof Location.CallSite c) return fileLineCol(c.callee()) != null ? fileLineCol(c.callee()) : fileLineCol(c.caller());
    if (loc instanceof Location.Fused fused)
      for (Location l : fused.locations()) if (fileLineCol(l) != null) return fileLineCol(l);
    return null;
  }

  private static String name(Location loc) {
    if (loc instanceof Location.Name n) return n.name();
    if (loc instanceof Location.Fused fused) for (Location l : fused.locations()) if (name(l) != null) return name(l);
    return null;
  }
}

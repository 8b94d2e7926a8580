package gvm.ir;

import gvm.ir.attributes.Location;
import java.util.ArrayList;
import java.util.List;

/** A located message with notes, as MLIR's Diagnostic. */
public final class Diagnostic {
  public enum Severity { ERROR, WARNING, NOTE, REMARK }

  private final Severity severity;
  private final Location loc;
  private final String message;
  private final List<Diagnostic> notes = new ArrayList<>();

  public Diagnostic(Severity severity, Location loc, String message) {
    this.severity = severity;
    this.loc = loc;
    this.message = message;
  }

  public Severity severity() { return severity; }

  public Location loc() { return loc; }

  public String message() { return message; }

  public List<Diagnostic> notes() { return notes; }

  public Diagnostic attachNote(Location l, String msg) {
    notes.add(new Diagnostic(Severity.NOTE, l, msg));
    return this;
  }

  @Override public String toString() { return severity.name().toLowerCase() + ": " + message; }
}

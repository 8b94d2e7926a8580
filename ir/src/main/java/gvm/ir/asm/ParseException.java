package gvm.ir.asm;

/**
 * A parse error at a byte offset of the current buffer (the driver turns it into FILE:LINE:COL) or
 * at an explicit location; it may carry further errors reported together with it (MLIR reports
 * every undeclared SSA name, not only the first).
 */
public final class ParseException extends RuntimeException {
  private final int offset;
  private final transient gvm.ir.attributes.Location location;
  private final transient java.util.List<Object[]> notes = new java.util.ArrayList<>();
  private final transient java.util.List<ParseException> further = new java.util.ArrayList<>();

  public ParseException(int offset, String message) {
    super(message, null, false, false);
    this.offset = offset;
    this.location = null;
  }

  /** An error at {@code location} rather than at a position of the buffer (its offset is -1). */
  public ParseException(gvm.ir.attributes.Location location, String message) {
    super(message, null, false, false);
    this.offset = -1;
    this.location = location;
  }

  public int offset() { return offset; }

  /** The explicit location, or null when the error is at {@link #offset()}. */
  public gvm.ir.attributes.Location location() { return location; }

  /** Errors reported after this one, in order. */
  public java.util.List<ParseException> further() { return further; }

  public ParseException also(ParseException e) {
    further.add(e);
    return this;
  }

  /** Notes as (offset or Location, message) pairs. */
  public java.util.List<Object[]> notes() { return notes; }

  public ParseException note(Object where, String msg) {
    notes.add(new Object[] {where, msg});
    return this;
  }
}

package gvm.ir.asm;

/** A parse error at a byte offset of the current buffer; the driver turns it into FILE:LINE:COL. */
public final class ParseException extends RuntimeException {
  private final int offset;
  private final transient java.util.List<Object[]> notes = new java.util.ArrayList<>();

  public ParseException(int offset, String message) {
    super(message, null, false, false);
    this.offset = offset;
  }

  public int offset() { return offset; }

  /** Notes as (offset or Location, message) pairs. */
  public java.util.List<Object[]> notes() { return notes; }

  public ParseException note(Object where, String msg) {
    notes.add(new Object[] {where, msg});
    return this;
  }
}

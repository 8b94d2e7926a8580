package gvm.ir;

/** Carries a diagnostic out of a verifier, pass or parser hook; callers report it, never the stack trace. */
public final class DiagnosticException extends RuntimeException {
  private final Diagnostic diagnostic;
  /** The op the diagnostic is about, or null; drivers use it to attach "see current operation". */
  private final Operation op;

  public DiagnosticException(Diagnostic d, Operation op) {
    super(d.message(), null, false, false);
    this.diagnostic = d;
    this.op = op;
  }

  public Diagnostic diagnostic() { return diagnostic; }

  public Operation op() { return op; }

  public DiagnosticException attachNote(gvm.ir.attributes.Location l, String msg) {
    diagnostic.attachNote(l, msg);
    return this;
  }
}

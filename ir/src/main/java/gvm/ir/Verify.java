package gvm.ir;

import gvm.ir.attributes.Location;

/** Builders for verifier failures with MLIR's wording: {@code 'arith.addi' op requires ...}. */
public final class Verify {
  private Verify() {}

  /** {@code 'NAME' op MSG} located at the op. */
  public static DiagnosticException opError(Operation op, String msg) {
    return new DiagnosticException(new Diagnostic(Diagnostic.Severity.ERROR, op.loc(), "'" + op.name() + "' op " + msg), op);
  }

  /** {@code MSG} located at the op, without the op-name prefix (MLIR's emitError). */
  public static DiagnosticException error(Operation op, String msg) {
    return new DiagnosticException(new Diagnostic(Diagnostic.Severity.ERROR, op.loc(), msg), op);
  }

  public static DiagnosticException error(Location loc, String msg) {
    return new DiagnosticException(new Diagnostic(Diagnostic.Severity.ERROR, loc, msg), null);
  }
}

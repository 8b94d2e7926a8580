package gvm.testing.filecheck;

import java.util.ArrayList;
import java.util.List;

/**
 * An error tied to a span of a buffer, LLVM's {@code ErrorDiagnostic}: printed as
 * {@code FILE:L:C: error: MESSAGE}; the span also anchors the note in the input dump.
 */
record LocatedError(SourceText src, int start, int end, String message) {
  void print(DiagnosticPrinter printer) {
    printer.print(src, start, DiagnosticPrinter.Kind.ERROR, message);
  }

  /** Carries one or more errors out of a parser or evaluator (LLVM joins them into one Error). */
  static final class Thrown extends Exception {
    final List<LocatedError> errors = new ArrayList<>();

    Thrown(LocatedError error) {
      super(error.message(), null, false, false);
      errors.add(error);
    }

    Thrown join(Thrown other) {
      errors.addAll(other.errors);
      return this;
    }
  }
}

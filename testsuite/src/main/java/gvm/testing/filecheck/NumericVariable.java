package gvm.testing.filecheck;

import java.math.BigInteger;

/**
 * A numeric variable: its implicit format, the check-file line that defines it (-1 for none),
 * and its current value together with the input text it was captured from.
 */
final class NumericVariable {
  final String name;
  final ExpressionFormat implicitFormat;
  final int defLine;
  private BigInteger value;
  /** Offset of the captured text in the input, or -1 when the value did not come from a match. */
  private int capturedStart = -1;
  private int capturedEnd = -1;

  NumericVariable(String name, ExpressionFormat implicitFormat, int defLine) {
    this.name = name;
    this.implicitFormat = implicitFormat;
    this.defLine = defLine;
  }

  BigInteger value() {
    return value;
  }

  void setValue(BigInteger value) {
    this.value = value;
    capturedStart = capturedEnd = -1;
  }

  void setValue(BigInteger value, int start, int end) {
    this.value = value;
    capturedStart = start;
    capturedEnd = end;
  }

  void clearValue() {
    value = null;
    capturedStart = capturedEnd = -1;
  }

  int capturedStart() {
    return capturedStart;
  }

  int capturedEnd() {
    return capturedEnd;
  }
}

package gvm.ir.rewrite;

import gvm.ir.Value;
import gvm.ir.attributes.Attribute;

/**
 * What a folder produces for one result (MLIR's OpFoldResult): a constant attribute the driver
 * materializes as a constant op, or an existing value that replaces the result.
 */
public final class OpFoldResult {
  private final Attribute attr;
  private final Value value;

  private OpFoldResult(Attribute attr, Value value) {
    this.attr = attr;
    this.value = value;
  }

  /** A constant result; null gives null (no fold), so folders can pass through a failed computation. */
  public static OpFoldResult of(Attribute a) { return a == null ? null : new OpFoldResult(a, null); }

  /** An existing value; null gives null (no fold). */
  public static OpFoldResult of(Value v) { return v == null ? null : new OpFoldResult(null, v); }

  public boolean isAttribute() { return attr != null; }

  /** The constant, or null if this is a value. */
  public Attribute attribute() { return attr; }

  /** The value, or null if this is a constant. */
  public Value value() { return value; }

  @Override public String toString() { return attr != null ? "attr " + attr : "value " + value; }
}

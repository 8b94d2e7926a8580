package gvm.ir.attributes;

import gvm.ir.apfloat.APFloat;
import gvm.ir.types.FloatType;

/** A float constant stored as the bit pattern of its type (so f16/bf16/f8 values are exact). */
public record FloatAttr(FloatType type, long bits) implements Attribute {
  public static FloatAttr of(FloatType type, double v) {
    return new FloatAttr(type, APFloat.fromDouble(v, type.semantics()));
  }

  public double value() { return APFloat.toDouble(bits, type.semantics()); }
}

package gvm.ir.types;

import gvm.ir.apfloat.FloatSemantics;

/** {@code f16}, {@code bf16}, {@code f32}, {@code f64}, the f8 kinds, ...: one record per semantics. */
public record FloatType(FloatSemantics semantics) implements Type {
  public static final FloatType F16 = new FloatType(FloatSemantics.F16);
  public static final FloatType BF16 = new FloatType(FloatSemantics.BF16);
  public static final FloatType F32 = new FloatType(FloatSemantics.F32);
  public static final FloatType F64 = new FloatType(FloatSemantics.F64);

  public int width() { return semantics.bitWidth(); }
}

package gvm.cuda.codegen;

import java.util.Locale;

/** The element type 2-D weights are stored in on the device (the checkpoint's fp32 is converted at upload). */
public enum WeightType {
  F32("float", "v", 4),
  F16("__half", "__float2half(v)", 2),
  BF16("__nv_bfloat16", "__float2bfloat16(v)", 2);

  /** The CUDA C++ type. */
  public final String cType;
  /** The expression converting a float {@code v} to it. */
  public final String fromFloat;
  /** Bytes per element. */
  public final int bytes;

  WeightType(String cType, String fromFloat, int bytes) {
    this.cType = cType;
    this.fromFloat = fromFloat;
    this.bytes = bytes;
  }

  /** The spelling in names and options: {@code f32}, {@code f16}, {@code bf16}. */
  public String spelling() { return name().toLowerCase(Locale.ROOT); }

  /** Parses {@link #spelling()}; null if unknown. */
  public static WeightType parse(String s) {
    for (WeightType t : values()) if (t.spelling().equals(s)) return t;
    return null;
  }
}

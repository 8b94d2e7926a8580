package gvm.ir.apfloat;

/**
 * The binary floating-point formats that MLIR 19 has as builtin types, with the
 * parameters LLVM's {@code fltSemantics} gives them.
 *
 * <p>Only types that {@code mlir-opt} 19.1 accepts are listed: {@code f8E3M4},
 * {@code f8E8M0FNU}, {@code f6E3M2FN}, {@code f6E2M3FN} and {@code f4E2M1FN} are
 * rejected by its parser ("expected non-function type"), so they are absent.
 *
 * <p>Every format here stores, from the most significant bit down: one sign bit,
 * an exponent field, then the trailing significand. Only {@link #F80} (x87
 * extended precision) also stores the integer bit of the significand explicitly.
 */
public enum FloatSemantics {
  /** IEEE binary16. */
  F16("f16", 16, 11, -14, 15, NonFiniteBehavior.IEEE754, NanEncoding.IEEE),
  /** bfloat16: binary32's exponent range with an 8-bit significand. */
  BF16("bf16", 16, 8, -126, 127, NonFiniteBehavior.IEEE754, NanEncoding.IEEE),
  /** IEEE binary32. */
  F32("f32", 32, 24, -126, 127, NonFiniteBehavior.IEEE754, NanEncoding.IEEE),
  /** IEEE binary64. */
  F64("f64", 64, 53, -1022, 1023, NonFiniteBehavior.IEEE754, NanEncoding.IEEE),
  /** x87 80-bit extended precision, with an explicit integer bit. */
  F80("f80", 80, 64, -16382, 16383, NonFiniteBehavior.IEEE754, NanEncoding.IEEE),
  /** IEEE binary128. */
  F128("f128", 128, 113, -16382, 16383, NonFiniteBehavior.IEEE754, NanEncoding.IEEE),
  /** NVIDIA TensorFloat-32: 19 bits, binary32's range with binary16's precision. */
  TF32("tf32", 19, 11, -126, 127, NonFiniteBehavior.IEEE754, NanEncoding.IEEE),
  /** 8-bit, 5 exponent bits, 2 mantissa bits, IEEE-like infinities and NaNs. */
  F8E5M2("f8E5M2", 8, 3, -14, 15, NonFiniteBehavior.IEEE754, NanEncoding.IEEE),
  /** 8-bit, 4 exponent bits, 3 mantissa bits, IEEE-like infinities and NaNs. */
  F8E4M3("f8E4M3", 8, 4, -6, 7, NonFiniteBehavior.IEEE754, NanEncoding.IEEE),
  /** 8-bit E4M3 without infinities; only S.1111.111 is NaN. */
  F8E4M3FN("f8E4M3FN", 8, 4, -6, 8, NonFiniteBehavior.NAN_ONLY, NanEncoding.ALL_ONES),
  /** 8-bit E5M2 without infinities or negative zero; 0x80 is the only NaN. */
  F8E5M2FNUZ("f8E5M2FNUZ", 8, 3, -15, 15, NonFiniteBehavior.NAN_ONLY, NanEncoding.NEGATIVE_ZERO),
  /** 8-bit E4M3 without infinities or negative zero; 0x80 is the only NaN. */
  F8E4M3FNUZ("f8E4M3FNUZ", 8, 4, -7, 7, NonFiniteBehavior.NAN_ONLY, NanEncoding.NEGATIVE_ZERO),
  /** Like {@link #F8E4M3FNUZ} but with exponent bias 11. */
  F8E4M3B11FNUZ("f8E4M3B11FNUZ", 8, 4, -10, 4, NonFiniteBehavior.NAN_ONLY,
      NanEncoding.NEGATIVE_ZERO);

  /** How infinities and NaNs are represented (LLVM's {@code fltNonfiniteBehavior}). */
  public enum NonFiniteBehavior {
    /** All-ones exponent: infinity when the trailing significand is zero, NaN otherwise. */
    IEEE754,
    /** No infinity; operations that would produce one produce NaN instead. */
    NAN_ONLY
  }

  /** Which bit patterns are NaN (LLVM's {@code fltNanEncoding}). */
  public enum NanEncoding {
    /** All-ones exponent with a non-zero trailing significand. */
    IEEE,
    /** All-ones exponent and all-ones trailing significand, either sign. */
    ALL_ONES,
    /** The pattern IEEE would use for negative zero; there is no negative zero. */
    NEGATIVE_ZERO
  }

  private final String keyword;
  private final int bitWidth;
  private final int precision;
  private final int minExponent;
  private final int maxExponent;
  private final NonFiniteBehavior nonFiniteBehavior;
  private final NanEncoding nanEncoding;

  FloatSemantics(String keyword, int bitWidth, int precision, int minExponent, int maxExponent,
      NonFiniteBehavior nonFiniteBehavior, NanEncoding nanEncoding) {
    this.keyword = keyword;
    this.bitWidth = bitWidth;
    this.precision = precision;
    this.minExponent = minExponent;
    this.maxExponent = maxExponent;
    this.nonFiniteBehavior = nonFiniteBehavior;
    this.nanEncoding = nanEncoding;
  }

  /** @return the MLIR type keyword, e.g. {@code "bf16"} or {@code "f8E4M3FN"} */
  public String keyword() {
    return keyword;
  }

  /** @return the storage size in bits (19 for tf32, 80 for f80) */
  public int bitWidth() {
    return bitWidth;
  }

  /** @return significand bits including the integer bit, as LLVM's {@code fltSemantics::precision} */
  public int precision() {
    return precision;
  }

  /** @return the smallest E such that 2^E is a normal number */
  public int minExponent() {
    return minExponent;
  }

  /** @return the largest E such that 2^E is representable */
  public int maxExponent() {
    return maxExponent;
  }

  /** @return how infinities and NaNs are represented */
  public NonFiniteBehavior nonFiniteBehavior() {
    return nonFiniteBehavior;
  }

  /** @return which bit patterns are NaN */
  public NanEncoding nanEncoding() {
    return nanEncoding;
  }

  /** @return whether the format can represent infinities */
  public boolean hasInfinity() {
    return nonFiniteBehavior == NonFiniteBehavior.IEEE754;
  }

  /** @return whether -0 exists (it does not in the FNUZ formats, whose 0x80 is NaN) */
  public boolean hasNegativeZero() {
    return nanEncoding != NanEncoding.NEGATIVE_ZERO;
  }

  /** @return whether the integer bit of the significand is stored (only x87 f80) */
  public boolean hasExplicitIntegerBit() {
    return this == F80;
  }

  /** @return the number of stored significand bits (precision - 1, or 64 for f80) */
  public int storedSignificandBits() {
    return hasExplicitIntegerBit() ? precision : precision - 1;
  }

  /** @return the width of the exponent field */
  public int exponentBits() {
    return bitWidth - 1 - storedSignificandBits();
  }

  /** @return the exponent bias: a normal number with field F has exponent F - bias */
  public int bias() {
    // For every format here the smallest normal exponent sits at field value 1.
    return 1 - minExponent;
  }

  /**
   * Finds a format by its MLIR keyword.
   *
   * @param kw a type keyword such as {@code "f16"}
   * @return the format, or {@code null} if {@code kw} names none of them
   */
  private static final java.util.Map<String, FloatSemantics> BY_KEYWORD = new java.util.HashMap<>();

  static {
    for (FloatSemantics s : values()) BY_KEYWORD.put(s.keyword, s);
  }

  /** The semantics spelled {@code kw} in MLIR ({@code f32}, {@code bf16}, ...), or null. */
  public static FloatSemantics byKeyword(String kw) { return BY_KEYWORD.get(kw); }
}

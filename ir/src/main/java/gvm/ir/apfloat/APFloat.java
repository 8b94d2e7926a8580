package gvm.ir.apfloat;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Exact floating-point conversions and MLIR's float printing, bit-compatible with
 * LLVM 19's {@code APFloat} and MLIR's {@code AsmPrinter}.
 *
 * <p>Values are bit patterns. Two parallel APIs exist:
 * <ul>
 *   <li>{@code long} bits for formats up to 64 bits wide (everything but {@code f80}
 *       and {@code f128}); the pattern sits in the low {@code bitWidth} bits and the
 *       bits above must be zero. These methods throw {@link IllegalArgumentException}
 *       for {@code f80}/{@code f128}.</li>
 *   <li>{@link BigInteger} bits (non-negative, unsigned) for every format. Methods that
 *       return bits have a {@code Big} suffix ({@link #fromDoubleBig},
 *       {@link #parseDecimalBig}, ...); methods that take bits are plain overloads.</li>
 * </ul>
 * All rounding is round-to-nearest, ties-to-even, as MLIR always uses. For formats
 * up to 32 bits the {@code long} conversions and classifications do not allocate;
 * everything else works on {@link BigInteger}s (f80/f128 values with extreme
 * exponents take up to about a millisecond to format).
 *
 * <p>Two decimal parsers exist on purpose: {@link #parseDecimal} rounds the decimal
 * text directly (LLVM's {@code convertFromString}, which is what {@code APFloat(sem,
 * "text")} does), while {@link #parseLiteral} reproduces what MLIR 19's attribute
 * parser does with {@code arith.constant 0.1 : bf16}: it reads the literal as an
 * f64 and then converts that double, so it can double-round and, for
 * {@code f80}/{@code f128}, never has more than a double's precision.
 */
public final class APFloat {
  private static final BigInteger MASK64 = FloatValue.mask(64);
  private static final Pattern MLIR_FLOAT = Pattern.compile("[0-9]+\\.[0-9]*([eE][-+]?[0-9]+)?");
  private static final Pattern MLIR_DECIMAL_INT = Pattern.compile("[0-9]+");
  private static final Pattern MLIR_HEX = Pattern.compile("0x[0-9a-fA-F]+");

  private APFloat() {}

  // ------------------------------------------------------------ long API

  /**
   * Converts a double, like {@code APFloat(d).convert(s, rmNearestTiesToEven)}.
   * NaN payloads are truncated (and quieted if signalling) as LLVM does; NaN-only
   * formats get their default NaN, and infinities become NaN there. For f64 the bits
   * are returned unchanged (even a signalling NaN), as MLIR's {@code FloatAttr::get}
   * does not convert a double that is already f64.
   *
   * @return the bit pattern in {@code s}
   */
  public static long fromDouble(double v, FloatSemantics s) {
    requireLong(s);
    if (s == FloatSemantics.F64) {
      return Double.doubleToRawLongBits(v);
    }
    if (SmallFloats.covers(s) && !Double.isNaN(v)) {
      return SmallFloats.fromDouble(v, s);
    }
    return fromDoubleBig(v, s).longValue();
  }

  /**
   * Converts to double. Exact for every format up to 64 bits wide (they are all
   * subsets of f64); NaN payloads are widened as LLVM's {@code convert} does.
   */
  public static double toDouble(long bits, FloatSemantics s) {
    if (s == FloatSemantics.F64) {
      return Double.longBitsToDouble(bits);
    }
    if (SmallFloats.covers(s) && category(bits, s) != FloatValue.Category.NAN) {
      return SmallFloats.toDouble(bits, s);
    }
    return toDouble(toBig(bits, s), s);
  }

  /**
   * Parses decimal text ({@code [+-]digits[.digits][e[+-]digits]}) correctly rounded
   * to {@code s}, straight from the digits, like LLVM's {@code convertFromString}.
   * Too-large values give infinity (NaN in NaN-only formats), tiny ones zero.
   *
   * @throws NumberFormatException if the text is not a decimal number
   */
  public static long parseDecimal(String text, FloatSemantics s) {
    requireLong(s);
    return parseDecimalBig(text, s).longValue();
  }

  /**
   * Parses an MLIR float attribute literal exactly as MLIR 19's parser does for
   * {@code arith.constant <literal> : <type>}: a hex integer {@code 0x...} is the bit
   * pattern itself; a float literal (optionally preceded by '-') is parsed as f64 and
   * then converted to {@code s}.
   *
   * @throws NumberFormatException with MLIR's diagnostic for a rejected literal
   */
  public static long parseLiteral(String literal, FloatSemantics s) {
    requireLong(s);
    if ((s == FloatSemantics.F64 || s == FloatSemantics.F32) && isPlainDecimal(literal)) {
      // Fast path: Double.parseDouble rounds correctly, as MLIR's f64 parse does, and the
      // narrowing to float rounds to nearest-even, as APFloat::convert does.
      double d = Double.parseDouble(literal);
      return s == FloatSemantics.F64 ? Double.doubleToRawLongBits(d) : Float.floatToRawIntBits((float) d) & 0xFFFFFFFFL;
    }
    return parseLiteralBig(literal, s).longValue();
  }

  /**
   * Prints a value exactly as MLIR's {@code printFloatValue} does, e.g.
   * {@code "1.000980e-01"} for bf16 0.1, {@code "0x7F800000"} for f32 infinity.
   */
  public static String format(long bits, FloatSemantics s) {
    return format(toBig(bits, s), s);
  }

  /**
   * LLVM's {@code APFloat::toString(Str, FormatPrecision, FormatMaxPadding,
   * TruncateZero)}; {@code toString(b, s, 0, 3, true)} is APFloat's default form.
   */
  public static String toString(long bits, FloatSemantics s, int formatPrecision,
      int formatMaxPadding, boolean truncateZero) {
    return toString(toBig(bits, s), s, formatPrecision, formatMaxPadding, truncateZero);
  }

  /**
   * Converts between formats, like {@code APFloat::convert} with nearest-even (which
   * also quiets a signalling NaN when {@code from == to}).
   */
  public static long convert(long bits, FloatSemantics from, FloatSemantics to) {
    requireLong(to);
    return convertBig(toBig(bits, from), from, to).longValue();
  }

  /** @return whether the pattern is a NaN in {@code s} */
  public static boolean isNaN(long bits, FloatSemantics s) {
    return category(bits, s) == FloatValue.Category.NAN;
  }

  /** @return whether the pattern is an infinity (never true in NaN-only formats) */
  public static boolean isInf(long bits, FloatSemantics s) {
    return category(bits, s) == FloatValue.Category.INFINITY;
  }

  /** @return whether the pattern is +0 or -0 */
  public static boolean isZero(long bits, FloatSemantics s) {
    return category(bits, s) == FloatValue.Category.ZERO;
  }

  /** @return whether the sign bit is set (also for NaNs, and for the FNUZ NaN) */
  public static boolean isNegative(long bits, FloatSemantics s) {
    checkLong(bits, s);
    return ((bits >>> (s.bitWidth() - 1)) & 1) != 0;
  }

  // ------------------------------------------------------------ BigInteger API

  /** {@link #fromDouble} for every format, bits unsigned. */
  public static BigInteger fromDoubleBig(double v, FloatSemantics s) {
    BigInteger d = BigInteger.valueOf(Double.doubleToRawLongBits(v)).and(MASK64);
    if (s == FloatSemantics.F64) {
      return d; // MLIR builds an f64 APFloat from the double directly: no convert, no quieting
    }
    return FloatValue.decode(d, FloatSemantics.F64).convert(s).encode();
  }

  /** {@link #toDouble(long, FloatSemantics)} for every format; rounds f80/f128 to nearest. */
  public static double toDouble(BigInteger bits, FloatSemantics s) {
    if (s == FloatSemantics.F64) {
      FloatValue.checkWidth(bits, s);
      return Double.longBitsToDouble(bits.longValue()); // no convert: keeps a signalling NaN
    }
    FloatValue v = FloatValue.decode(bits, s).convert(FloatSemantics.F64);
    return Double.longBitsToDouble(v.encode().longValue());
  }

  /** {@link #parseDecimal} for every format, bits unsigned. */
  public static BigInteger parseDecimalBig(String text, FloatSemantics s) {
    return DecimalParser.parse(text, s).encode();
  }

  /** {@link #parseLiteral} for every format, bits unsigned. */
  /** {@code -?[0-9]+\.[0-9]*([eE][+-]?[0-9]+)?}, the decimal float token, at most 40 characters. */
  private static boolean isPlainDecimal(String t) {
    int n = t.length(), i = 0;
    if (n > 40) return false;
    if (i < n && t.charAt(i) == '-') i++;
    int d0 = i;
    while (i < n && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) i++;
    if (i == d0 || i >= n || t.charAt(i) != '.') return false;
    i++;
    while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') i++;
    if (i == n) return true;
    if (t.charAt(i) != 'e' && t.charAt(i) != 'E') return false;
    i++;
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
    int e0 = i;
    while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') i++;
    return i == n && i > e0;
  }

  public static BigInteger parseLiteralBig(String literal, FloatSemantics s) {
    boolean negative = literal.startsWith("-");
    String body = negative ? literal.substring(1) : literal;
    if (MLIR_HEX.matcher(body).matches()) {
      if (negative) {
        throw new NumberFormatException("hexadecimal float literal should not have a leading minus");
      }
      BigInteger bits = new BigInteger(body.substring(2), 16);
      if (bits.bitLength() > s.bitWidth()) {
        throw new NumberFormatException("hexadecimal float constant out of range for type");
      }
      return bits;
    }
    if (MLIR_DECIMAL_INT.matcher(body).matches()) {
      throw new NumberFormatException("unexpected decimal integer literal for a floating point value");
    }
    if (!MLIR_FLOAT.matcher(body).matches()) {
      throw new NumberFormatException("not an MLIR float literal: " + literal);
    }
    // MLIR: Token::getFloatingPointValue() (f64, via convertFromString), negate, convert.
    FloatValue d = DecimalParser.parse(negative ? "-" + body : body, FloatSemantics.F64);
    return d.convert(s).encode();
  }

  /** {@link #format(long, FloatSemantics)} for every format. */
  public static String format(BigInteger bits, FloatSemantics s) {
    return FloatFormatter.printFloatValue(FloatValue.decode(bits, s));
  }

  /** {@link #toString(long, FloatSemantics, int, int, boolean)} for every format. */
  public static String toString(BigInteger bits, FloatSemantics s, int formatPrecision,
      int formatMaxPadding, boolean truncateZero) {
    return FloatFormatter.toString(FloatValue.decode(bits, s), formatPrecision,
        formatMaxPadding, truncateZero);
  }

  /** {@link #convert(long, FloatSemantics, FloatSemantics)} for every format. */
  public static BigInteger convertBig(BigInteger bits, FloatSemantics from, FloatSemantics to) {
    return FloatValue.decode(bits, from).convert(to).encode();
  }

  /** @return whether the pattern is a NaN (x87 unnormals and pseudo-NaNs included) */
  public static boolean isNaN(BigInteger bits, FloatSemantics s) {
    return FloatValue.decode(bits, s).category == FloatValue.Category.NAN;
  }

  /** @return whether the pattern is an infinity */
  public static boolean isInf(BigInteger bits, FloatSemantics s) {
    return FloatValue.decode(bits, s).category == FloatValue.Category.INFINITY;
  }

  /** @return whether the pattern is +0 or -0 */
  public static boolean isZero(BigInteger bits, FloatSemantics s) {
    return FloatValue.decode(bits, s).category == FloatValue.Category.ZERO;
  }

  /** @return whether the sign bit is set */
  public static boolean isNegative(BigInteger bits, FloatSemantics s) {
    FloatValue.checkWidth(bits, s);
    return bits.testBit(s.bitWidth() - 1);
  }

  // ------------------------------------------------------------ helpers

  private static void requireLong(FloatSemantics s) {
    if (s.bitWidth() > 64) {
      throw new IllegalArgumentException(
          s.keyword() + " does not fit in a long; use the BigInteger overloads");
    }
  }

  /** The category of a pattern, without allocating for the formats up to 32 bits. */
  private static FloatValue.Category category(long bits, FloatSemantics s) {
    if (SmallFloats.covers(s)) {
      checkLong(bits, s);
      return SmallFloats.category(bits, s);
    }
    return FloatValue.decode(toBig(bits, s), s).category;
  }

  private static void checkLong(long bits, FloatSemantics s) {
    requireLong(s);
    if (s.bitWidth() < 64 && (bits >>> s.bitWidth()) != 0) {
      throw new IllegalArgumentException("bit pattern 0x" + Long.toHexString(bits)
          + " does not fit in " + s.keyword());
    }
  }

  /** The unsigned pattern of {@code bits}, checked to fit in {@code s}. */
  private static BigInteger toBig(long bits, FloatSemantics s) {
    checkLong(bits, s);
    return BigInteger.valueOf(bits).and(MASK64);
  }
}

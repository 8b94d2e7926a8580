package gvm.ir.apfloat;

import java.math.BigInteger;

/**
 * LLVM's {@code IEEEFloat::toString} and MLIR's {@code printFloatValue}, ported step
 * by step. The odd parts are deliberate: LLVM first truncates the exact decimal
 * integer in binary ({@code AdjustToPrecision} on the APInt), then rounds the digit
 * string half-up, so the digits are not always the correctly rounded ones; copying
 * both steps is what makes the output match {@code mlir-opt} byte for byte.
 */
final class FloatFormatter {
  private static final BigInteger FIVE = BigInteger.valueOf(5);

  private FloatFormatter() {}

  /**
   * MLIR's {@code printFloatValue}: 6-digit scientific if it reads back to the same
   * value, else APFloat's shortest-safe default form if that contains a '.', else
   * the bit pattern as an upper-case hex C literal.
   */
  static String printFloatValue(FloatValue v) {
    if (v.isFinite()) {
      String s = toString(v, 6, 0, false);
      // APFloat(sem, str) parses with convertFromString: correctly rounded, not via double.
      if (DecimalParser.parse(s, v.sem).bitwiseIsEqual(v)) {
        return s;
      }
      s = toString(v, 0, 3, true);
      if (s.indexOf('.') >= 0) {
        return s;
      }
    }
    return hexLiteral(v.encode(), v.sem);
  }

  /**
   * "0x" and the upper-case hex digits, padded to the format's width. LLVM prints the
   * APInt without padding, but every value that reaches this point (NaN, infinity, or
   * an integral value >= 1) has a non-zero top digit, so the two never differ.
   */
  static String hexLiteral(BigInteger bits, FloatSemantics s) {
    String hex = bits.toString(16).toUpperCase(java.util.Locale.ROOT);
    int width = (s.bitWidth() + 3) / 4;
    StringBuilder sb = new StringBuilder(width + 2).append("0x");
    for (int i = hex.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(hex).toString();
  }

  /**
   * LLVM's {@code IEEEFloat::toString(Str, FormatPrecision, FormatMaxPadding,
   * TruncateZero)}, including its spellings of infinity and NaN.
   */
  static String toString(FloatValue v, int formatPrecision, int formatMaxPadding,
      boolean truncateZero) {
    StringBuilder str = new StringBuilder();
    switch (v.category) {
      case INFINITY:
        return v.negative ? "-Inf" : "+Inf";
      case NAN:
        return "NaN";
      case ZERO:
        if (v.negative) {
          str.append('-');
        }
        if (formatMaxPadding == 0) {
          if (truncateZero) {
            str.append("0.0E+0");
          } else {
            str.append("0.0");
            for (int i = 1; i < formatPrecision; i++) {
              str.append('0');
            }
            str.append("e+00");
          }
        } else {
          str.append('0');
        }
        return str.toString();
      default:
        toStringImpl(str, v.negative, v.exponent, v.significand, v.sem.precision(),
            formatPrecision, formatMaxPadding, truncateZero);
        return str.toString();
    }
  }

  /** LLVM's {@code toStringImpl} for the value {@code significand * 2^exp}. */
  private static void toStringImpl(StringBuilder str, boolean isNeg, int exp,
      BigInteger significand, int semanticsPrecision, int formatPrecision,
      int formatMaxPadding, boolean truncateZero) {
    if (isNeg) {
      str.append('-');
    }
    if (formatPrecision == 0) {
      // Enough digits to round-trip (Steele & White): 2 + floor(bits / lg2(10)).
      formatPrecision = 2 + semanticsPrecision * 59 / 196;
    }
    int trailingZeros = significand.getLowestSetBit();
    exp += trailingZeros;
    significand = significand.shiftRight(trailingZeros);

    // Change the exponent from 2^e to 10^e: N * 2^-e == N * 5^e * 10^-e.
    if (exp > 0) {
      significand = significand.shiftLeft(exp);
      exp = 0;
    } else if (exp < 0) {
      significand = significand.multiply(FIVE.pow(-exp));
    }

    // AdjustToPrecision on the integer: drop (truncating!) decimal digits that
    // cannot matter, by LLVM's estimate.
    int bits = significand.bitLength();
    int bitsRequired = (formatPrecision * 196 + 58) / 59;
    if (bits > bitsRequired) {
      int tensRemovable = (bits - bitsRequired) * 59 / 196;
      if (tensRemovable > 0) {
        exp += tensRemovable;
        significand = significand.divide(BigInteger.TEN.pow(tensRemovable));
      }
    }

    // buffer[0] is the least significant digit, as in LLVM.
    String decimal = significand.toString();
    int len = decimal.length();
    while (decimal.charAt(len - 1) == '0') { // drop trailing zeros
      len--;
      exp++;
    }
    char[] buffer = new char[len];
    for (int i = 0; i < len; i++) {
      buffer[i] = decimal.charAt(len - 1 - i);
    }

    // AdjustToPrecision on the digits: round half up to formatPrecision digits.
    int[] expBox = {exp};
    buffer = adjustDigits(buffer, expBox, formatPrecision);
    exp = expBox[0];
    int nDigits = buffer.length;

    boolean scientific;
    if (formatMaxPadding == 0) {
      scientific = true;
    } else if (exp >= 0) {
      // 765e3 --> 765000, unless that looks more precise than it is.
      scientific = exp > formatMaxPadding || nDigits + exp > formatPrecision;
    } else {
      int msd = exp + nDigits - 1; // power of the most significant digit
      scientific = msd < 0 && -msd > formatMaxPadding;
    }

    if (scientific) {
      exp += nDigits - 1;
      str.append(buffer[nDigits - 1]).append('.');
      if (nDigits == 1 && truncateZero) {
        str.append('0');
      } else {
        for (int i = 1; i != nDigits; i++) {
          str.append(buffer[nDigits - 1 - i]);
        }
      }
      if (!truncateZero && formatPrecision > nDigits - 1) {
        for (int i = 0; i < formatPrecision - nDigits + 1; i++) {
          str.append('0');
        }
      }
      str.append(truncateZero ? 'E' : 'e').append(exp >= 0 ? '+' : '-');
      String e = Integer.toString(Math.abs(exp));
      if (!truncateZero && e.length() < 2) {
        str.append('0');
      }
      str.append(e);
      return;
    }

    if (exp >= 0) {
      for (int i = 0; i != nDigits; i++) {
        str.append(buffer[nDigits - 1 - i]);
      }
      for (int i = 0; i != exp; i++) {
        str.append('0');
      }
      return;
    }

    int nWholeDigits = exp + nDigits;
    int i = 0;
    if (nWholeDigits > 0) {
      for (; i != nWholeDigits; i++) {
        str.append(buffer[nDigits - i - 1]);
      }
      str.append('.');
    } else {
      str.append("0.");
      for (int z = 0; z < -nWholeDigits; z++) {
        str.append('0');
      }
    }
    for (; i != nDigits; i++) {
      str.append(buffer[nDigits - i - 1]);
    }
  }

  /**
   * LLVM's {@code AdjustToPrecision(SmallVectorImpl<char>&, ...)}: keeps the
   * {@code formatPrecision} most significant digits, rounding half up by looking only
   * at the first dropped digit, and drops zeros the rounding leaves at the bottom.
   */
  private static char[] adjustDigits(char[] buffer, int[] exp, int formatPrecision) {
    int n = buffer.length;
    if (n <= formatPrecision) {
      return buffer;
    }
    int firstSignificant = n - formatPrecision;
    if (buffer[firstSignificant - 1] < '5') {
      while (firstSignificant < n && buffer[firstSignificant] == '0') {
        firstSignificant++;
      }
      exp[0] += firstSignificant;
      return java.util.Arrays.copyOfRange(buffer, firstSignificant, n);
    }
    for (int i = firstSignificant; i != n; i++) {
      if (buffer[i] == '9') {
        firstSignificant++;
      } else {
        buffer[i]++;
        break;
      }
    }
    exp[0] += firstSignificant;
    if (firstSignificant == n) { // carried through every digit: 999.. -> 1
      return new char[] {'1'};
    }
    return java.util.Arrays.copyOfRange(buffer, firstSignificant, n);
  }
}

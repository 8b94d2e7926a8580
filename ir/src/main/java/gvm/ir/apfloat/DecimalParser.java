package gvm.ir.apfloat;

import java.math.BigInteger;

/**
 * Decimal text to a float, as LLVM's {@code IEEEFloat::convertFromDecimalString}
 * does it: correctly rounded to nearest, ties to even, straight from the digits.
 *
 * <p>LLVM decides "obviously too large" and "obviously too small" inputs from the
 * decimal exponent alone before doing exact arithmetic; those shortcuts are copied
 * here with LLVM's integer constants so that even their corner cases agree.
 */
final class DecimalParser {
  /** LLVM's readExponent saturates the written exponent at this magnitude. */
  private static final int OVERLARGE_EXPONENT = 24000;

  private DecimalParser() {}

  /**
   * The text split the way LLVM's {@code interpretDecimal} splits it.
   *
   * @param negative a leading '-' was present
   * @param digits the significant digits, no leading or trailing zeros; empty for zero
   * @param exponent value = digits * 10^exponent
   */
  record Decimal(boolean negative, String digits, int exponent) {
    /** The exponent if the point sat after the first significant digit. */
    int normalizedExponent() {
      return exponent + digits.length() - 1;
    }
  }

  /**
   * Splits {@code [+-]? digits [. digits] [(e|E) [+-]? digits]}.
   *
   * @throws NumberFormatException if the text is not of that form
   */
  static Decimal interpret(String text) {
    int i = 0;
    int n = text.length();
    boolean negative = false;
    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    StringBuilder digits = new StringBuilder();
    int fractionDigits = 0;
    boolean sawDot = false;
    boolean sawDigit = false;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        if (sawDot) {
          throw new NumberFormatException("String contains multiple dots: " + text);
        }
        sawDot = true;
      } else if (c >= '0' && c <= '9') {
        sawDigit = true;
        // Leading zeros carry no information; skipping them keeps the buffer short.
        if (digits.length() > 0 || c != '0') {
          digits.append(c);
        }
        if (sawDot) {
          fractionDigits++;
        }
      } else {
        break;
      }
    }
    if (!sawDigit) {
      throw new NumberFormatException("Significand has no digits: " + text);
    }
    long written = 0;
    if (i < n) {
      char c = text.charAt(i);
      if (c != 'e' && c != 'E') {
        throw new NumberFormatException("Invalid character in significand: " + text);
      }
      written = readExponent(text, i + 1);
    }
    if (digits.length() == 0) {
      return new Decimal(negative, "", 0);
    }
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    long exponent = written - fractionDigits + (digits.length() - end);
    if (exponent > Integer.MAX_VALUE / 2 || exponent < Integer.MIN_VALUE / 2) {
      throw new NumberFormatException("Too many digits: " + text.length());
    }
    return new Decimal(negative, digits.substring(0, end), (int) exponent);
  }

  /** LLVM's readExponent: optional sign, digits, magnitude capped at 24000. */
  private static int readExponent(String text, int i) {
    int n = text.length();
    boolean neg = false;
    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      neg = text.charAt(i) == '-';
      i++;
    }
    if (i >= n) {
      throw new NumberFormatException("Exponent has no digits: " + text);
    }
    int abs = 0;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException("Invalid character in exponent: " + text);
      }
      abs = abs * 10 + (c - '0');
      if (abs >= OVERLARGE_EXPONENT) {
        // LLVM stops reading here, so it also ignores anything after this point.
        abs = OVERLARGE_EXPONENT;
        break;
      }
    }
    return neg ? -abs : abs;
  }

  /** Rounds the decimal to {@code s}, copying LLVM's quick overflow/underflow checks. */
  static FloatValue toValue(Decimal d, FloatSemantics s) {
    if (d.digits().isEmpty()) {
      return FloatValue.zero(s, d.negative());
    }
    long norm = d.normalizedExponent();
    // These are LLVM's bounds 42039/12655 < log2(10) < 28738/8651, in LLVM's order,
    // with its int-overflow guards (INT_MAX / 42039 == 51083 in C).
    if (norm - 1 > Integer.MAX_VALUE / 42039) {
      return FloatValue.overflow(s, d.negative());
    }
    if (norm - 1 < Integer.MIN_VALUE / 42039
        || (norm + 1) * 28738 <= 8651L * (s.minExponent() - s.precision())) {
      return FloatValue.zero(s, d.negative());
    }
    if ((norm - 1) * 42039 >= 12655L * s.maxExponent()) {
      return FloatValue.overflow(s, d.negative());
    }
    BigInteger sig = new BigInteger(d.digits());
    BigInteger num;
    BigInteger den;
    if (d.exponent() >= 0) {
      num = sig.multiply(BigInteger.TEN.pow(d.exponent()));
      den = BigInteger.ONE;
    } else {
      num = sig;
      den = BigInteger.TEN.pow(-d.exponent());
    }
    return FloatValue.round(s, d.negative(), num, den, 0);
  }

  /** {@code interpret} then {@code toValue}. */
  static FloatValue parse(String text, FloatSemantics s) {
    return toValue(interpret(text), s);
  }
}

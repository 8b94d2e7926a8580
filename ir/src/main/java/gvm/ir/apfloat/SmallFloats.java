package gvm.ir.apfloat;

/**
 * Allocation-free fast paths on {@code long} bits for the formats up to 32 bits
 * wide, whose values are all exact doubles. They compute the same results as the
 * general {@link FloatValue} code (the tests check them against it exhaustively for
 * the 8- and 16-bit formats); NaN inputs are left to the general code.
 */
final class SmallFloats {
  private SmallFloats() {}

  /** Whether the fast paths cover {@code s}: at most 32 bits, implicit integer bit. */
  static boolean covers(FloatSemantics s) {
    return s.bitWidth() <= 32;
  }

  /** The category of a pattern that fits in {@code s}. */
  static FloatValue.Category category(long bits, FloatSemantics s) {
    int stored = s.precision() - 1;
    int allOnes = (1 << s.exponentBits()) - 1;
    boolean neg = (bits >>> (s.bitWidth() - 1)) != 0;
    int field = (int) (bits >>> stored) & allOnes;
    long frac = bits & ((1L << stored) - 1);
    switch (s.nanEncoding()) {
      case NEGATIVE_ZERO:
        if (field == 0 && frac == 0) {
          return neg ? FloatValue.Category.NAN : FloatValue.Category.ZERO;
        }
        break;
      case ALL_ONES:
        if (field == allOnes && frac == (1L << stored) - 1) {
          return FloatValue.Category.NAN;
        }
        break;
      default:
        if (field == allOnes) {
          return frac == 0 ? FloatValue.Category.INFINITY : FloatValue.Category.NAN;
        }
        break;
    }
    return field == 0 && frac == 0 ? FloatValue.Category.ZERO : FloatValue.Category.NORMAL;
  }

  /** The exact double of a non-NaN pattern. */
  static double toDouble(long bits, FloatSemantics s) {
    boolean neg = (bits >>> (s.bitWidth() - 1)) != 0;
    switch (category(bits, s)) {
      case INFINITY:
        return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      case ZERO:
        return neg ? -0.0 : 0.0;
      case NAN:
        throw new IllegalArgumentException("NaN takes the general path");
      default:
        break;
    }
    int stored = s.precision() - 1;
    int field = (int) (bits >>> stored) & ((1 << s.exponentBits()) - 1);
    long frac = bits & ((1L << stored) - 1);
    long sig = field == 0 ? frac : frac | (1L << stored);
    int exp = (field == 0 ? s.minExponent() : field - s.bias()) - stored;
    // Exact: at most 24 significant bits, and every such value is a normal double.
    double mag = Math.scalb((double) sig, exp);
    return neg ? -mag : mag;
  }

  /** Rounds a finite non-NaN double to {@code s}, nearest-even, as FloatValue.round does. */
  static long fromDouble(double v, FloatSemantics s) {
    long db = Double.doubleToRawLongBits(v);
    boolean neg = db < 0;
    int dfield = (int) (db >>> 52) & 0x7FF;
    long dfrac = db & ((1L << 52) - 1);
    if (dfield == 0 && dfrac == 0) {
      return zero(s, neg);
    }
    long sig = dfield == 0 ? dfrac : dfrac | (1L << 52);
    int q = (dfield == 0 ? 1 : dfield) - 1075; // v = sig * 2^q
    int e = q + 63 - Long.numberOfLeadingZeros(sig); // floor(log2 |v|)
    int p = s.precision();
    if (e > s.maxExponent()) {
      return overflow(s, neg);
    }
    if (e < s.minExponent() - p) {
      return zero(s, neg); // below half the smallest denormal
    }
    int qt = Math.max(e, s.minExponent()) - (p - 1);
    // 0 < drop <= 53 here: doubles carry 53 bits and these formats at most 24.
    int drop = qt - q;
    long m = sig >>> drop;
    long rem = sig & ((1L << drop) - 1);
    long half = 1L << (drop - 1);
    if (rem > half || (rem == half && (m & 1) != 0)) {
      m++;
    }
    if (m == 0) {
      return zero(s, neg);
    }
    if (m == 1L << p) { // rounding carried into the next binade
      m >>>= 1;
      qt++;
    }
    long sign = neg ? 1L << (s.bitWidth() - 1) : 0;
    if ((m >>> (p - 1)) == 0) {
      return sign | m; // denormal
    }
    int exp = qt + p - 1;
    if (exp > s.maxExponent()
        || (s.nanEncoding() == FloatSemantics.NanEncoding.ALL_ONES && exp == s.maxExponent()
            && m == (1L << p) - 1)) {
      return overflow(s, neg);
    }
    return sign | ((long) (exp + s.bias()) << (p - 1)) | (m & ((1L << (p - 1)) - 1));
  }

  private static long zero(FloatSemantics s, boolean neg) {
    return neg && s.hasNegativeZero() ? 1L << (s.bitWidth() - 1) : 0;
  }

  private static long overflow(FloatSemantics s, boolean neg) {
    return FloatValue.overflow(s, neg).encode().longValue();
  }
}

package gvm.ir.apfloat;

import java.math.BigInteger;

/**
 * A float decoded from its bits the way LLVM's {@code IEEEFloat::initFromAPInt}
 * does, and encoded back the way {@code bitcastToAPInt} does.
 *
 * <p>Finite non-zero values are held as {@code significand * 2^exponent} with the
 * significand as LLVM stores it (integer bit included, {@code precision} bits
 * wide, exponent pinned to {@code minExponent} for denormals); comparisons go by
 * value so the choice of representation never matters. A NaN keeps its stored
 * significand bits as payload so hex printing reproduces LLVM's re-encoding.
 */
final class FloatValue {
  /** LLVM's {@code fltCategory}. */
  enum Category { ZERO, NORMAL, INFINITY, NAN }

  final FloatSemantics sem;
  final Category category;
  final boolean negative;
  /** NORMAL: the integer significand; NAN: the stored significand bits; else zero. */
  final BigInteger significand;
  /** NORMAL: the power of two that scales {@link #significand}; unused otherwise. */
  final int exponent;

  private FloatValue(FloatSemantics sem, Category category, boolean negative,
      BigInteger significand, int exponent) {
    this.sem = sem;
    this.category = category;
    this.negative = negative;
    this.significand = significand;
    this.exponent = exponent;
  }

  static FloatValue normal(FloatSemantics s, boolean negative, BigInteger significand, int exponent) {
    return new FloatValue(s, Category.NORMAL, negative, significand, exponent);
  }

  static FloatValue zero(FloatSemantics s, boolean negative) {
    // FNUZ formats use the -0 pattern for NaN, so LLVM folds -0 into +0.
    return new FloatValue(s, Category.ZERO, negative && s.hasNegativeZero(), BigInteger.ZERO, 0);
  }

  static FloatValue infinity(FloatSemantics s, boolean negative) {
    return new FloatValue(s, Category.INFINITY, negative, BigInteger.ZERO, 0);
  }

  static FloatValue nan(FloatSemantics s, boolean negative, BigInteger payload) {
    return new FloatValue(s, Category.NAN, negative, payload, 0);
  }

  /**
   * LLVM's {@code makeNaN(SNaN=false, Negative)}: the default quiet NaN, which is
   * what overflow produces in NaN-only formats.
   */
  static FloatValue defaultNaN(FloatSemantics s, boolean negative) {
    int stored = s.storedSignificandBits();
    switch (s.nanEncoding()) {
      case NEGATIVE_ZERO:
        // The only NaN has the sign bit set and nothing else.
        return nan(s, true, BigInteger.ZERO);
      case ALL_ONES:
        return nan(s, negative, mask(stored));
      default:
        BigInteger payload = BigInteger.ONE.shiftLeft(s.precision() - 2);
        if (s.hasExplicitIntegerBit()) {
          // x87 wants a real NaN, not a pseudo-NaN: set the integer bit too.
          payload = payload.setBit(s.precision() - 1);
        }
        return nan(s, negative, payload);
    }
  }

  /** What a value too large for the format becomes under round-to-nearest. */
  static FloatValue overflow(FloatSemantics s, boolean negative) {
    return s.hasInfinity() ? infinity(s, negative) : defaultNaN(s, negative);
  }

  boolean isFinite() {
    return category == Category.ZERO || category == Category.NORMAL;
  }

  /**
   * LLVM's {@code bitwiseIsEqual}: same category and sign and, for finite non-zero
   * values, the same value (LLVM's representation of a value is unique once
   * normalized, so comparing values is the same test).
   */
  boolean bitwiseIsEqual(FloatValue o) {
    if (category != o.category || negative != o.negative) {
      return false;
    }
    switch (category) {
      case NORMAL:
        return compareMagnitude(o) == 0;
      case NAN:
        return significand.equals(o.significand);
      default:
        return true;
    }
  }

  private int compareMagnitude(FloatValue o) {
    int shift = exponent - o.exponent;
    BigInteger a = significand;
    BigInteger b = o.significand;
    if (shift > 0) {
      a = a.shiftLeft(shift);
    } else {
      b = b.shiftLeft(-shift);
    }
    return a.compareTo(b);
  }

  // ---------------------------------------------------------------- decoding

  /** Decodes {@code bits}, which must fit in {@code s.bitWidth()} bits. */
  static FloatValue decode(BigInteger bits, FloatSemantics s) {
    checkWidth(bits, s);
    int stored = s.storedSignificandBits();
    int expBits = s.exponentBits();
    boolean neg = bits.testBit(s.bitWidth() - 1);
    int field = bits.shiftRight(stored).and(mask(expBits)).intValueExact();
    BigInteger frac = bits.and(mask(stored));
    int allOnes = (1 << expBits) - 1;
    if (s.hasExplicitIntegerBit()) {
      return decodeX87(s, neg, field, frac, allOnes);
    }
    switch (s.nanEncoding()) {
      case NEGATIVE_ZERO:
        if (field == 0 && frac.signum() == 0) {
          return neg ? nan(s, true, BigInteger.ZERO) : zero(s, false);
        }
        break;
      case ALL_ONES:
        if (field == allOnes && frac.equals(mask(stored))) {
          return nan(s, neg, frac);
        }
        break;
      default:
        if (field == allOnes) {
          return frac.signum() == 0 ? infinity(s, neg) : nan(s, neg, frac);
        }
        break;
    }
    if (field == 0) {
      return frac.signum() == 0 ? zero(s, neg)
          : normal(s, neg, frac, s.minExponent() - (s.precision() - 1));
    }
    BigInteger sig = frac.setBit(stored);
    return normal(s, neg, sig, field - s.bias() - (s.precision() - 1));
  }

  /** LLVM's {@code initFromF80LongDoubleAPInt}: unnormals and pseudo-NaNs are NaN. */
  private static FloatValue decodeX87(FloatSemantics s, boolean neg, int field, BigInteger sig,
      int allOnes) {
    boolean intBit = sig.testBit(63);
    BigInteger infSig = BigInteger.ONE.shiftLeft(63);
    if (field == 0 && sig.signum() == 0) {
      return zero(s, neg);
    }
    if (field == allOnes && sig.equals(infSig)) {
      return infinity(s, neg);
    }
    if (field == allOnes || (field != 0 && !intBit)) {
      return nan(s, neg, sig);
    }
    // Denormals and pseudo-denormals (field 0, integer bit set) both sit at minExponent.
    int e = field == 0 ? s.minExponent() : field - s.bias();
    return normal(s, neg, sig, e - 63);
  }

  // ---------------------------------------------------------------- encoding

  /** LLVM's {@code bitcastToAPInt}: the bit pattern, unsigned. */
  BigInteger encode() {
    int stored = sem.storedSignificandBits();
    int allOnes = (1 << sem.exponentBits()) - 1;
    int field;
    BigInteger sig;
    switch (category) {
      case ZERO:
        field = 0;
        sig = BigInteger.ZERO;
        break;
      case INFINITY:
        field = allOnes;
        sig = sem.hasExplicitIntegerBit() ? BigInteger.ONE.shiftLeft(63) : BigInteger.ZERO;
        break;
      case NAN:
        field = sem.nanEncoding() == FloatSemantics.NanEncoding.NEGATIVE_ZERO ? 0 : allOnes;
        sig = significand;
        break;
      default:
        return encodeFinite();
    }
    return withSign(BigInteger.valueOf(field).shiftLeft(stored).or(sig));
  }

  private BigInteger encodeFinite() {
    int p = sem.precision();
    // Normalize so the integer bit is at p-1, unless that would go below minExponent.
    int unbiased = exponent + significand.bitLength() - 1;
    int e = Math.max(unbiased, sem.minExponent());
    int shift = exponent - (e - (p - 1));
    BigInteger sig = shift >= 0 ? significand.shiftLeft(shift) : significand.shiftRight(-shift);
    boolean isNormal = sig.testBit(p - 1);
    int field = isNormal ? e + sem.bias() : 0;
    if (!sem.hasExplicitIntegerBit()) {
      sig = sig.clearBit(p - 1);
    }
    return withSign(BigInteger.valueOf(field).shiftLeft(sem.storedSignificandBits()).or(sig));
  }

  private BigInteger withSign(BigInteger magnitude) {
    return negative ? magnitude.setBit(sem.bitWidth() - 1) : magnitude;
  }

  // ---------------------------------------------------------------- rounding

  /**
   * Rounds the exact value {@code (num / den) * 2^exp2} to nearest, ties to even,
   * exactly as LLVM's {@code normalize} does: values past the largest finite one
   * become infinity (NaN in NaN-only formats, where the all-ones pattern of
   * {@code f8E4M3FN} also counts as past it); tiny values become denormals or zero.
   *
   * @param num a positive numerator
   * @param den a positive denominator
   */
  static FloatValue round(FloatSemantics s, boolean negative, BigInteger num, BigInteger den,
      long exp2) {
    int p = s.precision();
    long t = num.bitLength() - den.bitLength();
    if (!atLeastPow2(num, den, t)) {
      t--;
    }
    long e = t + exp2; // floor(log2(value))
    if (e > s.maxExponent()) {
      return overflow(s, negative);
    }
    if (e < (long) s.minExponent() - p) {
      // Below half the smallest denormal: rounds to zero. Checked up front so that
      // the shifts below stay small however tiny the value is.
      return zero(s, negative);
    }
    long q = Math.max(e, s.minExponent()) - (p - 1); // weight of the last kept bit
    long shift = exp2 - q;
    BigInteger m;
    boolean roundUp;
    if (den.equals(BigInteger.ONE)) {
      // Binary input (conversions): shifts instead of a division.
      if (shift >= 0) {
        m = num.shiftLeft((int) shift);
        roundUp = false;
      } else {
        int drop = (int) -shift;
        m = num.shiftRight(drop);
        boolean halfBit = num.testBit(drop - 1);
        boolean sticky = num.getLowestSetBit() < drop - 1;
        roundUp = halfBit && (sticky || m.testBit(0));
      }
    } else {
      BigInteger n = num;
      BigInteger d = den;
      if (shift >= 0) {
        n = n.shiftLeft((int) shift);
      } else {
        d = d.shiftLeft((int) -shift);
      }
      BigInteger[] qr = n.divideAndRemainder(d);
      m = qr[0];
      int half = qr[1].shiftLeft(1).compareTo(d);
      roundUp = half > 0 || (half == 0 && m.testBit(0));
    }
    if (roundUp) {
      m = m.add(BigInteger.ONE);
    }
    if (m.signum() == 0) {
      return zero(s, negative);
    }
    if (m.bitLength() > p) { // rounding carried into a new binade
      m = m.shiftRight(1);
      q++;
    }
    return finite(s, negative, m, (int) q);
  }

  /** Builds the finite value {@code m * 2^q} (already rounded), handling overflow. */
  private static FloatValue finite(FloatSemantics s, boolean negative, BigInteger m, int q) {
    int p = s.precision();
    if (m.bitLength() == p) {
      int e = q + p - 1;
      if (e > s.maxExponent()) {
        return overflow(s, negative);
      }
      if (s.nanEncoding() == FloatSemantics.NanEncoding.ALL_ONES && e == s.maxExponent()
          && m.equals(mask(p))) {
        // That pattern is f8E4M3FN's NaN; LLVM treats reaching it as overflow.
        return overflow(s, negative);
      }
    }
    return normal(s, negative, m, q);
  }

  /** Whether num/den >= 2^t. */
  private static boolean atLeastPow2(BigInteger num, BigInteger den, long t) {
    return t >= 0 ? num.compareTo(den.shiftLeft((int) t)) >= 0
        : num.shiftLeft((int) -t).compareTo(den) >= 0;
  }

  /** Converts this value to {@code to} as LLVM's {@code IEEEFloat::convert} does (nearest-even). */
  FloatValue convert(FloatSemantics to) {
    switch (category) {
      case ZERO:
        return zero(to, negative);
      case INFINITY:
        return overflow(to, negative);
      case NAN:
        return convertNaN(to);
      default:
        return round(to, negative, significand, BigInteger.ONE, exponent);
    }
  }

  /** NaN conversion: payload shifted to the new width, quieted if it was signalling. */
  private FloatValue convertNaN(FloatSemantics to) {
    if (to.nonFiniteBehavior() == FloatSemantics.NonFiniteBehavior.NAN_ONLY) {
      return defaultNaN(to, negative);
    }
    if (sem.nanEncoding() == FloatSemantics.NanEncoding.NEGATIVE_ZERO) {
      // Shifting the FNUZ NaN's empty payload would make an infinity.
      return defaultNaN(to, false);
    }
    int shift = to.precision() - sem.precision();
    BigInteger sig = shift >= 0 ? significand.shiftLeft(shift) : significand.shiftRight(-shift);
    // Dropping bits above the stored width also drops an x87 source's integer bit.
    sig = sig.and(mask(to.storedSignificandBits()));
    if (to.hasExplicitIntegerBit()) {
      sig = sig.setBit(to.precision() - 1);
    }
    if (isSignaling()) {
      sig = sig.setBit(to.precision() - 2);
    }
    return nan(to, negative, sig);
  }

  /** LLVM's {@code isSignaling}: IEEE-style NaN with the top trailing-significand bit clear. */
  boolean isSignaling() {
    return category == Category.NAN
        && sem.nonFiniteBehavior() == FloatSemantics.NonFiniteBehavior.IEEE754
        && !significand.testBit(sem.precision() - 2);
  }

  static BigInteger mask(int bits) {
    return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
  }

  static void checkWidth(BigInteger bits, FloatSemantics s) {
    if (bits.signum() < 0 || bits.bitLength() > s.bitWidth()) {
      throw new IllegalArgumentException(
          "bit pattern 0x" + bits.toString(16) + " does not fit in " + s.keyword());
    }
  }
}

package gvm.ir.apfloat;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A deliberately naive decoder for tests: turns a bit pattern into its exact value
 * from the format's parameters alone, without sharing code with {@code FloatValue}.
 * Returns {@code null} for NaN and infinities.
 */
final class ReferenceDecoder {
  private ReferenceDecoder() {}

  static BigDecimal exact(BigInteger bits, FloatSemantics s) {
    int w = s.bitWidth();
    int p = s.precision();
    boolean x87 = s == FloatSemantics.F80;
    int stored = x87 ? 64 : p - 1;
    int ebits = w - 1 - stored;
    int bias = (1 << (ebits - 1)) - 1;
    if (s.nanEncoding() == FloatSemantics.NanEncoding.NEGATIVE_ZERO) {
      bias++; // FNUZ formats move the bias up by one ...
    }
    if (s == FloatSemantics.F8E4M3B11FNUZ) {
      bias = 11; // ... and B11 says its bias in its name.
    }
    boolean neg = bits.testBit(w - 1);
    int field = bits.shiftRight(stored).intValue() & ((1 << ebits) - 1);
    BigInteger frac = bits.and(BigInteger.ONE.shiftLeft(stored).subtract(BigInteger.ONE));
    int allOnes = (1 << ebits) - 1;
    switch (s.nanEncoding()) {
      case IEEE:
        if (field == allOnes) {
          return null;
        }
        break;
      case ALL_ONES:
        if (field == allOnes && frac.bitCount() == stored) {
          return null;
        }
        break;
      default:
        if (neg && field == 0 && frac.signum() == 0) {
          return null;
        }
    }
    if (x87 && field != 0 && !frac.testBit(63)) {
      return null; // unnormal: LLVM calls it NaN
    }
    BigInteger sig;
    int e;
    if (field == 0) {
      sig = frac;
      e = 1 - bias - (p - 1);
    } else {
      sig = x87 ? frac : frac.setBit(stored);
      e = field - bias - (p - 1);
    }
    // sig * 2^-k == sig * 5^k / 10^k: exact, and far cheaper than a BigDecimal division.
    BigDecimal v = e >= 0 ? new BigDecimal(sig.shiftLeft(e))
        : new BigDecimal(sig.multiply(BigInteger.valueOf(5).pow(-e)), -e);
    return neg ? v.negate() : v;
  }

  static BigDecimal exact(long bits, FloatSemantics s) {
    return exact(BigInteger.valueOf(bits).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)), s);
  }
}

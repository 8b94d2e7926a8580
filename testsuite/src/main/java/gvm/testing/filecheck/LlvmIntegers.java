package gvm.testing.filecheck;

import java.math.BigInteger;

/**
 * Integer parsing with the rules of LLVM's {@code StringRef::consumeInteger}: radix 0 senses
 * {@code 0x}, {@code 0b}, {@code 0o} and a leading {@code 0} (octal), and parsing stops at the
 * first character that is not a digit of the radix.
 */
final class LlvmIntegers {
  /** The digit run of a number: its radix and {@code [start, end)} after any radix prefix. */
  private record Digits(int radix, int start, int end) {}

  private LlvmIntegers() {}

  private static int digitValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    return Integer.MAX_VALUE;
  }

  private static boolean startsWith(String s, int p, int end, char a, char b) {
    return end - p >= 2 && s.charAt(p) == a && s.charAt(p + 1) == b;
  }

  /** Senses the radix when it is 0 and finds the digits; null when nothing follows the prefix. */
  private static Digits scan(String s, int p, int end, int radix) {
    int q = p;
    if (radix == 0) {
      radix = 10;
      if (startsWith(s, p, end, '0', 'x') || startsWith(s, p, end, '0', 'X')) {
        radix = 16;
        q = p + 2;
      } else if (startsWith(s, p, end, '0', 'b') || startsWith(s, p, end, '0', 'B')) {
        radix = 2;
        q = p + 2;
      } else if (startsWith(s, p, end, '0', 'o')) {
        radix = 8;
        q = p + 2;
      } else if (end - p > 1 && s.charAt(p) == '0' && s.charAt(p + 1) >= '0' && s.charAt(p + 1) <= '9') {
        radix = 8;
        q = p + 1;
      }
    }
    if (q == end) {
      return null;
    }
    int d = q;
    while (d < end && digitValue(s.charAt(d)) < radix) {
      d++;
    }
    return new Digits(radix, q, d);
  }

  /**
   * {@code consumeInteger(Radix, APInt&)}: an unbounded number at {@code p}.
   *
   * @return the offset after the consumed text, or -1 when nothing was consumed; a radix
   *     prefix alone counts as consumed, with value 0, as in LLVM
   */
  static int consumeBigInteger(String s, int p, int end, int radix, BigInteger[] result) {
    Digits d = scan(s, p, end, radix);
    if (d == null || d.end() == p) {
      return -1;
    }
    result[0] = d.start() == d.end() ? BigInteger.ZERO : new BigInteger(s.substring(d.start(), d.end()), d.radix());
    return d.end();
  }

  /**
   * {@code consumeUnsignedInteger}: a number that fits in 64 unsigned bits.
   *
   * @return the offset after the digits, or -1 when there are none or the value overflows
   */
  static int consumeUnsigned(String s, int p, int end, int radix, long[] result) {
    Digits d = scan(s, p, end, radix);
    if (d == null || d.start() == d.end()) {
      return -1;
    }
    BigInteger v = new BigInteger(s.substring(d.start(), d.end()), d.radix());
    if (v.bitLength() > 64) {
      return -1;
    }
    result[0] = v.longValue();
    return d.end();
  }
}

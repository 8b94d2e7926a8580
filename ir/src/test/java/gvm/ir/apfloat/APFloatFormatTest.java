package gvm.ir.apfloat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** MLIR's printFloatValue and LLVM's toString on hand-picked values (checked with mlir-opt 19). */
class APFloatFormatTest {
  private static final FloatSemantics F16 = FloatSemantics.F16;
  private static final FloatSemantics F32 = FloatSemantics.F32;
  private static final FloatSemantics F64 = FloatSemantics.F64;

  private static String f64(double d, int precision, int maxPadding, boolean truncateZero) {
    return APFloat.toString(Double.doubleToRawLongBits(d), F64, precision, maxPadding, truncateZero);
  }

  private static String big(String hex, FloatSemantics s) {
    return APFloat.format(new BigInteger(hex, 16), s);
  }

  @Test
  void sixDigitScientificWhenItRoundTrips() {
    assertEquals("2.500000e+00", APFloat.format(0x40200000L, F32));
    assertEquals("1.000980e-01", APFloat.format(APFloat.parseLiteral("0.1", FloatSemantics.BF16),
        FloatSemantics.BF16));
    assertEquals("-0.000000e+00", APFloat.format(0x80000000L, F32));
    assertEquals("0.000000e+00", APFloat.format(0L, FloatSemantics.F8E4M3FNUZ));
    assertEquals("9.999940e-41", APFloat.format(APFloat.parseLiteral("1.0e-40", F32), F32));
    assertEquals("4.480000e+02", APFloat.format(0x7EL, FloatSemantics.F8E4M3FN));
    assertEquals("4.940660e-324", APFloat.format(1L, F64));
    assertEquals("3.645200e-4951", big("1", FloatSemantics.F80));
  }

  @Test
  void defaultFormWhenSixDigitsAreNotEnough() {
    assertEquals("0.30000000000000004", APFloat.format(0x3FD3333333333334L, F64));
    assertEquals("9.765625E-4", APFloat.format(0x3F50000000000000L, F64));
    assertEquals("1234.5625", APFloat.format(0x40934A4000000000L, F64));
    assertEquals("1.7976931348623157E+308", APFloat.format(0x7FEFFFFFFFFFFFFFL, F64));
    assertEquals("0.100000000000000005551",
        APFloat.format(APFloat.parseLiteralBig("0.1", FloatSemantics.F80), FloatSemantics.F80));
    assertEquals("3.02201486953581245615332845070743919E-4624",
        big("4000000000000000000000000000001", FloatSemantics.F128));
  }

  @Test
  void hexForNonFiniteAndForIntegralValuesWithoutAPoint() {
    assertEquals("0x7F800000", APFloat.format(0x7F800000L, F32));
    assertEquals("0xFFC00000", APFloat.format(0xFFC00000L, F32));
    assertEquals("0x7C00", APFloat.format(0x7C00L, F16));
    assertEquals("0x7E00", APFloat.format(0x7E00L, F16));
    assertEquals("0xFFF8000000000000", APFloat.format(0xFFF8000000000000L, F64));
    assertEquals("0x3FC00", APFloat.format(0x3FC00L, FloatSemantics.TF32));
    assertEquals("0x80", APFloat.format(0x80L, FloatSemantics.F8E5M2FNUZ));
    assertEquals("0xFF", APFloat.format(0xFFL, FloatSemantics.F8E4M3FN));
    // 16777215 needs 8 digits: "1.677722e+07" misses, the default form "16777215" has no '.'.
    assertEquals("0x4B7FFFFF", APFloat.format(APFloat.parseLiteral("16777215.0", F32), F32));
    assertEquals("0x4132D68700000000", APFloat.format(APFloat.parseLiteral("1234567.0", F64), F64));
    // An x87 unnormal is a NaN to LLVM, and prints re-encoded with an all-ones exponent.
    assertEquals("0x7FFF0000000000000000", big("3FFF0000000000000000", FloatSemantics.F80));
    assertEquals("0xFFFF8000000000000000", big("FFFF8000000000000000", FloatSemantics.F80));
  }

  @Test
  void toStringSpecialsAndZeros() {
    assertEquals("+Inf", APFloat.toString(0x7C00L, F16, 6, 0, false));
    assertEquals("-Inf", APFloat.toString(0xFC00L, F16, 0, 3, true));
    assertEquals("NaN", APFloat.toString(0xFE00L, F16, 0, 3, true));
    assertEquals("0", f64(0.0, 0, 3, true));
    assertEquals("-0.0E+0", f64(-0.0, 6, 0, true));
    assertEquals("-0.00e+00", f64(-0.0, 2, 0, false));
    assertEquals("0.0e+00", f64(0.0, 1, 0, false));
  }

  @Test
  void toStringLayoutChoices() {
    assertEquals("5.000000e+00", f64(5.0, 6, 0, false));
    assertEquals("5.0E+0", f64(5.0, 6, 0, true));
    assertEquals("1.5", f64(1.5, 0, 3, true));
    assertEquals("1000", f64(1000.0, 0, 3, true)); // three padding zeros allowed
    assertEquals("1.0E+4", f64(10000.0, 0, 3, true)); // four are not
    assertEquals("0.001953125", f64(0x1p-9, 0, 3, true)); // most significant digit at 10^-3
    assertEquals("9.765625E-4", f64(0x1p-10, 0, 3, true)); // at 10^-4: scientific
    assertEquals("1.23E+5", f64(123456.0, 3, 3, true)); // 123000 would look too precise
    assertEquals("1.234570e+05", f64(123456.5, 6, 0, false)); // 1234565: the 5 rounds up
    assertEquals("-1.000000e+100", f64(-1e100, 6, 0, false));
    assertEquals("1.0000000000000001E-5", f64(1e-5, 0, 3, true));
  }

  /** LLVM rounds the digit string half-up, looking only at the first dropped digit. */
  @Test
  void toStringRoundsHalfUp() {
    assertEquals("0.13", f64(0.125, 2, 3, true)); // not 0.12, as ties-to-even would give
    assertEquals("1.0E+1", f64(9.96875, 2, 0, true)); // 996 -> carry through every digit
    assertEquals("2.0E+0", f64(1.96875, 2, 0, true));
  }

  /**
   * LLVM first truncates the exact decimal integer to roughly the digits it needs
   * (in binary, AdjustToPrecision), and only rounds what is left; when exactly six
   * digits are left nothing is rounded. f16 0x000F is 8.94069671630859375e-7 and
   * mlir-opt prints 8.940690e-07, not 8.940700e-07.
   */
  @Test
  void toStringTruncatesBeforeRounding() {
    assertEquals("8.940690e-07", APFloat.format(0xFL, F16));
    assertEquals("7.390970e-06", APFloat.format(0x7CL, F16));
    assertEquals("6.612150e-39", APFloat.format(0x48L, FloatSemantics.BF16));
    // 9995e-1 is cut to 999 before rounding to 3 digits could see the 5.
    assertEquals("999", f64(999.5, 3, 3, true));
  }

  @Test
  void hexPaddingFollowsTheWidth() {
    assertEquals("0x0001", FloatFormatter.hexLiteral(BigInteger.ONE, F16));
    assertEquals("0x00001", FloatFormatter.hexLiteral(BigInteger.ONE, FloatSemantics.TF32));
    assertEquals("0x00000000000000000001", FloatFormatter.hexLiteral(BigInteger.ONE,
        FloatSemantics.F80));
  }

  @Test
  void semanticsTable() {
    for (FloatSemantics s : FloatSemantics.values()) {
      assertSame(s, FloatSemantics.byKeyword(s.keyword()));
      assertEquals(s.bitWidth(), 1 + s.exponentBits() + s.storedSignificandBits());
    }
    assertNull(FloatSemantics.byKeyword("f8E3M4")); // not a builtin type in MLIR 19
    assertNull(FloatSemantics.byKeyword("F32"));
    assertEquals(11, F16.precision());
    assertEquals(64, FloatSemantics.F80.precision());
    assertEquals(15, FloatSemantics.F80.exponentBits());
    assertEquals(8, FloatSemantics.TF32.exponentBits());
    assertEquals(11, FloatSemantics.F8E4M3B11FNUZ.bias());
    assertEquals(16, FloatSemantics.F8E5M2FNUZ.bias());
    assertEquals(7, FloatSemantics.F8E4M3FN.bias());
    assertFalse(FloatSemantics.F8E4M3FN.hasInfinity());
    assertTrue(FloatSemantics.F8E4M3FN.hasNegativeZero());
    assertFalse(FloatSemantics.F8E4M3FNUZ.hasNegativeZero());
  }
}

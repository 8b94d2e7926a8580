package gvm.ir.apfloat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** fromDouble / toDouble / convert, checked against Java's own float arithmetic and exact values. */
class APFloatConversionTest {
  private static final FloatSemantics[] SMALL = {
    FloatSemantics.F16, FloatSemantics.BF16, FloatSemantics.F8E5M2, FloatSemantics.F8E4M3,
    FloatSemantics.F8E4M3FN, FloatSemantics.F8E5M2FNUZ, FloatSemantics.F8E4M3FNUZ,
    FloatSemantics.F8E4M3B11FNUZ};

  /** Random doubles of every magnitude, plus ones near float midpoints and subnormals. */
  private static double[] sampleDoubles(long seed, int n) {
    Random r = new Random(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      switch (i % 4) {
        case 0:
          out[i] = Double.longBitsToDouble(r.nextLong());
          break;
        case 1: { // exactly half-way between two floats, or one double ulp off it
          float f = Float.intBitsToFloat(r.nextInt() & 0x7F7FFFFF);
          double mid = ((double) f + (double) Math.nextUp(f)) / 2;
          out[i] = r.nextBoolean() ? mid : (r.nextBoolean() ? Math.nextUp(mid) : Math.nextDown(mid));
          break;
        }
        case 2: // float subnormal range and just below it
          out[i] = r.nextDouble() * 2e-38 * (r.nextBoolean() ? 1 : 1e-8);
          break;
        default:
          out[i] = (r.nextDouble() - 0.5) * Math.pow(2, r.nextInt(300) - 150);
      }
    }
    return out;
  }

  @Test
  void f32FromDoubleMatchesJavaNarrowing() {
    for (double d : sampleDoubles(1, 200_000)) {
      if (Double.isNaN(d)) {
        continue;
      }
      long want = Float.floatToRawIntBits((float) d) & 0xFFFFFFFFL;
      // fromDoubleBig has no Java fast path: this checks the generic rounding engine.
      assertEquals(want, APFloat.fromDoubleBig(d, FloatSemantics.F32).longValue(), () -> "" + d);
      assertEquals(want, APFloat.fromDouble(d, FloatSemantics.F32), () -> "" + d);
    }
  }

  @Test
  void f32ToDoubleMatchesJavaWidening() {
    Random r = new Random(2);
    for (int i = 0; i < 200_000; i++) {
      int bits = r.nextInt();
      float f = Float.intBitsToFloat(bits);
      if (Float.isNaN(f)) {
        continue;
      }
      assertEquals(Double.doubleToRawLongBits(f),
          Double.doubleToRawLongBits(APFloat.toDouble(bits & 0xFFFFFFFFL, FloatSemantics.F32)));
    }
  }

  @Test
  void f64RoundTripsUnchanged() {
    for (double d : sampleDoubles(3, 50_000)) {
      long bits = Double.doubleToRawLongBits(d);
      assertEquals(bits, APFloat.fromDouble(d, FloatSemantics.F64));
      assertEquals(bits, APFloat.fromDoubleBig(d, FloatSemantics.F64).longValue());
      assertEquals(bits, Double.doubleToRawLongBits(APFloat.toDouble(bits, FloatSemantics.F64)));
    }
  }

  /**
   * Every pattern of every format up to 16 bits: the exact value, the round trip,
   * and rounding at each midpoint between neighbours (ties to even) and one double
   * ulp either side of it. Midpoints of these formats are exact doubles.
   */
  @Test
  void smallFormatsExhaustively() {
    for (FloatSemantics s : SMALL) {
      long max = -1;
      for (long b = 0; b < (1L << s.bitWidth()); b++) {
        BigDecimal exact = ReferenceDecoder.exact(b, s);
        boolean nan = APFloat.isNaN(b, s);
        boolean inf = APFloat.isInf(b, s);
        assertEquals(exact == null, nan || inf, s + " " + b);
        double d = APFloat.toDouble(b, s);
        // The long API takes allocation-free shortcuts; the BigInteger one never does.
        assertEquals(Double.doubleToRawLongBits(APFloat.toDouble(BigInteger.valueOf(b), s)),
            Double.doubleToRawLongBits(d), s + " " + b);
        if (exact == null) {
          assertTrue(nan ? Double.isNaN(d) : Double.isInfinite(d), s + " " + b);
          continue;
        }
        assertEquals(0, exact.compareTo(new BigDecimal(d)), s + " " + b);
        assertEquals(b, APFloat.fromDouble(d, s), s + " " + b);
        assertEquals(exact.signum() == 0, APFloat.isZero(b, s));
        long up = b + 1;
        boolean positive = !APFloat.isNegative(b, s);
        if (positive && ReferenceDecoder.exact(up, s) != null
            && !APFloat.isNegative(up, s)) {
          double next = APFloat.toDouble(up, s);
          double mid = (d + next) / 2;
          long even = (b & 1) == 0 ? b : up;
          for (double probe : new double[] {mid, Math.nextUp(mid), Math.nextDown(mid), -mid}) {
            assertEquals(APFloat.fromDoubleBig(probe, s).longValue(), APFloat.fromDouble(probe, s));
          }
          assertEquals(even, APFloat.fromDouble(mid, s), s + " tie above " + b);
          assertEquals(b, APFloat.fromDouble(Math.nextDown(mid), s), s + " below mid " + b);
          assertEquals(up, APFloat.fromDouble(Math.nextUp(mid), s), s + " above mid " + b);
          long sign = 1L << (s.bitWidth() - 1);
          if (s.hasNegativeZero() || b != 0) {
            assertEquals(even | sign, APFloat.fromDouble(-mid, s), s + " -tie " + b);
          }
        }
        if (positive) {
          max = Math.max(max, b);
        }
      }
      checkOverflow(s, max);
    }
  }

  /** Just past the largest finite value, half an ulp decides: IEEE rounds ties to inf/NaN. */
  private static void checkOverflow(FloatSemantics s, long max) {
    double top = APFloat.toDouble(max, s);
    double ulp = top - APFloat.toDouble(max - 1, s);
    double edge = top + ulp / 2;
    long over = APFloat.fromDouble(Double.POSITIVE_INFINITY, s);
    assertTrue(APFloat.isInf(over, s) || APFloat.isNaN(over, s), s.keyword());
    assertEquals((max & 1) == 0 ? max : over, APFloat.fromDouble(edge, s), s.keyword());
    assertEquals(max, APFloat.fromDouble(Math.nextDown(edge), s), s.keyword());
    assertEquals(over, APFloat.fromDouble(Math.nextUp(edge), s), s.keyword());
    assertEquals(over, APFloat.fromDouble(1e300, s), s.keyword());
  }

  @Test
  void bf16IsTheTopHalfOfF32WhenExact() {
    Random r = new Random(4);
    for (int i = 0; i < 20_000; i++) {
      int f32 = r.nextInt() & 0xFFFF0000;
      if (Float.isNaN(Float.intBitsToFloat(f32))) {
        continue;
      }
      assertEquals(f32 >>> 16, APFloat.fromDouble(Float.intBitsToFloat(f32), FloatSemantics.BF16));
    }
  }

  @Test
  void tf32SampleAgainstReference() {
    FloatSemantics s = FloatSemantics.TF32;
    Random r = new Random(5);
    for (int i = 0; i < 30_000; i++) {
      long b = r.nextInt(1 << 19);
      BigDecimal exact = ReferenceDecoder.exact(b, s);
      if (exact == null) {
        continue;
      }
      double d = APFloat.toDouble(b, s);
      assertEquals(0, exact.compareTo(new BigDecimal(d)));
      assertEquals(b, APFloat.fromDouble(d, s));
      // tf32 is f32 with the low 13 significand bits dropped.
      assertEquals(b, APFloat.fromDouble(Float.intBitsToFloat((int) (b << 13)), s));
    }
  }

  @Test
  void wideFormatsHoldEveryDoubleExactly() {
    for (double d : sampleDoubles(6, 20_000)) {
      if (Double.isNaN(d)) {
        continue;
      }
      for (FloatSemantics s : new FloatSemantics[] {FloatSemantics.F80, FloatSemantics.F128}) {
        BigInteger bits = APFloat.fromDoubleBig(d, s);
        assertEquals(Double.doubleToRawLongBits(d),
            Double.doubleToRawLongBits(APFloat.toDouble(bits, s)), () -> s + " " + d);
        if (d != 0 && !Double.isInfinite(d)) {
          assertEquals(0, new BigDecimal(d).compareTo(ReferenceDecoder.exact(bits, s)));
        }
      }
    }
    assertEquals(new BigInteger("3FFF8000000000000000", 16),
        APFloat.fromDoubleBig(1.0, FloatSemantics.F80));
    assertEquals(new BigInteger("3FFF0000000000000000000000000000", 16),
        APFloat.fromDoubleBig(1.0, FloatSemantics.F128));
    assertEquals(new BigInteger("FFFF8000000000000000", 16),
        APFloat.fromDoubleBig(Double.NEGATIVE_INFINITY, FloatSemantics.F80));
  }

  @Test
  void wideFormatsRoundToDouble() {
    // 1 + 2^-60 in f80 is not a double: it rounds to 1; 1 + 2^-53 + 2^-60 rounds up.
    BigInteger one = new BigInteger("3FFF8000000000000000", 16);
    assertEquals(1.0, APFloat.toDouble(one.or(BigInteger.ONE.shiftLeft(3)), FloatSemantics.F80));
    assertEquals(Math.nextUp(1.0), APFloat.toDouble(
        one.or(BigInteger.ONE.shiftLeft(10)).or(BigInteger.ONE.shiftLeft(3)), FloatSemantics.F80));
    // f128 beyond double's range overflows to infinity, and underflows to zero.
    assertEquals(Double.POSITIVE_INFINITY, APFloat.toDouble(
        new BigInteger("7FFE0000000000000000000000000000", 16), FloatSemantics.F128));
    assertEquals(-0.0, APFloat.toDouble(
        new BigInteger("80010000000000000000000000000000", 16), FloatSemantics.F128));
  }

  /** NaN payloads travel as in LLVM's convert: truncated or widened, sNaN quieted. */
  @Test
  void nanConversions() {
    assertEquals(0x7FC00000L, APFloat.fromDouble(Double.NaN, FloatSemantics.F32));
    assertEquals(0x7FC00000L,
        APFloat.fromDouble(Double.longBitsToDouble(0x7FF0000000000001L), FloatSemantics.F32));
    assertEquals(0xFFE00000L,
        APFloat.fromDouble(Double.longBitsToDouble(0xFFF4000000000000L), FloatSemantics.F32));
    assertEquals(0x7E00L, APFloat.fromDouble(Double.NaN, FloatSemantics.F16));
    assertEquals(0x7FF8000020000000L,
        Double.doubleToRawLongBits(APFloat.toDouble(0x7FC00001L, FloatSemantics.F32)));
    // NaN-only formats: their one NaN per sign (FNUZ: the one NaN, 0x80).
    assertEquals(0x7FL, APFloat.fromDouble(Double.NaN, FloatSemantics.F8E4M3FN));
    assertEquals(0xFFL, APFloat.fromDouble(Double.longBitsToDouble(0xFFF8000000000000L), FloatSemantics.F8E4M3FN));
    assertEquals(0x80L, APFloat.fromDouble(Double.NaN, FloatSemantics.F8E5M2FNUZ));
    assertEquals(0x7FL, APFloat.fromDouble(Double.POSITIVE_INFINITY, FloatSemantics.F8E4M3FN));
    assertEquals(0xFFL, APFloat.fromDouble(Double.NEGATIVE_INFINITY, FloatSemantics.F8E4M3FN));
    assertEquals(0x80L, APFloat.fromDouble(Double.NEGATIVE_INFINITY, FloatSemantics.F8E4M3FNUZ));
    assertEquals(0x7FF8000000000000L,
        Double.doubleToRawLongBits(APFloat.toDouble(0x80L, FloatSemantics.F8E4M3FNUZ)));
    assertEquals(0x7FFE000000000000L,
        Double.doubleToRawLongBits(APFloat.toDouble(0x7FL, FloatSemantics.F8E4M3FN)));
    // x87 NaNs carry the explicit integer bit.
    assertEquals(new BigInteger("7FFFC000000000000000", 16),
        APFloat.fromDoubleBig(Double.NaN, FloatSemantics.F80));
    // -0 does not exist in FNUZ formats.
    assertEquals(0L, APFloat.fromDouble(-0.0, FloatSemantics.F8E4M3FNUZ));
    assertEquals(0x8000L, APFloat.fromDouble(-0.0, FloatSemantics.F16));
    assertEquals(0x8000L, APFloat.fromDouble(-1e-10, FloatSemantics.F16));
    assertEquals(0L, APFloat.fromDouble(-1e-10, FloatSemantics.F8E5M2FNUZ));
  }

  @Test
  void convertBetweenFormats() {
    long half = APFloat.fromDouble(0.1, FloatSemantics.F16);
    assertEquals(APFloat.fromDouble(APFloat.toDouble(half, FloatSemantics.F16), FloatSemantics.F32),
        APFloat.convert(half, FloatSemantics.F16, FloatSemantics.F32));
    // f32 0.1 to bf16 rounds once, from the f32 value.
    assertEquals(0x3DCDL, APFloat.convert(0x3DCCCCCDL, FloatSemantics.F32, FloatSemantics.BF16));
    assertEquals(0x7F800000L, APFloat.convert(0x7C00L, FloatSemantics.F16, FloatSemantics.F32));
    assertEquals(new BigInteger("3FFF8000000000000000", 16),
        APFloat.convertBig(BigInteger.valueOf(0x3C00), FloatSemantics.F16, FloatSemantics.F80));
  }

  @Test
  void classification() {
    assertTrue(APFloat.isInf(0xFC00L, FloatSemantics.F16));
    assertTrue(APFloat.isNegative(0xFC00L, FloatSemantics.F16));
    assertTrue(APFloat.isNaN(0x7C01L, FloatSemantics.F16));
    assertTrue(APFloat.isZero(0x8000L, FloatSemantics.F16));
    assertFalse(APFloat.isNaN(0x78L, FloatSemantics.F8E4M3FN)); // 256: finite in FN
    assertTrue(APFloat.isNaN(0xFFL, FloatSemantics.F8E4M3FN));
    assertTrue(APFloat.isNaN(0x80L, FloatSemantics.F8E4M3B11FNUZ));
    assertFalse(APFloat.isZero(0x80L, FloatSemantics.F8E4M3B11FNUZ));
    assertFalse(APFloat.isInf(0x7FL, FloatSemantics.F8E5M2FNUZ));
    // x87: an unnormal (exponent set, integer bit clear) is a NaN to LLVM.
    assertTrue(APFloat.isNaN(new BigInteger("3FFF0000000000000000", 16), FloatSemantics.F80));
    assertTrue(APFloat.isInf(new BigInteger("FFFF8000000000000000", 16), FloatSemantics.F80));
  }

  @Test
  void rejectsMisfitBitsAndWideFormatsInLongApi() {
    assertThrows(IllegalArgumentException.class, () -> APFloat.format(0x10000L, FloatSemantics.F16));
    assertThrows(IllegalArgumentException.class, () -> APFloat.isNaN(0x100L, FloatSemantics.F8E5M2));
    assertThrows(IllegalArgumentException.class, () -> APFloat.fromDouble(1, FloatSemantics.F80));
    assertThrows(IllegalArgumentException.class, () -> APFloat.format(1L, FloatSemantics.F128));
    assertThrows(IllegalArgumentException.class,
        () -> APFloat.format(BigInteger.ONE.shiftLeft(19), FloatSemantics.TF32));
  }
}

package gvm.ir.apfloat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The f32/f64 fast path of {@link APFloat#parseLiteral} agrees with the exact decimal route. */
class APFloatFastPathTest {
  @Test
  void fastPathMatchesExactRouteOnRandomLiterals() {
    Random r = new Random(42);
    String[] fixed = {"0.0", "-0.0", "1.0", "0.1", "3.4028235e38", "3.4028236e38", "1.0e-45", "7.0e-46",
        "1.17549435e-38", "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308", "1.8e308",
        "123456789012345678901234567890.5", "1.e5", "5.E-3", "9007199254740993.0"};
    for (String s : fixed) check(s);
    for (int i = 0; i < 20000; i++) {
      StringBuilder sb = new StringBuilder();
      if (r.nextBoolean()) sb.append('-');
      int ints = 1 + r.nextInt(r.nextInt(4) == 0 ? 25 : 6);
      for (int k = 0; k < ints; k++) sb.append((char) ('0' + r.nextInt(10)));
      sb.append('.');
      int fr = r.nextInt(r.nextInt(4) == 0 ? 20 : 8);
      for (int k = 0; k < fr; k++) sb.append((char) ('0' + r.nextInt(10)));
      if (r.nextBoolean()) sb.append(r.nextBoolean() ? 'e' : 'E').append(r.nextBoolean() ? "-" : "+").append(r.nextInt(330));
      check(sb.toString());
    }
  }

  private static void check(String lit) {
    for (FloatSemantics s : new FloatSemantics[] {FloatSemantics.F32, FloatSemantics.F64})
      assertEquals(APFloat.parseLiteralBig(lit, s).longValue(), APFloat.parseLiteral(lit, s), lit + " as " + s);
  }
}

package gvm.ir.apfloat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays {@code oracle.tsv}: for each builtin float type, thousands of
 * {@code arith.constant} literals and what LLVM 19's {@code mlir-opt} printed for
 * them (regenerate with {@code gen_oracle.py} next to it).
 */
class APFloatOracleTest {
  private record Row(FloatSemantics sem, String literal, String printed) {}

  private static final List<Row> ROWS = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = APFloatOracleTest.class.getResourceAsStream("oracle.tsv")) {
      assertNotNull(in, "oracle.tsv missing from test resources");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        FloatSemantics s = FloatSemantics.byKeyword(f[0]);
        assertNotNull(s, "unknown type in oracle: " + f[0]);
        ROWS.add(new Row(s, f[1], f[2]));
      }
    }
  }

  @Test
  void everyTypeIsCovered() {
    Map<FloatSemantics, Integer> counts = new TreeMap<>();
    for (Row row : ROWS) {
      counts.merge(row.sem(), 1, Integer::sum);
    }
    for (FloatSemantics s : FloatSemantics.values()) {
      assertTrue(counts.getOrDefault(s, 0) >= 1500, s + " has too few oracle rows: " + counts);
    }
  }

  /** format(parseLiteral(x)) must print exactly what mlir-opt printed. */
  @Test
  void formatOfParsedLiteralMatchesMlirOpt() {
    List<String> failures = new ArrayList<>();
    for (Row row : ROWS) {
      String got;
      try {
        got = APFloat.format(APFloat.parseLiteralBig(row.literal(), row.sem()), row.sem());
      } catch (RuntimeException e) {
        got = e.toString();
      }
      if (!got.equals(row.printed())) {
        failures.add(row + " -> " + got);
      }
    }
    assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())),
        failures.size() + " of " + ROWS.size() + " rows differ");
  }

  /** The long API agrees with the BigInteger one wherever it applies. */
  @Test
  void longApiAgreesWithBigApi() {
    for (Row row : ROWS) {
      FloatSemantics s = row.sem();
      if (s.bitWidth() > 64) {
        continue;
      }
      long bits = APFloat.parseLiteral(row.literal(), s);
      assertEquals(APFloat.parseLiteralBig(row.literal(), s).longValue(), bits, row.toString());
      assertEquals(row.printed(), APFloat.format(bits, s), row.toString());
    }
  }

  /**
   * What MLIR prints, MLIR reads back to the same value: decimal output re-parsed
   * (correctly rounded, as APFloat(sem, str) does) prints identically, and hex
   * output is the bit pattern itself.
   */
  @Test
  void printedFormReadsBack() {
    for (Row row : ROWS) {
      FloatSemantics s = row.sem();
      String out = row.printed();
      BigInteger bits = out.startsWith("0x")
          ? APFloat.parseLiteralBig(out, s) : APFloat.parseDecimalBig(out, s);
      assertEquals(out, APFloat.format(bits, s), row.toString());
    }
  }
}

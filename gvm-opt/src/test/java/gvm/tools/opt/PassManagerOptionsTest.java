package gvm.tools.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gvm-opt's pass-manager options that a FileCheck test cannot check well: the JSON timing report
 * read back with Jackson, and multithreaded runs giving byte-identical output and diagnostics.
 */
class PassManagerOptionsTest {
  private record Result(int rc, String out, String err) {}

  private static Result run(String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    int rc = GvmOpt.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)),
        new PrintStream(out, true), new PrintStream(err, true));
    return new Result(rc, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1));
  }

  /** {@code n} functions, each with a few ops and its own locations. */
  private static String functions(int n) {
    StringBuilder sb = new StringBuilder("module {\n");
    for (int i = 0; i < n; i++) {
      sb.append("  func.func @f").append(i).append("(%x: i32) -> i32 {\n");
      sb.append("    %c0 = arith.constant 0 : i32\n");
      sb.append("    %0 = arith.addi %x, %c0 : i32 loc(\"f").append(i).append(".py\":1:2)\n");
      sb.append("    %1 = arith.addi %x, %c0 : i32\n");
      sb.append("    %2 = arith.muli %0, %1 : i32\n");
      sb.append("    return %2 : i32\n  }\n");
    }
    return sb.append("  func.func private @dead()\n}\n").toString();
  }

  @Test void thousandFunctionsOnThreadsPrintAsOnOneThread() {
    String input = functions(1000);
    String pipeline = "builtin.module(func.func(cse,canonicalize,strip-debuginfo),symbol-dce)";
    Result threaded = run(input, "-p", pipeline, "--mlir-print-debuginfo");
    Result single = run(input, "-p", pipeline, "--mlir-print-debuginfo", "--mlir-disable-threading");
    assertEquals(0, threaded.rc, threaded.err);
    assertEquals(single.out, threaded.out);
    assertTrue(threaded.out.contains("func.func @f999(%arg0: i32 loc(unknown)) -> i32 {\n    %0 = arith.muli %arg0, %arg0 : i32 loc(#loc1)\n"),
        threaded.out.substring(0, 300));
    assertTrue(!threaded.out.contains("@dead"));
  }

  @Test void diagnosticsOfThreadedFailuresComeInOpOrder() {
    String input = functions(1000);
    String pipeline = "builtin.module(func.func(test-pass-create-invalid-ir))";
    for (int attempt = 0; attempt < 3; attempt++) {
      Result threaded = run(input, "-p", pipeline);
      Result single = run(input, "-p", pipeline, "--mlir-disable-threading");
      assertEquals(1, threaded.rc);
      assertEquals(single.err, threaded.err);
      assertTrue(threaded.err.startsWith("<unknown>:0: error: 'arith.constant' op requires attribute 'value'\n"), threaded.err);
    }
  }

  @Test void jsonTimingTreeReadsBack() throws Exception {
    Result r = run(functions(3), "-p", "builtin.module(func.func(strip-debuginfo),symbol-dce)", "--mlir-timing",
        "--mlir-timing-display=tree", "--mlir-output-format=json", "-o", "/dev/null");
    assertEquals(0, r.rc, r.err);
    JsonNode report = new ObjectMapper().readTree(r.err);
    assertTrue(report.isArray());
    List<String> names = new ArrayList<>();
    for (JsonNode entry : report) {
      names.add(entry.get("name").asText());
      for (String column : List.of("user", "wall")) {
        double pct = entry.get(column).get("percentage").asDouble();
        assertTrue(pct >= 0 && pct <= 100.0, entry.toString());
        assertTrue(entry.get(column).get("duration").asDouble() >= 0, entry.toString());
      }
    }
    assertEquals(List.of("Parser", "'func.func' Pipeline", "SymbolDCE", "Output", "Rest", "Total"), names);
    JsonNode pipeline = report.get(1).get("passes");
    assertEquals("StripDebugInfo", pipeline.get(0).get("name").asText());
    assertEquals(0, pipeline.get(1).size(), "MLIR ends each 'passes' list with {}");
    assertEquals(100.0, report.get(5).get("wall").get("percentage").asDouble());
  }

  @Test void jsonTimingListWithoutThreadsHasOnlyWallTime() throws Exception {
    Result r = run(functions(2), "--symbol-dce", "--mlir-timing", "--mlir-timing-display=list", "--mlir-output-format=json", "--mlir-disable-threading", "-o", "/dev/null");
    JsonNode report = new ObjectMapper().readTree(r.err);
    for (JsonNode entry : report) {
      assertTrue(!entry.has("user") && entry.has("wall") && !entry.has("passes"), entry.toString());
    }
    assertEquals("Total", report.get(report.size() - 1).get("name").asText());
  }

  @Test void statisticsByPipelineAndList() {
    Result r = run(functions(2), "-p", "builtin.module(symbol-dce,func.func(strip-debuginfo),symbol-dce)", "--mlir-pass-statistics", "-o", "/dev/null");
    assertEquals("""
        ===-------------------------------------------------------------------------===
                                 ... Pass statistics report ...
        ===-------------------------------------------------------------------------===
        SymbolDCE
          (S) 1 num-dce'd - Number of symbols DCE'd
        'func.func' Pipeline
          StripDebugInfo
        SymbolDCE
          (S) 0 num-dce'd - Number of symbols DCE'd

        """, r.err);
    Result list = run(functions(2), "-p", "builtin.module(symbol-dce,func.func(strip-debuginfo),symbol-dce)", "--mlir-pass-statistics",
        "--mlir-pass-statistics-display=list", "-o", "/dev/null");
    assertTrue(list.err.endsWith("===\n  SymbolDCE\n    (S) 1 num-dce'd - Number of symbols DCE'd\n\n"), list.err);
  }
}

package gvm.testing.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LitMainTest {
  @TempDir Path dir;

  private record Run(int rc, String out, String err) {}

  private static Run lit(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = LitMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), TestRunnerTest.tools());
    return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void reportsLikeLit() throws Exception {
    Path root = TestRunnerTest.writeSuite(dir);
    Run r = lit("-v", "-j", "3", root.toString());
    assertEquals(1, r.rc, r.out + r.err);
    assertTrue(r.out.startsWith("-- Testing: 12 tests, 3 workers --\n"), r.out);
    assertTrue(r.out.contains("PASS: demo :: pass.mlir ("), r.out);
    assertTrue(r.out.contains("FAIL: demo :: fail.mlir ("), r.out);
    assertTrue(r.out.contains("******************** TEST 'demo :: fail.mlir' FAILED"
        + " ********************\nExit Code: 1\n"), r.out);
    assertTrue(r.out.contains("# RUN: at line 2\necho two | count 2\n"), r.out);
    assertTrue(r.out.contains("XPASS: demo :: xpass.mlir ("), r.out);
    assertTrue(r.out.contains("""
        ********************
        Unresolved Tests (3):
          demo :: badexpr.mlir
          demo :: badshell.mlir
          demo :: norun.mlir

        ********************
        Failed Tests (1):
          demo :: fail.mlir

        ********************
        Unexpectedly Passed Tests (1):
          demo :: xpass.mlir

        """), r.out);
    assertTrue(r.out.endsWith("""
        Total Discovered Tests: 12
          Unsupported        : 3 (25.00%)
          Passed             : 2 (16.67%)
          Passed With Retry  : 1 (8.33%)
          Expectedly Failed  : 1 (8.33%)
          Unresolved         : 3 (25.00%)
          Failed             : 1 (8.33%)
          Unexpectedly Passed: 1 (8.33%)
        """), r.out);
  }

  @Test
  void filterQuietAndXunit() throws Exception {
    Path root = TestRunnerTest.writeSuite(dir);
    Path xml = dir.resolve("out/results.xml");
    Run r = lit("-q", "-j1", "--filter=pass|xfail", "--xunit-xml-output=" + xml, root.toString());
    assertEquals(1, r.rc, r.out);
    assertEquals("""
        XPASS: demo :: xpass.mlir (3 of 3)
        ********************
        Unexpectedly Passed Tests (1):
          demo :: xpass.mlir


        Total Discovered Tests: 12
          Unexpectedly Passed: 1 (8.33%)
        """, r.out);
    String report = Files.readString(xml);
    assertTrue(report.contains("<testsuite name=\"demo\" tests=\"12\" failures=\"1\" skipped=\"9\""),
        report);
    assertTrue(report.contains("<testcase classname=\"demo\" name=\"xpass.mlir\""), report);
    assertTrue(report.contains("<testcase classname=\"demo.sub\" name=\"nested.txt\""), report);

    r = lit("-s", root.resolve("pass.mlir").toString(), root.resolve("xfail.mlir").toString());
    assertEquals(0, r.rc, r.out);
    assertFalse(r.out.contains("PASS: demo"), r.out);
    assertTrue(r.out.contains("  Passed           : 1 (50.00%)\n  Expectedly Failed: 1 (50.00%)\n"),
        r.out);
  }

  @Test
  void showAllPrintsPassingLogs() throws Exception {
    Path root = TestRunnerTest.writeSuite(dir);
    Run r = lit("-a", root.resolve("define.mlir").toString());
    assertEquals(0, r.rc);
    assertTrue(r.out.contains("PASS: demo :: define.mlir (1 of 1)\nExit Code: 0\n"), r.out);
    assertTrue(r.out.contains("# RUN: at line 4\nnot false\n# executed command: not false\n"),
        r.out);
  }

  @Test
  void usageAndConfigurationErrorsExitWith2() throws Exception {
    assertEquals(2, lit(dir.resolve("missing").toString()).rc);
    Files.writeString(dir.resolve("x.mlir"), "// RUN: true\n");
    Run r = lit(dir.resolve("x.mlir").toString());
    assertEquals(2, r.rc);
    assertTrue(r.err.contains("unable to find test suite"), r.err);
    Path root = TestRunnerTest.writeSuite(dir);
    r = lit("--filter=nothing-matches", root.toString());
    assertEquals(2, r.rc);
    assertTrue(r.err.contains("filter did not match any tests (of 12 discovered)"), r.err);
    assertEquals(2, lit().rc);
    Files.writeString(root.resolve("lit.cfg.py"), "for x in y:\n  pass\n");
    r = lit(root.toString());
    assertEquals(2, r.rc);
    assertTrue(r.err.contains("lit.cfg.py:1: 'for' statements are not supported"), r.err);
  }

  @Test
  void paramsReachTheConfig() throws Exception {
    Path root = dir.resolve("s");
    TestRunnerTest.write(root.resolve("lit.cfg.py"), "config.name = 's'\n"
        + "config.suffixes = ['.mlir']\n"
        + "config.available_features.add(lit_config.params.get('feature', 'none'))\n");
    TestRunnerTest.write(root.resolve("t.mlir"), "// REQUIRES: fast\n// RUN: true\n");
    assertTrue(lit(root.toString()).out.contains("UNSUPPORTED: s :: t.mlir"));
    assertTrue(lit("-D", "feature=fast", root.toString()).out.contains("PASS: s :: t.mlir"));
    assertTrue(lit("--param", "feature=fast", root.toString()).out.contains("PASS: s :: t.mlir"));
  }

  @Test
  void timeoutOption() throws Exception {
    Path root = dir.resolve("s");
    TestRunnerTest.write(root.resolve("lit.cfg.py"), "config.name = 's'\n"
        + "config.suffixes = ['.mlir']\n");
    TestRunnerTest.write(root.resolve("slow.mlir"), "// RUN: sleepy\n");
    Run r = lit("--timeout=1", root.toString());
    assertEquals(1, r.rc);
    assertTrue(r.out.contains("TIMEOUT: s :: slow.mlir (1 of 1)"), r.out);
    assertTrue(r.out.contains("Timed Out Tests (1):\n  s :: slow.mlir\n"), r.out);
  }
}

package gvm.testing.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRunnerTest {
  @TempDir Path dir;

  private static volatile boolean releaseStubborn;

  /** The test tools of InternalShellTest, plus ones that sleep, spin, and fail once. */
  static ToolRegistry tools() {
    AtomicInteger flakyCalls = new AtomicInteger();
    return InternalShellTest.testTools()
        .withTool("sleepy", call -> {
          Thread.sleep(60_000);
          return 0;
        })
        .withTool("stubborn", call -> {
          // ignores interrupts: the runner must give up on it, not wait
          long end = System.nanoTime() + 30_000_000_000L;
          while (!releaseStubborn && System.nanoTime() < end) {
            Thread.onSpinWait();
          }
          return 0;
        })
        .withTool("flaky", call -> flakyCalls.getAndIncrement() == 0 ? 1 : 0);
  }

  @AfterEach
  void release() {
    releaseStubborn = true;
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** Writes a small suite with one test per outcome; returns its root. */
  static Path writeSuite(Path dir) throws IOException {
    Path root = dir.resolve("suite");
    write(root.resolve("lit.cfg.py"), """
        import os
        import lit.formats
        config.name = 'demo'
        config.test_format = lit.formats.ShTest(True)
        config.suffixes = ['.mlir', '.txt']
        config.excludes = ['Inputs']
        config.test_exec_root = os.path.join(os.path.dirname(__file__), 'build')
        config.substitutions.append(('%{greeting}', 'echo hello'))
        config.available_features.add('feat')
        """);
    write(root.resolve("pass.mlir"), "// RUN: %{greeting} | count 1\n// RUN: echo %t > %t\n");
    write(root.resolve("fail.mlir"), "// RUN: echo one | count 1\n// RUN: echo two | count 2\n"
        + "// RUN: echo never-run\n");
    write(root.resolve("xfail.mlir"), "// XFAIL: *\n// RUN: false\n");
    write(root.resolve("xpass.mlir"), "// XFAIL: feat || other\n// RUN: true\n");
    write(root.resolve("requires.mlir"), "// REQUIRES: feat, missing\n// RUN: false\n");
    write(root.resolve("unsupported.mlir"), "// UNSUPPORTED: !missing && feat\n// RUN: false\n");
    write(root.resolve("norun.mlir"), "// CHECK: nothing to run\n");
    write(root.resolve("badexpr.mlir"), "// REQUIRES: a b\n// RUN: true\n");
    write(root.resolve("badshell.mlir"), "// RUN: echo |\n");
    write(root.resolve("define.mlir"), "// DEFINE: %{cmd} = echo a\n// RUN: %{cmd} | count 1\n"
        + "// REDEFINE: %{cmd} = false\n// RUN: not %{cmd}\n");
    write(root.resolve("flaky.mlir"), "// ALLOW_RETRIES: 2\n// RUN: flaky\n");
    write(root.resolve("sub/nested.txt"), "// RUN: true\n");
    write(root.resolve("sub/lit.local.cfg"), "config.unsupported = True\n");
    write(root.resolve("Inputs/helper.mlir"), "// RUN: false\n");
    write(root.resolve(".hidden.mlir"), "// RUN: false\n");
    write(root.resolve("notatest.ll"), "; RUN: false\n");
    return root;
  }

  private Map<String, TestResult> runAll(Path root, double timeout) throws Exception {
    List<LitTest> tests = new Discovery(Map.of()).discover(List.of(root));
    TestRunner runner = new TestRunner(tools(), timeout);
    return tests.stream().collect(Collectors.toMap(LitTest::pathInSuite, runner::run));
  }

  @Test
  void outcomes() throws Exception {
    Path root = writeSuite(dir);
    Map<String, TestResult> r = runAll(root, 0);
    Map<String, ResultCode> codes = r.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().code()));
    assertEquals(Map.ofEntries(
        Map.entry("pass.mlir", ResultCode.PASS),
        Map.entry("fail.mlir", ResultCode.FAIL),
        Map.entry("xfail.mlir", ResultCode.XFAIL),
        Map.entry("xpass.mlir", ResultCode.XPASS),
        Map.entry("requires.mlir", ResultCode.UNSUPPORTED),
        Map.entry("unsupported.mlir", ResultCode.UNSUPPORTED),
        Map.entry("norun.mlir", ResultCode.UNRESOLVED),
        Map.entry("badexpr.mlir", ResultCode.UNRESOLVED),
        Map.entry("badshell.mlir", ResultCode.UNRESOLVED),
        Map.entry("define.mlir", ResultCode.PASS),
        Map.entry("flaky.mlir", ResultCode.FLAKYPASS),
        Map.entry("sub/nested.txt", ResultCode.UNSUPPORTED)), codes);
    assertTrue(ResultCode.XPASS.isFailure());

    String fail = r.get("fail.mlir").output();
    assertTrue(fail.startsWith("Exit Code: 1\n\nCommand Output (stdout):\n--\n# RUN: at line 1\n"),
        fail);
    assertTrue(fail.contains("# RUN: at line 2\necho two | count 2\n"), fail);
    assertTrue(fail.contains("# | Expected 2 lines, got 1."), fail);
    assertFalse(fail.contains("never-run"), "the script stops at the first failing line");
    assertEquals("Test requires the following unavailable features: missing",
        r.get("requires.mlir").output());
    assertEquals("Test does not support the following features and/or targets: !missing && feat",
        r.get("unsupported.mlir").output());
    assertEquals("Test has no 'RUN:' line", r.get("norun.mlir").output());
    assertTrue(r.get("badshell.mlir").output().startsWith("# shell parser error on RUN: at line 1"));

    // %t lives below the exec root, in Output/
    Path tmp = root.resolve("build/Output/pass.mlir.tmp");
    assertEquals(tmp + "\n", Files.readString(tmp));
  }

  @Test
  void timeouts() throws Exception {
    Path root = dir.resolve("t");
    write(root.resolve("lit.cfg.py"), "config.name = 't'\nconfig.suffixes = ['.mlir']\n");
    write(root.resolve("sleep-tool.mlir"), "// RUN: sleepy\n");
    write(root.resolve("sleep-process.mlir"), "// RUN: sleep 60\n");
    write(root.resolve("stubborn.mlir"), "// RUN: stubborn\n");
    write(root.resolve("quick.mlir"), "// RUN: echo fine\n");
    write(root.resolve("xfail-timeout.mlir"), "// XFAIL: *\n// RUN: sleep 60\n");
    long start = System.nanoTime();
    Map<String, TestResult> r = runAll(root, 1);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(ResultCode.TIMEOUT, r.get("sleep-tool.mlir").code());
    assertEquals(ResultCode.TIMEOUT, r.get("sleep-process.mlir").code());
    assertEquals(ResultCode.TIMEOUT, r.get("stubborn.mlir").code());
    assertEquals(ResultCode.TIMEOUT, r.get("xfail-timeout.mlir").code(), "XFAIL does not hide it");
    assertEquals(ResultCode.PASS, r.get("quick.mlir").code());
    assertTrue(r.get("sleep-process.mlir").output().contains("Timeout: Reached timeout of 1 seconds"),
        r.get("sleep-process.mlir").output());
    assertTrue(seconds < 20, "took " + seconds + "s");
  }

  @Test
  void runsInParallel() throws Exception {
    Path root = dir.resolve("p");
    write(root.resolve("lit.cfg.py"), "config.name = 'p'\nconfig.suffixes = ['.mlir']\n");
    for (int i = 0; i < 200; i++) {
      write(root.resolve("d" + (i % 7) + "/t" + i + ".mlir"), "// RUN: echo " + i + " > %t\n"
          + "// RUN: cat %t | upper | count 1\n// RUN: diff %t %t\n");
    }
    List<LitTest> tests = new Discovery(Map.of()).discover(List.of(root));
    assertEquals(200, tests.size());
    try (ParallelRunner pool = new ParallelRunner(new TestRunner(tools(), 0), 8)) {
      List<CompletableFuture<TestResult>> futures = tests.stream().map(pool::submit).toList();
      Set<ResultCode> codes = futures.stream().map(f -> f.join().code()).collect(Collectors.toSet());
      assertEquals(Set.of(ResultCode.PASS), codes);
    }
  }
}

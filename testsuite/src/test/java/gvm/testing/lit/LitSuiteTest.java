package gvm.testing.lit;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every lit test of the testsuite ({@code IR/}, {@code Dialect/<name>/}, {@code Tools/}, …)
 * as one JUnit test named by its path below {@code testsuite/}. All tests are queued on a pool of
 * one thread per core when the factory is called, so they run in parallel while JUnit reports them
 * one by one. A failure carries lit's log of the test; an unsupported test is reported as skipped.
 *
 * <p>System properties: {@code gvm.lit.timeout} (seconds per test, default 300) and {@code
 * gvm.lit.jobs} (default: one per core).
 */
class LitSuiteTest {

  /**
   * Returns the testsuite directory: the module's base directory, which is Maven's working
   * directory for tests, or {@code testsuite/} below the working directory when run from the root.
   */
  static Path testsuiteDir() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path candidate : List.of(dir, dir.resolve("testsuite"))) {
      if (Files.isRegularFile(candidate.resolve(Discovery.SUITE_CONFIG))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no testsuite/lit.cfg.py at or below " + dir);
  }

  @TestFactory
  @DisplayName("lit")
  Stream<DynamicTest> lit() throws Exception {
    Path root = testsuiteDir();
    List<LitTest> tests = new Discovery(Map.of()).discover(List.of(root));
    double timeout = Double.parseDouble(System.getProperty("gvm.lit.timeout", "300"));
    int jobs = Integer.getInteger("gvm.lit.jobs", ParallelRunner.defaultJobs());
    ParallelRunner pool = new ParallelRunner(new TestRunner(ToolRegistry.standard(), timeout), jobs);
    List<CompletableFuture<TestResult>> results = tests.stream().map(pool::submit).toList();
    return java.util.stream.IntStream.range(0, tests.size())
        .mapToObj(i -> DynamicTest.dynamicTest(tests.get(i).pathInSuite(),
            tests.get(i).sourcePath().toUri(), () -> check(tests.get(i), results.get(i).join())))
        .onClose(pool::close);
  }

  private static void check(LitTest test, TestResult r) {
    switch (r.code()) {
      case UNSUPPORTED, EXCLUDED, SKIPPED -> Assumptions.abort(r.code() + ": " + r.output().strip());
      default -> {
        if (r.code().isFailure()) {
          fail(r.code() + ": " + test.fullName() + "\n" + r.output());
        }
      }
    }
  }
}

package gvm.testing.lit;

/**
 * What running one test produced.
 *
 * @param code the outcome
 * @param output the log lit prints for it with {@code -v} (exit code, command trace and outputs)
 * @param elapsedSeconds wall-clock time spent on the test
 */
public record TestResult(ResultCode code, String output, double elapsedSeconds) {
  /** Returns a copy with the elapsed time set. */
  public TestResult withElapsed(double seconds) {
    return new TestResult(code, output, seconds);
  }
}

package gvm.testing.lit;

/**
 * The outcome of one test, as LLVM lit names and orders them (lit/Test.py). The declaration order is
 * the order of the summary lines.
 */
public enum ResultCode {
  EXCLUDED("Excluded", false),
  SKIPPED("Skipped", false),
  UNSUPPORTED("Unsupported", false),
  PASS("Passed", false),
  FLAKYPASS("Passed With Retry", false),
  XFAIL("Expectedly Failed", false),
  UNRESOLVED("Unresolved", true),
  TIMEOUT("Timed Out", true),
  FAIL("Failed", true),
  // upstream lit counts an unexpected pass as a failure (Debian's lit patches that away; we do not)
  XPASS("Unexpectedly Passed", true);

  private final String label;
  private final boolean failure;

  ResultCode(String label, boolean failure) {
    this.label = label;
    this.failure = failure;
  }

  /** Returns the summary label, e.g. {@code "Expectedly Failed"}. */
  public String label() {
    return label;
  }

  /** Returns whether this outcome makes the run fail (exit status 1). */
  public boolean isFailure() {
    return failure;
  }
}

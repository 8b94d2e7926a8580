package gvm.testing.lit;

import java.nio.file.Path;

/**
 * One discovered test file.
 *
 * @param suite its suite
 * @param pathInSuite its path below the suite's source root, with {@code /} separators
 * @param config the configuration that applies to it (the suite's, plus any lit.local.cfg)
 */
public record LitTest(TestSuite suite, String pathInSuite, LitConfig config) {
  /** Returns the test's name as lit prints it: {@code "suite :: path/in/suite"}. */
  public String fullName() {
    return suite.name() + " :: " + pathInSuite;
  }

  /** Returns the test file. */
  public Path sourcePath() {
    return suite.sourceRoot().resolve(pathInSuite);
  }

  /** Returns the path whose directory the test runs in, below the suite's exec root. */
  public Path execPath() {
    return suite.execRoot().resolve(pathInSuite);
  }
}

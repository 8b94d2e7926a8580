package gvm.testing.lit;

import java.nio.file.Path;

/**
 * A test suite: the directory tree under one {@code lit.cfg.py}.
 *
 * @param sourceRoot where the tests are ({@code config.test_source_root})
 * @param execRoot where their {@code Output/} directories go ({@code config.test_exec_root})
 * @param config the suite's configuration
 */
public record TestSuite(Path sourceRoot, Path execRoot, LitConfig config) {
  /** Returns the suite name ({@code config.name}). */
  public String name() {
    return config.name();
  }
}

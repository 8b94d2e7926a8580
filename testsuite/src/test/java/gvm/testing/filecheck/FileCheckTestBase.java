package gvm.testing.filecheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Shared setup of the FileCheck tests: a temporary directory for the check file and a harness. */
abstract class FileCheckTestBase {
  @TempDir
  Path dir;
  FileCheckHarness fc;

  @BeforeEach
  void setUpHarness() {
    fc = new FileCheckHarness(dir);
  }

  static void assertContains(String haystack, String needle) {
    assertTrue(haystack.contains(needle), () -> "expected to find\n" + needle + "\nin\n" + haystack);
  }
}

package gvm.testing.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the shared FileCheck conformance cases ({@code shared/conformance/filecheck}) in-process,
 * with the rules of {@code filecheck_run.py}: same success/failure as LLVM 19's FileCheck and,
 * for failures, the first error at the same check-file line.
 */
class ConformanceTest {
  private static final Pattern DIAG = Pattern.compile("^(.*?):(\\d+)(?::\\d+)?: error:", Pattern.MULTILINE);

  /** Finds {@code shared/conformance/filecheck} beside the repository, from the current directory up. */
  private static Path casesDir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/conformance/filecheck");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      candidate = p.resolveSibling("shared").resolve("conformance/filecheck");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @TestFactory
  Stream<DynamicTest> conformanceCases() throws IOException {
    Path dir = casesDir();
    Assumptions.assumeTrue(dir != null, "shared/conformance/filecheck not found");
    List<Path> checks = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(f -> f.toString().endsWith(".check")).sorted().forEach(checks::add);
    }
    return checks.stream().map(check -> DynamicTest.dynamicTest(check.getFileName().toString(), () -> runCase(check)));
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8).trim() : "";
  }

  private static void runCase(Path check) throws IOException {
    String base = check.toString().substring(0, check.toString().length() - ".check".length());
    List<String> args = new ArrayList<>();
    args.add(check.toString());
    for (String a : read(Path.of(base + ".args")).split("\\s+")) {
      if (!a.isEmpty()) {
        args.add(a);
      }
    }
    int expectedStatus = Integer.parseInt(read(Path.of(base + ".rc")));
    String expectedLine = read(Path.of(base + ".errline"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = FileCheck.run(args.toArray(new String[0]),
        new ByteArrayInputStream(Files.readAllBytes(Path.of(base + ".input"))),
        new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true));
    assertEquals(expectedStatus == 0, status == 0, "exit status " + status + "\n" + err);
    if (expectedStatus != 0) {
      String line = "";
      Matcher m = DIAG.matcher(err.toString(StandardCharsets.ISO_8859_1));
      while (m.find()) {
        if (m.group(1).equals(check.toString())) {
          line = m.group(2);
          break;
        }
      }
      assertEquals(expectedLine, line, err.toString(StandardCharsets.ISO_8859_1));
    }
  }
}

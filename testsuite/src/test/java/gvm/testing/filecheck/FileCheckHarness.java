package gvm.testing.filecheck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link FileCheck#run} on a check text written to a file named {@code c} and an input text. */
final class FileCheckHarness {
  /** What one run produced. */
  record Result(int status, String stdout, String stderr) {}

  private final Path dir;

  FileCheckHarness(Path dir) {
    this.dir = dir;
  }

  /** Runs {@code FileCheck c ARGS < input} with the current directory's {@code c} holding {@code check}. */
  Result run(String check, String input, String... args) {
    Path checkFile = dir.resolve("c");
    try {
      Files.writeString(checkFile, check, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> argv = new ArrayList<>();
    argv.add(checkFile.toString());
    argv.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = FileCheck.run(argv.toArray(new String[0]),
        new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)),
        new PrintStream(out, true), new PrintStream(err, true));
    // Diagnostics name the check file by the path given; tests spell it "c".
    String stderr = err.toString(StandardCharsets.ISO_8859_1).replace(checkFile.toString(), "c");
    return new Result(status, out.toString(StandardCharsets.ISO_8859_1), stderr);
  }
}

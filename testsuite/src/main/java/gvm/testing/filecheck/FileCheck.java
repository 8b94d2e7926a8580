package gvm.testing.filecheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An in-process implementation of LLVM 19's FileCheck: reads a check file of directives
 * ({@code CHECK:}, {@code CHECK-NEXT:}, ...) and verifies them against an input, with the same
 * options, matching rules, diagnostics and exit statuses as the LLVM tool.
 *
 * <p>Texts are handled as bytes (ISO-8859-1), so columns and regexes see what LLVM sees.
 */
public final class FileCheck {
  private FileCheck() {}

  /**
   * Runs like {@code FileCheck ARGS < stdin}.
   *
   * @param args the command line without the program name; the first positional argument is the check file
   * @param stdin the input to check unless {@code --input-file} names a file
   * @param stdout receives only {@code --help} / {@code -dump-input=help} text
   * @param stderr receives the diagnostics and the input dump
   * @return FileCheck's exit status: 0 when all directives match, 1 when one fails (or on a
   *     command-line usage error, as LLVM's option parser does), 2 for a bad check file, an
   *     empty input or an unreadable file. Never throws.
   */
  public static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
    StringBuilder err = new StringBuilder();
    StringBuilder out = new StringBuilder();
    int status;
    try {
      status = run(args, stdin, out, err);
    } catch (PatternParser.FatalExit e) {
      status = e.status;
    } catch (RuntimeException | IOException | StackOverflowError e) {
      err.append("FileCheck: internal error: ").append(e).append('\n');
      status = 2;
    }
    stdout.write(out.toString().getBytes(StandardCharsets.ISO_8859_1), 0, out.length());
    stdout.flush();
    stderr.write(err.toString().getBytes(StandardCharsets.ISO_8859_1), 0, err.length());
    stderr.flush();
    return status;
  }

  /** Converts a Java string to the one-char-per-byte form used for all texts. */
  private static String bytes(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static int run(String[] rawArgs, InputStream stdin, StringBuilder out, StringBuilder err)
      throws IOException {
    List<String> argList = new ArrayList<>();
    String env = System.getenv("FILECHECK_OPTS");
    if (env != null && !env.isBlank()) {
      argList.addAll(List.of(env.trim().split("\\s+")));
    }
    argList.addAll(List.of(rawArgs));
    String[] args = argList.stream().map(FileCheck::bytes).toArray(String[]::new);
    Options opts = new Options();
    int status = CommandLine.parse(args, opts, err);
    if (status != 0) {
      return status;
    }
    opts.finish();
    if (opts.dumpInput == Options.DumpInput.HELP) {
      out.append(InputDump.help());
      return 0;
    }
    if (opts.stdoutText != null) {
      out.append(opts.stdoutText);
      return 0;
    }
    if (opts.checkFile == null) {
      err.append("<check-file> not specified\n");
      return 2;
    }
    if (!checkDefines(opts, err) || !validatePrefixes(opts, err)) {
      return 2;
    }

    DiagnosticPrinter printer = new DiagnosticPrinter(err);
    byte[] checkBytes;
    try {
      checkBytes = readFile(opts.checkFile, stdin);
    } catch (IOException e) {
      err.append("Could not open check file '").append(opts.checkFile).append("': ").append(reason(e)).append('\n');
      return 2;
    }
    SourceText checkFile = new SourceText(opts.checkFile, canonicalize(checkBytes, opts.strictWhitespace));
    VarContext ctx = new VarContext();
    List<SourceText> implicitBuffers = new ArrayList<>();
    List<CheckString> checks = CheckFileParser.read(checkFile, opts, ctx, printer, implicitBuffers);
    if (checks == null) {
      return 2;
    }

    String inputName = opts.inputFile.equals("-") ? "<stdin>" : opts.inputFile;
    byte[] inputBytes;
    try {
      inputBytes = readFile(opts.inputFile, stdin);
    } catch (IOException e) {
      err.append("Could not open input file '").append(inputName).append("': ").append(reason(e)).append('\n');
      return 2;
    }
    if (inputBytes.length == 0 && !opts.allowEmpty) {
      err.append("FileCheck error: '").append(inputName).append("' is empty.\n");
      err.append("FileCheck command line:  FileCheck");
      for (String a : args) {
        err.append(' ').append(a);
      }
      err.append('\n');
      return 2;
    }
    SourceText input = new SourceText(inputName, canonicalize(inputBytes, opts.strictWhitespace));
    List<Diag> diags = opts.dumpInput == Options.DumpInput.NEVER ? null : new ArrayList<>();
    MatchReporter reporter = new MatchReporter(input, printer, opts, diags);
    int exit = InputChecker.check(checks, reporter, ctx, opts) ? 0 : 1;
    if (opts.dumpInput == Options.DumpInput.ALWAYS || (exit == 1 && opts.dumpInput == Options.DumpInput.FAIL)) {
      err.append("\nInput file: ").append(inputName).append("\nCheck file: ").append(opts.checkFile)
          .append("\n\n-dump-input=help explains the following input dump.\n\n");
      InputDump.dump(err, opts, checkFile, implicitBuffers, input, diags);
    }
    return exit;
  }

  /** The checks FileCheck's main() makes on -D before anything else. */
  private static boolean checkDefines(Options opts, StringBuilder err) {
    boolean ok = true;
    for (String d : opts.globalDefines) {
      int eq = d.indexOf('=');
      if (eq < 0) {
        err.append("Missing equal sign in command-line definition '-D").append(d).append("'\n");
        ok = false;
      } else if (eq == 0) {
        err.append("Missing variable name in command-line definition '-D").append(d).append("'\n");
        ok = false;
      }
    }
    return ok;
  }

  /** ValidateCheckPrefixes: non-empty, [a-zA-Z0-9_-] only, unique across check and comment prefixes. */
  private static boolean validatePrefixes(Options opts, StringBuilder err) {
    Set<String> unique = new HashSet<>();
    if (opts.checkPrefixes.isEmpty()) {
      unique.add("CHECK");
    }
    if (opts.commentPrefixes.isEmpty()) {
      unique.add("COM");
      unique.add("RUN");
    }
    return validatePrefixes("check", opts.checkPrefixes, unique, err)
        && validatePrefixes("comment", opts.commentPrefixes, unique, err);
  }

  private static boolean validatePrefixes(String kind, List<String> prefixes, Set<String> unique,
      StringBuilder err) {
    for (String p : prefixes) {
      if (p.isEmpty()) {
        err.append("error: supplied ").append(kind).append(" prefix must not be the empty string\n");
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (!NumericParser.isAlnum(c) && c != '_' && c != '-') {
          err.append("error: supplied ").append(kind).append(" prefix must start with a letter and contain only ")
              .append("alphanumeric characters, hyphens, and underscores: '").append(p).append("'\n");
          return false;
        }
      }
      if (!unique.add(p)) {
        err.append("error: supplied ").append(kind).append(" prefix must be unique among check and comment ")
            .append("prefixes: '").append(p).append("'\n");
        return false;
      }
    }
    return true;
  }

  private static byte[] readFile(String name, InputStream stdin) throws IOException {
    if (name.equals("-")) {
      return stdin.readAllBytes();
    }
    if (name.isEmpty()) {
      // Path.of("") would be the current directory.
      throw new NoSuchFileException(name);
    }
    return Files.readAllBytes(Path.of(new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)));
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    return e.getMessage() == null ? "I/O error" : e.getMessage();
  }

  /**
   * CanonicalizeFile: drops the '\r' of "\r\n" and, unless --strict-whitespace, collapses every
   * run of spaces and tabs into one space. Check file and input are both canonicalized, which
   * is how whitespace in a pattern matches any whitespace run in the input.
   */
  static String canonicalize(byte[] bytes, boolean strictWhitespace) {
    char[] out = new char[bytes.length];
    int n = 0;
    for (int i = 0; i < bytes.length; i++) {
      char c = (char) (bytes[i] & 0xFF);
      if (c == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
        continue;
      }
      if (strictWhitespace || (c != ' ' && c != '\t')) {
        out[n++] = c;
        continue;
      }
      out[n++] = ' ';
      while (i + 1 < bytes.length && (bytes[i + 1] == ' ' || bytes[i + 1] == '\t')) {
        i++;
      }
    }
    return new String(out, 0, n);
  }
}

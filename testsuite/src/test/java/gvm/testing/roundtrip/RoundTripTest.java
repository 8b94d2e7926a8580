package gvm.testing.roundtrip;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gvm.dialect.Dialects;
import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.DiagnosticException;
import gvm.ir.Operation;
import gvm.ir.asm.ParseException;
import gvm.ir.format.Formats;
import gvm.ir.print.AsmPrinter;
import gvm.ir.print.PrintOptions;
import gvm.ir.verify.Verifier;
import gvm.parser.MlirParser;
import gvm.parser.ParseOptions;
import gvm.parser.SourceBuffer;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Print/parse fixed points over every MLIR text the project has: the testsuite's {@code .mlir}
 * files and, when {@code ../shared} sits next to the repository, the conformance inputs (and the
 * outputs mlir-opt-19 printed for them, and FileCheck inputs that are MLIR). Each file is cut at
 * {@code // -----} as {@code -split-input-file} cuts it; each chunk that parses and verifies must
 * satisfy, with {@code p = print ∘ parse}:
 *
 * <ul>
 *   <li>custom form: {@code p(p(x)) == p(x)};
 *   <li>generic form: {@code g(g(x)) == g(x)}, and the generic text read back prints custom as
 *       {@code p(x)};
 *   <li>the same two with {@code --mlir-print-debuginfo}.
 * </ul>
 *
 * Chunks that are meant to fail ({@code expected-error} in a {@code -verify-diagnostics} file) or
 * that do not parse or verify are skipped and counted; the last test prints the tally and fails
 * when fewer than {@value #MIN_COVERED_PERCENT}% of the chunks were checked, not counting those
 * skipped for expected errors or for ops of dialects gvm does not have (yet).
 */
class RoundTripTest {
  static final int MIN_COVERED_PERCENT = 75;
  private static final PrintOptions CUSTOM = PrintOptions.DEFAULT;
  private static final PrintOptions GENERIC = CUSTOM.withGeneric(true);

  private static final String EXPECTED_ERROR = "expected-error under -verify-diagnostics";
  private static final String MISSING_DIALECT = "needs a dialect gvm lacks: ";
  private static final Pattern UNKNOWN_OP = Pattern.compile("custom op '(?:([\\w$]+)\\.)?[^']*' is unknown");

  private final AtomicInteger checked = new AtomicInteger();
  private final Map<String, AtomicInteger> skips = new ConcurrentHashMap<>();

  /** The repository root: Maven runs tests in the module directory. */
  static Path repoRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("testsuite")) && Files.isRegularFile(d.resolve("pom.xml"))) return d;
    }
    throw new IllegalStateException("no repository root above " + dir);
  }

  static List<Path> testsuiteFiles(Path root) throws IOException {
    Path suite = root.resolve("testsuite");
    try (Stream<Path> s = Files.walk(suite)) {
      return s.filter(p -> p.toString().endsWith(".mlir"))
          .filter(p -> !suite.relativize(p).startsWith("target") && !suite.relativize(p).startsWith("src"))
          .sorted().toList();
    }
  }

  /** Conformance inputs, outputs of mlir-opt-19 and FileCheck inputs (empty when ../shared is absent). */
  static List<Path> conformanceFiles(Path root) throws IOException {
    Path conf = root.resolve("../shared/conformance").normalize();
    List<Path> files = new ArrayList<>();
    for (String sub : List.of("mlir", "lit", "filecheck")) {
      Path dir = conf.resolve(sub);
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> {
          String n = p.getFileName().toString();
          return n.endsWith(".mlir") || n.endsWith(".input")
              || (n.endsWith(".expected") && !n.endsWith(".stderr.expected"));
        }).sorted().forEach(files::add);
      }
    }
    return files;
  }

  @TestFactory
  Stream<DynamicTest> testsuite() throws IOException {
    Path root = repoRoot();
    return testsuiteFiles(root).stream().map(p -> fileTest(root.relativize(p).toString(), p));
  }

  @TestFactory
  Stream<DynamicTest> conformance() throws IOException {
    Path root = repoRoot();
    Assumptions.assumeTrue(Files.isDirectory(root.resolve("../shared/conformance")), "../shared/conformance is absent");
    Path conf = root.resolve("../shared/conformance").normalize();
    Stream<DynamicTest> files = conformanceFiles(root).stream().map(p -> fileTest(conf.relativize(p).toString(), p));
    return Stream.concat(files, Stream.of(DynamicTest.dynamicTest("coverage", this::coverage)));
  }

  private void coverage() {
    int skipped = 0, excused = 0;
    Map<String, Integer> why = new TreeMap<>();
    for (Map.Entry<String, AtomicInteger> e : skips.entrySet()) {
      int n = e.getValue().get();
      why.put(e.getKey(), n);
      skipped += n;
      if (e.getKey().equals(EXPECTED_ERROR) || e.getKey().startsWith(MISSING_DIALECT)) excused += n;
    }
    int total = checked.get() + skipped;
    String tally = "round trip: " + checked.get() + " of " + total + " chunks checked; skipped: " + why;
    System.out.println(tally);
    int eligible = total - excused;
    assertTrue(eligible > 0 && checked.get() * 100 >= eligible * MIN_COVERED_PERCENT,
        tally + "\nfewer than " + MIN_COVERED_PERCENT + "% of the " + eligible + " chunks that are neither expected to fail nor need a missing dialect");
  }

  private DynamicTest fileTest(String name, Path file) {
    return DynamicTest.dynamicTest(name, file.toUri(), () -> checkFile(name, file));
  }

  private void checkFile(String name, Path file) throws IOException {
    byte[] data = Files.readAllBytes(file);
    String text = new String(data, StandardCharsets.ISO_8859_1);
    String run = runLines(text);
    boolean unregistered = run.contains("allow-unregistered-dialect");
    boolean verifyDiagnostics = run.contains("verify-diagnostics");
    List<String> failures = new ArrayList<>();
    int chunkNo = 0, here = 0;
    for (int[] c : chunks(data)) {
      chunkNo++;
      String chunk = text.substring(c[0], c[1]);
      if (verifyDiagnostics && chunk.contains("expected-error")) {
        skip(EXPECTED_ERROR);
        continue;
      }
      SourceBuffer buf = new SourceBuffer(name, data, c[0], c[1]);
      boolean allow = unregistered;
      String failure = parseAndVerify(buf, allow);
      if (failure != null && !allow) {
        allow = true;
        if (parseAndVerify(buf, true) == null) failure = null;
      }
      if (failure != null) {
        skip(failure);
        continue;
      }
      checked.incrementAndGet();
      here++;
      try {
        checkChunk(buf, allow);
      } catch (AssertionError | RuntimeException e) {
        failures.add("chunk " + chunkNo + " (line " + lineOf(text, c[0]) + "): " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) fail(failures.size() + " chunk(s) of " + name + " are not fixed points:\n" + String.join("\n\n", failures));
    Assumptions.assumeTrue(here > 0, "no chunk of " + name + " parses and verifies");
  }

  private void skip(String why) { skips.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet(); }

  /** Checks the fixed points of one chunk that parses and verifies. */
  static void checkChunk(SourceBuffer buf, boolean allow) {
    for (boolean debug : new boolean[] {false, true}) {
      PrintOptions custom = CUSTOM.withDebugInfo(debug), generic = GENERIC.withDebugInfo(debug);
      String flags = debug ? " with --mlir-print-debuginfo" : "";
      String p1 = roundTrip(buf, allow, custom);
      String p2 = roundTrip(SourceBuffer.of("p1", p1), allow, custom);
      expectSame("custom form" + flags, p1, p2);
      String g1 = roundTrip(buf, allow, generic);
      String g2 = roundTrip(SourceBuffer.of("g1", g1), allow, generic);
      expectSame("generic form" + flags, g1, g2);
      String c1 = roundTrip(SourceBuffer.of("g1", g1), allow, custom);
      expectSame("generic read back, printed custom" + flags, p1, c1);
    }
  }

  private static void expectSame(String what, String expected, String actual) {
    if (!expected.equals(actual)) fail(what + ": second print differs\n" + firstDifference(expected, actual));
  }

  /** The first differing line of two printouts, with the full first printout. */
  static String firstDifference(String a, String b) {
    String[] la = a.split("\n", -1), lb = b.split("\n", -1);
    for (int i = 0; i < Math.max(la.length, lb.length); i++) {
      String x = i < la.length ? la[i] : "<end>", y = i < lb.length ? lb[i] : "<end>";
      if (!x.equals(y)) return "line " + (i + 1) + ":\n  first:  " + x + "\n  second: " + y + "\nfirst print:\n" + a;
    }
    return a;
  }

  /** Parses and verifies; returns null, or why not (the skip reason). */
  private static String parseAndVerify(SourceBuffer buf, boolean allow) {
    try {
      Context ctx = newContext(allow);
      Operation op = MlirParser.parseModule(ctx, buf, new ParseOptions(allow, false));
      Diagnostic d = new Verifier(ctx).verify(op);
      return d == null ? null : "does not verify";
    } catch (ParseException e) {
      return skipReason(e.getMessage());
    } catch (DiagnosticException e) {
      return skipReason(e.diagnostic().message());
    }
  }

  /** Why a chunk does not parse: a dialect gvm does not have, or anything else. */
  static String skipReason(String message) {
    Matcher m = UNKNOWN_OP.matcher(message);
    if (m.find()) return m.group(1) == null ? "does not parse" : MISSING_DIALECT + m.group(1);
    if (message.contains("unregistered dialect")) return MISSING_DIALECT + "(generic op)";
    return "does not parse";
  }

  /** print(parse(buf)) with {@code opts}; the text must parse and verify. */
  static String roundTrip(SourceBuffer buf, boolean allow, PrintOptions opts) {
    Context ctx = newContext(allow);
    Operation op;
    try {
      op = MlirParser.parseModule(ctx, buf, new ParseOptions(allow, false));
    } catch (ParseException e) {
      throw new AssertionError(buf.name() + ":" + buf.line(e.offset()) + ":" + buf.column(e.offset())
          + ": error: " + e.getMessage() + "\nin:\n" + new String(buf.data(), buf.begin(), buf.end() - buf.begin(), StandardCharsets.ISO_8859_1));
    } catch (DiagnosticException e) {
      throw new AssertionError(e.diagnostic() + "\nin:\n" + new String(buf.data(), buf.begin(), buf.end() - buf.begin(), StandardCharsets.ISO_8859_1));
    }
    Diagnostic d = new Verifier(ctx).verify(op);
    if (d != null) {
      throw new AssertionError("does not verify: " + d + "\nin:\n" + new String(buf.data(), buf.begin(), buf.end() - buf.begin(), StandardCharsets.ISO_8859_1));
    }
    StringWriter w = new StringWriter();
    AsmPrinter.printTopLevel(ctx, op, opts, w);
    return w.toString();
  }

  private static Context newContext(boolean allow) {
    Formats.install();
    Context ctx = Dialects.newContext();
    ctx.allowUnregisteredDialects(allow);
    return ctx;
  }

  /** The text of all RUN lines. */
  static String runLines(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n")) {
      int i = line.indexOf("RUN:");
      if (i >= 0) sb.append(line, i + 4, line.length()).append('\n');
    }
    return sb.toString();
  }

  /** Chunks {@code [begin, end)} between lines that are exactly {@code // -----}. */
  static List<int[]> chunks(byte[] data) {
    List<int[]> out = new ArrayList<>();
    int start = 0, lineStart = 0;
    for (int i = 0; i <= data.length; i++) {
      if (i == data.length || data[i] == '\n') {
        String line = new String(data, lineStart, i - lineStart, StandardCharsets.ISO_8859_1).strip();
        if (line.equals("// -----")) {
          out.add(new int[] {start, lineStart});
          start = Math.min(i + 1, data.length);
        }
        lineStart = i + 1;
      }
    }
    out.add(new int[] {start, data.length});
    return out;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
    return line;
  }
}

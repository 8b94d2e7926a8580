package gvm.dialect;

import static org.junit.jupiter.api.Assertions.*;

import gvm.ir.Context;
import gvm.ir.DiagnosticException;
import gvm.ir.Dialect;
import gvm.ir.Operation;
import gvm.ir.asm.CustomOpParsers;
import gvm.ir.def.OpDef;
import gvm.ir.format.Formats;
import gvm.parser.MlirParser;
import gvm.parser.ParseOptions;
import gvm.parser.SourceBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Helpers for dialect unit tests: parsing snippets, running one op's verifiers, checking definitions. */
public final class DialectTestSupport {
  private DialectTestSupport() {}

  /** A context with every dialect, custom forms installed. */
  public static Context context() {
    Formats.install();
    CustomOpParsers.install(Formats::parse);
    return Dialects.newContext();
  }

  /** Parses {@code src} (unregistered ops allowed) into a module. */
  public static Operation parse(String src) {
    return MlirParser.parseModule(context(), SourceBuffer.of("test.mlir", src), new ParseOptions(true, false));
  }

  /** The first op of {@code def} in {@code root}, in pre-order. */
  public static Operation first(Operation root, OpDef def) {
    Operation[] found = new Operation[1];
    root.walkPreOrder(o -> {
      if (found[0] == null && o.isA(def)) found[0] = o;
    });
    assertNotNull(found[0], "no " + def.name() + " in the input");
    return found[0];
  }

  /** Runs {@code op}'s own verifiers, then its region verifiers; returns the first message, or null. */
  public static String verifierMessage(Operation op) {
    try {
      for (OpDef.Verifier v : op.def().verifiers()) v.verify(op);
      for (OpDef.Verifier v : op.def().regionVerifiers()) v.verify(op);
      return null;
    } catch (DiagnosticException e) {
      return e.diagnostic().message();
    }
  }

  /**
   * Every op of {@code d} is in its namespace, has a summary and a compiling custom form, and has a
   * round-trip case in {@code testsuite/Dialect/<ns>/ops.mlir}, next to an {@code invalid.mlir}.
   */
  public static void assertDefinitions(Dialect d) throws IOException {
    Path dir = Path.of("..", "testsuite", "Dialect", d.namespace());
    String ops = Files.readString(dir.resolve("ops.mlir"));
    assertTrue(Files.exists(dir.resolve("invalid.mlir")), "missing " + dir.resolve("invalid.mlir"));
    Formats.compileAll(d.ops());
    for (OpDef def : d.ops()) {
      assertEquals(d.namespace(), def.dialect(), def.name());
      assertFalse(def.summary().isEmpty(), def.name() + " has no summary");
      assertTrue(Formats.hasCustomForm(def), def.name() + " has no custom form");
      assertTrue(ops.contains(def.name() + " ") || ops.contains(def.name() + "("), def.name() + " has no case in " + dir.resolve("ops.mlir"));
    }
  }

  /**
   * Each message literal of the sources in {@code dir}, {@code opError(op, "requires ...")} and the
   * type parsers' {@code error(at, "...")}, up to its first concatenation, occurs in {@code invalid}
   * (after {@code op } for op errors): every verifier message has a case.
   */
  public static void assertMessagesCovered(Path dir, Path invalid) throws IOException {
    String tests = Files.readString(invalid);
    Pattern literal = Pattern.compile("(opError\\(op, |error\\(at, )\"([^\"]+)\"");
    List<String> missing = new ArrayList<>();
    int found = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        Matcher m = literal.matcher(Files.readString(f));
        while (m.find()) {
          found++;
          String text = m.group(1).startsWith("opError") ? " op " + m.group(2) : m.group(2);
          if (!tests.contains(text)) missing.add(f.getFileName() + ": " + m.group(2));
        }
      }
    }
    assertTrue(found > 0, "no verifier messages found under " + dir);
    assertEquals(List.of(), missing, "verifier messages without a case in " + invalid);
  }
}

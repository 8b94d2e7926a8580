package gvm.tools.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.ir.Diagnostic;
import gvm.ir.Diagnostic.Severity;
import gvm.ir.attributes.Location;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code -verify-diagnostics} matcher on hand-made diagnostics, with mlir-opt's messages. */
class DiagnosticVerifierTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private DiagnosticVerifier verifier;

  private void load(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    SourceFile f = new SourceFile("in.mlir", b, 0, b.length);
    verifier = new DiagnosticVerifier(new DiagnosticPrinter(null, f, new PrintStream(err, true)), f);
  }

  private void emit(Severity s, int line, int col, String message) {
    verifier.process(new Diagnostic(s, new Location.FileLineCol("in.mlir", line, col), message));
  }

  private String output() { return err.toString(StandardCharsets.ISO_8859_1); }

  @Test void offsetsAboveAndBelow() {
    load("// expected-error@+1 {{first}}\n"
        + "op1\n"
        + "op2 // expected-warning {{second}}\n"
        + "op3\n"
        + "// expected-remark@above {{third}}\n"
        + "// expected-note@below {{fourth}}\n"
        + "// expected-error@below {{fifth}}\n"
        + "op8\n"
        + "// expected-error@-8 {{sixth}}\n");
    emit(Severity.ERROR, 2, 1, "the first one");
    emit(Severity.WARNING, 3, 1, "a second");
    emit(Severity.REMARK, 4, 1, "third!");
    emit(Severity.NOTE, 8, 1, "fourth");
    emit(Severity.ERROR, 8, 5, "fifth");
    emit(Severity.ERROR, 1, 1, "sixth");
    assertTrue(verifier.verify(), output());
    assertEquals("", output());
  }

  @Test void regexPartsAmongLiteralText() {
    load("// expected-error-re@+1 {{operand #{{[0-9]+}} must be {{.*}}, but got 'f32'}}\n"
        + "op\n");
    emit(Severity.ERROR, 2, 3, "'arith.addi' op operand #12 must be signless-integer-like, but got 'f32'");
    assertTrue(verifier.verify(), output());
  }

  @Test void literalTextIsNotARegex() {
    load("op // expected-error {{a.c (x)}}\n");
    emit(Severity.ERROR, 1, 1, "abc (x)");
    assertFalse(verifier.verify());
    assertEquals("in.mlir:1:1: error: unexpected error: abc (x)\nop // expected-error {{a.c (x)}}\n^\n"
        + "in.mlir:1:7: error: expected error \"a.c (x)\" was not produced\nop // expected-error {{a.c (x)}}\n      ^~~~~~~\n", output());
  }

  @Test void oneExpectationMayMatchTwice() {
    load("op // expected-error {{same}}\n");
    emit(Severity.ERROR, 1, 1, "same");
    emit(Severity.ERROR, 1, 4, "the same again");
    assertTrue(verifier.verify(), output());
  }

  @Test void nearMissOfSeverity() {
    load("// expected-note@+1 {{type of}}\nop\n");
    emit(Severity.ERROR, 2, 1, "type of return");
    assertFalse(verifier.verify());
    assertEquals("in.mlir:1:4: error: 'error' diagnostic emitted when expecting a 'note'\n// expected-note@+1 {{type of}}\n   ^\n"
        + "in.mlir:1:4: error: expected note \"type of\" was not produced\n// expected-note@+1 {{type of}}\n   ^~~~~~~\n", output());
  }

  @Test void notesAreCheckedToo() {
    load("// expected-error@+2 {{main}}\n// expected-note@+1 {{side}}\nop\n");
    Diagnostic d = new Diagnostic(Severity.ERROR, new Location.FileLineCol("in.mlir", 3, 1), "main");
    d.attachNote(new Location.FileLineCol("in.mlir", 3, 1), "side");
    d.attachNote(new Location.FileLineCol("in.mlir", 3, 1), "extra");
    verifier.process(d);
    assertFalse(verifier.verify());
    assertEquals("in.mlir:3:1: error: unexpected note: extra\nop\n^\n", output());
  }

  @Test void malformedRegexes() {
    load("// expected-error-re@+2 {{a {{[z-a]}} b}}\n// expected-error-re@+1 {{a {{x}} y {{z}}\nmodule {}\n");
    assertFalse(verifier.verify());
    assertEquals("in.mlir:1:4: error: invalid regex: invalid character range\n"
        + "// expected-error-re@+2 {{a {{[z-a]}} b}}\n   ^~~~~~~~~~~~~\n"
        + "in.mlir:2:4: error: found start of regex with no end '}}'\n"
        + "// expected-error-re@+1 {{a {{x}} y {{z}}\n   ^~~~~~~~~~~~~\n", output());
  }

  @Test void locationsOutsideTheInput() {
    load("op\n");
    verifier.process(new Diagnostic(Severity.ERROR, Location.UNKNOWN, "lost"));
    verifier.process(new Diagnostic(Severity.WARNING, new Location.FileLineCol("/nonexistent/x.py", 3, 1), "elsewhere"));
    assertFalse(verifier.verify());
    assertEquals("<unknown>:0: error: unexpected error: lost\n/nonexistent/x.py:3:1: error: unexpected warning: elsewhere\n", output());
  }

  @Test void danglingBelowAppliesPastTheEnd() {
    load("op\n// expected-error@below {{never}}\n");
    emit(Severity.ERROR, 1, 1, "never");
    assertFalse(verifier.verify());
    assertTrue(output().contains("expected error \"never\" was not produced"), output());
  }
}

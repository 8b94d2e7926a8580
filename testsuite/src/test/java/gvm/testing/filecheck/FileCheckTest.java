package gvm.testing.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Directive semantics and diagnostics, with expectations taken from LLVM 19's FileCheck. */
class FileCheckTest extends FileCheckTestBase {
  @Test
  void plainChecksMatchInOrder() {
    FileCheckHarness.Result r = fc.run("CHECK: module\nCHECK: func\nCHECK: return\n", "module {\nfunc\nreturn\n}\n");
    assertEquals(0, r.status());
    assertEquals("", r.stderr());
  }

  @Test
  void missingPatternReportsScanStartAndFuzzyMatch() {
    FileCheckHarness.Result r = fc.run("CHECK: foo\nCHECK: bar baz\n", "foo\nbar  bax\nzzz\n");
    assertEquals(1, r.status());
    assertContains(r.stderr(), """
        c:2:8: error: CHECK: expected string not found in input
        CHECK: bar baz
               ^
        <stdin>:1:4: note: scanning from here
        foo
           ^
        <stdin>:2:1: note: possible intended match here
        bar bax
        ^
        """);
  }

  @Test
  void failureDumpsAnnotatedInput() {
    FileCheckHarness.Result r = fc.run("CHECK: foo\nCHECK: bar baz\n", "foo\nbar  bax\nzzz\n");
    assertContains(r.stderr(), """
        Input was:
        <<<<<<
                   1: foo\s
        check:2'0        X error: no match found
                   2: bar bax\s
        check:2'0     ~~~~~~~~
        check:2'1     ?        possible intended match
                   3: zzz\s
        check:2'0     ~~~~
        >>>>>>
        """);
  }

  @Test
  void dumpInputNeverSuppressesTheDump() {
    FileCheckHarness.Result r = fc.run("CHECK: zzz\n", "a\n", "--dump-input=never");
    assertEquals(1, r.status());
    assertTrue(!r.stderr().contains("Input was:"));
  }

  @Test
  void nextMustBeOnTheFollowingLine() {
    FileCheckHarness.Result r = fc.run("CHECK: foo\nCHECK-NEXT: bar\n", "foo\nxx\nbar\n");
    assertEquals(1, r.status());
    assertContains(r.stderr(), "c:2:13: error: CHECK-NEXT: is not on the line after the previous match\n");
    assertContains(r.stderr(), "<stdin>:2:1: note: non-matching line after previous match is here\n");
    assertContains(r.stderr(), "next:2     !~~  error: match on wrong line\n");
  }

  @Test
  void nextOnTheSameLineIsAnError() {
    FileCheckHarness.Result r = fc.run("CHECK: a\nCHECK-NEXT: b\n", "a b\n", "--dump-input=never");
    assertEquals(1, r.status());
    assertContains(r.stderr(), "c:2:13: error: CHECK-NEXT: is on the same line as previous match\n");
  }

  @Test
  void sameMustStayOnTheLine() {
    assertEquals(0, fc.run("CHECK: func\nCHECK-SAME: %arg0\nCHECK-SAME: index\n", "func(%arg0: index)\n").status());
    FileCheckHarness.Result r = fc.run("CHECK: func\nCHECK-SAME: ret\n", "func(\nret\n", "--dump-input=never");
    assertEquals(1, r.status());
    assertContains(r.stderr(), "c:2:13: error: CHECK-SAME: is not on the same line as the previous match\n");
  }

  @Test
  void emptyMatchesAnEmptyLineOnly() {
    assertEquals(0, fc.run("CHECK: a\nCHECK-EMPTY:\nCHECK-NEXT: b\n", "a\n\nb\n").status());
    assertEquals(1, fc.run("CHECK: a\nCHECK-EMPTY:\nCHECK-NEXT: b\n", "a\n  \nb\n").status());
  }

  @Test
  void notForbidsTextBetweenMatches() {
    FileCheckHarness.Result r = fc.run("CHECK: foo\nCHECK-NOT: bar\nCHECK: baz\n", "foo\nbar\nbaz\n");
    assertEquals(1, r.status());
    assertContains(r.stderr(), """
        c:2:12: error: CHECK-NOT: excluded string found in input
        CHECK-NOT: bar
                   ^
        <stdin>:2:1: note: found here
        bar
        ^~~
        """);
    assertEquals(0, fc.run("CHECK: foo\nCHECK-NOT: bar\nCHECK: baz\n", "foo\nbaz\nbar\n").status());
  }

  @Test
  void dagMatchesInAnyOrderWithoutOverlap() {
    assertEquals(0, fc.run("CHECK-DAG: b\nCHECK-DAG: a\nCHECK: c\n", "a\nb\nc\n").status());
    // Two occurrences cannot satisfy three CHECK-DAGs: matches may not overlap.
    FileCheckHarness.Result r = fc.run("CHECK-DAG: x\nCHECK-DAG: x\nCHECK-DAG: x\n", "x x\n", "--dump-input=never");
    assertEquals(1, r.status());
    assertContains(r.stderr(), "c:3:12: error: CHECK-DAG: expected string not found in input\n");
  }

  @Test
  void notBetweenDagGroups() {
    String check = "CHECK-DAG: a\nCHECK-NOT: c\nCHECK-DAG: b\n";
    assertEquals(0, fc.run(check, "a\nb\nc\n").status());
    assertEquals(1, fc.run(check, "a\nc\nb\n").status());
  }

  @Test
  void labelsSplitTheInputAndEachBlockReportsItsError() {
    String check = "CHECK-LABEL: f1\nCHECK: zz1\nCHECK-LABEL: f2\nCHECK: zz2\n";
    FileCheckHarness.Result r = fc.run(check, "f1\nx\nf2\nzz1\n", "--dump-input=never");
    assertEquals(1, r.status());
    assertContains(r.stderr(), "c:2:8: error: CHECK: expected string not found in input\n");
    assertContains(r.stderr(), "c:4:8: error: CHECK: expected string not found in input\n");
  }

  @Test
  void labelsMayNotUseVariables() {
    FileCheckHarness.Result r = fc.run("CHECK-LABEL: [[X:a]]\n", "a\n");
    assertEquals(2, r.status());
    assertContains(r.stderr(), "c:1:1: error: found 'CHECK-LABEL:' with variable definition or use\n");
  }

  @Test
  void countRepeatsThePattern() {
    assertEquals(0, fc.run("CHECK-COUNT-3: load\nCHECK: store\n", "load\nload\nload\nstore\n").status());
    FileCheckHarness.Result r = fc.run("CHECK-COUNT-4: load\n", "load\nload\nload\n", "--dump-input=never");
    assertEquals(1, r.status());
    assertContains(r.stderr(), "c:1:16: error: CHECK-COUNT: expected string not found in input (4 out of 4)\n");
  }

  @Test
  void literalModifierTurnsOffRegexAndVariables() {
    assertEquals(0, fc.run("CHECK{LITERAL}: [[x]] {{y}}\n", "a [[x]] {{y}} b\n").status());
  }

  @Test
  void misspelledAndMalformedDirectives() {
    FileCheckHarness.Result r = fc.run("CHECK_NEXT: bar\nCHECK: foo\n", "foo\n");
    assertEquals(2, r.status());
    assertContains(r.stderr(), "c:1:1: error: misspelled directive 'CHECK_NEXT:'\n");
    // An unknown suffix is simply not a directive.
    assertEquals(0, fc.run("CHECK: foo\nCHECK-NXT: bar\n", "foo\n").status());
    r = fc.run("CHECK: f\nCHECK-DAG-NOT: x\n", "f\n");
    assertEquals(2, r.status());
    assertContains(r.stderr(), "c:2:7: error: unsupported -NOT combo on prefix 'CHECK'\n");
    r = fc.run("CHECK-COUNT-0: x\n", "x\n");
    assertEquals(2, r.status());
    assertContains(r.stderr(), "c:1:14: error: invalid count in -COUNT specification on prefix 'CHECK'\n");
  }

  @Test
  void nextWithoutPreviousCheck() {
    FileCheckHarness.Result r = fc.run("CHECK-NEXT: bar\n", "foo\n");
    assertEquals(2, r.status());
    assertContains(r.stderr(), "c:1:1: error: found 'CHECK-NEXT' without previous 'CHECK: line\n");
  }

  @Test
  void emptyCheckStrings() {
    FileCheckHarness.Result r = fc.run("CHECK:\n", "a\n");
    assertEquals(2, r.status());
    assertContains(r.stderr(), "c:1:7: error: found empty check string with prefix 'CHECK:'\n");
    r = fc.run("CHECK: a\nCHECK-EMPTY: x\n", "a\n\n");
    assertContains(r.stderr(), "error: found non-empty check string for empty check with prefix 'CHECK:'\n");
  }

  @Test
  void commentsHideDirectives() {
    String check = "// RUN: tool %s | FileCheck %s\n// COM: CHECK: not a directive\n// CHECK: real\n";
    assertEquals(0, fc.run(check, "real\n").status());
  }

  @Test
  void prefixesMustBeUsed() {
    FileCheckHarness.Result r = fc.run("FOO: a\n", "a\n", "--check-prefixes=FOO,BAR");
    assertEquals(2, r.status());
    assertEquals("error: no check strings found with prefix 'BAR:'\n", r.stderr());
    assertEquals(0, fc.run("FOO: a\n", "a\n", "--check-prefixes=FOO,BAR", "--allow-unused-prefixes").status());
    r = fc.run("check: a\n", "a\n");
    assertEquals("error: no check strings found with prefix 'CHECK:'\n", r.stderr());
  }

  @Test
  void emptyInputNeedsAllowEmpty() {
    FileCheckHarness.Result r = fc.run("CHECK-NOT: error\n", "");
    assertEquals(2, r.status());
    assertContains(r.stderr(), "FileCheck error: '<stdin>' is empty.\n");
    assertEquals(0, fc.run("CHECK-NOT: error\n", "", "--allow-empty").status());
  }

  @Test
  void implicitCheckNotIsReportedOnTheCommandLine() {
    FileCheckHarness.Result r = fc.run("CHECK: a\n", "a\nremark: x\n", "--implicit-check-not=remark:",
        "--dump-input=never");
    assertEquals(1, r.status());
    assertEquals("""
        command line:1:22: error: IMPLICIT-CHECK-NOT: excluded string found in input
        -implicit-check-not='remark:'
                             ^
        <stdin>:2:1: note: found here
        remark: x
        ^~~~~~~
        """, r.stderr());
  }

  @Test
  void whitespaceIsCanonicalizedUnlessStrict() {
    assertEquals(0, fc.run("CHECK: a   b\tc\n", "a b  \t c\n").status());
    assertEquals(1, fc.run("CHECK: a b\n", "a  b\n", "--strict-whitespace").status());
  }

  @Test
  void matchFullLinesAndIgnoreCase() {
    assertEquals(0, fc.run("CHECK: a b\n", "  a b  \n", "--match-full-lines").status());
    assertEquals(1, fc.run("CHECK: a b\n", "a b c\n", "--match-full-lines").status());
    assertEquals(0, fc.run("CHECK: HELLO {{w.RLD}}\n", "hello World\n", "--ignore-case").status());
  }

  @Test
  void commandLineErrorsExitLikeLlvm() {
    FileCheckHarness.Result r = fc.run("CHECK: a\n", "a\n", "-foo");
    assertEquals(1, r.status());
    assertContains(r.stderr(), "FileCheck: Unknown command line argument '-foo'.");
    r = fc.run("CHECK: a\n", "a\n", "--dump-input=sometimes");
    assertEquals(1, r.status());
    assertContains(r.stderr(), "FileCheck: for the --dump-input option: Cannot find option named 'sometimes'!\n");
    r = fc.run("CHECK: a\n", "a\n", "--check-prefix=A.B");
    assertEquals(2, r.status());
  }

  @Test
  void missingCheckFileIsReported() {
    FileCheckHarness.Result r = fc.run("CHECK: a\n", "a\n", "--input-file=" + dir.resolve("nope"));
    assertEquals(2, r.status());
    assertContains(r.stderr(), "Could not open input file '" + dir.resolve("nope") + "': No such file or directory\n");
  }

  @Test
  void dumpInputHelpGoesToStdout() {
    FileCheckHarness.Result r = fc.run("CHECK: a\n", "a\n", "--dump-input=help");
    assertEquals(0, r.status());
    assertTrue(r.stdout().startsWith("The following description was requested by -dump-input=help"));
  }

  @Test
  void verboseRemarksWithoutDump() {
    FileCheckHarness.Result r = fc.run("CHECK: a\n", "xa\n", "-v", "--dump-input=never");
    assertEquals(0, r.status());
    assertEquals("""
        c:1:8: remark: CHECK: expected string found in input
        CHECK: a
               ^
        <stdin>:1:2: note: found here
        xa
         ^
        """, r.stderr());
  }
}

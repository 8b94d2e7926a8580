package gvm.testing.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestScriptTest {
  @Test
  void collectsDirectivesWithLineNumbers() {
    TestScript s = TestScript.parse("""
        // RUN: first %s
        // REQUIRES: a, b && c
        # RUN: second \\
        # RUN:   continued
        ; XFAIL: x ||\\
        ; XFAIL: y
        // UNSUPPORTED: z
        // RUN: third %(line) %(line+2) %(line - 1)
        """);
    List<TestScript.Directive> d = s.script();
    assertEquals(3, d.size());
    assertEquals(new TestScript.Directive(TestScript.Kind.RUN, 1, " first %s"), d.get(0));
    assertEquals(" second    continued", d.get(1).text());
    assertEquals(3, d.get(1).line());
    assertEquals(" third 8 10 7", d.get(2).text());
    assertEquals(List.of("a", "b && c"), s.requires());
    assertEquals(List.of("x ||y"), s.xfails());
    assertEquals(List.of("z"), s.unsupported());
  }

  @Test
  void keywordMayStandAnywhereInALine() {
    TestScript s = TestScript.parse("foo bar RUN: echo 1\nXFAIL: *\n");
    assertEquals(" echo 1", s.script().get(0).text());
    assertEquals(List.of("*"), s.xfails());
  }

  @Test
  void endStopsParsing() {
    TestScript s = TestScript.parse("// RUN: a\n// END.\n// RUN: b\n");
    assertEquals(1, s.script().size());
  }

  @Test
  void defineAndRedefineAreKeptInOrder() {
    TestScript s = TestScript.parse("// DEFINE: %{x} = 1\n// RUN: echo %{x}\n"
        + "// REDEFINE: %{x} = \\\n// REDEFINE: 2\n");
    assertEquals(List.of(TestScript.Kind.DEFINE, TestScript.Kind.RUN, TestScript.Kind.REDEFINE),
        s.script().stream().map(TestScript.Directive::kind).toList());
    assertEquals(" %{x} = 2", s.script().get(2).text());
  }

  @Test
  void malformedScripts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestScript.parse("// RUN: a \\\n// CHECK: b\n"));
    assertTrue(e.getMessage().contains("unterminated 'RUN:' directive"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TestScript.parse("// REQUIRES: a b\n"));
    assertThrows(IllegalArgumentException.class,
        () -> TestScript.parse("// ALLOW_RETRIES: x\n"));
  }
}

package gvm.testing.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** String and numeric variables, expressions and command-line definitions, as LLVM 19 handles them. */
class VariablesTest extends FileCheckTestBase {
  @Test
  void stringVariablesCaptureAndRedefine() {
    String check = "CHECK: [[A:%[a-z0-9_]+]] = mesh.process_linear_index\n"
        + "CHECK: arith.index_cast [[A]] : index to i64\n"
        + "CHECK: [[A:%[a-z0-9_]+]] = arith.constant 4\n"
        + "CHECK: arith.muli [[A]], [[A]] : index\n";
    String input = "%idx = mesh.process_linear_index\n%0 = arith.index_cast %idx : index to i64\n"
        + "%c4 = arith.constant 4\n%1 = arith.muli %c4, %c4 : index\n";
    assertEquals(0, fc.run(check, input).status());
  }

  @Test
  void sameLineUseIsABackReference() {
    assertEquals(0, fc.run("CHECK: [[X:a+]] [[X]]\n", "aa aa\n").status());
    assertEquals(1, fc.run("CHECK: [[X:a+]] [[X]]\n", "ba b\n").status());
  }

  @Test
  void failedMatchShowsVariableValues() {
    FileCheckHarness.Result r = fc.run("CHECK: [[X:f.o]]\nCHECK: [[X]]x\n", "foo\nfoo\n", "--dump-input=never");
    assertEquals(1, r.status());
    assertContains(r.stderr(), "<stdin>:1:4: note: with \"X\" equal to \"foo\"\n");
    // LLVM 19 shows the regex-escaped value.
    r = fc.run("CHECK: [[X:.*]]\nCHECK: [[X]]!\n", "a.b\na.b\n", "--dump-input=never");
    assertContains(r.stderr(), "note: with \"X\" equal to \"a\\\\.b\"\n");
  }

  @Test
  void undefinedVariableIsAPatternError() {
    FileCheckHarness.Result r = fc.run("CHECK: [[X]]\n", "a\n");
    assertEquals(1, r.status());
    assertContains(r.stderr(), "c:1:10: error: undefined variable: X\nCHECK: [[X]]\n         ^\n");
    assertContains(r.stderr(), "check:1'0     X~ error: match failed for invalid pattern\n");
    assertContains(r.stderr(), "check:1'1        undefined variable: X\n");
  }

  @Test
  void malformedSubstitutionBlocks() {
    FileCheckHarness.Result r = fc.run("CHECK: [[X Y]]\n", "a\n");
    assertEquals(2, r.status());
    assertContains(r.stderr(), "c:1:11: error: unexpected whitespace\n");
    r = fc.run("CHECK: [[5X]]\n", "a\n");
    assertEquals("c:1:10: error: invalid variable name\nCHECK: [[5X]]\n         ^\n\n", r.stderr());
    r = fc.run("CHECK: x [[X:a\n", "a\n");
    assertContains(r.stderr(), "c:1:10: error: Invalid substitution block, no ]] found\n");
    // A stray ']' makes LLVM exit(1) on the spot.
    r = fc.run("CHECK: [[X:a]b]]\n", "ab\n");
    assertEquals(1, r.status());
    assertContains(r.stderr(), "c:1:13: error: missing closing \"]\" for regex variable\n");
  }

  @Test
  void numericVariablesAndFormats() {
    String check = "CHECK: mov r[[#REG:]], #0\nCHECK-NEXT: add r[[#REG+1]], r[[#REG]], #1\n"
        + "CHECK: .section at 0x[[#%x,ADDR:]]\nCHECK-NEXT: .next at 0x[[#ADDR+0x10]]\n"
        + "CHECK-NEXT: .size [[#ADDR-0x1f00]]\n";
    String input = "mov r5, #0\nadd r6, r5, #1\n.section at 0x1f20\n.next at 0x1f30\n.size 20\n";
    assertEquals(0, fc.run(check, input).status());
    assertEquals(0, fc.run("CHECK: [[#%.3d,A:]]\nCHECK: [[#%.4d,A+1]]\n", "007\n0008\n").status());
    assertEquals(0, fc.run("CHECK: [[#A:]] [[#B:]]\nCHECK: [[#max(A,B)]] [[#min(A,B)]] [[#div(A,B)]]\n",
        "7 2\n7 2 3\n").status());
  }

  @Test
  void negativeValueInUnsignedFormatOverflows() {
    FileCheckHarness.Result r = fc.run("CHECK: [[#-5]]\n", "-5\n", "--dump-input=never");
    assertEquals(1, r.status());
    assertContains(r.stderr(), "c:1:11: error: unable to substitute variable or numeric expression: overflow error\n");
  }

  @Test
  void numericParseErrors() {
    FileCheckHarness.Result r = fc.run("CHECK: [[#X:%d]]\n", "a\n");
    assertEquals(2, r.status());
    assertContains(r.stderr(), "c:1:13: error: invalid matching constraint or operand format\n");
    r = fc.run("CHECK: [[#1*2]]\n", "2\n");
    assertContains(r.stderr(), "c:1:12: error: unsupported operation '*'\n");
    r = fc.run("CHECK: [[#%x,A:]] [[#%d,B:]]\nCHECK: [[#A+B]]\n", "f 1\n16\n");
    assertContains(r.stderr(),
        "error: implicit format conflict between 'A' (%x) and 'B' (%d), need an explicit format specifier\n");
  }

  @Test
  void atLineExpressions() {
    String check = "CHECK: loc(\"t.mlir\":[[@LINE]]:3)\nCHECK: loc(\"t.mlir\":[[@LINE+2]]:5)\n"
        + "CHECK: loc(\"t.mlir\":[[#@LINE-1]]:7)\n";
    assertEquals(0, fc.run(check, "loc(\"t.mlir\":1:3)\nloc(\"t.mlir\":4:5)\nloc(\"t.mlir\":2:7)\n").status());
  }

  @Test
  void commandLineDefines() {
    assertEquals(0, fc.run("CHECK: func.func @[[FUNC]](\nCHECK-SAME: tensor<[[#N]]x[[#N+N]]xf32>\n",
        "func.func @reduce_sum(%a: tensor<4x8xf32>)\n", "-DFUNC=reduce_sum", "-D#N=4").status());
    FileCheckHarness.Result r = fc.run("CHECK: a\n", "a\n", "-DX+1=Y");
    assertEquals(2, r.status());
    assertEquals("""
        Global defines:1:19: error: invalid name in string variable definition 'X+1'
        Global define #1: X+1=Y
                          ^

        """, r.stderr());
    r = fc.run("CHECK: a\n", "a\n", "-DX");
    assertEquals("Missing equal sign in command-line definition '-DX'\n", r.stderr());
  }

  @Test
  void varScopeForgetsLocalVariablesAtLabels() {
    String check = "CHECK-LABEL: a\nCHECK: [[X:[0-9]]]\nCHECK-LABEL: b\nCHECK: [[X]]\n";
    assertEquals(0, fc.run(check, "a 1\nb 1\n").status());
    assertEquals(1, fc.run(check, "a 1\nb 1\n", "--enable-var-scope").status());
    String global = "CHECK-LABEL: a\nCHECK: [[$X:[0-9]]]\nCHECK-LABEL: b\nCHECK: [[$X]]\n";
    assertEquals(0, fc.run(global, "a 1\nb 1\n", "--enable-var-scope").status());
  }
}
